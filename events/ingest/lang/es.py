"""Spanish: dates, statements, titles, categories and names."""

from __future__ import annotations

from events.ingest.lang.language import Language, Words, cues, words
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

# A verb told by its ending: lower case, or capitalised where a sentence starts
# ("Viajará el viernes"), not a name inside one ("Teherán").
_VERB = r"(?:[a-záéíóúñ]{2,}|(?:(?<=[.!?:]\s)|(?<=\n)|(?<![\s\S]))[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)"

_DATES = Lexicon(
    code="es",
    months=numbered(
        "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre "
        "noviembre diciembre"
    ),
    month_abbreviations=numbered("ene feb mar abr - jun jul ago sep/sept/set oct nov dic"),
    weekdays=numbered(
        "lunes martes miércoles/miercoles jueves viernes sábado/sabado domingo", start=0
    ),
    capitalised=False,
    day_suffix_re=r"(?:\.?º)?",
    day_article_re=r"[eE]l\s+día\s+|[dD]ía\s+",
    day_month_joiner_re=r"\s+de\s+",
    month_year_joiner_re=r",?\s+(?:de|del)\s+",
    span_prefix_day_re=r"[eE]l",
    span_prefix_period_re=r"[eE]n",
    weekday_modifiers_before={
        "el": BARE,
        "el pasado": PAST,
        "el último": PAST,
        "pasado": PAST,
        "el próximo": FUTURE,
        "próximo": FUTURE,
        "este": THIS,
        "el mismo": THIS,
    },
    weekday_modifiers_after={"pasado": PAST, "próximo": FUTURE, "que viene": FUTURE},
    weekday_tail_re=r"(?:\s+por\s+la\s+(?:mañana|tarde|noche))?",
    # "los viernes", "cada lunes" are habits.
    weekday_refusal_re=r"[cC]ada|[tT]odos\s+los|[lL]os",
    # Names of days: "el lunes negro" (19 October 1987), Holy Week, carnival.
    weekday_refusal_after_re=r"[nN]egro|[sS]anto|[dD]e\s+[rR]amos|[dD]e\s+[pP]ascua|de\s+[cC]arnaval",
    month_cues={
        "en": BARE,
        "a principios de": BARE,
        "a comienzos de": BARE,
        "a mediados de": BARE,
        "a finales de": BARE,
        "a fines de": BARE,
        "principios de": BARE,
        "mediados de": BARE,
        "finales de": BARE,
        "el pasado": PAST,
        "el próximo": FUTURE,
        "este": THIS,
    },
    month_cue_outside_re=(
        r"[dD]esde|[hH]asta|[aA]ntes\s+de|[dD]espués\s+de|[dD]urante|[pP]ara"
        r"|el\s+mes\s+de|(?:a\s+)?partir\s+de"
    ),
    month_modifiers_after={"pasado": PAST, "próximo": FUTURE, "que viene": FUTURE},
    year_cues_re=r"[eE]n|[dD]urante|a\s+(?:principios|comienzos|mediados|finales)\s+de",
    year_cue_outside_re=(
        r"[dD]esde|[hH]asta|[aA]ntes\s+de|[dD]espués\s+de|[eE]ntre|el\s+año|del\s+año"
    ),
    list_join_re=r"\s*,\s*|\s+(?:y|e|o|u)\s+",
    year_refs={
        "del año pasado": -1,
        "del pasado año": -1,
        "de este año": 0,
        "del año próximo": 1,
        "del próximo año": 1,
        "del año que viene": 1,
    },
    relative_days={
        "hoy": 0,
        "este día": 0,
        "esta mañana": 0,
        "esta tarde": 0,
        "esta noche": 0,
        "ayer": -1,
        "anoche": -1,
        "ayer por la mañana": -1,
        "ayer por la tarde": -1,
        "ayer por la noche": -1,
        "anteayer": -2,
        "antes de ayer": -2,
        "antier": -2,
        "hace unas horas": 0,
        "hace pocas horas": 0,
        "mañana": 1,
        "mañana por la mañana": 1,
        "mañana por la tarde": 1,
        "mañana por la noche": 1,
        "pasado mañana": 2,
    },
    # "la mañana", "por la mañana", "cada mañana" are mornings, not tomorrow.
    relative_day_refusal_re=r"[lL]a|[eE]l|[uU]na|[cC]ada|[eE]sa|[aA]quella|[mM]edia|[tT]oda",
    relative_units=relative(
        week={
            "la semana pasada": -1,
            "la pasada semana": -1,
            "esta semana": 0,
            "la próxima semana": 1,
            "la semana próxima": 1,
            "la semana que viene": 1,
        },
        month={
            "el mes pasado": -1,
            "el pasado mes": -1,
            "este mes": 0,
            "el próximo mes": 1,
            "el mes próximo": 1,
            "el mes que viene": 1,
        },
        year={
            "el año pasado": -1,
            "el pasado año": -1,
            "este año": 0,
            "el próximo año": 1,
            "el año próximo": 1,
            "el año que viene": 1,
        },
        weekend={
            "el fin de semana pasado": -1,
            "el pasado fin de semana": -1,
            "este fin de semana": 0,
            "el próximo fin de semana": 1,
        },
    ),
    ago_re=r"hace\s+(?P<n>{num})\s+(?P<unit>{unit})",
    numbers={
        "un": 1,
        "una": 1,
        "uno": 1,
        **numbered("dos tres cuatro cinco seis siete ocho nueve diez once doce", start=2),
        "quince": 15,
        "veinte": 20,
        "treinta": 30,
    },
    day_words={"primero": 1},
    units=units(day="día días", week="semana semanas", month="mes meses", year="año años"),
    range_open_re=r"[dD]el|[eE]ntre(?:\s+el)?|[dD]esde\s+el",
    range_join_re=r"[-–—]|al|hasta\s+el|y(?:\s+el)?",
    range_and_re=r"y(?:\s+el)?",
    change_verbs_re=r"aplaz\w+|pospu\w+|pospon\w+|adelant\w+|traslad\w+",
    anaphora={
        "el mismo día": 0,
        "ese mismo día": 0,
        "ese día": 0,
        "al día siguiente": 1,
        "el día siguiente": 1,
        "el día anterior": -1,
        "la víspera": -1,
        # Market reports: "el Dow Jones se recuperó al final del día".
        "al final del día": 0,
        "a finales del día": 0,
        "al principio del día": 0,
        "al final de la jornada": 0,
        "al cierre de la jornada": 0,
    },
    anaphora_verbs_re=r"terminó|terminaron|acabó|acabaron|acabado|terminado|cerró|cerraron",
    anaphora_day_re=r"la\s+jornada|el\s+día",
    # "al día siguiente de las elecciones" is the day after the elections.
    anaphora_refusal_after_re=r"\s+(?:de|del)\b",
    clause_boundary_re=(
        r"\b(?:que|quien|quienes|cuyo|cuya|cuando|donde|después|antes|tras|porque|aunque"
        r"|mientras|si)\b"
    ),
    tense_re=(
        # "una audiencia para el 3 de junio": a date something is set for.
        r"(?P<future>\b(?:va|van|vamos)\s+a\b|\bpara\s+el(?=\s+(?:\d|día|primero))"
        r"|\b(?:previst[oa]s?|programad[oa]s?|próxim[oa]s?"
        r"|prevé|prevén|planea|planean|" + _VERB + r"(?:rá|rán))\b)"
        r"|(?P<past>\b(?:(?:ha|han|había|habían|hemos)\s+(?:\w+\s+)?[a-záéíóúñ]+(?:ado|ido|cho"
        r"|to|so)|fue|fueron|era|eran|dijo|dijeron|hizo|hicieron|tuvo|tuvieron|estuvo"
        r"|estuvieron|dio|dieron|puso|pusieron|vino|vinieron|murió"
        r"|" + _VERB + r"(?:ó|aron|ieron|aba|aban))\b)"
        r"|(?P<present>\b(?:es|son|está|están|se\s+celebra|tiene\s+lugar|comienza|empieza)\b)"
    ),
    amount_words_re=(
        r"por\s+ciento\b|millones\b|millón\b|mil\b|euros?\b|dólares\b|personas\b|toneladas\b"
    ),
    until_re=r"[hH]asta",
)


