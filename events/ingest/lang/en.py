"""English: dates, statements, titles, categories and names."""

from __future__ import annotations

from events.ingest.lang.language import Language, Words, cues, words
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

_DATES = Lexicon(
    code="en",
    months=numbered(
        "january february march april may june july august september october november december"
    ),
    month_abbreviations=numbered("jan feb mar apr - jun jul aug sep/sept oct nov dec"),
    weekdays=numbered("monday tuesday wednesday thursday friday saturday sunday", start=0),
    capitalised=True,
    date_order="MDY",
    month_day=True,
    day_suffix_re=r"(?:st|nd|rd|th)?",
    day_article_re=r"the\s+",
    day_month_joiner_re=r"\s+(?:of\s+)?",
    month_year_joiner_re=r",?\s+(?:of\s+)?",
    span_prefix_day_re=r"[oO]n",
    span_prefix_period_re=r"[iI]n",
    weekday_modifiers_before={
        "on": BARE,
        "last": PAST,
        "past": PAST,
        "previous": PAST,
        "this past": PAST,
        "next": FUTURE,
        "coming": FUTURE,
        "this coming": FUTURE,
        "this": THIS,
        "on this": THIS,
    },
    weekday_tail_re=r"(?:\s+(?:morning|afternoon|evening|night))?",
    # "every Friday" is a habit; "Black Monday", "Good Friday", "Super Tuesday"
    # are names of days, not the last Monday, Friday or Tuesday; "The Mail on
    # Sunday" is a newspaper. Matched before the weekday and its modifier.
    weekday_refusal_re=(
        r"[eE]very|[eE]ach|[aA]ny|Black|Good|Holy|Maundy|Easter|Palm|Ash|Shrove|Super|Cyber"
        r"|Bloody|Blue|Giving|Whit|Fat|Great|Man|Girl|Mail"
    ),
    month_cues={
        "in": BARE,
        "early": BARE,
        "mid": BARE,
        "mid-": BARE,
        "late": BARE,
        "in early": BARE,
        "in mid": BARE,
        "in mid-": BARE,
        "in late": BARE,
        "last": PAST,
        "this past": PAST,
        "next": FUTURE,
        "this coming": FUTURE,
        "this": THIS,
    },
    month_cue_outside_re=(
        r"[sS]ince|[uU]ntil|[tT]ill|[bB]y|[dD]uring|[bB]efore|[aA]fter|[fF]rom|[tT]hrough"
        r"|throughout|the\s+(?:end|beginning|start|middle)\s+of|(?:end|beginning|start|middle)\s+of"
    ),
    year_cues_re=r"[iI]n|[eE]arly|[lL]ate|[mM]id-?|in\s+(?:early|late|mid-?)",
    year_cue_outside_re=(
        r"[sS]ince|[uU]ntil|[tT]ill|[bB]y|[dD]uring|[bB]efore|[aA]fter|[fF]rom|[tT]hrough|[bB]etween"
        r"|throughout|spring|summer|autumn|fall|winter|year|fiscal|(?:first|second)\s+half\s+of"
        r"|(?:the\s+)(?:end|beginning|start|middle|rest|course)\s+of"
        r"|(?:end|beginning|start|middle|rest|course)\s+of"
    ),
    list_join_re=r"\s*,\s*|\s+(?:and|or|to)\s+",
    year_refs={"last year": -1, "this year": 0, "next year": 1},
    relative_days={
        "today": 0,
        "tonight": 0,
        "earlier today": 0,
        "later today": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "last night": -1,
        "yesterday morning": -1,
        "yesterday afternoon": -1,
        "yesterday evening": -1,
        "the day before yesterday": -2,
        "tomorrow": 1,
        "tomorrow morning": 1,
        "tomorrow afternoon": 1,
        "tomorrow evening": 1,
        "tomorrow night": 1,
        "the day after tomorrow": 2,
    },
    relative_units=relative(
        week={
            "last week": -1,
            "this week": 0,
            "earlier this week": 0,
            "later this week": 0,
            "next week": 1,
        },
        month={
            "last month": -1,
            "this month": 0,
            "earlier this month": 0,
            "later this month": 0,
            "next month": 1,
        },
        year={
            "last year": -1,
            "this year": 0,
            "earlier this year": 0,
            "later this year": 0,
            "next year": 1,
        },
        weekend={"last weekend": -1, "this past weekend": -1, "this weekend": 0, "next weekend": 1},
    ),
    # "over the last week" and "the last year" are durations, not calendar units.
    relative_unit_refusal_re=r"the",
    ago_re=r"(?P<n>{num})\s+(?P<unit>{unit})\s+ago",
    numbers={
        "a": 1,
        "an": 1,
        "one": 1,
        **numbered(
            "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen twenty",
            start=2,
        ),
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "hundred": 100,
    },
    units=units(day="day days", week="week weeks", month="month months", year="year years"),
    range_open_re=r"[fF]rom|[bB]etween",
    range_join_re=r"[-–—]|to|until|till|through|and",
    range_and_re=r"and",
    change_verbs_re=(
        r"moved?|moving|postponed?|postponing|delay(?:ed|ing|s)?|rescheduled?|pushed|brought"
        r"|changed?|shifted|advanced|put\s+(?:off|back)|bumped"
    ),
    anaphora={
        # Not a bare "that day": "if there ever came a day ... that day has come".
        "the same day": 0,
        "that same day": 0,
        "later that day": 0,
        "earlier that day": 0,
        "later in the day": 0,
        "earlier in the day": 0,
        "late in the day": 0,
        "the next day": 1,
        "the following day": 1,
        "the previous day": -1,
    },
    # Market reports: "the Dow fell 3% to end the day at 7,114" is the trading
    # day the report is about.
    anaphora_verbs_re=r"end|ends|ended|ending|finish|finishes|finished|finishing|close|closes|closed|closing",
    clause_boundary_re=(
        r"\b(?:after|before|when|because|since|while|whereas|although|though"
        r"|which|who|whom|whose|that|if|unless)\b"
    ),
    amount_words_re=(
        r"percent\b|per\s+cent\b|million|billion|trillion|thousand|bn\b|mn\b|people\b"
        r"|tons?\b|tonnes?\b|dollars?\b|euros?\b"
    ),
    until_re=r"[uU]ntil|[tT]ill",
    tense_re=(
        # "will be held": "will" decides, "be held" is skipped as neutral.
        r"(?P<future>\b(?:(?:will|shall)(?:\s+not)?(?:\s+have(?=\s+been))?|won['’]t"
        r"|to\s+be\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|en|wn)|held|made|built|sold|paid|set|put)"
        r"|going\s+to|(?:(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been)"
        r"\s+)?(?:scheduled|slated|planned|expected|due|set\s+(?:to|for)|poised\s+to|likely\s+to)"
        r"|upcoming|(?:intends?|plans?|wants?|aims?|hopes?|seeks?)\s+to|may|might)\b|['’]ll\b)"
        r"|(?P<neutral>\b(?:be|been|being)\s+(?:\w+ly\s+)?[a-z]+\b)"
        # "has said" is a past event; "has a June 1 deadline" is the present.
        r"|(?P<perfect>\b(?:has|have)(?:\s+(?:not|also|already|just|now|since|\w+ly))?\s+"
        r"(?:been|had|[a-z]+(?:ed|en|wn)|said|told|made|met|held|led|found|sent|won|lost|paid"
        r"|sold|bought|built|brought|thought|caught|fought|kept|left|heard|spent|stood|struck"
        r"|become|begun|come|done|gone|seen|run|put|set|cut|hit)\b)"
        r"|(?P<present>\b(?:is|are|am)(?:\s+(?:\w+ly\s+)?[a-z]+ed)?\b|\b(?:has|have|says"
        r"|begins|opens|starts|ends|meets|runs|closes|expires|lasts|continues|falls|comes|goes"
        r"|happens|occurs|arrives|launches|takes\s+place)\b)"
        r"|(?P<past>\b(?:was|were|had|did|said|told|met|went|came|took|gave|made|held"
        r"|began|left|saw|found|sent|won|lost|fell|rose|led|brought|thought|became|got|spoke"
        r"|wrote|struck|ran|paid|sold|bought|built|chose|drew|drove|flew|grew|knew|meant|sought"
        r"|spent|stood|stole|swore|taught|threw|understood|withdrew|broke|caught|fought|felt"
        r"|kept|heard|dealt|froze|hid|blew|fled|sank|shook|slept|stuck|swept|tore|woke|wore"
        r"|ate|fed)\b|\b(?![a-z]*eed\b|hundred\b)[a-z]{2,}ed\b)"
    ),
)


