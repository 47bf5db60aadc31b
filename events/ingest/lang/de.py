"""German: dates, statements, titles, categories and names."""

from __future__ import annotations

from events.ingest.lang.language import Language, Words, cues, words
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

_DATES = Lexicon(
    code="de",
    months=numbered(
        "januar/jänner februar/feber märz/maerz april mai juni juli august september oktober "
        "november dezember"
    ),
    month_abbreviations=numbered("jan feb mär/mrz apr - jun jul aug sep/sept okt nov dez"),
    weekdays=numbered(
        "montag dienstag mittwoch donnerstag freitag samstag/sonnabend sonntag", start=0
    ),
    capitalised=True,
    day_suffix_re=r"\.",
    day_article_re=r"(?:dem|den)\s+",
    day_month_joiner_re=r"\s*",
    month_year_joiner_re=r"\s+",
    span_prefix_day_re=r"[aA]m",
    span_prefix_period_re=r"[iI]m",
    weekday_modifiers_before={
        "am": BARE,
        "letzten": PAST,
        "vergangenen": PAST,
        "vorigen": PAST,
        "am letzten": PAST,
        "am vergangenen": PAST,
        "am vorigen": PAST,
        "nächsten": FUTURE,
        "kommenden": FUTURE,
        "am nächsten": FUTURE,
        "am kommenden": FUTURE,
        "diesen": THIS,
        "an diesem": THIS,
    },
    # German writes "Freitagabend" as one word.
    weekday_tail_re=r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?",
    # "jeden Freitag" is a habit; "Welt am Sonntag", "Bild am Sonntag" are newspapers.
    weekday_refusal_re=r"[jJ]eden|[jJ]edem|[jJ]ede|Schwarzen?|Schwarzer|Welt|Bild",
    month_cues={
        "im": BARE,
        "anfang": BARE,
        "mitte": BARE,
        "ende": BARE,
        "im vergangenen": PAST,
        "im letzten": PAST,
        "letzten": PAST,
        "vergangenen": PAST,
        "im nächsten": FUTURE,
        "im kommenden": FUTURE,
        "nächsten": FUTURE,
        "kommenden": FUTURE,
        "diesen": THIS,
    },
    month_cue_outside_re=r"[sS]eit|[bB]is|[aA]b|[vV]or|[nN]ach|bis\s+(?:Anfang|Mitte|Ende)",
    year_cues_re=r"[iI]m\s+Jahre?|[iI]n|Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst|Winter",
    year_cue_outside_re=r"[sS]eit|[bB]is|[aA]b|[vV]or|[nN]ach|[zZ]wischen|[vV]on",
    list_join_re=r"\s*,\s*|\s+(?:und|oder|bis)\s+",
    year_refs={
        "letzten jahres": -1,
        "vergangenen jahres": -1,
        "vorigen jahres": -1,
        "dieses jahres": 0,
        "diesen jahres": 0,
        "nächsten jahres": 1,
        "kommenden jahres": 1,
    },
    relative_days={
        "heute": 0,
        "heute morgen": 0,
        "heute früh": 0,
        "heute vormittag": 0,
        "heute nachmittag": 0,
        "heute abend": 0,
        "gestern": -1,
        "gestern morgen": -1,
        "gestern abend": -1,
        "vorgestern": -2,
        "morgen": 1,
        "übermorgen": 2,
    },
    # Capitalised, "Morgen" is the morning ("am Morgen"), not tomorrow.
    lowercase_only=frozenset({"morgen"}),
    relative_units=relative(
        week={
            "letzte woche": -1,
            "vergangene woche": -1,
            "vorige woche": -1,
            "in der vergangenen woche": -1,
            "in der letzten woche": -1,
            "diese woche": 0,
            "in dieser woche": 0,
            "nächste woche": 1,
            "kommende woche": 1,
            "in der kommenden woche": 1,
            "in der nächsten woche": 1,
        },
        month={
            "letzten monat": -1,
            "vergangenen monat": -1,
            "im vergangenen monat": -1,
            "im letzten monat": -1,
            "vorigen monat": -1,
            "diesen monat": 0,
            "in diesem monat": 0,
            "nächsten monat": 1,
            "im nächsten monat": 1,
            "im kommenden monat": 1,
        },
        year={
            "letztes jahr": -1,
            "vergangenes jahr": -1,
            "voriges jahr": -1,
            "im vergangenen jahr": -1,
            "im letzten jahr": -1,
            "im vorigen jahr": -1,
            "dieses jahr": 0,
            "in diesem jahr": 0,
            "nächstes jahr": 1,
            "im nächsten jahr": 1,
            "im kommenden jahr": 1,
        },
        weekend={
            "letztes wochenende": -1,
            "am vergangenen wochenende": -1,
            "am letzten wochenende": -1,
            "dieses wochenende": 0,
            "am kommenden wochenende": 1,
            "nächstes wochenende": 1,
        },
    ),
    ago_re=r"vor\s+(?P<n>{num})\s+(?P<unit>{unit})",
    numbers={
        "einem": 1,
        "einer": 1,
        "ein": 1,
        "eine": 1,
        **numbered("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf", start=2),
        "zwanzig": 20,
        "dreißig": 30,
    },
    units=units(day="tag tagen", week="woche wochen", month="monat monaten", year="jahr jahren"),
    range_open_re=r"[vV]om|[vV]on|[zZ]wischen\s+dem",
    range_join_re=r"[-–—]|bis(?:\s+zum)?|und(?:\s+dem)?",
    range_and_re=r"und(?:\s+dem)?",
    anaphora={
        "am selben tag": 0,
        "am gleichen tag": 0,
        "an diesem tag": 0,
        "am nächsten tag": 1,
        "am folgenden tag": 1,
        "am tag darauf": 1,
        "tags darauf": 1,
        "am vortag": -1,
    },
    clause_boundary_re=r"\b(?:dass|weil|nachdem|bevor|während|obwohl|wenn|als)\b",
    amount_words_re=r"Mio\b|Mrd\b|Prozent\b",
    until_re=r"bis",
    tense_re=(
        r"(?P<future>\b(?:wird|werden|werde|wirst|soll|sollen|sollte|sollten|geplant|plant"
        r"|planen|voraussichtlich|bevorstehenden?|kommenden?|nächsten?)\b)"
        r"|(?P<past>\b(?:war|waren|wurde|wurden|hatte|hatten|hat|haben|sagte|sagten|erklärte"
        r"|erklärten|teilte|teilten|kündigte|gab|kam|traf|trafen|fand|ging|sprach|betonte"
        r"|meldete|starb|begann|fiel|stieg|nahm|hielt|rief|schrieb|stand|lag|blieb|zog|verlor"
        r"|gewann)\b|\bge[a-zäöüß]{3,}t\b)"
        r"|(?P<present>\b(?:ist|sind|beginnt|findet|tagt)\b)"
    ),
)