def _conjugated(lemmas: str, *, present: bool = True) -> frozenset[str]:
    """The forms news uses of regular verbs, third person: preterite ("anunció",
    "anunciaron"), perfect participle ("ha anunciado"), imperfect, future and,
    unless `present` is False (stem-changing verbs, listed by hand), present."""
    forms: set[str] = set()
    for lemma in lemmas.split():
        stem, ending = lemma[:-2], lemma[-2:]
        if ending == "ar":
            forms |= {stem + "ó", stem + "aron", stem + "ado", stem + "aba", stem + "aban"}
            forms |= {stem + "a", stem + "an"} if present else set()
        else:
            forms |= {stem + "ió", stem + "ieron", stem + "ido", stem + "ía", stem + "ían"}
            forms |= {stem + "e", stem + "en"} if present else set()
        forms |= {lemma + "á", lemma + "án"}
    return frozenset(forms)


# Present forms that are more often nouns: "la amenaza", "la denuncia", "la visita".
_NOUNS = words("amenaza denuncia visita firma condena ayuda lucha marcha protesta cita llama")

SPANISH = Language(
    code="es",
    name="Spanish",
    dates=_DATES,
    speech_verbs=Words(
        (
            _conjugated(
                """afirmar declarar anunciar asegurar señalar indicar explicar subrayar destacar
                añadir agregar insistir reiterar expresar criticar condenar denunciar acusar
                rechazar reconocer admitir prometer amenazar exigir instar responder contestar
                comentar aclarar opinar considerar estimar valorar elogiar calificar lamentar
                alertar apuntar revelar confirmar precisar plantear argumentar reclamar
                solicitar exhortar llamar hablar avisar informar anticipar pronosticar
                garantizar enfatizar remarcar"""
            )
            | _conjugated("negar recordar manifestar defender", present=False)
            | words(
                """dijo dijeron dicho dice dicen decía decían dirá dirán pidió pidieron pedido
                pide piden advirtió advirtieron advierte advierten sugirió sugirieron sugerido
                sugiere desmintió desmintieron desmentido desmiente propuso propusieron
                propuesto propone proponen sostuvo sostuvieron sostiene sostienen niega niegan
                recuerda recuerdan manifiesta manifiestan defiende defienden"""
            )
        )
        - _NOUNS
    ),
    action_verbs=Words(
        (
            _conjugated(
                """reunir firmar atacar lanzar levantar expulsar arrestar invadir matar
                bombardear capturar adoptar ratificar vetar votar nombrar dimitir suspender
                sancionar ofrecer donar liberar bloquear prohibir cancelar iniciar terminar
                negociar conversar recibir llegar viajar visitar ordenar apoyar respaldar
                retirar pactar entrevistar telefonear abrir"""
            )
            | _conjugated("aprobar acordar desplegar cerrar comenzar enviar", present=False)
            | words(
                """reúne reúnen impuso impusieron impuesto impone imponen detuvo detuvieron
                detenido detiene detienen eligió eligieron elegido elige eligen aprueba aprueban
                acuerda acuerdan despliega despliegan cierra cierran comienza comienzan abierto
                envía envían hizo hicieron"""
            )
        )
        - _NOUNS
    ),
    pronouns=words("él ella"),
    continuation_verbs=words(
        "añadió añadieron añade añaden agregó agregaron agrega agregan continuó prosiguió"
    ),
    continuation_adverbs=words("también además asimismo"),
    clause_openers=words(
        """que quien quienes cual cuales cuyo cuya cuando donde porque aunque mientras si pero
        y e tras"""
    ),
    coordinators=words("y e"),
    prepositions=words("con a contra hacia ante"),
    same_occasion_re=(
        r"\b(?:la misma|el mismo|esa misma|ese mismo) (?:rueda de prensa|conferencia"
        r"(?: de prensa)?|reunión|entrevista|discurso|comparecencia|cumbre|declaración|sesión)\b"
    ),
    tense_cues=words("antes anteriormente previamente ya hace pasado pasada había habían"),
    complementizers=words("que"),
    title_stops=words("pero y mientras aunque añadiendo agregando asegurando diciendo"),
    title_heads=words(
        """presidente presidenta ministro ministra canciller secretario secretaria portavoz jefe
        jefa líder dirigente embajador embajadora enviado enviada rey reina príncipe princesa
        alcalde alcaldesa gobernador gobernadora comisario comisaria director directora
        consejero consejera asesor asesora senador senadora diputado diputada general
        comandante mandatario mandataria vicepresidente vicepresidenta papa emir negociador
        negociadora representante premier"""
    ),
    # Spanish writes nationality adjectives in lower case, after the head: "el
    # ministro de Asuntos Exteriores ruso".
    title_modifiers=words(
        """primer primera de del la los y asuntos exteriores relaciones defensa interior
        economía hacienda finanzas comercio adjunto adjunta ex en funciones saliente
        estadounidense ruso rusa ucraniano ucraniana francés francesa alemán alemana italiano
        italiana británico británica chino china finlandés finlandesa europeo europea español
        española polaco polaca israelí iraní turco turca"""
    ),
    determiners=words("el la los las"),
    category_cues=cues(
        AGREE=r"""
            acord\w+|acuerdo
            pact\w+
            promet\w+
            acept\w+
        """,
        CONSULT=r"""
            reuni[óoe]\w*|reún\w+|reunión
            entrevist\w+
            negoci\w+
            visit\w+
            convers\w+
            cumbre
            diálogo|dialog\w+
        """,
        SUPPORT=r"""
            apoy\w+
            respald\w+
            elogi\w+
            felicit\w+
            defend\w+|defiend\w+
        """,
        COOPERATE=r"""
            cooper\w+|colabor\w+
        """,
        AID=r"""
            ayuda humanitaria
            don\w+
            envi\w+ (?:\w+ ){0,2}(?:ayuda|armas)
        """,
        RETREAT=r"""
            retir\w+
            alto el fuego|tregua
            dimit\w+|dimisión
        """,
        INVESTIGATE=r"""
            investig\w+
        """,
        DEMAND=r"""
            exig\w+
            reclam\w+
            pid\w+|pedido
            inst[óa]\w* a
            llam\w+ a
        """,
        DISAPPROVE=r"""
            critic\w+|crític\w+
            conden\w+
            denunci\w+
            acus\w+
            lament\w+
        """,
        REJECT=r"""
            rechaz\w+
            negó|negaron|negado|niega|niegan
            desmint\w+|desmient\w+
            vet\w+
        """,
        THREATEN=r"""
            amenaz\w+
            advirt\w+|advierte\w*|advert\w+
        """,
        SANCTION=r"""
            sancion\w+
            expuls\w+
            suspend\w+
        """,
        PROTEST=r"""
            protest\w+
            manifest(?:ación|aciones|antes)
            huelga\w*
        """,
        MOBILIZE=r"""
            despleg\w+|desplieg\w+
            moviliz\w+
        """,
        COERCE=r"""
            detu\w+|deten\w+|detien\w+
            arrest\w+
            prohib\w+
        """,
        ASSAULT=r"""
            bombarde\w+
            atentado\w*
        """,
        FIGHT=r"""
            atac\w+|ataque\w*
            ofensiva
            combat\w+
            invad\w+|invasión
        """,
    ),
    abbreviations=words("sr sra srta dr dra dña ud uds núm etc ee uu inc co corp ltd"),
    organisation_heads=words(
        """ministerio partido fondo consejo comité agencia banco unión organización
        corporación compañía empresa grupo ejército tribunal parlamento congreso senado
        comisión asociación instituto universidad frente movimiento oficina departamento
        servicio alianza liga federación gobierno policía guardia"""
    ),
    not_actor_nouns=words(
        """tratado acuerdo pacto convención conferencia cumbre juegos copa día guerra crisis ley
        proyecto resolución plan programa iniciativa"""
    ),
    name_connectors=words("de del la las los y"),
    function_words=words(
        """el la los las un una unos unas este esta estos estas ese esa él ella ellos ellas
        pero y o si cuando mientras en a de del al con por para según tras"""
    ),
    implicit_subject_words=words(
        """ha han había habían se le les lo la también además asimismo luego después y
        posteriormente"""
    ),
    venue_re=(
        r"\ben (?:la|el) ((?:Conferencia|Cumbre|Foro|Asamblea|Consejo|Congreso|Reunión)"
        r"(?:\s+(?:(?:de|del|sobre|para)\s+(?:la\s+|las\s+|los\s+)?)?[A-ZÁÉÍÓÚÑ][\w'’-]*){0,6})"
    ),
    auxiliaries=words("ha han había habían va van será serán es son fue fueron"),
    modals=words("va van debe deben"),
    pluperfect_auxiliaries=words("había habían"),
    participle_re=(
        r"\w+(?:ado|ada|ados|adas|ido|ida|idos|idas)"
        r"|dicho|hecho|puesto|visto|escrito|abierto|vuelto|muerto|roto|propuesto|impuesto"
    ),
    relative_words=words("quien quienes cual cuales donde"),
    agent_prepositions=words("por"),
    reference_nouns=words("empresa compañía grupo gobierno ministerio fabricante"),
    speech_participles=words("diciendo añadiendo agregando asegurando afirmando señalando"),
    perfect_auxiliaries=words("ha han"),
)
