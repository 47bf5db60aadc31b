"""French: dates, statements, titles, categories and names."""

from __future__ import annotations

from events.ingest.lang.language import Language, Words, cues, words
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

_DATES = Lexicon(
    code="fr",
    months=numbered(
        "janvier février/fevrier mars avril mai juin juillet août/aout septembre octobre "
        "novembre décembre/decembre"
    ),
    month_abbreviations=numbered("janv févr/fév/fevr - avr - - juil - sept oct nov déc/dec"),
    weekdays=numbered("lundi mardi mercredi jeudi vendredi samedi dimanche", start=0),
    capitalised=False,
    day_suffix_re=r"(?:er|e|ème)?",
    month_year_joiner_re=r"\s+",
    span_prefix_day_re=r"[lL]e",
    span_prefix_period_re=r"[eE]n",
    weekday_modifiers_before={"ce": THIS},
    weekday_modifiers_after={"dernier": PAST, "passé": PAST, "prochain": FUTURE},
    weekday_tail_re=r"(?:\s+(?:matin|après-midi|soir))?",
    # "le vendredi" without a date is a habit ("on Fridays"); with one, the
    # longer "le vendredi 13 février" wins anyway.
    weekday_refusal_re=r"[cC]haque|[tT]ous\s+les|[lL]es|[lL]e",
    month_cues={
        "en": BARE,
        "début": BARE,
        "fin": BARE,
        "mi-": BARE,
        "courant": BARE,
        "en début de": BARE,
        "en fin de": BARE,
    },
    month_cue_outside_re=(
        r"[dD]epuis|jusqu['’]en|jusqu['’]à\s+fin|d['’]ici|[aA]vant|[aA]près|[dD]ès|[pP]our"
        r"|à\s+partir\s+de|au\s+mois\s+de|le\s+mois\s+de"
    ),
    month_modifiers_after={"dernier": PAST, "passé": PAST, "prochain": FUTURE},
    year_cues_re=r"[eE]n|[dD]ébut|[fF]in|[mM]i-|courant",
    year_cue_outside_re=(
        r"[dD]epuis|jusqu['’]en|d['’]ici|[aA]vant|[aA]près|[dD]ès|l['’]année|l['’]an|entre"
    ),
    list_join_re=r"\s*,\s*|\s+(?:et|ou)\s+",
    year_refs={
        "de l'année dernière": -1,
        "de l'an dernier": -1,
        "de l'année passée": -1,
        "de l'an passé": -1,
        "de cette année": 0,
        "de l'année prochaine": 1,
        "de l'an prochain": 1,
    },
    relative_days={
        "aujourd'hui": 0,
        "ce matin": 0,
        "cet après-midi": 0,
        "ce soir": 0,
        "hier": -1,
        "hier matin": -1,
        "hier soir": -1,
        "avant-hier": -2,
        "demain": 1,
        "demain matin": 1,
        "demain soir": 1,
        "après-demain": 2,
    },
    relative_units=relative(
        week={
            "la semaine dernière": -1,
            "la semaine passée": -1,
            "cette semaine": 0,
            "la semaine prochaine": 1,
        },
        month={"le mois dernier": -1, "le mois passé": -1, "ce mois-ci": 0, "le mois prochain": 1},
        year={
            "l'année dernière": -1,
            "l'an dernier": -1,
            "l'année passée": -1,
            "l'an passé": -1,
            "cette année": 0,
            "l'année prochaine": 1,
            "l'an prochain": 1,
        },
        weekend={"le week-end dernier": -1, "ce week-end": 0, "le week-end prochain": 1},
    ),
    ago_re=r"il\s+y\s+a\s+(?P<n>{num})\s+(?P<unit>{unit})",
    numbers={
        "un": 1,
        "une": 1,
        **numbered("deux trois quatre cinq six sept huit neuf dix onze douze", start=2),
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
    },
    units=units(
        day="jour jours", week="semaine semaines", month="mois", year="an ans année années"
    ),
    range_open_re=r"[dD]u|[eE]ntre(?:\s+le)?",
    range_join_re=r"[-–—]|au|jusqu['’]au|et(?:\s+le)?",
    range_and_re=r"et(?:\s+le)?",
    change_verbs_re=r"report[ée]e?s?|repouss[ée]e?s?|avanc[ée]e?s?|déplac[ée]e?s?|décal[ée]e?s?",
    anaphora={"le même jour": 0, "ce jour-là": 0, "le lendemain": 1},
    # "au lendemain de l'élection" is the day after the election, not after the
    # last date mentioned.
    anaphora_refusal_after_re=r"\s+(?:de|du|des)\b|\s+d['’]",
    clause_boundary_re=(
        r"\b(?:qui|que|qu['’]|quand|lorsque|lorsqu['’]|après|avant|parce|puisque"
        r"|dont|où|si)\b"
    ),
    amount_words_re=r"million|tons?\b|tonnes?\b|dollars?\b|euros?\b",
    until_re=r"jusqu['’]à",
    tense_re=(
        r"(?P<future>\b(?:va|vont|vais|allons|allez|doit|doivent|devrait|devraient"
        r"|(?:est|sont)\s+(?:prévue?s?|attendue?s?|programmée?s?)|prévue?s?|programmée?s?"
        r"|prochaine?s?|(?!(?:opé|camé|cholé|ext|ult|tia|saha|mant|pat|envi)r[a-z]*\b)"
        r"[a-zéèêàâîôûç]{2,}(?:ra|ront|rai|rons|rez))\b)"
        r"|(?P<past>\b(?:(?:a|ont|avait|avaient|avons|avez|ai|eut|eurent)\s+(?:(?:été|déjà"
        r"|aussi|notamment|également|ensuite|alors|pas|bien)\s+)?[a-zéèêàâîôûç]+(?:é|ée|és"
        r"|ées|i|ie|is|it|u|ue|us|ert|ort|eint|ait)|(?:est|sont)\s+(?:[a-z]+\s+)?(?:allée?s?"
        r"|arrivée?s?|venue?s?|partie?s?|morte?s?|mort|née?s?|entrée?s?|sortie?s?|tombée?s?"
        r"|décédée?s?|restée?s?|devenue?s?|revenue?s?|rentrée?s?|intervenue?s?)|était|étaient"
        r"|fut|furent|(?!(?:portr|tr|l|souh|parf|extr|retr|distr|attr|abstr|f)ait\b)"
        r"[a-zéèêàâîôûç]{2,}(?:ait|aient))\b)"
        r"|(?P<present>\b(?:est|sont|se\s+tien(?:t|nent)|a\s+lieu|ont\s+lieu)\b)"
    ),
)


