"""Italian: dates, statements, titles, categories and names."""

from __future__ import annotations

from events.ingest.lang.language import Language, Words, cues, words
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

# A verb told by its ending: lower case, or capitalised where a sentence starts
# ("Incontrerà Meloni venerdì").
_VERB = r"(?:[a-zàèéìòù]{2,}|(?:(?<=[.!?:]\s)|(?<=\n)|(?<![\s\S]))[A-ZÀÈÉÌÒÙ][a-zàèéìòù]+)"

_DATES = Lexicon(
    code="it",
    months=numbered(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre"
    ),
    month_abbreviations=numbered("gen feb mar apr mag giu lug ago set ott nov dic"),
    weekdays=numbered(
        "lunedì/lunedi martedì/martedi mercoledì/mercoledi giovedì/giovedi venerdì/venerdi "
        "sabato domenica",
        start=0,
    ),
    capitalised=False,
    day_suffix_re=r"(?:[º°])?",
    month_year_joiner_re=r"\s+(?:del\s+)?",
    span_prefix_day_re=r"[iI]l|[lL]['’]",
    span_prefix_period_re=r"[iI]n|[nN]el",
    weekday_modifiers_before={
        "questo": THIS,
        "questa": THIS,
        "lo scorso": PAST,
        "la scorsa": PAST,
        "scorso": PAST,
        "scorsa": PAST,
        "il prossimo": FUTURE,
        "la prossima": FUTURE,
        "prossimo": FUTURE,
        "prossima": FUTURE,
    },
    weekday_modifiers_after={
        "scorso": PAST,
        "scorsa": PAST,
        "prossimo": FUTURE,
        "prossima": FUTURE,
    },
    weekday_tail_re=r"(?:\s+(?:mattina|pomeriggio|sera|notte))?",
    # "ogni lunedì", "il lunedì" (on Mondays) are habits.
    weekday_refusal_re=r"[oO]gni|[tT]utti\s+i|[tT]utte\s+le|[iI]l|[lL]a",
    # Names of days: "lunedì nero", Holy Week, Easter Monday, carnival.
    weekday_refusal_after_re=(
        r"[nN]ero|[sS]anto|[gG]rasso|[dD]elle\s+[pP]alme|[dD]ell['’][aA]ngelo|[dD]i\s+[pP]asqua"
    ),
    month_cues={
        "a": BARE,
        "in": BARE,
        "nel mese di": BARE,
        "a inizio": BARE,
        "a fine": BARE,
        "a metà": BARE,
        "all'inizio di": BARE,
        "alla fine di": BARE,
        "inizio": BARE,
        "fine": BARE,
        "metà": BARE,
        "lo scorso": PAST,
        "il prossimo": FUTURE,
    },
    month_cue_outside_re=r"[dD]a|[dD]al|[fF]ino\s+a|[eE]ntro|[pP]rima\s+di|[dD]opo",
    month_modifiers_after={"scorso": PAST, "prossimo": FUTURE},
    year_cues_re=r"[nN]el|[iI]n|[dD]urante\s+il|a\s+(?:inizio|fine|metà)",
    year_cue_outside_re=(
        r"[dD]al|[fF]ino\s+al|[eE]ntro\s+il|[pP]rima\s+del|[dD]opo\s+il|[tT]ra\s+il|[fF]ra\s+il"
    ),
    list_join_re=r"\s*,\s*|\s+(?:e|ed|o)\s+",
    year_refs={
        "dello scorso anno": -1,
        "dell'anno scorso": -1,
        "di quest'anno": 0,
        "dell'anno prossimo": 1,
        "del prossimo anno": 1,
    },
    relative_days={
        "oggi": 0,
        "stamattina": 0,
        "stamani": 0,
        "stasera": 0,
        "stanotte": 0,
        "questa mattina": 0,
        "questa sera": 0,
        "ieri": -1,
        "ieri mattina": -1,
        "ieri pomeriggio": -1,
        "ieri sera": -1,
        "l'altro ieri": -2,
        "l'altroieri": -2,
        "avantieri": -2,
        "domani": 1,
        "domani mattina": 1,
        "domani sera": 1,
        "dopodomani": 2,
    },
    relative_units=relative(
        week={
            "la settimana scorsa": -1,
            "la scorsa settimana": -1,
            "questa settimana": 0,
            "la settimana prossima": 1,
            "la prossima settimana": 1,
        },
        month={
            "il mese scorso": -1,
            "lo scorso mese": -1,
            "questo mese": 0,
            "il mese prossimo": 1,
            "il prossimo mese": 1,
        },
        year={
            "l'anno scorso": -1,
            "lo scorso anno": -1,
            "quest'anno": 0,
            "l'anno prossimo": 1,
            "il prossimo anno": 1,
        },
        weekend={
            "lo scorso fine settimana": -1,
            "il fine settimana scorso": -1,
            "questo fine settimana": 0,
            "il prossimo fine settimana": 1,
            "lo scorso weekend": -1,
            "questo weekend": 0,
            "il prossimo weekend": 1,
        },
    ),
    ago_re=r"(?P<n>{num})\s+(?P<unit>{unit})\s+fa",
    numbers={
        "un": 1,
        "uno": 1,
        "una": 1,
        **numbered("due tre quattro cinque sei sette otto nove dieci undici dodici", start=2),
        "quindici": 15,
        "venti": 20,
        "trenta": 30,
    },
    day_words={"primo": 1},
    units=units(
        day="giorno giorni", week="settimana settimane", month="mese mesi", year="anno anni"
    ),
    range_open_re=r"[dD]al|[tT]ra\s+il|[fF]ra\s+il",
    range_join_re=r"[-–—]|al|all['’]|e(?:\s+il|\s+l['’])?",
    range_and_re=r"e(?:\s+il|\s+l['’])?",
    change_verbs_re=r"rinviat\w*|rimandat\w*|posticipat\w*|anticipat\w*|spostat\w*",
    anaphora={
        "lo stesso giorno": 0,
        "quello stesso giorno": 0,
        "quel giorno": 0,
        "il giorno dopo": 1,
        "il giorno successivo": 1,
        "l'indomani": 1,
        "il giorno prima": -1,
        "il giorno precedente": -1,
        "la vigilia": -1,
    },
    # "la vigilia di Natale", "l'indomani delle elezioni": another day.
    anaphora_refusal_after_re=r"\s+(?:di|del|della|delle|dei|degli)\b|\s+dell['’]",
    clause_boundary_re=(
        r"\b(?:che|chi|cui|quale|quali|quando|dove|dopo|prima|perché|poiché|sebbene|benché"
        r"|mentre|se)\b"
    ),
    tense_re=(
        r"(?P<future>\b(?:sta|stanno)\s+per\b|\b(?:previst[oaie]|programmat[oaie]"
        r"|prossim[oaie]|" + _VERB + r"(?:rà|ranno))\b)"
        r"|(?P<past>\b(?:(?:ha|hanno|aveva|avevano|è|sono|era|erano|si\s+è|si\s+sono)\s+"
        r"(?:\w+\s+)?[a-zàèéìòù]+(?:at[oaie]|ut[oaie]|it[oaie]|tt[oaie]|ss[oaie]|st[oaie]"
        r"|s[oaie])|fu|furono|disse|dissero|fece|fecero|ebbe|ebbero|venne|vennero"
        r"|(?!(?:[pP]er|[pP]erci|[cC]i|[pP]u)ò\b)"
        + _VERB
        + r"(?:ò|arono|irono|erono|ette|ettero))\b)"
        r"|(?P<present>\b(?:è|sono|si\s+tiene|si\s+svolge|inizia|comincia)\b)"
    ),
    amount_words_re=(
        r"per\s+cento\b|milioni\b|milione\b|miliardi\b|mila\b|euro\b|dollari\b|persone\b"
        r"|tonnellate\b"
    ),
    until_re=r"[fF]ino\s+a|[sS]ino\s+a",
)