GERMAN = Language(
    code="de",
    name="German",
    dates=_DATES,
    speech_verbs=Words(
        words(
            """sagte sagt erklärte erklärt betonte betont kündigte kündigt warnte warnt forderte
            fordert fügte ergänzte teilte schrieb bekräftigte versicherte räumte kritisierte
            kritisiert verurteilte verurteilt lehnte lehnt drohte droht sprach spricht
            bezeichnete nannte rief mahnte appellierte unterstrich"""
        )
    ),
    action_verbs=Words(
        words(
            """traf trifft besuchte besucht unterzeichnete unterzeichnet einigten vereinbarten
            griff verhängte verhängt schickte entsandte beschloss beschlossen startete begann
            empfing"""
        )
    ),
    pronouns=words("er sie"),
    continuation_verbs=words("fügte ergänzte"),
    continuation_adverbs=words("auch"),
    clause_openers=words("dass weil nachdem bevor wenn als aber und ob"),
    coordinators=words("und"),
    prepositions=words("mit gegen an"),
    same_occasion_re=r"\bderselben (?:Rede|Sitzung|Konferenz)\b",
    tense_cues=words("früher bereits zuvor vorher letzte"),
    complementizers=words("dass"),
    title_stops=words("aber"),
    title_heads=words(
        """präsident präsidentin kanzler kanzlerin bundeskanzler minister ministerin
        außenminister außenministerin premierminister ministerpräsident botschafter sprecher
        sprecherin generalsekretär staatschef regierungschef könig chef chefin general premier
        vorsitzender vorsitzende direktor direktorin kommissar kommissarin bürgermeister
        bürgermeisterin gouverneur"""
    ),
    title_modifiers=words("des der für auswärtigen"),
    determiners=words("der die das"),
    category_cues=cues(
        AGREE=r"""
            einig\w+
            vereinbar\w+
            zugesagt|sagte \w+ zu
        """,
        CONSULT=r"""
            trafen|treffen|getroffen
            gespräch\w*
            verhandl\w+
            besuch\w*
        """,
        SUPPORT=r"""
            unterstütz\w+
            begrüß\w+
            lobt\w*
        """,
        DEMAND=r"""
            forder\w+
            verlangt\w*
            appellier\w+
        """,
        DISAPPROVE=r"""
            verurteil\w+
            kritisier\w+
            vorgeworfen|wirft
            beschuldig\w+
        """,
        REJECT=r"""
            lehnt\w* \w* ?ab|abgelehnt
            zurückgewiesen|wies \w+ zurück
            weigert\w*
        """,
        THREATEN=r"""
            droht\w*|drohung\w*
            warnt\w*|gewarnt
        """,
        SANCTION=r"""
            sanktion\w+
            ausgewiesen
        """,
        PROTEST=r"""
            protest\w*
            demonstr\w+
        """,
        COERCE=r"""
            festgenommen|verhaftet
        """,
        FIGHT=r"""
            angriff\w*|angegriffen|griff \w+ an
            beschoss\w*|beschuss
        """,
    ),
    abbreviations=words("bzw ca usw dr prof st nr etc inc co corp ltd vs"),
    organisation_heads=words(
        """ministerium partei fonds rat ausschuss agentur bank union organisation gesellschaft
        konzern gruppe armee gericht parlament kommission verband institut universität front
        bewegung amt dienst bündnis liga bund senat regierung polizei bundeswehr"""
    ),
    not_actor_nouns=words(
        """vertrag abkommen konferenz gipfel spiele pokal tag krieg krise gesetz resolution plan
        programm initiative"""
    ),
    name_connectors=words("für der"),
    function_words=words("der die das ein eine er sie es wir aber und oder wenn als"),
    infinitive_markers=words("zu"),
    auxiliaries=words(
        "hat haben hatte hatten ist sind war waren wird werden wurde wurden soll sollen will"
    ),
    modals=words("wird werden soll sollen will wollen"),
    pluperfect_auxiliaries=words("hatte hatten"),
    participle_re=r"ge\w+(?:t|en)|\w+iert",
    relative_words=words("der die das dem den deren dessen welche welcher"),
    agent_prepositions=words("von durch"),
    reference_nouns=words("konzern unternehmen firma regierung ministerium hersteller"),
    perfect_auxiliaries=words("hat haben ist sind"),
    participle_last=True,
)