# Past forms that do not end in "-ed", for verbs found by their place after a subject.
_IRREGULAR_PAST = words(
    """won lost made took gave went came met held led sent sold bought built brought began
    begun done gone seen taken given known shown grown drawn chosen spoken written broken
    became broke chose drew drove fell flew fought found forgot froze got grew hid hit kept
    knew laid left lent let meant paid put quit ran rose saw sought set shook shot shut sank
    spoke spent split spread stood stole struck swore swept taught told thought threw
    understood withdrew woke wore wrote overtook undertook oversaw upheld overcame"""
)


def _finite(lemmas: str) -> frozenset[str]:
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


# Reporting and action verbs by their base form; _finite makes the "-s" and "-ed" forms.
_SPEECH_LEMMAS = (
    "state announce add warn urge call claim argue note stress insist declare confirm "
    "deny comment tweet explain suggest promise pledge vow threaten demand accuse "
    "criticize criticise condemn praise welcome reject refuse acknowledge admit assert "
    "reiterate emphasize emphasise underline reply respond answer ask propose recall "
    "report reveal complain advocate hint signal indicate describe dismiss predict "
    "express denounce blame contend maintain caution concede repeat observe remark "
    "mention quote"
)
_ACTION_LEMMAS = (
    "agree sign attack launch host impose lift expel arrest detain deploy invade kill "
    "bomb shell capture seize approve pass adopt ratify veto vote elect appoint resign "
    "suspend sanction offer provide donate release block ban open close cancel start "
    "end halt protest demonstrate mobilize mobilise fire negotiate discuss talk phone "
    "telephone receive arrive travel return visit order raid target strike invite "
    "support back endorse oppose recognize recognise extradite evacuate deport announce "
    "withdraw"
)