def _conjugated(lemmas: str) -> frozenset[str]:
    """The forms news uses of regular verbs, third person: passato prossimo
    ("ha dichiarato"), passato remoto ("dichiarò", "dichiararono"), present,
    imperfect and future ("dichiarerà"). An -ire verb written "-isc" takes the
    "-isce" present ("ribadisc" for ribadire)."""
    forms: set[str] = set()
    for lemma in lemmas.split():
        isc = lemma.endswith("isc")
        lemma = lemma[:-3] + "ire" if isc else lemma
        stem, ending = lemma[:-3], lemma[-3:]
        if ending == "are":
            future = stem[:-1] if stem.endswith(("ci", "gi")) else stem
            future += "h" if stem.endswith(("c", "g")) else ""
            forms |= {stem + "ato", stem + "ò", stem + "arono", stem + "a", stem + "ano"}
            forms |= {stem + "ava", stem + "avano", future + "erà", future + "eranno"}
        elif ending == "ere":
            forms |= {stem + "uto", stem + "é", stem + "ette", stem + "erono", stem + "ettero"}
            forms |= {stem + "e", stem + "ono", stem + "eva", stem + "evano"}
            forms |= {stem + "erà", stem + "eranno"}
        else:
            forms |= {stem + "ito", stem + "ì", stem + "irono", stem + "iva", stem + "ivano"}
            forms |= {stem + "irà", stem + "iranno"}
            forms |= {stem + "isce", stem + "iscono"} if isc else {stem + "e", stem + "ono"}
    return frozenset(forms)


