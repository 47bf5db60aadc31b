"""Suggest a PLOVER category from the words of a statement, with the reason.

Each category has cue patterns (verbs and the nouns news uses for them:
"agreed", "talks", "imposed sanctions"). The earliest cue in the sentence wins,
the longest at equal position ("lifted sanctions" is CONCEDE, not SANCTION).
Cues in the reporting clause ("X warned that ...") come before cues in the
reported words. A suggestion is only a suggestion: the reason shows the words
so that an editor can judge it at a glance. Measured against the PLOVER gold
sentences by tests/bench/bench_ingest.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_W = r"(?:\w+\s+){0,2}"  # up to two words between: "imposed new sanctions"

_CUES: dict[str, dict[str, list[str]]] = {
    "en": {
        "AGREE": [
            r"agree(?:d|s|ment)?",
            rf"reach(?:ed|es)? {_W}(?:agreement|deal|consensus|accord)",
            r"promis(?:e|ed|es)",
            r"pledg(?:e|ed|es)",
            r"offer(?:ed|s)?",
            r"(?:ready|willing|prepared|committed) to",
            r"will (?:support|provide|give|allow|send)",
        ],
        "CONSULT": [
            r"met|meets?|meeting",
            r"(?:held|hold|holds|holding) (?:\w+ )?talks",
            r"talks",
            r"negotiat\w*",
            r"visit(?:ed|s|ing)?",
            r"host(?:ed|s)",
            r"(?:tele)?phon(?:ed|e call)",
            r"spoke (?:with|to)",
            r"mediat\w+",
            r"consult\w*",
            r"discuss\w*",
            r"summit",
            r"dialogue",
        ],
        "SUPPORT": [
            r"prais\w+",
            r"welcom\w+",
            r"support(?:ed|s|ing)?",
            r"back(?:ed|s|ing)",
            r"endors\w+",
            r"defend(?:ed|s|ing)?",
            r"apologi[sz]\w+",
            r"commend\w*",
            r"congratulat\w+",
            r"advocat\w+",
            rf"sign(?:ed|s)? {_W}{_W}(?:treaty|agreement|accord|pact|deal)",
            rf"establish\w* {_W}diplomatic",
        ],
        "CONCEDE": [
            rf"lift(?:ed|s|ing)? {_W}(?:curfew|ban|emergency|restrictions|sanctions|embargo)",
            r"lift(?:ed|s|ing)? (?:a|the) state of emergency",
            rf"shorten\w* {_W}curfew",
            rf"eas(?:e|ed|es|ing) {_W}(?:restrictions|measures|sanctions)",
            r"conced\w+",
            rf"accept(?:ed|s)? {_W}(?:demands|terms|conditions)",
            rf"releas(?:e|ed|es) {_W}(?:prisoners|hostages|detainees)",
        ],
        "COOPERATE": [
            r"cooperat\w+|co-operat\w+",
            rf"joint {_W}(?:exercises?|operations?|patrols?|drills?)",
            rf"shar(?:e|ed|es|ing) {_W}(?:information|intelligence|evidence|expertise|data)",
            r"extradit\w+",
            r"war games",
        ],
        "AID": [
            r"aid",
            r"donat\w+",
            r"humanitarian",
            rf"provid\w+ {_W}(?:aid|assistance|weapons|arms|food|medicine|loans?|funding)",
            rf"sen[dt]s? {_W}(?:arms|weapons|aid|supplies)",
            r"grant(?:ed|s)? asylum",
            r"evacuat\w+",
        ],
        "RETREAT": [
            r"withdr[ae]w\w*",
            r"pull(?:ed|s)? out",
            r"cease-?fire|truce",
            r"demobili[sz]\w+",
            r"surrender\w*",
            r"resign\w*",
            r"retreat\w*",
            rf"lift(?:ed|s)? {_W}blockade",
        ],
        "INVESTIGATE": [
            r"investigat\w+",
            r"inquiry|inquiries",
            r"prob(?:e|ed|es|ing)",
            r"inspect\w+",
        ],
        "DEMAND": [
            r"demand\w*",
            r"call(?:ed|s|ing)? (?:on|for|upon)",
            r"urg(?:e|ed|es|ing)",
            r"insist\w*",
            r"ultimatum",
            r"must",
        ],
        "DISAPPROVE": [
            r"accus\w+",
            r"condemn\w*",
            r"denounc\w+",
            r"critici[sz]\w+",
            r"blam(?:e|ed|es|ing)",
            r"complain\w*",
            r"summon\w*",
            r"deplor\w+",
            r"su(?:e|ed|es|ing)",
            r"indict\w*",
        ],
        "REJECT": [
            r"reject\w*",
            r"refus\w+",
            r"declin(?:e|ed|es) to",
            r"den(?:y|ies|ied)",
            r"veto\w*",
            r"rul(?:e|ed|es) out",
            r"(?:will|would) not accept",
            r"renege\w*",
            rf"fail(?:ed|s)? to reach {_W}(?:agreement|deal)",
        ],
        "THREATEN": [r"threat\w*", r"warn(?:ed|s|ing)?", r"would boycott"],
        "SANCTION": [
            rf"impos\w+ {_W}sanctions",
            r"sanction\w*",
            r"expel\w*",
            r"suspen\w+",
            rf"halt(?:ed|s)? {_W}aid",
            rf"cut(?:s|ting)? (?:off )?{_W}(?:aid|ties|relations)",
            r"embargo\w*",
            rf"cancel\w* {_W}visit",
            rf"sever\w* {_W}(?:ties|relations)",
            rf"recall\w* {_W}ambassador",
        ],
        "PROTEST": [
            r"protest\w*",
            r"demonstrat\w+",
            r"rall(?:y|ies|ied)",
            r"hunger strike",
            r"strikes?",
            r"march(?:ed|es)",
            r"boycott\w*",
            r"sit-in",
        ],
        "MOBILIZE": [
            r"mobili[sz]\w+",
            rf"deploy\w* {_W}(?:troops|forces|soldiers|warships)",
            r"on alert",
            r"reinforc\w+",
            r"patrols?",
        ],
        "COERCE": [
            r"arrest\w*",
            r"detain\w*|detention",
            r"deport\w*",
            r"confiscat\w+",
            r"seiz\w+",
            r"demolish\w*",
            r"bann?(?:ed|s)?",
            r"outlaw\w*",
            r"kidnap\w*",
            r"raid\w*",
            r"curfew",
            r"martial law|state of (?:siege|emergency)",
            r"censor\w*",
            r"blockade\w*",
            r"hack\w*",
        ],
        "ASSAULT": [
            r"bomb\w*",
            r"suicide",
            r"tortur\w+",
            r"assassinat\w+",
            r"explo(?:ded|sion|sions|sive)",
            r"massacre\w*",
            r"executed|execution",
            r"beat(?:en)? up",
        ],
        "FIGHT": [
            r"shell(?:ed|ing|s)",
            r"artillery|mortars?|rockets?|missiles?",
            r"air ?strikes?",
            r"opened fire|fir(?:ed|ing) on",
            r"clash\w*",
            r"fight\w*|fought",
            r"battle\w*",
            r"captur\w+|retak\w+|retook|recaptur\w+",
            r"invad\w+|invasion",
            r"offensive",
            r"attack\w*",
            r"killed",
        ],
    },
    "fr": {
        "AGREE": [r"accord", r"accept\w+", r"promi[st]\w*"],
        "CONSULT": [r"rencontr\w+", r"entretien\w*", r"négoci\w+", r"visit\w+", r"pourparlers"],
        "SUPPORT": [r"soutien\w*|soutenu", r"salu[ée]\w*", r"félicit\w+"],
        "DEMAND": [r"exig\w+", r"appel\w* à", r"demand\w+"],
        "DISAPPROVE": [r"condamn\w+", r"accus\w+", r"critiqu\w+", r"dénonc\w+"],
        "REJECT": [r"rejet\w+", r"refus\w+", r"démenti\w*"],
        "THREATEN": [r"menac\w+", r"averti\w*", r"prévenu"],
        "SANCTION": [r"sanction\w*", r"expuls\w+", r"suspendu\w*"],
        "PROTEST": [r"manifest\w+", r"grève\w*"],
        "COERCE": [r"arrêt[ée]\w*", r"interpell\w+"],
        "FIGHT": [r"attaqu\w+", r"frappes?", r"bombard\w+", r"offensive"],
    },
    "de": {
        "AGREE": [r"einig\w+", r"vereinbar\w+", r"zugesagt|sagte \w+ zu"],
        "CONSULT": [r"trafen|treffen|getroffen", r"gespräch\w*", r"verhandl\w+", r"besuch\w*"],
        "SUPPORT": [r"unterstütz\w+", r"begrüß\w+", r"lobt\w*"],
        "DEMAND": [r"forder\w+", r"verlangt\w*", r"appellier\w+"],
        "DISAPPROVE": [r"verurteil\w+", r"kritisier\w+", r"vorgeworfen|wirft", r"beschuldig\w+"],
        "REJECT": [r"lehnt\w* \w* ?ab|abgelehnt", r"zurückgewiesen|wies \w+ zurück", r"weigert\w*"],
        "THREATEN": [r"droht\w*|drohung\w*", r"warnt\w*|gewarnt"],
        "SANCTION": [r"sanktion\w+", r"ausgewiesen"],
        "PROTEST": [r"protest\w*", r"demonstr\w+"],
        "COERCE": [r"festgenommen|verhaftet"],
        "FIGHT": [r"angriff\w*|angegriffen|griff \w+ an", r"beschoss\w*|beschuss"],
    },
    "ru": {
        "AGREE": [r"договорил\w+", r"соглас\w+"],
        "CONSULT": [r"встрет\w+|встреч\w+", r"переговор\w+", r"визит\w*", r"посети\w+"],
        "SUPPORT": [r"поддерж\w+", r"приветств\w+"],
        "DEMAND": [r"потребова\w+|требу\w+", r"призва\w+|призыва\w+"],
        "DISAPPROVE": [r"осуди\w+|осужда\w+", r"обвини\w+|обвиня\w+", r"критик\w+|раскритик\w+"],
        "REJECT": [r"отверг\w*", r"отказал\w+|откаж\w+", r"отклони\w+"],
        "THREATEN": [r"пригрози\w+|угрож\w+|угроз\w+", r"предупреди\w+"],
        "SANCTION": [r"санкци\w+", r"высла\w+|высыл\w+"],
        "PROTEST": [r"протест\w*", r"митинг\w*"],
        "COERCE": [r"задержа\w+", r"арестова\w+"],
        "FIGHT": [r"атак\w+", r"удар\w*", r"обстрел\w*"],
    },
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    category: str
    words: str
    start: int  # offset of the cue within the text searched

    @property
    def reason(self) -> str:
        return f"the words “{self.words}” suggest {self.category}"


@lru_cache(maxsize=8)
def _patterns(language: str) -> list[tuple[str, re.Pattern[str]]]:
    cues = _CUES.get(language, _CUES["en"])
    return [
        (category, re.compile(rf"(?<!\w)(?:{'|'.join(pats)})(?!\w)", re.IGNORECASE))
        for category, pats in cues.items()
    ]


def suggest_category(
    text: str, language: str, *, main: tuple[int, int] | None = None
) -> Suggestion | None:
    """The category the words of `text` suggest; cues within `main` (the
    reporting clause) first."""
    found = [
        Suggestion(category, match.group(), match.start())
        for category, pattern in _patterns(language)
        for match in pattern.finditer(text)
        # A capitalised word inside a sentence is a name ("Economic Cooperation").
        if not (match.group()[:1].isupper() and _inside_sentence(text, match.start()))
    ]
    if not found:
        return None
    if main is not None:
        in_main = [s for s in found if main[0] <= s.start < main[1]]
        found = in_main or found
    return min(found, key=lambda s: (s.start, -len(s.words)))


def _inside_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(' "“«')
    return bool(before) and before[-1] not in ".!?:"
