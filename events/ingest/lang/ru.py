"""Russian: dates, statements, titles, categories, names and their case endings."""

from __future__ import annotations

import re

from events.ingest.lang.language import Language, Words, cues, words
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

_DATES = Lexicon(
    code="ru",
    months={
        **numbered(
            "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
        ),
        **numbered(
            "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
        ),
        **numbered(
            "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"
        ),
    },
    month_abbreviations=numbered("янв фев/февр мар апр - - - авг сен/сент окт ноя/нояб дек"),
    weekdays=numbered(
        "понедельник вторник среда/среду четверг пятница/пятницу суббота/субботу воскресенье",
        start=0,
    ),
    capitalised=False,
    day_suffix_re=r"(?:-?го)?",
    month_year_joiner_re=r"\s+",
    year_word_re=r"\s*(?:года|году|год|г\.)",
    span_prefix_period_re=r"[вВ]о?",
    weekday_modifiers_before={
        "в": BARE,
        "во": BARE,
        "в прошлую": PAST,
        "в прошлый": PAST,
        "в прошлое": PAST,
        "в минувшую": PAST,
        "в минувший": PAST,
        "в минувшее": PAST,
        "в следующую": FUTURE,
        "в следующий": FUTURE,
        "в следующее": FUTURE,
        "в ближайшую": FUTURE,
        "в ближайший": FUTURE,
        "в ближайшее": FUTURE,
        "в эту": THIS,
        "в этот": THIS,
        "в это": THIS,
    },
    weekday_tail_re=r"(?:\s+(?:утром|днём|днем|вечером|ночью))?",
    weekday_refusal_re=r"[кК]аждую|[кК]аждый|[кК]аждое",
    month_cues={"в": BARE, "во": BARE, "в начале": BARE, "в конце": BARE, "в середине": BARE},
    month_cue_outside_re=r"[сС]|[сС]о|[дД]о|[пП]осле|начиная\s+с",
    year_cues_re=r"[вВ]о?|[кК]|[сС]|[дД]о|[пП]осле",
    list_join_re=r"\s*,\s*|\s+(?:и|или)\s+",
    year_refs={
        "прошлого года": -1,
        "минувшего года": -1,
        "этого года": 0,
        "текущего года": 0,
        "следующего года": 1,
        "будущего года": 1,
    },
    relative_days={"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2},
    relative_units=relative(
        week={
            "на прошлой неделе": -1,
            "на минувшей неделе": -1,
            "на этой неделе": 0,
            "на текущей неделе": 0,
            "на следующей неделе": 1,
            "на будущей неделе": 1,
        },
        month={
            "в прошлом месяце": -1,
            "в минувшем месяце": -1,
            "в этом месяце": 0,
            "в текущем месяце": 0,
            "в следующем месяце": 1,
        },
        year={
            "в прошлом году": -1,
            "в минувшем году": -1,
            "в этом году": 0,
            "в текущем году": 0,
            "в следующем году": 1,
            "в будущем году": 1,
        },
        weekend={
            "в прошлые выходные": -1,
            "в минувшие выходные": -1,
            "в эти выходные": 0,
            "в следующие выходные": 1,
        },
    ),
    ago_re=r"(?:(?P<n>{num})\s+)?(?P<unit>{unit})\s+назад",
    numbers={
        "один": 1,
        "одна": 1,
        "одну": 1,
        "два": 2,
        "две": 2,
        **numbered("три четыре пять шесть семь восемь девять десять", start=3),
    },
    units=units(
        day="день дня дней",
        week="неделю недели недель",
        month="месяц месяца месяцев",
        year="год года лет",
    ),
    range_open_re=r"[сС]|[сС]о|[мМ]ежду",
    range_join_re=r"[-–—]|по|до|и",
    range_and_re=r"и",
    anaphora={
        "в тот же день": 0,
        "в этот же день": 0,
        "в тот день": 0,
        "на следующий день": 1,
        "на другой день": 1,
        "днём ранее": -1,
        "днем ранее": -1,
        "днём позже": 1,
        "днем позже": 1,
    },
    clause_boundary_re=(
        r"(?<![а-яё])(?:который|которая|которое|которые|когда|после|потому|что"
        r"|чтобы|если|пока)(?![а-яё])"
    ),
    amount_words_re=r"млн\b|млрд\b|тыс\b|процент|человек\b",
    until_re=r"до",
    singular_units=frozenset({"день", "неделю", "месяц", "год"}),
    tense_re=(
        r"(?P<future>\b(?:будет|будут|буду|будем|будете|станет|станут|планирует|планируют"
        r"|планируется|намерен[аы]?|собирается|собираются|предстоит|состоится|состоятся"
        r"|пройд[её]т|пройдут|начн[её]тся|откроется|ожидается|ожидаются)\b)"
        r"|(?P<past>\b(?:был[аио]?|(?!(?:канал|сигнал|генерал|материал|потенциал|капитал"
        r"|финал|персонал|журнал|скандал|числа|дела|тела|села|правила|цели|роли|земли)\b)"
        r"[а-яё]{2,}(?:ал|ял|ил|ел|ыл|ул|ла|ло|ли)(?:с[яь])?)\b)"
    ),
)

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Case endings, longest first. Stripping them (twice at most, keeping a stem of
# four letters) makes "Лаврова", "Лавровым" and "Лавров" one key, and "России"
# and "Россия" another. It over-stems common words, which is harmless here:
# keys are only compared with the register's names.
_ENDINGS = sorted(
    words(
        "ого его ому ему ыми ими ами ями ией иям иях ой ей ий ый ая яя ое ее ую юю ым им "
        "ом ем ам ям ах ях ов ев ию ии ия еи ои ыи а я у ю е ы и о ь й"
    ),
    key=len,
    reverse=True,
)


def strip_case_endings(word: str) -> str:
    """The stem a Cyrillic word's case forms share; other words unchanged."""
    if not _CYRILLIC.search(word):
        return word
    for _ in range(2):
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        else:
            break
    return word


RUSSIAN = Language(
    code="ru",
    name="Russian",
    dates=_DATES,
    # Matched by the start of the word: "заяв" covers заявил, заявила, заявили, заявляет.
    speech_verbs=Words(
        stems=tuple(
            words(
                """заяв сказа сообщ отмет подчеркн добав пообещ предупред призва потребова
                пригроз осуди раскритик отверг объяви напомни указа высказа ответи пояснил уточни
                признал обвини настаива"""
            )
        )
    ),
    action_verbs=Words(
        stems=tuple(
            words(
                """встрети посети подписа договори отказа атакова ввел ввёл ввели нанес нанёс
                задержа арестова направи отправи провел провёл провели приня одобри"""
            )
        )
    ),
    pronouns=words("он она"),
    continuation_verbs=words("добавил добавила продолжил продолжила"),
    continuation_adverbs=words("также"),
    clause_openers=words("что который которая которое которые потому после перед когда но и если"),
    coordinators=words("и"),
    prepositions=words("с к против"),
    same_occasion_re=r"\bтом же (?:выступлении|заседании|интервью)\b",
    tense_cues=words("ранее раньше уже прошлом прошлой"),
    complementizers=words("что"),
    title_stops=words("но"),
    title_heads=words(
        """президент министр премьер глава канцлер посол спикер представитель председатель
        секретарь генсек директор мэр губернатор король генерал"""
    ),
    title_modifiers=words("иностранных дел обороны финансов по вице"),
    category_cues=cues(
        AGREE=r"""
            договорил\w+
            соглас\w+
        """,
        CONSULT=r"""
            встрет\w+|встреч\w+
            переговор\w+
            визит\w*
            посети\w+
        """,
        SUPPORT=r"""
            поддерж\w+
            приветств\w+
        """,
        DEMAND=r"""
            потребова\w+|требу\w+
            призва\w+|призыва\w+
        """,
        DISAPPROVE=r"""
            осуди\w+|осужда\w+
            обвини\w+|обвиня\w+
            критик\w+|раскритик\w+
        """,
        REJECT=r"""
            отверг\w*
            отказал\w+|откаж\w+
            отклони\w+
        """,
        THREATEN=r"""
            пригрози\w+|угрож\w+|угроз\w+
            предупреди\w+
        """,
        SANCTION=r"""
            санкци\w+
            высла\w+|высыл\w+
        """,
        PROTEST=r"""
            протест\w*
            митинг\w*
        """,
        COERCE=r"""
            задержа\w+
            арестова\w+
        """,
        FIGHT=r"""
            атак\w+
            удар\w*
            обстрел\w*
        """,
    ),
    abbreviations=words("гг ул им"),
    organisation_heads=words(
        """министерство мид партия фонд совет комитет агентство банк союз организация
        корпорация компания группа армия суд парламент дума комиссия ассоциация институт
        университет фронт движение служба альянс лига федерация сенат правительство полиция"""
    ),
    not_actor_nouns=words(
        """договор соглашение конференция саммит игры кубок день война кризис закон резолюция
        план программа инициатива"""
    ),
    function_words=words("в во на и но а это он она они мы я с к по о"),
    name_inflection=strip_case_endings,
    auxiliaries=words("будет будут"),
    modals=words("будет будут"),
    # Past forms: заявил, заявила, заявили, встретился.
    finite_verb_re=r"[а-яё]{3,}(?:л|ла|ло|ли|лся|лась|лось|лись)",
    relative_words=words("который которая которое которые которого которой которых где"),
    reference_nouns=words("компания правительство министерство ведомство"),
    speech_participles=words("заявив отметив добавив подчеркнув сказав"),
)