ENGLISH = Language(
    code="en",
    name="English",
    dates=_DATES,
    speech_verbs=Words(
        _finite(_SPEECH_LEMMAS)
        | words("say said says tell told tells wrote writes spoke speaks signalled")
    ),
    action_verbs=Words(
        _finite(_ACTION_LEMMAS)
        | words(
            "met meets held holds sent sends struck withdrew began begins shot fought took gave "
            "gives led leads sold brought hit cut set put banned admitted cancelled canceled "
            "travelled traveled signaled vetoed vetoes stopped planned"
        )
    ),
    pronouns=words("he she"),
    continuation_verbs=words("added adds continued continues"),
    continuation_adverbs=words("also further"),
    clause_openers=words(
        "that which who whom whose because after before when while since although though but "
        "and if until whether"
    ),
    coordinators=words("and"),
    prepositions=words("with to against toward towards on upon for from between"),
    same_occasion_re=(
        r"\b(?:(?:same|that)|(?:after|during|at the end of) the) (?:speech|meeting|conference"
        r"|interview|news conference|press conference|statement|call|address|session|summit"
        r"|talks|visit)\b"
    ),
    tense_cues=words("earlier previously before formerly already once past ago recently last had"),
    complementizers=words("that"),
    title_stops=words("but and arguing adding saying while as"),
    title_heads=words(
        """president minister premier chancellor secretary envoy ambassador spokesman
        spokeswoman spokesperson chief head leader general commander king queen prince princess
        senator governor mayor commissioner chairman chairwoman chair director ceo
        representative adviser advisor lawmaker speaker judge pope emir sheikh ayatollah sultan
        colonel captain admiral marshal counterpart diplomat negotiator official analyst
        analysist"""
    ),
    title_modifiers=words(
        """prime foreign defence defense interior finance economy trade special presidential
        deputy vice acting former state affairs of for the envoy general"""
    ),
    determiners=words("the"),
    category_cues=cues(
        AGREE=r"""
            agree(?:d|s|ment)?
            reach(?:ed|es)? {W}(?:agreement|deal|consensus|accord)
            promis(?:e|ed|es)
            pledg(?:e|ed|es)
            offer(?:ed|s)?
            (?:ready|willing|prepared|committed) to
            will (?:support|provide|give|allow|send)
        """,
        CONSULT=r"""
            met|meets?|meeting
            (?:held|hold|holds|holding) (?:\w+ )?talks
            talks
            negotiat\w*
            visit(?:ed|s|ing)?
            host(?:ed|s)
            (?:tele)?phon(?:ed|e call)
            spoke (?:with|to)
            mediat\w+
            consult\w*
            discuss\w*
            summit
            dialogue
        """,
        SUPPORT=r"""
            prais\w+
            welcom\w+
            support(?:ed|s|ing)?
            back(?:ed|s|ing)
            endors\w+
            defend(?:ed|s|ing)?
            apologi[sz]\w+
            commend\w*
            congratulat\w+
            advocat\w+
            sign(?:ed|s)? {W}{W}(?:treaty|agreement|accord|pact|deal)
            establish\w* {W}diplomatic
        """,
        CONCEDE=r"""
            lift(?:ed|s|ing)? {W}(?:curfew|ban|emergency|restrictions|sanctions|embargo)
            lift(?:ed|s|ing)? (?:a|the) state of emergency
            shorten\w* {W}curfew
            eas(?:e|ed|es|ing) {W}(?:restrictions|measures|sanctions)
            conced\w+
            accept(?:ed|s)? {W}(?:demands|terms|conditions)
            releas(?:e|ed|es) {W}(?:prisoners|hostages|detainees)
        """,
        COOPERATE=r"""
            cooperat\w+|co-operat\w+
            joint {W}(?:exercises?|operations?|patrols?|drills?)
            shar(?:e|ed|es|ing) {W}(?:information|intelligence|evidence|expertise|data)
            extradit\w+
            war games
        """,
        AID=r"""
            aid
            donat\w+
            humanitarian
            provid\w+ {W}(?:aid|assistance|weapons|arms|food|medicine|loans?|funding)
            sen[dt]s? {W}(?:arms|weapons|aid|supplies)
            grant(?:ed|s)? asylum
            evacuat\w+
        """,
        RETREAT=r"""
            withdr[ae]w\w*
            pull(?:ed|s)? out
            cease-?fire|truce
            demobili[sz]\w+
            surrender\w*
            resign\w*
            retreat\w*
            lift(?:ed|s)? {W}blockade
        """,
        INVESTIGATE=r"""
            investigat\w+
            inquiry|inquiries
            prob(?:e|ed|es|ing)
            inspect\w+
        """,
        DEMAND=r"""
            demand\w*
            call(?:ed|s|ing)? (?:on|for|upon)
            urg(?:e|ed|es|ing)
            insist\w*
            ultimatum
            must
        """,
        DISAPPROVE=r"""
            accus\w+
            condemn\w*
            denounc\w+
            critici[sz]\w+
            blam(?:e|ed|es|ing)
            complain\w*
            summon\w*
            deplor\w+
            su(?:e|ed|es|ing)
            indict\w*
        """,
        REJECT=r"""
            reject\w*
            refus\w+
            declin(?:e|ed|es) to
            den(?:y|ies|ied)
            veto\w*
            rul(?:e|ed|es) out
            (?:will|would) not accept
            renege\w*
            fail(?:ed|s)? to reach {W}(?:agreement|deal)
        """,
        THREATEN=r"""
            threat\w*
            warn(?:ed|s|ing)?
            would boycott
        """,
        SANCTION=r"""
            impos\w+ {W}sanctions
            sanction\w*
            expel\w*
            suspen\w+
            halt(?:ed|s)? {W}aid
            cut(?:s|ting)? (?:off )?{W}(?:aid|ties|relations)
            embargo\w*
            cancel\w* {W}visit
            sever\w* {W}(?:ties|relations)
            recall\w* {W}ambassador
        """,
        PROTEST=r"""
            protest\w*
            demonstrat\w+
            rall(?:y|ies|ied)
            hunger strike
            strikes?
            march(?:ed|es)
            boycott\w*
            sit-in
        """,
        MOBILIZE=r"""
            mobili[sz]\w+
            deploy\w* {W}(?:troops|forces|soldiers|warships)
            on alert
            reinforc\w+
            patrols?
        """,
        COERCE=r"""
            arrest\w*
            detain\w*|detention
            deport\w*
            confiscat\w+
            seiz\w+
            demolish\w*
            bann?(?:ed|s)?
            outlaw\w*
            kidnap\w*
            raid\w*
            curfew
            martial law|state of (?:siege|emergency)
            censor\w*
            blockade\w*
            hack\w*
        """,
        ASSAULT=r"""
            bomb\w*
            suicide
            tortur\w+
            assassinat\w+
            explo(?:ded|sion|sions|sive)
            massacre\w*
            executed|execution
            beat(?:en)? up
        """,
        FIGHT=r"""
            shell(?:ed|ing|s)
            artillery|mortars?|rockets?|missiles?
            air ?strikes?
            opened fire|fir(?:ed|ing) on
            clash\w*
            fight\w*|fought
            battle\w*
            captur\w+|retak\w+|retook|recaptur\w+
            invad\w+|invasion
            offensive
            attack\w*
            killed
        """,
    ),
    # Words, never sentence ends ("Sept. 27", "Mr. Smith"); company suffixes and
    # "Dr." are written so in every language.
    abbreviations=words(
        "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr no vs etc ca "
        "approx dept univ inc co corp ltd"
    ),
    organisation_heads=words(
        """ministry party fund council committee agency bank union organization organisation
        corporation company group army court parliament commission association institute
        university front movement office department service alliance league federation senate
        congress inc corp ltd airlines brigade guard police navy government cabinet"""
    ),
    not_actor_nouns=words(
        """treaty agreement act accord convention conference summit games cup day war crisis
        accords law bill resolution plan programme program initiative"""
    ),
    name_connectors=words("of for"),
    function_words=words(
        "the a an this that these those it he she they we i in on at but and or if when while"
    ),
    venue_re=(
        r"\bat the ((?:[A-Z][\w'’-]*\s+){0,5}(?:Conference|Summit|Forum|Meeting|Congress"
        r"|Assembly|Council|Talks|Ceremony|Convention|Games|Session))\b"
    ),
    infinitive_markers=words("to"),
    auxiliaries=words(
        """has have had is are was were be been being will would shall should can could may
        might must does do did"""
    ),
    modals=words("will would shall should can could may might must does do did"),
    passive_auxiliaries=words("is are was were be been being"),
    participle_re=r"[a-z]{2,}(?:ed|en|wn|ing)|" + "|".join(sorted(_IRREGULAR_PAST)),
    ambiguous_verb_re=r".+s",
    object_openers=words("a an its his her their they it we he she this these those"),
    pluperfect_auxiliaries=words("had"),
    # After a subject: "unveiled", "believes"; not "-ss" ("press"), "-us", "-is".
    finite_verb_re=r"[a-z]{2,}(?:ed|[^su's]s)|" + "|".join(sorted(_IRREGULAR_PAST)),
    adverbs=words(
        """also jointly now still already just not never recently today yesterday tonight
        ultimately formally officially reportedly finally then again once first later
        further even only"""
    ),
    adverb_re=r"[a-z]{3,}ly",
    relative_words=words("who which whose whom where"),
    agent_prepositions=words("by"),
    reference_nouns=words(
        """company firm airline carrier manufacturer maker group government ministry agency
        organisation organization bank corporation conglomerate airframer giant retailer
        consortium alliance"""
    ),
    time_of_day_re=(
        r"\b(?:at\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
        r"|\d{4}\s*(?:UTC|GMT|GST|hours|hrs)\b|\d{1,2}:\d{2}(?:\s*(?:UTC|GMT|local time))?)"
        r"|\b(?:at|around|about)\s+(?:noon|midnight|dawn|dusk)\b"
    ),
    speech_participles=words(
        "saying adding arguing noting stressing warning insisting claiming explaining"
    ),
    agent_nouns=words(
        """official officials troops forces soldiers police authorities leader leaders
        diplomats diplomat minister ministers negotiators delegation delegates government
        army navy military militants rebels guerrillas guerillas fighters demonstrators
        protesters students youths helicopters jets warplanes aircraft peacekeepers supporters
        activists spokesman spokeswoman officers agents bulldozers sides side envoy envoys
        representatives lawmakers parliament president prime premier regime units
        militia militias commanders workers prosecutors judges court"""
    ),
    perfect_auxiliaries=words("has have"),
    event_nouns=words(
        """announcement statement decision visit offer proposal attack call move order
        agreement warning threat request appeal pledge promise rejection condemnation
        criticism invitation deployment withdrawal strike raid launch"""
    ),
    base_verbs=words(
        _SPEECH_LEMMAS + " " + _ACTION_LEMMAS + " say tell meet hold send begin fight take give "
        "lead sell bring kidnap close seek win lose"
    ),
)