# Present forms that are more often nouns: "la firma", "la visita", "la minaccia".
_NOUNS = words(
    "firma visita condanna accusa minaccia denuncia critica conferma replica lotta protesta marcia"
)

ITALIAN = Language(
    code="it",
    name="Italian",
    dates=_DATES,
    speech_verbs=Words(
        (
            _conjugated(
                """dichiarare annunciare affermare sottolineare spiegare ricordare precisare
                osservare commentare criticare condannare denunciare accusare negare
                confermare minacciare esortare replicare rilevare evidenziare segnalare
                indicare avvisare assicurare lamentare elogiare lodare ringraziare auspicare
                invitare sollecitare reclamare rivelare rimarcare parlare avvertire ribadisc
                garantisc suggerisc smentisc definisc"""
            )
            | words(
                """detto disse dissero dice dicono diceva dirà aggiunto aggiunse aggiunsero
                aggiunge aggiungono chiesto chiese chiesero chiede chiedono risposto rispose
                risposero risponde rispondono promesso promise promisero promette ammesso
                ammise ammette respinto respinse respinge proposto propose propone sostenuto
                sostenne sostiene sostengono espresso espresse esprime insistito insistette
                insiste"""
            )
        )
        - _NOUNS
    ),
    action_verbs=Words(
        (
            _conjugated(
                """incontrare firmare attaccare lanciare revocare arrestare bombardare
                catturare approvare adottare ratificare votare nominare sanzionare donare
                liberare bloccare vietare cancellare avviare negoziare arrivare visitare
                ordinare appoggiare ritirare inviare schierare mobilitare telefonare siglare
                ricevere riunisc colpisc"""
            )
            | words(
                """imposto impose imposero impone imporre espulso espulse espulsero invaso
                invase ucciso uccise eletto elesse dimesso dimise sospeso sospese offerto offrì
                offre accolto accolse accoglie"""
            )
        )
        - _NOUNS
    ),
    pronouns=words("lui lei egli ella"),
    continuation_verbs=words(
        """aggiunto aggiunge aggiunse aggiungono proseguito prosegue proseguì continuato
        continua continuò"""
    ),
    continuation_adverbs=words("anche inoltre poi"),
    clause_openers=words(
        """che chi cui quale quali quando dove perché poiché sebbene benché mentre se ma e ed
        dopo prima"""
    ),
    coordinators=words("e ed"),
    prepositions=words("con a ad contro verso al allo alla all ai agli alle"),
    same_occasion_re=(
        r"\b(?:la stessa|lo stesso|nella stessa|nello stesso|durante la stessa"
        r"|nel corso della stessa) (?:conferenza(?: stampa)?|riunione|intervista|discorso"
        r"|vertice|dichiarazione|sessione|occasione)\b"
    ),
    tense_cues=words("prima precedentemente già scorso scorsa aveva avevano recentemente"),
    complementizers=words("che"),
    title_stops=words("ma e mentre sebbene aggiungendo sottolineando dicendo"),
    title_heads=words(
        """presidente presidentessa ministro ministra premier cancelliere segretario segretaria
        portavoce capo leader dirigente ambasciatore ambasciatrice inviato inviata re regina
        principe principessa sindaco sindaca governatore governatrice commissario commissaria
        direttore direttrice consigliere consigliera senatore senatrice deputato deputata
        generale comandante papa emiro negoziatore rappresentante vicepresidente"""
    ),
    # Italian writes nationality adjectives in lower case, after the head: "il
    # ministro degli Esteri russo".
    title_modifiers=words(
        """del della dei degli delle di per gli e affari esteri interni difesa economia
        finanze uscente ex vice francese russo russa statunitense americano americana
        italiano italiana ucraino ucraina finlandese tedesco tedesca britannico britannica
        cinese europeo europea spagnolo spagnola polacco polacca israeliano israeliana
        iraniano iraniana turco turca"""
    ),
    determiners=words("il lo la l i gli le"),
    category_cues=cues(
        AGREE=r"""
            accord\w+
            intesa
            promess\w+|promis\w+|promett\w+
            accett\w+
        """,
        CONSULT=r"""
            incontr\w+
            colloqui\w*
            negozi\w+|trattativ\w+
            visit\w+
            vertice
            dialogo
            riunion\w+|riunit\w+|riunì
        """,
        SUPPORT=r"""
            sosten\w+|sostien\w+|sostegno
            appogg\w+
            elogi\w+|lod\w+
            congratul\w+
        """,
        COOPERATE=r"""
            cooper\w+|collabor\w+
        """,
        AID=r"""
            aiuti umanitari|aiuto umanitario
            don\w+
            invi\w+ (?:\w+ ){0,2}(?:aiuti|armi)
        """,
        RETREAT=r"""
            ritir\w+
            cessate il fuoco|tregua
            dimess\w+|dimissioni|dimise
        """,
        INVESTIGATE=r"""
            indag\w+|inchiest\w+
        """,
        DEMAND=r"""
            chies\w+|chied\w+
            esort\w+
            sollecit\w+
            reclam\w+
        """,
        DISAPPROVE=r"""
            critic\w+
            condann\w+
            denunci\w+
            accus\w+
        """,
        REJECT=r"""
            respin\w+
            rifiut\w+
            smentit\w+|smentisc\w+|smentì
            negat\w+|negò
        """,
        THREATEN=r"""
            minacc\w+
            avvert\w+|ammon\w+
        """,
        SANCTION=r"""
            sanzion\w+
            espuls\w+
            sospes\w+|sospend\w+
        """,
        PROTEST=r"""
            protest\w+
            manifestazion\w+|manifestanti
            sciopero|scioperi
        """,
        MOBILIZE=r"""
            schier\w+
            mobilit\w+
        """,
        COERCE=r"""
            arrest\w+
            vietat\w+|vieta\w*
        """,
        ASSAULT=r"""
            bombard\w+
            attentat\w+
        """,
        FIGHT=r"""
            attacc\w+
            offensiva
            combatt\w+
            invas\w+
        """,
    ),
    abbreviations=words("sig sigg dott ssa prof on sen avv ing ecc inc co corp ltd"),
    organisation_heads=words(
        """ministero partito fondo consiglio comitato agenzia banca unione organizzazione
        società gruppo esercito tribunale corte parlamento camera senato commissione
        associazione istituto università fronte movimento ufficio servizio alleanza lega
        federazione governo polizia guardia"""
    ),
    not_actor_nouns=words(
        """trattato accordo patto convenzione conferenza vertice giochi coppa giornata guerra
        crisi legge decreto risoluzione piano programma iniziativa"""
    ),
    name_connectors=words("di del della dei degli delle per e"),
    function_words=words(
        """il lo la l i gli le un uno una questo questa quello quella lui lei loro ma e o se
        quando mentre in a di da del della al alla con per secondo dopo"""
    ),
    implicit_subject_words=words(
        "ha hanno aveva avevano è sono si gli le lo ne ci anche inoltre poi quindi e"
    ),
    # Italian capitalises the first word of a name only: "alla Conferenza di
    # Monaco sulla sicurezza".
    venue_re=(
        r"\b(?:alla|al|nella|nel|durante la|durante il) ((?:Conferenza|Vertice|Forum|Assemblea"
        r"|Consiglio|Congresso|Riunione)(?:\s+[A-ZÀÈÉÌÒÙ][\w'’-]*)*(?:\s+(?:di|del|della|dei"
        r"|delle|sulla|sul|sulle|per\s+la|per\s+il|per)\s+[\w'’-]+(?:\s+[A-ZÀÈÉÌÒÙ][\w'’-]*)*)"
        r"{0,3})"
    ),
    auxiliaries=words("ha hanno aveva avevano è sono era erano sarà saranno"),
    modals=words("deve devono dovrebbe"),
    pluperfect_auxiliaries=words("aveva avevano"),
    participle_re=r"\w+(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute|so|sto|tto)",
    relative_words=words("che cui quale quali dove"),
    agent_prepositions=words("da dal dalla dai dalle"),
    reference_nouns=words("società gruppo azienda governo ministero"),
    speech_participles=words("dicendo aggiungendo sottolineando affermando spiegando"),
    perfect_auxiliaries=words("ha hanno è sono"),
)
