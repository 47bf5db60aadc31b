"""The shape of a language: everything ingestion needs to read news in it.

One `Language` per language, in events/ingest/lang/<code>.py, as plain data;
the code that reads articles (dates, statements, roles, categories, names)
looks words up in the article's language only, so a French word never fires
on English text. Word sets hold lower-case words as they are written in news
(accents kept): tokens are compared with `word.lower()`, not folded, because
folding makes different words equal ("está" and "esta").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, fields
from functools import cached_property

from events.ingest.lang.lexicon import Lexicon


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists read better so)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Words:
    """Words matched exactly, or by how they start where a language inflects too
    much to list every form (Russian "заяв" covers заявил, заявила, заявили)."""

    forms: frozenset[str] = frozenset()
    stems: tuple[str, ...] = ()

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in self.forms or (bool(self.stems) and word.startswith(self.stems))

    def __bool__(self) -> bool:
        return bool(self.forms or self.stems)

    def __or__(self, other: Words | Iterable[str]) -> Words:
        if isinstance(other, Words):
            return Words(self.forms | other.forms, self.stems + other.stems)
        return Words(self.forms | frozenset(other), self.stems)


SPEECH, ACTION = "speech", "action"
# Up to two words between the parts of a category cue: "imposed new sanctions".
_GAP = r"(?:\w+\s+){0,2}"


def cues(**by_category: str) -> dict[str, tuple[str, ...]]:
    """Category cues written one regular expression a line; {W} stands for up to
    two words between ("imposed {W}sanctions")."""
    return {
        category: tuple(
            line.strip().replace("{W}", _GAP) for line in lines.splitlines() if line.strip()
        )
        for category, lines in by_category.items()
    }


@dataclass(frozen=True, eq=False)
class Language:
    """Everything one language needs. Fields without a default are required:
    tests/events/ingest/test_languages.py checks that none is empty."""

    code: str
    """ISO 639-1 code: "en"."""
    name: str
    """The language's English name, for people choosing it: "English"."""
    dates: Lexicon
    """The date tagger's words and patterns (events/ingest/lang/lexicon.py)."""

    speech_verbs: Words
    """Finite forms of reporting verbs, in the tenses and persons news uses
    ("said", "has said" gives "said", "a déclaré" gives "déclaré"): what follows
    them is what was said."""
    action_verbs: Words
    """Finite forms of verbs of doing that make a sentence an event ("met", "signed")."""
    pronouns: frozenset[str]
    """Subject pronouns that refer back to the last person named ("he", "she")."""
    continuation_verbs: frozenset[str]
    """Verbs that continue a statement already reported ("added")."""
    continuation_adverbs: frozenset[str]
    """Words right before a reporting verb that make it a continuation ("also said")."""
    clause_openers: frozenset[str]
    """Words that open a relative, appositive or subordinate clause, or join
    another clause ("who", "which", "because", "after", "but", "and"): a date or
    a name beyond one belongs to that clause, not to the main verb."""
    coordinators: frozenset[str]
    """Words that join coordinated subjects ("Finland and Italy agreed")."""
    prepositions: frozenset[str]
    """Prepositions that make the actor after them the addressee or object of
    the verb ("met with", "spoke to", "against")."""
    same_occasion_re: str
    """Regular expression (matched case-insensitively) for words that say a
    sentence reports the same occasion as the statement before it ("at the
    same meeting")."""
    tense_cues: frozenset[str]
    """Words that put a sentence at another time than the statement before it
    ("earlier", "already", the pluperfect's "had"): it does not take that
    statement's date."""
    complementizers: frozenset[str]
    """Words that open reported speech ("that", "que"): left out of a working title."""
    title_stops: frozenset[str]
    """Words after a comma that end a working title ("but", "adding", "saying")."""

    title_heads: frozenset[str]
    """Nouns a person's title is built on ("president", "minister", "chancellor"):
    a run of capitalised words before a name is a title only with one of these."""
    title_modifiers: frozenset[str]
    """Lower-case words a title may hold besides its head: adjectives
    ("foreign", "deputy", nationality adjectives where a language writes them
    lower-case) and the small words inside a title ("of", "des")."""

    category_cues: Mapping[str, tuple[str, ...]]
    """PLOVER category -> regular-expression fragments for the verbs and nouns
    news uses for it, matched as whole words, case-insensitively
    ("CONSULT": ("met|meets?|meeting", "talks"))."""

    abbreviations: frozenset[str]
    """Lower-case words written with a period that does not end a sentence
    ("mr", "gen", "sept"); the date lexicon's month abbreviations are added."""

    organisation_heads: frozenset[str]
    """Nouns that make a run of capitalised words an organisation when it ends
    (or, where the noun comes first, starts) with one ("Ministry", "Party")."""
    not_actor_nouns: frozenset[str]
    """Nouns that make a run of capitalised words a thing, not an actor
    ("Treaty", "Summit", "War")."""
    function_words: frozenset[str]
    """Capitalised at a sentence start, these are not names ("The", "But");
    the date lexicon's month and weekday names are added."""

    determiners: frozenset[str] = frozenset()
    """Articles that open a title used in place of a name ("the French president");
    none where a language has no articles (Russian)."""
    name_connectors: frozenset[str] = frozenset()
    """Lower-case words inside a name ("Ministry of Defence", "Banco de España"),
    besides the particles of personal names found in every language ("von", "bin")."""
    implicit_subject_words: frozenset[str] = frozenset()
    """Where subjects go unsaid ("Añadió que ...", "Ha poi aggiunto"): the words
    that may stand before such a reporting verb (auxiliaries, clitics, sentence
    adverbs); with only these before it, the speaker is the last person named.
    Empty where a subject is always said (a pronoun at least)."""
    venue_re: str = ""
    """Regular expression whose group 1 is the place of a statement ("at the
    Munich Security Conference" gives "Munich Security Conference"); "" for none."""
    infinitive_markers: frozenset[str] = frozenset()
    """Words before an infinitive ("to", "zu"): a verb after one is not the predicate."""
    auxiliaries: frozenset[str] = frozenset()
    """Auxiliaries and modals that open a verb group right after its subject
    ("has", "will", "is"; "a", "ont"; "hat", "wird"): the word after them is the verb."""
    pluperfect_auxiliaries: frozenset[str] = frozenset()
    """Auxiliaries of the pluperfect ("had", "avait", "hatte"): a statement in it is
    background to the news, not news of the day."""
    finite_verb_re: str = ""
    """Regular expression a lower-case word right after a subject (names, adverbs
    and dates aside) matches in full when it is that subject's verb: English "-ed"
    and "-s" forms ("unveiled", "believes"), Russian past forms. It finds verbs
    the verb lists lack; the position after a subject keeps it from matching nouns."""
    participle_re: str = ""
    """Regular expression a lower-case word after a perfect or passive auxiliary
    matches in full when it is the verb ("won", "announced", "annoncé", "angekündigt");
    after any other auxiliary (a modal: "will", "wird") any word is the verb."""
    perfect_auxiliaries: frozenset[str] = frozenset()
    """Present-tense auxiliaries of the compound past ("has", "a", "hat", "ha"): with a
    participle, news of the day ("a rencontré", "hat erklärt"), as the English present
    perfect."""
    participle_last: bool = False
    """The participle closes the clause after its auxiliary ("hat am Freitag in München
    erklärt"): it is looked for up to the clause's end."""
    modals: frozenset[str] = frozenset()
    """Auxiliaries after which any word is a verb ("will", "would", "can")."""
    passive_auxiliaries: frozenset[str] = frozenset()
    """Auxiliaries that with a participle make the passive ("was", "were", "been";
    "wurde"): its subject is the one acted on, not the initiator."""
    ambiguous_verb_re: str = ""
    """Regular expression for verb forms that are as often nouns (English "-s":
    "claims", "orders"): right after a subject they count as its verb only
    before a complementizer, a determiner or a pronoun ("Boeing says they")."""
    event_nouns: frozenset[str] = frozenset()
    """Nouns of acts that name their actor after the agent preposition ("the
    announcement by Apple on Friday", "a visit by Lavrov"): such a noun stands for
    the verb when the sentence has no other."""
    agent_nouns: frozenset[str] = frozenset()
    """Nouns through which a named actor acts ("Israeli troops fired", "EU foreign
    ministers agreed", "Russian officials said"): right after the name, with up to
    two words before them, they leave the name the initiator."""
    speech_participles: frozenset[str] = frozenset()
    """Participles that add what the actor said to an action ("backed the plan,
    saying ..."): the sentence is then a statement, news of its day."""
    base_verbs: frozenset[str] = frozenset()
    """Verbs in the base form, which follow a plural subject in the present
    ("Icelanders offer to open", "Boeing say"): counted right after a subject, and
    only before an object, a "that" or a "to", since most are nouns as well."""
    object_openers: frozenset[str] = frozenset()
    """Words besides determiners that open a verb's object or clause ("a", "its",
    "they"): after one, an ambiguous form is a verb ("Boeing says they")."""
    adverbs: frozenset[str] = frozenset()
    """Words that may stand between a subject and its verb ("also", "jointly")."""
    adverb_re: str = ""
    """Regular expression for adverbs formed by a suffix ("\\w+ly", "\\w+ment")."""
    relative_words: frozenset[str] = frozenset()
    """Words that open a relative clause ("who", "which", "qui", "der"): the verb and
    the date inside one are the clause's, not the sentence's."""
    agent_prepositions: frozenset[str] = frozenset()
    """The preposition of a passive agent ("by", "par", "von"): "a conference held by
    Apple" makes Apple the initiator of "held"."""
    reference_nouns: frozenset[str] = frozenset()
    """Nouns that, after a definite article, refer back to the last organisation named
    ("the company", "the airline", "la société")."""
    time_of_day_re: str = ""
    """Regular expression for a time of day without a day ("at 0800 UTC", "at 3 p.m."):
    an event told so happened on the day of the article."""
    name_inflection: Callable[[str], str] | None = None
    """For a language that inflects names (Russian case endings), a function
    from a folded word to the key its forms share ("лаврова" -> "лавр"). It is
    applied to every word, since a register name may appear in any article,
    so it must leave words of other scripts unchanged. None: names do not inflect."""

    def verb_kind(self, word: str) -> str:
        """SPEECH, ACTION or "" for a lower-cased word."""
        if word in self.speech_verbs:
            return SPEECH
        return ACTION if word in self.action_verbs else ""

    # Cached: read for every sentence end and every capitalised word.
    @cached_property
    def all_abbreviations(self) -> frozenset[str]:
        """The abbreviations with the date lexicon's month abbreviations."""
        return self.abbreviations | frozenset(self.dates.month_abbreviations)

    @cached_property
    def non_name_words(self) -> frozenset[str]:
        """Function words with the month and weekday names: never a name's first word."""
        return self.function_words | frozenset(self.dates.months) | frozenset(self.dates.weekdays)


def required_parts(language: Language) -> dict[str, object]:
    """The parts every language must fill in: the fields without a default."""
    return {
        f.name: getattr(language, f.name)
        for f in fields(language)
        if f.default is MISSING and f.default_factory is MISSING
    }