FRENCH = Language(
    code="fr",
    name="French",
    dates=_DATES,
    speech_verbs=Words(
        words(
            """déclaré déclare dit affirmé affirme annoncé annonce ajouté ajoute souligné souligne
            estimé estime averti avertit prévenu assuré assure indiqué indique expliqué explique
            appelé appelle exigé exige menacé menace rejeté rejette condamné condamne salué salue
            dénoncé dénonce accusé accuse critiqué critique promis promet proposé propose répondu
            répond rappelé rappelle insisté insiste martelé"""
        )
    ),
    action_verbs=Words(
        words(
            """rencontré rencontre signé signe attaqué attaque lancé lance imposé impose levé lève
            expulsé expulse arrêté arrête déployé déploie envahi tué bombardé frappé visité visite
            reçu reçoit suspendu suspend négocié négocie accueilli accueille retiré approuvé
            adopté voté"""
        )
    ),
    pronouns=words("il elle"),
    continuation_verbs=words("ajouté ajoute poursuivi poursuit"),
    continuation_adverbs=words("aussi également"),
    clause_openers=words("que qui parce après avant quand lorsque mais et si"),
    coordinators=words("et"),
    prepositions=words("avec à contre envers"),
    same_occasion_re=r"\bmême (?:discours|réunion|conférence|entretien)\b",
    tense_cues=words("auparavant précédemment déjà dernier dernière"),
    complementizers=words("que qu'"),
    title_stops=words("mais"),
    title_heads=words(
        """président présidente ministre chancelier chancelière secrétaire envoyé ambassadeur
        porte-parole chef dirigeant dirigeante général roi reine maire commissaire directeur"""
    ),
    # Nationality adjectives follow the head in lower case: "la présidente du
    # Conseil italien".
    title_modifiers=words(
        """premier ministre affaires étrangères des de du la adjoint français française
        italien italienne russe allemand allemande américain américaine britannique
        ukrainien ukrainienne finlandais finlandaise européen européenne chinois chinoise
        espagnol espagnole"""
    ),
    determiners=words("le la"),
    category_cues=cues(
        AGREE=r"""
            accord
            accept\w+
            promi[st]\w*
        """,
        CONSULT=r"""
            rencontr\w+
            entretien\w*
            négoci\w+
            visit\w+
            pourparlers
        """,
        SUPPORT=r"""
            soutien\w*|soutenu
            salu[ée]\w*
            félicit\w+
        """,
        DEMAND=r"""
            exig\w+
            appel\w* à
            demand\w+
        """,
        DISAPPROVE=r"""
            condamn\w+
            accus\w+
            critiqu\w+
            dénonc\w+
        """,
        REJECT=r"""
            rejet\w+
            refus\w+
            démenti\w*
        """,
        THREATEN=r"""
            menac\w+
            averti\w*
            prévenu
        """,
        SANCTION=r"""
            sanction\w*
            expuls\w+
            suspendu\w*
        """,
        PROTEST=r"""
            manifest\w+
            grève\w*
        """,
        COERCE=r"""
            arrêt[ée]\w*
            interpell\w+
        """,
        FIGHT=r"""
            attaqu\w+
            frappes?
            bombard\w+
            offensive
        """,
    ),
    abbreviations=words("mme mlle gén dr prof st etc inc co corp ltd vs"),
    organisation_heads=words(
        """ministère parti fonds conseil comité agence banque union organisation société groupe
        armée cour parlement commission association institut université front mouvement office
        service alliance ligue fédération sénat gouvernement police"""
    ),
    not_actor_nouns=words(
        """traité accord accords convention conférence sommet jeux coupe journée guerre crise loi
        résolution plan programme initiative"""
    ),
    name_connectors=words("de du des la le"),
    function_words=words("le la les un une il elle ils elles ce cette ces mais et ou si quand"),
    auxiliaries=words(
        "a ont avait avaient est sont était étaient va vont sera seront doit doivent devrait"
    ),
    modals=words("va vont doit doivent devrait devraient"),
    pluperfect_auxiliaries=words("avait avaient"),
    participle_re=r"\w+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|uit)",
    relative_words=words("qui dont lequel laquelle lesquels où"),
    agent_prepositions=words("par"),
    reference_nouns=words(
        "société groupe entreprise compagnie gouvernement ministère constructeur"
    ),
    speech_participles=words(
        "affirmant déclarant ajoutant estimant soulignant assurant expliquant"
    ),
    perfect_auxiliaries=words("a ont est sont"),
)
