"""Words that make a sentence a statement or an action, per language.

Plain word lists, matched on case-folded tokens: the finite forms of reporting
verbs ("said", "заявил") and of action verbs ("met", "signed"); the pronouns
that refer back to a speaker; the words that open a subordinate clause (a date
after them belongs to that clause, not to the main verb); the verbs that
continue a statement already reported ("added").
"""

from __future__ import annotations

from dataclasses import dataclass

from events.ingest.tokens import wordset


def _en(lemmas: str) -> frozenset[str]:
    """Finite forms of regular English verbs: "accuse" → accuses, accused."""
    forms = set()
    for lemma in lemmas.split():
        if lemma.endswith("e"):
            forms |= {lemma + "s", lemma + "d"}
        elif lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        else:
            forms |= {lemma + "s", lemma + "ed", lemma + "es" if lemma[-1] in "sxh" else ""}
    return frozenset(forms - {""})


_EN_SPEECH = _en(
    "state announce add warn urge call claim argue note stress insist declare confirm deny "
    "comment tweet explain suggest promise pledge vow threaten demand accuse criticize "
    "criticise condemn praise welcome reject refuse acknowledge admit assert reiterate "
    "emphasize emphasise underline reply respond answer ask propose recall report reveal "
    "complain advocate hint signal indicate describe dismiss predict express denounce blame "
    "contend maintain caution concede repeat observe remark mention"
) | wordset("said says told tells wrote writes spoke speaks signalled")

_EN_ACTION = _en(
    "agree sign attack launch host impose lift expel arrest detain deploy invade kill bomb "
    "shell capture seize approve pass adopt ratify veto vote elect appoint resign suspend "
    "sanction offer provide donate release block ban open close cancel start end halt protest "
    "demonstrate mobilize mobilise fire negotiate discuss talk phone telephone receive arrive "
    "travel return visit order raid target strike invite support back endorse oppose "
    "recognize recognise extradite evacuate deport announce withdraw"
) | wordset(
    "met meets held holds sent sends struck withdrew began begins shot fought took "
    "gave gives led leads sold brought hit cut set put banned admitted cancelled canceled "
    "travelled traveled signaled vetoed vetoes stopped planned"
)

_FR_SPEECH = wordset(
    "déclaré déclare dit affirmé affirme annoncé annonce ajouté ajoute souligné souligne estimé "
    "estime averti avertit prévenu assuré assure indiqué indique expliqué explique appelé appelle "
    "exigé exige menacé menace rejeté rejette condamné condamne salué salue dénoncé dénonce "
    "accusé accuse critiqué critique promis promet proposé propose répondu répond rappelé "
    "rappelle insisté insiste martelé"
)
_FR_ACTION = wordset(
    "rencontré rencontre signé signe attaqué attaque lancé lance imposé impose levé lève expulsé "
    "expulse arrêté arrête déployé déploie envahi tué bombardé frappé visité visite reçu reçoit "
    "suspendu suspend négocié négocie accueilli accueille retiré approuvé adopté voté"
)
_DE_SPEECH = wordset(
    "sagte sagt erklärte erklärt betonte betont kündigte kündigt warnte warnt forderte fordert "
    "fügte ergänzte teilte schrieb bekräftigte versicherte räumte kritisierte kritisiert "
    "verurteilte verurteilt lehnte lehnt drohte droht sprach spricht bezeichnete nannte "
    "rief mahnte appellierte unterstrich"
)
_DE_ACTION = wordset(
    "traf trifft besuchte besucht unterzeichnete unterzeichnet einigten vereinbarten griff "
    "verhängte verhängt schickte entsandte beschloss beschlossen startete begann empfing"
)
# Russian verbs are matched by the start of the word: "заяв" covers заявил,
# заявила, заявили, заявляет.
_RU_SPEECH_PREFIXES = tuple(
    wordset(
        "заяв сказа сообщ отмет подчеркн добав пообещ предупред призва потребова пригроз осуди "
        "раскритик отверг объяви напомни указа высказа ответи пояснил уточни признал обвини "
        "настаива"
    )
)
_RU_ACTION_PREFIXES = tuple(
    wordset(
        "встрети посети подписа договори отказа атакова ввел ввёл ввели нанес нанёс задержа "
        "арестова направи отправи провел провёл провели приня одобри"
    )
)

PRONOUNS = {
    "en": frozenset({"he", "she"}),
    "fr": frozenset({"il", "elle"}),
    "de": frozenset({"er", "sie"}),
    "ru": frozenset({"он", "она"}),
}
CONTINUATION = wordset(
    "added adds continued continues ajouté ajoute poursuivi poursuit fügte ergänzte "
    "добавил добавила продолжил продолжила"
)
# "also said", "went on to say": a continuation too.
CONTINUATION_BEFORE = frozenset({"also", "further", "aussi", "également", "auch", "также"})
CLAUSE_OPENERS = wordset(
    """that which who whom whose because after before when while since although though but
    and if until whether que qui parce après avant quand lorsque mais et si dass weil
    nachdem bevor wenn als aber und ob что который которая которое которые потому после
    перед когда но и если"""
)
COORDINATORS = frozenset({"and", "et", "und", "и", "&"})
# A sentence that speaks of another time than the statement it follows.
OTHER_TIME = wordset(
    """earlier previously before formerly already once past ago recently last
    auparavant précédemment déjà dernier dernière früher bereits zuvor vorher letzte
    ранее раньше уже прошлом прошлой"""
)
INFINITIVE_MARKERS = frozenset({"to", "zu"})


@dataclass(frozen=True, slots=True)
class Predicate:
    index: int  # token index in the sentence
    word: str
    speech: bool  # a reporting verb: what follows is what was said


def predicate_kind(word: str, language: str) -> str:
    """ "speech", "action" or "" for a case-folded token."""
    if language == "ru":
        if word.startswith(_RU_SPEECH_PREFIXES):
            return "speech"
        return "action" if word.startswith(_RU_ACTION_PREFIXES) else ""
    speech, action = _LISTS.get(language, (_EN_SPEECH, _EN_ACTION))
    if word in speech:
        return "speech"
    return "action" if word in action else ""


_LISTS = {
    "en": (_EN_SPEECH, _EN_ACTION),
    "fr": (_FR_SPEECH, _FR_ACTION),
    "de": (_DE_SPEECH, _DE_ACTION),
}
