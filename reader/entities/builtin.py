"""The built-in recogniser: rules, gazetteers and evidence gathered over the whole text.

DATE, TIME, MONEY and PERCENT come from the patterns in :mod:`reader.entities.patterns`.
Names are found as *runs* of capitalised words ("University of Virginia", "iPhone 15e",
"Abdulaziz bin Salman") and handled in two passes:

1. **Evidence.** Runs in running text (not at a sentence start, not in a headline or
   an all-caps line) are remembered as *seen*; a sentence's first word only counts when
   it cannot be an ordinary word there. Strong cues then give a label for the whole
   document: a title or role before a name ("CEO Ren Zhengfei", "runner Eliud
   Kipchoge"), a transcript speaker label ("KIM WHITLER:"), a census given name or an
   East Asian family name ("Jonathan Carson", "Xi Jinping"), an apposition ("Christophe
   Barraud, chief economist at ..."), an organisation suffix ("Commerce Department"), a
   product cue ("the WeChat app", "apps like Gmail and YouTube"). The parts of a
   person's name are remembered, so "Carson" alone later is a PERSON too.
2. **Labelling.** Each run is split at titles, possessives and connectors that are not
   part of a name, trimmed of a sentence-initial word that is not ("The", "Several"),
   and labelled from the document's evidence, then the gazetteers (places, regions,
   group words), then shape rules (suffixes, model numbers, "X, California"). Unknown
   names default to ORG, the commonest label in news.

Words at a sentence start, in a title-case headline, in an all-caps line or a table
cell need the rest of the text, a gazetteer or a clause that follows ("Nissan
reported ...") to vouch for them, so headlines and tables do not explode into false
entities. Quoted title-case phrases are WORK_OF_ART; publishers after a headline's
dash are ORG.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from reader.entities import gazetteers as gaz
from reader.entities import wordlists
from reader.entities.patterns import numeric_entities
from reader.model import Entity

# -- runs of capitalised words --------------------------------------------------------------

# Upper-case letters: ASCII and the accented Latin ones ("Émile", "Łódź", "Åsa").
_UP = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
# A capitalised word: "U.S.", "McDonald’s", "Wi-Fi", "Investing.com", "P30", or a
# camel-case brand starting lower-case ("iPhone", "eBay").
_CAP_WORD = (
    r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.{_INITIAL_NEXT}|[{_UP}][\w’'&.-]*\w|[{_UP}]"
    # An Arabic family name with its article: "al-Burhan", "el-Sisi".
    r"|(?:al|el|ad|ash|az)-[{_UP}][\w’'-]*\w|[a-z]{{1,2}}[A-Z]\w*)"
).format(
    _UP=_UP,
    # A middle initial ("John F. Kennedy") is followed by a name, not by a new sentence.
    _INITIAL_NEXT=r"(?=[ \t]+[A-Z][a-z])",
)
_CONNECTOR = (
    r"(?:of(?:[ \t]+the)?|for|and|&|(?:de|del|da|das|do|dos|des|di|van|von|der|den|du|la|le|bin|ibn|al)"
    r"(?:[ \t]+(?:der|den|la|le|de))?)"
)
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|az)-[^\W\d_a-z]")
_PARTICLES = frozenset("de del da das do dos des di van von der den du la le bin ibn al".split())
_STARTERS = r"(?:The|A|An|In|It|He|She|They|We|I|But|And|This|That|On|At|As)\b"
# One space between the words of a name: wider gaps and tabs separate table columns. After
# a word ending in "." ("U.S."), a sentence starter begins a new sentence, not the name.
_GAP = rf"(?:(?<!\.)[ \u00a0]|(?<=\.)[ \u00a0](?!{_STARTERS}))"
# A model number after a name ("iPhone 15e", "Windows 11"), but not a year, an amount or a time.
_MODEL = (
    r"(?!(?:1[89]|20)\d\d\b)\d{1,4}[a-z]{0,2}(?![\w%/$£€-]|[,.:]\d|[ \t]+(?:percent|per|million|"
    r"billion|thousand|years?|months?|weeks?|days?|hours?|minutes?|a\.m|p\.m|am\b|pm\b))"
)
_RUN = re.compile(
    rf"(?<![\w@#/.’'])(?<![a-z]-){_CAP_WORD}"
    rf"(?:{_GAP}(?:(?:{_CONNECTOR}[ \t]+)?{_CAP_WORD}|{_MODEL}))*(?![\w@])"
)
_TOKEN = re.compile(rf"{_CAP_WORD}|{_CONNECTOR}|{_MODEL}")
# Lower-case words of running text (not inside URLs, handles or file names).
_LOWER_WORD = re.compile(r"(?<![\w’'/.@#-])[a-z][a-z]+(?![\w/@#-]|\.\w)")

# -- context that tells what a name is ------------------------------------------------------

_SPEAKER = re.compile(r"^([A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+){1,3}):(?=[ \t]*$|[^\n]*[a-z])", re.M)
_SAYING = re.compile(
    r"[ \t]*,?[ \t]*(?:said|says|say|told|tells|added|adds|explained|explains|wrote|writes|"
    r"noted|notes|argued|argues|asked|asks|recalled|recalls|according)\b"
)
# What follows a name and tells its kind: "the Trump administration", "the WeChat app".
_WHO_AFTER = re.compile(r",[ \t]+who\b")
# An age right after a lone name: "said Hasnawati, a 52-year-old fisher", "Oduya, 41,".
# An age after a name: "Ana Lima, 34, said".
_AGE_AFTER = re.compile(r",[ \t]\d{1,3},")
_AGE_APPOSITION = re.compile(rf",[ \t]+(?:an?[ \t]+)?\d{{1,3}}-year-old\b|{_AGE_AFTER.pattern}")
_SAYING_VERB = re.compile(r"[ \t]+(?:said|says|told|added|asked|replied|recalled|insisted)\b")
_PERSON_AFTER = re.compile(r"[ \t]+(?:administration|presidency|Administration|Presidency)\b")
_PRODUCT_AFTER = re.compile(
    r"(?:[ \t]+(?:app(?![ \t]+stores?)|operating system|OS|browser)\b"
    r"|-(?:based|powered|compatible|enabled)\b)"
)
_DOWNLOAD_FROM = re.compile(
    r"\b(?:download|downloaded|downloading|install|installed|installing)\b(?:[ \t]+(?:the|it|them|an?)(?:[ \t]+(?:app|game|update))?)?"
    r"[ \t]+(?:from|on|via|in)[ \t]+(?:the[ \t]+)?$"
)
_PRODUCT_NOUN_AFTER = re.compile(
    r"[ \t]+(?:chips?|processors?|chipsets?|smartphones?|handsets?|consoles?|headsets?|laptops?|tablets?)\b"
)
# "apps like Gmail, Google Maps and YouTube": a list of products after a kind of product.
_PRODUCT_LIST = re.compile(
    r"\b(?:apps?|applications|services|platforms?|products|devices|gadgets|phones|smartphones|"
    r"handsets|software|browsers|games|consoles|models|operating systems)[ \t]+"
    r"(?:like|such as|including)[ \t]+((?:{item}(?:,? (?:and|or) |, )?)+)".format(
        item=r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*(?: [A-Z0-9][\w’'-]*(?:\.[\w’'-]+)*)*"
    )
)
_LIST_ITEM = re.compile(r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*(?: [A-Z0-9][\w’'-]*(?:\.[\w’'-]+)*)*")
# "Christophe Barraud, chief economist at ...", "said Jane Doe": context of a person's name.
_ROLE_WORDS = (
    r"(?:chief|executive|president|founder|co-founder|director|head|analyst|economist|"
    r"strategist|professor|spokesman|spokeswoman|spokesperson|minister|secretary|chairman|"
    r"chairwoman|partner|manager|editor|reporter|author|researcher|fellow|lawyer|"
    r"officer|adviser|advisor|senior|former|vice|deputy|managing|general|who|whose|"
    r"\d{1,3}-year-old|nurse|teacher|student|resident|farmer|doctor|mother|father|widow|"
    r"player|striker|coach|captain|singer|actor|actress|writer|novelist|activist|lawmaker|"
    r"cricketer|batsman|batter|bowler|footballer|midfielder|defender|goalkeeper|winger|cyclist|"
    r"golfer|boxer|sprinter|filmmaker|journalist|photographer|rapper|composer|architect|poet)"
)
# Roles after which a single word is a person's name: "striker Pedro", "coach Tite".
_ROLE_NOUNS_ONE = frozenset(
    "coach striker midfielder defender goalkeeper winger batsman bowler captain singer rapper actor "
    "actress novelist poet painter manager president minister pope".split()
)
# What follows a market index: "the Nifty 50 index", "the Stoxx 600 benchmark".
_INDEX_AFTER = re.compile(r"[ \t]+(?:index|indices|indexes|benchmark|gauge|average)\b")
_APPOSITION = re.compile(rf",[ \t]+(?:(?:the|a|an|its|his|her)[ \t]+)?(?:[\w’'-]+[ \t]+){{0,2}}?{_ROLE_WORDS}\b")
_ROLE_AFTER = re.compile(
    r"[ \t]+(?:founder|co-founder|chief|executive|ceo|chairman|chairwoman|president|"
    r"spokesman|spokeswoman|spokesperson|boss|head|analyst|official|officials|employees?)\b"
)
_COMMA_NAME = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})")
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|at|from|for|with|by|to|in|on)[ \t]+$")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according to)[ \t]+$")

# -- shapes of names and of the text around them --------------------------------------------

_PRODUCT_TOKEN = re.compile(r"[A-Z]+\d+\w*$|[a-z]{1,2}[A-Z]|\d")
# A romanised Chinese, Korean or Vietnamese given name: one to three short syllables.
_ROMANISED = re.compile(
    r"(?:(?:zh|ch|sh|ngh|ng|nh|th|tr|ph|kh|gi|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ung|yu|"
    r"ai|ao|an|ei|en|ia|ie|in|iu|ou|ua|ui|un|uo|ue|oi|oo|ee|eo|a|e|i|o|u)(?:n|ng|k|p|t)?){1,3}",
    re.I,
)
# A lower-case tail after a hyphen that makes an adjective: "Chinese-based", "Soviet-style".
_HYPHEN_TAIL = re.compile(r"-[a-z][\w-]*$")
# A publisher after a dash at the end of a headline: "... – CNET", "... | Reuters".
_PUBLISHER = re.compile(r"[ \t][–—|-][ \t]+([A-Z][\w.&’']*(?: [A-Z][\w.&’']*){0,3})[ \t]*$", re.M)
# A photo credit: "Lisa Eadicicco/CNET", "Aly Song/Reuters".
_CREDIT = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})/([A-Z][\w.]*[A-Za-z])(?![\w/])")
# A title in quotation marks: “What Western Marketers Can Learn from China.”
_QUOTED = re.compile(r"[“\"]([A-Z][^“”\"\n]{3,120}?)[.]?[”\"]")
# Capitalised nouns after a known name that are not part of it ("Trump Administration").
_HEAD_NOUNS = frozenset(["Administration", "Presidency", "Era", "Government"])
# After a sentence's first word: the rest of a clause, not an exclamation ("Oops,") or an
# imperative's object ("Download the app").
_SUBJECT_NEXT = re.compile(
    r"[ \u00a0](?!(?:the|a|an|your|our|my|this|these|those|it|them|us|you|me|up|out|now|here)\b)[a-z]"
    r"|,[ \u00a0](?:the|a|an|which|who|whose)\b"  # "Boeing, the main contractor, declined"
    r"|,[ \u00a0][A-Z]"  # "Volkswagen, BMW and Mercedes-Benz could face"
)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
_PAN_NORP = re.compile(r"\bpan-([A-Z][a-z]+)\b")  # "pan-European"
_URLISH = re.compile(r"\.(?:com|org|net|co|io|ca|uk|gov|edu)$", re.I)
_POSSESSIVE = ("’s", "'s")
# What may follow a name ending in "'s" that is not a possessive: punctuation or a function word.
_NOT_POSSESSED = re.compile(
    r"(?:[.,;:!?)\"”]|[ \t]*[.,;:!?)”]|[ \t]+(?:or|and|is|was|has|had|did|does|said|says|really|also|will|"
    r"would|can|could|in|at|on|to|for|with)\b)"
)
_DOTTED = frozenset("Inc Corp Co Ltd Jr Sr Bros Mr Mrs Ms Dr Prof St Gen Gov Sen Rep Lt Col Capt".split())
# A lower-case role right before a name: "runner Eliud Kipchoge", "spokeswoman Jane Doe",
# "its music director, Andris Nelsons".
_ROLE_NOUNS = frozenset(
    """
    principal minister president premier chancellor secretary senator governor mayor leader chairman
    chairwoman chair founder co-founder executive officer spokesman spokeswoman spokesperson
    analyst economist strategist researcher professor director manager editor reporter
    correspondent columnist author writer lawyer attorney judge coach player striker runner singer
    rapper actor actress artist star boss chief ceo cfo investor billionaire entrepreneur dissident
    activist envoy ambassador general commander pilot wife husband son daughter father mother
    brother sister captain midfielder defender goalkeeper forward winger batsman bowler cricketer
    footballer novelist poet playwright filmmaker composer musician photographer journalist
    historian councillor councilor lawmaker legislator politician candidate prosecutor nurse doctor
    teacher student scientist physicist volunteer farmer cyclist swimmer sprinter champion referee
    official colleague opponent challenger incumbent deputy geologist engineer surgeon
    economist designer conductor violinist pianist dancer sculptor
    """.split()
)
_SENTENCE_END = frozenset(".!?:;\n")
_ANY_LAST = (
    wordlists.FAC_LAST
    | wordlists.FAC_OR_SURNAME
    | wordlists.GPE_LAST
    | wordlists.LOC_LAST
    | wordlists.EVENT_LAST
    | wordlists.WORK_LAST
    | frozenset(["Year"])
)
_ANY_FIRST = wordlists.EVENT_FIRST | wordlists.LOC_FIRST | wordlists.WORK_FIRST
# Plural nouns whose possessive is part of a name before a capitalised word.
_GROUP_POSSESSORS = frozenset(
    "Children Women Men People Workers Veterans Farmers Teachers Nurses Writers Journalists "
    "Boys Girls Mothers Soldiers Citizens Consumers Lawyers Doctors Traders Fishermen".split()
)
_NAME_NEXT = re.compile(r"[ \t][A-Z]")
# Another name just before, joined by "and" or a comma: "in Brittany and Normandy".
_COORDINATED = re.compile(r"([A-Z][\w’'.-]+)(?:,? and|,)[ \t]+$")
# Where a language name is a language: "literature in Spanish.", "she speaks Hausa and French".
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|speaks?|spoke|speaking|fluent|learn|learning|taught)[ \t]+$")
_LANGUAGE_AFTER = re.compile(r"[ \t]*(?:[.,;:!?”\")]|$|[ \t](?:and|or|as|with|but)\b)")
# A dotted title before a name: "Dr. Makoto Yoshikawa", "Mr. Kast" (not a sentence end).
_DOTTED_TITLE = re.compile(r"(?<![\w.])(?:Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|St)\.[ \u00a0]$")
# A preposition of place before an unknown name: "a rally in Providencia", "near Nowa Huta".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|towards|toward|above|below|beyond)[ \t]+$")
# A kind of place before "of": "the village of Blatten", "the canton of Valais".
_PLACE_OF = re.compile(
    r"\b(?:village|town|city|district|province|region|canton|state|county|municipality|suburb|"
    r"capital|prefecture|governorate|oblast|commune|township|hamlet|island)[ \t]+of[ \t]+$"
)
# A kind of place after an unknown name: "the Nuseirat camp", "the Kibera district".
_PLACE_AFTER = re.compile(
    r"[ \t]+(?:villages?|towns?|city|cities|districts?|provinces?|regions?|camps?|neighbou?rhoods?|"
    r"suburbs?|county|counties|municipality|township|prefectures?|governorates?|state)\b(?![ \t]+(?:of|council|government|"
    r"officials?|authorities|police|court|media|company|enterprise|broadcaster|agency)\b)"
)
# A kind of work right after a quoted title: '"Roma", a drama shot in Mexico City'.
_WORK_CUE_AFTER = re.compile(
    r",?[ \t]+(?:an?|the|his|her|their)[ \t]+(?:[a-z-]+[ \t]+)?(?:film|movie|thriller|drama|comedy|"
    r"documentary|novel|book|memoir|album|song|series|play|opera|musical|sitcom|podcast)\b"
)
# A lowercase noun right after a name, which then modifies it ("Nokia phones").
_NOUN_NEXT = re.compile(
    r"[ \t]+(?!(?:and|or|on|in|at|from|to|for|with|by|as|is|was|were|are|has|had|have|will|"
    r"would|could|can|may|last|this|next|where|which|when|while|after|before|since|until|"
    r"during|near|but|than|overnight|today|tonight|yesterday|again|too|also|earlier|later)\b)[a-z]"
)
# A place reached or seen, not an institution acting: "outside the Parthenon", "near the Nile".
_PHYSICAL_THE = re.compile(r"\b(?:near|outside|inside|across|along|around|beneath|atop|towards|toward)[ \t]+the[ \t]+$")
_IN_THE = re.compile(r"\b(?:in|into|across|over|through|from)[ \t]+the[ \t]+$")
_YEAR_AFTER = re.compile(r",?[ \t](?:19|20)\d\d\b(?![,.]?\d)")
# Heads of organisations named with "on" or "for" a cause.
_JOIN_HEADS = frozenset(
    "Commission Committee Council Institute Centre Center Society Federation Alliance Coalition "
    "Foundation Association Campaign Network Lawyers Physicians Doctors Journalists".split()
)
# A lowercase kind of natural place after a name: "the Bhote Koshi river".
_LOC_NOUN_AFTER = re.compile(
    r"[ \t]+(?:river|valley|glacier|mountains|desert|plateau|volcano|gorge|estuary)\b(?![ \t]+(?:of|authority|board)\b)"
)
# People who work at an organisation: "analysts at Morgan Stanley", "economists at ING".
_ORG_AT_BEFORE = re.compile(
    r"\b(?i:analysts?|economists?|strategists?|researchers|traders?|bankers?|engineers|executives?|"
    r"staff|employees|workers)[ \t]+at[ \t]+$"
)
# ... but not where "in" means a stake or a role: "a stake in Advantest", "jobs in Nvidia".
_NOT_LOCATIVE = re.compile(
    r"\b(?:stakes?|invest\w*|shares|holdings?|interest|roles?|jobs?|work\w*|careers?|"
    r"employees|staff|executives|customers|users|positions?|trust|faith|partner\w*|"
    r"deals?|cuts?|changes?|rise|fall|drop|gain|surge|slump|decline|\w*illion|bn|\d)[ \t]+in[ \t]+$"
)
# A kind of work before a quoted title: "his memoir “Opening Up”", "the film ‘Roma’".
_WORK_CUE = re.compile(
    r"\b(?:film|movie|documentary|novel|book|memoir|biography|album|song|single|series|show|"
    r"play|opera|poem|painting|exhibition|essay|column|podcast|programme|program|sitcom|"
    r"musical|story|collection|anthology|track|ballad|symphony|report)[ \t,]*$"
)
_SPACES = frozenset(" \t\u00a0")
_OPENERS = frozenset("\"“‘'([«—–-•*")


@dataclass(slots=True)
class _Run:
    """A run of capitalised words, split into word tokens with their offsets."""

    tokens: list[tuple[int, int]]
    weak: bool
    """True at a sentence start or in a headline: evidence from elsewhere is needed."""
    headline: bool
    title_before: bool = False
    dotted_title: bool = False
    dropped: int | None = None
    """Start of a sentence-initial word cut off the front ("The"), kept if the text says so."""
    segments: list[tuple[list[tuple[int, int]], str]] = field(default_factory=list)
    """The run split into names (see ``BuiltinRecogniser._segments``), set by the first pass."""


@dataclass(slots=True)
class _Evidence:
    """What the whole document says about names."""

    seen: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    person_last: set[str] = field(default_factory=set)
    person_first: set[str] = field(default_factory=set)
    lower_words: set[str] = field(default_factory=set)
    seen_tokens: set[str] = field(default_factory=set)
    name_possessives: set[str] = field(default_factory=set)

    def add_person(self, words: list[str]) -> None:
        name = " ".join(words)
        self.labels[name] = "PERSON"
        if len(words) > 1:
            self.person_first.add(words[0])
            self.person_last.add(words[-1])


class _Lines:
    """Per-line facts: where lines start, and which are headlines or all-caps."""

    __slots__ = ("kinds", "starts")

    def __init__(self, text: str, lower_words: set[str]) -> None:
        self.starts: list[int] = [0]
        self.kinds: list[int] = []
        offset = 0
        for line in text.split("\n"):
            self.kinds.append(_line_kind(line, lower_words))
            offset += len(line) + 1
            self.starts.append(offset)

    def kind(self, position: int) -> int:
        return self.kinds[bisect_right(self.starts, position) - 1]


_PLAIN, _TITLE_CASE, _ALL_CAPS = 0, 1, 2
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_UPPER = re.compile(r"[^\W\d_a-z]")
_LONGEST_HEADLINE = 200
_LONGEST_NAME = 6
"""Capitalised words in one name ("University of Virginia Darden School of Business": 5)."""
_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as vs".split())


def _line_kind(line: str, lower_words: set[str]) -> int:
    """Classify a line as plain text, a title-case headline or an all-caps line.

    A title-case headline capitalises ordinary words too ("Huawei Can Technically
    Survive"); a line of names ("Reporting by Jane Doe in London") does not, so at least
    one capitalised word after the first must be an ordinary word of the text.
    """
    stripped = line.rstrip()
    if len(stripped) > _LONGEST_HEADLINE or stripped.endswith("."):
        return _PLAIN  # a paragraph: the common case, decided without looking at words
    words = _WORD.findall(line)
    if len(words) < 2:
        return _PLAIN
    if line == line.upper():
        return _ALL_CAPS if len(_UPPER.findall(line)) >= 6 else _PLAIN
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) >= 3:
        capitalised = sum(1 for w in content if w[0].isupper())
        if capitalised >= 0.75 * len(content) and any(
            w in wordlists.NOT_NAMES or w.lower() in lower_words for w in content[1:] if w[0].isupper()
        ):
            return _TITLE_CASE
    return _PLAIN


def _fold(name: str) -> str:
    """``name`` without accents, for looking it up in lists spelt in ASCII."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_initial(word: str) -> bool:
    """A middle initial such as "F." in "John F. Kennedy"."""
    return len(word) == 2 and word[1] == "."


def _is_sentence_start(text: str, start: int) -> bool:
    """True when ``start`` opens a sentence, a line, a quotation or a table cell."""
    if text.startswith(("\t", "  "), start - 2) or text.startswith("\t", start - 1):
        return True
    i = start - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    while i >= 0 and text[i] in _OPENERS:
        if text[i] in '“"' or (text[i] in "–—-" and i > 0 and text[i - 1] in _SPACES):
            # Quoted speech starts a sentence; so does a clause after a spaced dash
            # ("LONDON (Reuters) – Oil prices rose").
            return True
        i -= 1
        while i >= 0 and text[i] in _SPACES:
            i -= 1
    if i >= 0 and text[i] == "." and _DOTTED_TITLE.search(text, max(0, i - 5), start):
        return False  # "Dr. Makoto Yoshikawa": the dot ends a title, not a sentence
    return i < 0 or text[i] in _SENTENCE_END


def _word_before(text: str, start: int, comma: bool = False) -> str:
    """The word right before ``start`` across spaces (and a comma when ``comma``), or ""."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start:
        return ""
    if comma and i > 0 and text[i - 1] == ",":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "-"):
        j -= 1
    return text[j:i]


def _ordinary_word(word: str) -> bool:
    """Two dictionary words run together into an agent noun ("Chipmaker", "Drugmaker")."""
    if not word.isalpha() or not word[1:].islower():
        return False
    lower = word.lower()
    # Only agent nouns ("-maker", "-builder", "-seller"), not "Lockheed" or "Goldcorp".
    return lower.endswith(("er", "or", "ist")) and any(
        gaz.is_common_word(lower[:i]) and gaz.is_common_word(lower[i:]) for i in range(3, len(lower) - 2)
    )


def _is_role(word: str) -> bool:
    """A lower-case role noun, also at the end of a compound ("secretary-general")."""
    return (
        word in _ROLE_NOUNS
        or ("-" in word and word.rsplit("-", 1)[1] in _ROLE_NOUNS)
        or (word.endswith("ologist") and word.isalpha())  # "meteorologist", "virologist"
    )


def _strip_possessive(text: str, start: int, end: int, evidence: _Evidence) -> int:
    """End offset without a trailing possessive, unless the "'s" belongs to the name."""
    word = text[start:end]
    if word.endswith(_POSSESSIVE) and len(word) > 2:
        stem = text[start : end - 2]
        if stem in _GROUP_POSSESSORS and _NAME_NEXT.match(text, end):
            return end  # "Children’s Hospital", "People’s Party": the "'s" is the name's

        if stem.rsplit(" ", 1)[-1] in evidence.seen_tokens:
            return end - 2
        if word not in evidence.name_possessives:
            return end - 2
    return end


class BuiltinRecogniser:
    """Rule- and gazetteer-based recogniser; see the module docstring for the method."""

    name = "builtin"

    def __init__(self) -> None:
        gaz.load_all()
        self._places = gaz.places()
        self._states = gaz.states()
        self._regions = gaz.regions()
        lower = sorted((r for r in self._regions if r[0].islower()), key=len, reverse=True)
        self._lower_regions = re.compile(rf"\b(?:{'|'.join(map(re.escape, lower))})\b" if lower else r"(?!)")
        # Words every lower-case region name contains, to skip the scan when none is there.
        self._lower_region_keys = frozenset(name.split()[-1] for name in lower)
        self._norp = gaz.norp()
        self._towns = gaz.towns()
        self._given = gaz.given_names() | wordlists.WORLD_GIVEN_NAMES
        self._surnames = gaz.surnames()
        self._use_dictionary = bool(gaz.common_words())
        self._titles = wordlists.TITLES
        self._org_suffixes = wordlists.ORG_SUFFIXES
        self._org_heads = wordlists.ORG_HEADS
        self._extra_org = wordlists.EXTRA_ORG

    # -- public -------------------------------------------------------------------------

    def recognise(self, text: str) -> list[Entity]:
        """Entities in ``text``: sorted, non-overlapping, ``text[start:end] == entity.text``."""
        if not text:
            return []
        spans = numeric_entities(text)
        taken = _Coverage(spans)
        names = self._names(text, taken)
        # At one start, the longer span wins; the first to claim a range keeps it.
        merged = sorted(spans + names, key=lambda span: (span[0], -span[1]))
        result: list[Entity] = []
        last_end = -1
        for start, end, label in merged:
            if start >= last_end and start < end:
                result.append(Entity(start, end, label, text[start:end]))
                last_end = end
        return result

    # -- names --------------------------------------------------------------------------

    def _names(self, text: str, taken: _Coverage) -> list[tuple[int, int, str]]:
        evidence = _Evidence()
        evidence.lower_words = set(_LOWER_WORD.findall(text))
        lines = _Lines(text, evidence.lower_words)
        runs = self._runs(text, lines, taken)
        self._gather(text, runs, evidence)
        found: list[tuple[int, int, str]] = []
        for match in _SPEAKER.finditer(text):
            if self._is_speaker(match.group(1)):
                found.append((match.start(1), match.end(1), "PERSON"))
        regions_here = any(key in text for key in self._lower_region_keys)
        for match in self._lower_regions.finditer(text) if regions_here else ():
            found.append((match.start(), match.end(), "LOC"))  # "the euro zone"
        for match in _PAN_NORP.finditer(text) if "pan-" in text else ():
            if match.group(1) in self._norp:
                found.append((match.start(), match.end(), "NORP"))
        for match in _QUOTED.finditer(text):
            if self._is_title(match.group(1)) or (
                (
                    _WORK_CUE.search(text, max(0, match.start() - 16), match.start())
                    or _WORK_CUE_AFTER.match(text, match.end())
                )
                and self._is_title(match.group(1), loose=True)
            ):
                found.append((match.start(1), match.end(1), "WORK_OF_ART"))
        for match in _CREDIT.finditer(text) if "/" in text else ():
            if self._looks_like_person(match.group(1).split()):
                found.append((match.start(1), match.end(1), "PERSON"))
                found.append((match.start(2), match.end(2), "ORG"))
        for match in _PUBLISHER.finditer(text):
            if taken.overlaps(match.start(1), match.end(1)) or any(
                word in wordlists.NOT_NAMES and word != "The" for word in match.group(1).split()
            ):
                continue
            found.append((match.start(1), match.end(1), "ORG"))
        for run in runs:
            found.extend(self._label_run(text, run, evidence))
        return self._laws_with_years(text, self._join_on_for(text, found))

    def _laws_with_years(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """ "the Finance Bill 2025", "the Data Protection Act 2018": the year belongs to the law."""
        if " Bill" not in text and " Act " not in text:
            return found
        result = []
        for start, end, label in found:
            name = text[start:end]
            if label in ("ORG", "LAW") and " " in name and name.rsplit(" ", 1)[-1] in ("Bill", "Act"):
                year = _YEAR_AFTER.match(text, end)
                if year and not self._is_given(name.split(" ", 1)[0]):
                    result.append((start, year.end(), "LAW"))
                    continue
                if name.endswith(" Bill") and not self._is_given(name.split(" ", 1)[0]):
                    label = "LAW"  # "the Finance Bill"
            result.append((start, end, label))
        return result

    def _join_on_for(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """One organisation across "on"/"for": "National Commission on Human Rights",
        "Lawyers for Human Rights", "Institute for Fiscal Studies"."""
        if " on " not in text and " for " not in text:
            return found
        joined: list[tuple[int, int, str]] = []
        # Stable by position: of two spans at one place, the first found still wins later.
        for span in sorted(found, key=lambda span: (span[0], span[1])):
            if joined:
                start, end, label = joined[-1]
                gap = text[end : span[0]]
                last = text[start:end].rsplit(" ", 1)[-1]
                if (
                    gap in (" on ", " for ")
                    and label == "ORG"
                    and (last in _JOIN_HEADS or last in self._org_suffixes)
                    and (span[2] == "ORG" or (span[2] in ("GPE", "LOC") and last in _JOIN_HEADS))
                ):
                    joined[-1] = (start, span[1], "ORG")
                    continue
            joined.append(span)
        return joined

    def _runs(self, text: str, lines: _Lines, taken: _Coverage) -> list[_Run]:
        runs: list[_Run] = []
        for match in _RUN.finditer(text):
            start = match.start()
            kind = lines.kind(start)
            headline = kind != _PLAIN
            weak = headline or _is_sentence_start(text, start)
            tokens: list[tuple[int, int]] = []
            found = list(_TOKEN.finditer(match.group()))
            dropped = None
            if (
                weak
                and not headline
                and len(found) > 1
                and found[0].group() in wordlists.NOT_NAMES
                and not any(
                    self._in_gazetteer(match.group()[: m.end()]) for m in found[1:5]
                )  # "New South Wales Police"
            ):
                # "The Commerce Department said": the sentence's first word is not the name's.
                dropped = start + found[0].start()
                found = found[1:]
                weak = False
            run_count = len(runs)
            for m in found:
                tok_start, tok_end = start + m.start(), start + m.end()
                if taken.overlaps(tok_start, tok_end):  # "May" in "Beijing on May 23"
                    if tokens:
                        runs.append(_Run(tokens, weak, headline))
                    tokens, weak = [], False
                    continue
                word = text[tok_start:tok_end]
                if word in _DOTTED and text.startswith(".", tok_end):
                    tok_end += 1  # "Corp." keeps its dot
                    word += "."
                if "-" not in word or word in self._places or word in self._regions:
                    tokens.append((tok_start, tok_end))
                    continue
                tail = _HYPHEN_TAIL.search(word)
                if tail:  # "Chinese-based": the name is the part before the hyphen.
                    tokens.append((tok_start, tok_start + tail.start()))
                    if tail.start() < len(word):
                        runs.append(_Run(tokens, weak, headline))
                        tokens, weak = [], False
                    continue
                parts = self._hyphen_parts(text, tok_start, tok_end)
                if parts is None:
                    tokens.append((tok_start, tok_end))
                    continue
                for part in parts:  # "China-U.S.": two names joined by a hyphen.
                    if tokens:
                        runs.append(_Run(tokens, weak, headline))
                    tokens, weak = [part], False
                weak = False
            if tokens:
                runs.append(_Run(tokens, weak, headline))
            if len(runs) > run_count:
                if dropped is not None:
                    runs[run_count].dropped = dropped
                elif not weak and _is_role(_word_before(text, start, comma=True)):
                    runs[run_count].title_before = True
                elif (
                    text[start - 2 : start - 1] == "."
                    and _DOTTED_TITLE.search(text, max(0, start - 7), start)
                    and not text.startswith("St", start - 5)
                ):
                    runs[run_count].dotted_title = True
        return runs

    def _in_gazetteer(self, name: str) -> bool:
        if name.endswith(_POSSESSIVE):
            name = name[:-2]
        return name in self._places or name in self._regions or name in self._extra_org

    def _hyphen_parts(self, text: str, start: int, end: int) -> list[tuple[int, int]] | None:
        """Split "China-U.S." into known names, or None when a part is not a known name."""
        parts = []
        offset = start
        for part in text[start:end].split("-"):
            part_end = offset + len(part)
            if part_end == end and text[part_end : part_end + 1] == "." and part.count(".") >= 1:
                part_end += 1  # the abbreviation's final dot: "U.S."
            name = text[offset:part_end]
            if not (name in self._places or name in self._norp or name in self._regions):
                return None
            parts.append((offset, part_end))
            offset += len(part) + 1
        return parts

    def _gather(self, text: str, runs: list[_Run], evidence: _Evidence) -> None:
        """First pass: remember forms seen in running text and strong label cues."""
        seen_tokens: set[str] = set()
        possessives: dict[str, int] = {}
        for run in runs:
            words = [text[s:e] for s, e in run.tokens]
            for (_, end), word in zip(run.tokens, words, strict=False):
                if word.endswith(_POSSESSIVE) and _NOT_POSSESSED.match(text, end):
                    possessives[word] = possessives.get(word, 0) + 1
            # A sentence's first word counts only when it cannot be an ordinary word there:
            # "The Commerce Department" gives "Commerce Department", "Lockheed Martin" itself.
            first_strong = 0
            if run.weak and (
                len(words) == 1
                or words[0] in wordlists.NOT_NAMES
                or words[0].lower() in evidence.lower_words
                or gaz.is_common_word(words[0])
                or (len(words) > 1 and _ordinary_word(words[0]))  # "Chipmaker Nvidia"
            ):
                first_strong = 1
            if run.headline:
                continue
            for word in words[first_strong:]:
                seen_tokens.add(word)
            if len(words) > first_strong:
                name = " ".join(words[first_strong:])
                evidence.seen.add(name)
                if name.endswith(_POSSESSIVE):
                    evidence.seen.add(name[:-2])  # "City’s manager" vouches for "City"
        # Names ending in "'s" ("McDonald’s"): seen where no possessed noun follows
        # ("BMW and McDonald’s."), and their stem never stands alone.
        evidence.seen_tokens = seen_tokens
        evidence.name_possessives = {w for w in possessives if w[:-2] not in seen_tokens}
        for match in _SPEAKER.finditer(text):
            if not self._is_speaker(match.group(1)):
                continue
            evidence.labels[" ".join(match.group(1).split())] = "PERSON"
            words = [w.capitalize() for w in match.group(1).split()]
            evidence.person_first.add(words[0])
            evidence.person_last.add(words[-1])
            evidence.labels[" ".join(words)] = "PERSON"
        for run in runs:
            # Quoted speech attributed to a name: '"...," Sinner said', '"...," Jane Doe told'.
            first_start, last_end = run.tokens[0][0], run.tokens[-1][1]
            if (
                not run.headline
                and text[first_start - 3 : first_start - 1] in (',"', ",”", '."', ".”")
                and _SAYING_VERB.match(text, last_end)
            ):
                words = [text[s:e] for s, e in run.tokens]
                if self._looks_like_person(words) and not self._known(" ".join(words), evidence):
                    evidence.add_person(words)
                    evidence.person_last.add(words[-1])
        for run in runs:
            # A single name followed by ", who" is a person's ("Norris, who started on pole").
            if len(run.tokens) == 1 and not run.headline and _WHO_AFTER.match(text, run.tokens[0][1]):
                word = text[run.tokens[0][0] : run.tokens[0][1]]
                if (
                    self._looks_like_person([word])
                    and not self._known(word, evidence)
                    and (not gaz.is_common_word(word))
                ):
                    evidence.person_last.add(word)
        has_list = " like " in text or " such as " in text or " including " in text
        for match in _PRODUCT_LIST.finditer(text) if has_list else ():
            for item in _LIST_ITEM.findall(match.group(1)):
                if not self._known(item, evidence):
                    evidence.labels.setdefault(item, "PRODUCT")
        for run in runs:
            run.segments = self._segments(text, run, evidence)
            if run.headline:
                continue
            for index, (segment, cue) in enumerate(run.segments):
                if self._too_long(text, segment):
                    continue
                if index == 0 and run.weak:
                    trimmed = self._trim_sentence_start(text, segment, evidence)
                    if len(trimmed) < len(segment) and _is_role(text[segment[0][0] : segment[0][1]].lower()):
                        cue = "role"  # "Meteorologist Kostas Lagouvardos said"
                    segment = trimmed
                words = [text[s:e] for s, e in segment]
                name = " ".join(words)
                if not words or name in wordlists.NOT_NAMES:
                    continue
                if self._person_cue(text, segment, words, cue, evidence) and self._looks_like_person(words):
                    evidence.add_person(words)
                    if self._east_asian(words):
                        evidence.person_last.add(words[0])  # "Xi Jinping" ... "Xi said"
                elif words[-1] in self._org_suffixes and len(words) > 1:
                    evidence.labels.setdefault(name, "ORG")
                    if words[-1] in wordlists.LEGAL_FORMS and len(words) == 2:
                        evidence.labels.setdefault(words[0], "ORG")  # "Elisa Oyj" ... "Elisa shares"
                end = segment[-1][1]
                if len(words) == 1 and _PERSON_AFTER.match(text, end):
                    evidence.labels.setdefault(name, "PERSON")
                    evidence.person_last.add(name)
                elif _PRODUCT_AFTER.match(text, end) and not self._known(name, evidence):
                    evidence.labels.setdefault(name, "PRODUCT")
                elif (
                    (
                        _DOWNLOAD_FROM.search(text, max(0, segment[0][0] - 40), segment[0][0])
                        or (_PRODUCT_NOUN_AFTER.match(text, end) and text.count(name) == 1)
                    )
                    and not self._known(name, evidence)
                    and not gaz.is_common_word(words[0])  # "Several chip makers", "Honor"
                    and not text.startswith(" app", end)  # "the Apple app store"
                    and not self._is_given(words[0])
                    and name not in evidence.person_last
                ):
                    # "download the app from Google Play", "the Blackwell chips": a company's
                    # name recurs, a product line mentioned once before its kind does not.
                    evidence.labels.setdefault(name, "PRODUCT")

    def _person_cue(
        self, text: str, segment: list[tuple[int, int]], words: list[str], cue: str, evidence: _Evidence
    ) -> bool:
        """Strong evidence that a name segment is a person, from its words or its context."""
        if cue == "title":
            return True
        if not 2 <= len(words) <= 3:
            return False
        start, end = segment[0][0], segment[-1][1]
        if _PLACE_OF.search(text, max(0, start - 24), start):
            return False  # "the town of Al Marj"
        if _ROLE_AFTER.match(text, end):
            return False  # "Trade Desk founder Jeff Green": the organisation comes before the role
        if cue == "role" or self._is_given(words[0]) or self._east_asian(words):
            return True
        if (
            _APPOSITION.match(text, end)
            or _SAID_BEFORE.search(text, max(0, start - 8), start)
            or _AGE_AFTER.match(text, end)
        ):
            return True  # "Pep Guardiola, City's manager", "said Christophe Barraud"
        if gaz.is_common_word(words[0]):
            return False  # "The World Health Organization said": weaker cues need an odd first word
        if _SAYING.match(text, end):
            # "Jane Doe said", but not "chief executive of Acme Gaming, said"
            return not _PREPOSITION_BEFORE.search(text, max(0, start - 6), start)
        # "Christophe Barraud ... Barraud said": a census surname that also stands alone.
        if words[-1] in self._surnames and words[-1] in evidence.seen and words[0] not in self._surnames:
            return True
        return self._surname_alone(words, evidence)

    def _surname_alone(self, words: list[str], evidence: _Evidence) -> bool:
        """ "Augusto Pinochet ... Pinochet": an odd last word that also stands alone."""
        last = words[-1]
        return (
            len(words) == 2
            and last in evidence.seen
            and last not in self._places
            and words[0] not in self._places
            and not gaz.is_common_word(last)
            and not gaz.is_common_word(words[0])
        )

    def _title_follows(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """A title at ``tokens[i]``, maybe after more modifiers ("Health Cabinet Secretary")."""
        while i < len(tokens) and i < 6:
            word = text[tokens[i][0] : tokens[i][1]]
            if word in self._titles:
                return True
            if word not in wordlists.ROLE_MODIFIERS:
                return False
            i += 1
        return False

    def _head_label(self, words: list[str]) -> str | None:
        """FAC, LOC, EVENT or WORK_OF_ART from a name's head noun ("Gaddafi Stadium")."""
        if words[-1] not in _ANY_LAST and words[0] not in _ANY_FIRST and "of" not in words and "of the" not in words:
            return None  # the common case, decided with two set look-ups
        head = words[-1]
        for i in range(1, len(words) - 1):
            if words[i] in ("of", "of the"):  # "Bay of Bengal": the head comes before "of"
                head = words[i - 1]
                break
        if head in wordlists.FAC_LAST:
            return "FAC"
        if head in wordlists.GPE_LAST and len(words) > 1:
            return "GPE"  # "Limestone County", "Hunan Province"
        if head in wordlists.FAC_OR_SURNAME and len(words) > 1 and not self._is_given(words[0]):
            return "FAC"  # "Suntory Hall", but "Stuart Hall"
        if head in wordlists.LOC_LAST:
            return "LOC"
        if head in wordlists.EVENT_LAST:
            return "EVENT"
        if head in wordlists.WORK_LAST or (words[-1] == "Year" and "of the" in words):
            return "WORK_OF_ART"  # "Nobel Peace Prize", "Footballer of the Year"
        first = words[0]
        if first in wordlists.EVENT_FIRST:
            return "EVENT"  # "Typhoon Gaemi", "Battle of Britain"
        if first in wordlists.LOC_FIRST:
            return "LOC"  # "Mount Kenya", "Lake Victoria"
        if first in wordlists.WORK_FIRST and len(words) == 2:
            return "WORK_OF_ART"  # "Golden Bear", "Prix Goncourt"
        return None

    @staticmethod
    def _is_title(quoted: str, loose: bool = False) -> bool:
        """Title case of two or more words, not a quoted remark ("We will win," he said).

        ``loose``: after a kind of work ("the film “Roma”"), one word or short words will do.
        """
        if quoted.endswith((",", "?", "!")) or (
            not loose and quoted.startswith(("I ", "We ", "You ", "It "))  # a remark, unless cued
        ):
            return False
        words = _WORD.findall(quoted)
        content = [w for w in words if w.lower() not in _SMALL_WORDS and not (loose and w in _PARTICLES)]
        return (
            ((loose and len(content) >= 1) or len([w for w in content if len(w) > 2]) >= 2)  # not “Plan B”
            and all(w[0].isupper() for w in content)
        )

    def _is_speaker(self, label: str) -> bool:
        """A transcript speaker label ("KIM WHITLER") rather than a shouted heading."""
        words = label.split()
        return not any(
            w in wordlists.GENERIC_ACRONYMS or w.capitalize() in self._places or w in self._org_suffixes for w in words
        )

    def _looks_like_person(self, words: list[str]) -> bool:
        """Title-case words (not all caps), none a known place, group or organisation word."""
        if not 1 <= sum(1 for w in words if w.split()[0] not in _PARTICLES) <= 4:
            return False
        east_asian = self._east_asian(words)
        if len(words) > 1 and self._head_label(words):
            return False  # "Felix Houphouet-Boigny Stadium", "Golden Bear"
        for word in words:
            if word.split()[0] in _PARTICLES or _ARTICLE_NAME.match(word):  # "bin", "al-Burhan"
                continue
            if not word[0].isupper() or (word.isupper() and len(word) > 1 and not _is_initial(word)):
                return False
            if word in self._org_suffixes:
                return False
            if word in self._norp and not (
                word is words[0] and len(words) > 1 and self._is_given(word) and words[-1] in self._surnames
            ):
                return False  # "Christian" is a group, but "Christian Horner" a person
            if word in wordlists.NOT_NAMES and not east_asian:  # "Liu He" is a name
                return False
        if " ".join(words) in self._places or " ".join(words) in self._extra_org:
            return False  # "Hang Seng" is an index
        if (
            len(words) > 1
            and words[0] in self._places
            and not (self._is_given(words[0]) and words[-1] in self._surnames)
        ):
            return False  # "China Unicom", but "Georgia Smith"
        # "Elizabeth Warren" is a person although Warren is also a city.
        return words[-1] not in self._places or (len(words) > 1 and self._is_given(words[0]))

    @staticmethod
    def _east_asian(words: list[str]) -> bool:
        """ "Xi Jinping", "Lam Yik Fei": a family name, then romanised given-name syllables."""
        return words[0] in wordlists.EAST_ASIAN_SURNAMES and all(
            len(w) <= 9 and _ROMANISED.fullmatch(w) for w in words[1:]
        )

    def _segments(self, text: str, run: _Run, evidence: _Evidence) -> list[tuple[list[tuple[int, int]], str]]:
        """Split a run at titles, possessives and weak connectors.

        Returns ``(tokens, cue)`` pairs; ``cue`` is ``"title"`` when a title or role
        came right before the segment, else ``""``.
        """
        tokens = list(run.tokens)
        segments: list[tuple[list[tuple[int, int]], str]] = []
        current: list[tuple[int, int]] = []
        cue = "title" if run.dotted_title else "role" if run.title_before else ""
        i = 0
        while i < len(tokens):
            start, end = tokens[i]
            word = text[start:end]
            if word in self._titles or (word in wordlists.ROLE_MODIFIERS and self._title_follows(text, tokens, i + 1)):
                # A title ends the current segment unless it is part of a name ("General Motors"):
                # the words after it, up to a connector, end in an organisation suffix.
                rest = []
                for s_, e_ in tokens[i + 1 :]:
                    if text[s_].islower():
                        break
                    rest.append(text[s_:e_])
                    if text[s_:e_].endswith(_POSSESSIVE):
                        break
                if (
                    rest
                    and rest[-1].removesuffix("’s").removesuffix("'s") in self._org_suffixes
                    and not self._is_given(rest[0])
                ):  # "General Motors", "Justice Department’s"
                    current.append((start, end))
                    i += 1
                    continue
                if word in ("Minister", "Secretary"):
                    # "Civil Protection Minister", "Mines Minister": the portfolio is no name.
                    while (
                        current
                        and gaz.is_common_word(text[current[-1][0] : current[-1][1]])
                        and text[current[-1][0] : current[-1][1]] not in self._norp
                    ):
                        current.pop()
                if current:
                    segments.append((current, cue))
                current, cue = [], "title"
                i += 1
                if (
                    i + 1 < len(tokens)
                    and text[tokens[i][0] : tokens[i][1]] in ("of", "of the")
                    and text[tokens[i + 1][0] : tokens[i + 1][1]] in wordlists.ROLE_MODIFIERS
                ):
                    i += 2  # "Secretary of State", "Minister of the Interior": all title
                continue
            if word[0].islower() and not _PRODUCT_TOKEN.match(word) and not _ARTICLE_NAME.match(word):
                # Connector: keep inside "University of Virginia" or "Abdulaziz bin Salman",
                # split elsewhere ("Qualcomm and Intel").
                head = text[current[-1][0] : current[-1][1]] if current else ""
                last = text[tokens[-1][0] : tokens[-1][1]]
                joins = (
                    (word.split()[0] in _PARTICLES and current)
                    or word == "&"
                    or (word in ("of", "of the", "for") and (head in self._org_heads or head in self._org_suffixes))
                    # "Bay of Bengal", "Africa Cup of Nations", "Player of the Year"
                    or (
                        word in ("of", "of the")
                        and current
                        and i + 1 < len(tokens)
                        and (head in wordlists.HEADS_WITH_OF or text[tokens[i + 1][0] : tokens[i + 1][1]] == "Year")
                    )
                    # "Food and Drug Administration": a common noun before "and", a suffix at the end
                    or (
                        word == "and"
                        and len(current) == 1  # "Cebu Pacific and Philippine Airlines": two names
                        and last in self._org_suffixes
                        and head not in self._org_suffixes
                        and head not in evidence.seen
                        and (head.lower() in evidence.lower_words or gaz.is_common_word(head))
                    )
                )
                if joins:
                    current.append((start, end))
                else:
                    if current:
                        segments.append((current, cue))
                    current, cue = [], ""
                i += 1
                continue
            new_end = _strip_possessive(text, start, end, evidence)
            if new_end != end:
                current.append((start, new_end))
                segments.append((current, cue))
                current, cue = [], ""
                i += 1
                continue
            current.append((start, end))
            i += 1
        if current:
            segments.append((current, cue))
        # Connectors left dangling at a segment's end are not part of the name.
        cleaned = []
        for seg, seg_cue in segments:
            while (
                seg
                and text[seg[-1][0]].islower()
                and not (_PRODUCT_TOKEN.match(text[seg[-1][0] : seg[-1][1]]) or _ARTICLE_NAME.match(text, seg[-1][0]))
            ):
                seg = seg[:-1]
            if seg:
                cleaned.append((seg, seg_cue))
        return cleaned

    def _label_run(self, text: str, run: _Run, evidence: _Evidence) -> list[tuple[int, int, str]]:
        found = []
        for index, (segment, cue) in enumerate(run.segments):
            weak = run.weak and index == 0
            if run.headline or self._too_long(text, segment):
                # Headline words, or a long capitalised stretch that is title text, not one name.
                found.extend(self._label_known(text, segment, evidence))
                continue
            if weak:
                trimmed = self._trim_sentence_start(text, segment, evidence)
                if len(trimmed) < len(segment) and _is_role(text[segment[0][0] : segment[0][1]].lower()):
                    cue = "role"
                segment = trimmed
                if not segment:
                    continue
                # Only the first word was sentence-initial; a longer run is mostly ordinary text.
                weak = len(segment) == 1 and segment[0][0] == run.tokens[0][0]
                if weak and text.startswith(_POSSESSIVE, segment[0][1]):
                    weak = False  # "Amazon's shares rose": common words rarely take "'s"
            last = text[segment[-1][0] : segment[-1][1]]
            if len(segment) > 1 and (last in wordlists.GENERIC_ACRONYMS or last in _HEAD_NOUNS):
                rest = text[segment[0][0] : segment[-2][1]]
                if self._gazetteer_label(rest, evidence) or rest in evidence.seen:
                    # "Uighur DNA", "the Trump Administration": the last word is not the name's.
                    segment = segment[:-1]
            if len(segment) > 1 and all(text[s:e] in self._norp for s, e in segment):
                if text[segment[-1][0] : segment[-1][1]].endswith("s"):  # "Uighur Muslims": two groups
                    found.extend((s, e, "NORP") for s, e in segment)
                else:  # "Han Chinese": one group
                    found.append((segment[0][0], segment[-1][1], "NORP"))
                continue
            first_word = text[segment[0][0] : segment[0][1]]
            if len(segment) > 2 and (first_word in self._norp or first_word in self._places):
                words = [text[s:e] for s, e in segment[1:]]
                if self._is_given(words[0]) and self._looks_like_person(words):
                    # "Canadian Jeremy Hansen", "Kenyan Eliud Kipchoge": a group word, then a person
                    group = self._gazetteer_label(first_word, evidence) or "NORP"
                    found.append((segment[0][0], segment[0][1], group))
                    found.append((segment[1][0], segment[-1][1], "PERSON"))
                    continue
            if len(segment) > 1 and text[segment[-1][0] : segment[-1][1]] in self._norp:
                place = text[segment[0][0] : segment[-2][1]]
                if place in self._places:  # "a Louisiana Republican"
                    found.append((segment[0][0], segment[-2][1], "GPE"))
                    found.append((segment[-1][0], segment[-1][1], "NORP"))
                    continue
            label = self._label(text, segment, evidence, cue, weak)
            if label:
                start = segment[0][0]
                # "The New York Times" seen mid-sentence keeps its "The" at a sentence start.
                if index == 0 and run.dropped is not None and text[run.dropped : segment[-1][1]] in evidence.seen:
                    start = run.dropped
                found.append((start, segment[-1][1], label))
        return found

    @staticmethod
    def _too_long(text: str, segment: list[tuple[int, int]]) -> bool:
        """More capitalised words than any name has."""
        return sum(1 for s, _ in segment if not text[s].islower()) > _LONGEST_NAME

    def _trim_sentence_start(
        self, text: str, segment: list[tuple[int, int]], evidence: _Evidence
    ) -> list[tuple[int, int]]:
        """Drop a sentence-initial word that is not part of the name ("The", "Several")."""
        first = text[segment[0][0] : segment[0][1]]
        whole = text[segment[0][0] : segment[-1][1]]
        if len(segment) == 1 or whole in evidence.seen or whole in evidence.labels:
            return segment
        if any(self._in_gazetteer(text[segment[0][0] : end]) for _, end in segment[1:5]):
            return segment  # "New South Wales Police"
        if first in wordlists.NOT_NAMES:
            return segment[1:]
        if first.lower() in evidence.lower_words and not self._known(first, evidence):
            return segment[1:]
        rest_words = [text[s:e] for s, e in segment[1:]]
        if (
            _is_role(first.lower())
            and first not in self._titles
            and (
                self._is_given(rest_words[0])
                or (
                    len(rest_words) == 2
                    and self._looks_like_person(rest_words)
                    and not any(gaz.is_common_word(w) for w in rest_words)
                )
            )
        ):
            return segment[1:]  # "Striker Pedro scored", "Novelist Elif Shafak said"
        rest_name = " ".join(rest_words)
        if (
            len(segment) == 2
            and first[1:].islower()  # not "NEW DELHI"
            and (gaz.is_common_word(first) or _ordinary_word(first))
            and first not in _ANY_FIRST  # "Hurricane Beryl ... Beryl"
            and first not in self._org_heads
            and first not in self._titles
            and not self._known(first, evidence)
            and first not in evidence.seen_tokens
            and not self._is_given(first)
            and (rest_name in evidence.seen or rest_name in evidence.seen_tokens)
            and text.count(rest_name) > 1  # vouched for elsewhere, not only here
            and (first + " " + rest_name) not in self._places
        ):
            # "Chipmaker Nvidia beats forecasts", "Drugmaker Pfizer said": an ordinary word
            # (or two run together) before a name the text or a gazetteer vouches for.
            return segment[1:]
        if len(segment) >= 3 and gaz.is_common_word(first) and not self._known(first, evidence):
            # "Geologist Raphaël Mayoraz", "Rivals Tokyo Electron": a capitalised common word,
            # then a person's name or a name the text uses elsewhere.
            rest = [text[s:e] for s, e in segment[1:]]
            if text[segment[1][0]].isupper() and (
                (self._is_given(rest[0]) and self._looks_like_person(rest)) or " ".join(rest) in evidence.seen
            ):
                return segment[1:]
        return segment

    def _unknown_word(self, word: str) -> bool:
        """A capitalised word that is no dictionary word ("Nissan", "SoftBank", not "Several")."""
        if word.isupper():
            return 2 <= len(word) <= 5 and word not in wordlists.GENERIC_ACRONYMS  # "BYD, the ..."
        return (
            self._use_dictionary
            and word.isalpha()
            and not (word.endswith("s") and not word.endswith("ss"))  # "Smartphones", "Airlines"
            and not gaz.is_common_word(word)
        )

    def _known(self, name: str, evidence: _Evidence) -> bool:
        return (
            name in evidence.labels
            or name in self._places
            or name in self._regions
            or name in self._norp
            or name in self._extra_org
        )

    def _label_known(
        self, text: str, segment: list[tuple[int, int]], evidence: _Evidence
    ) -> list[tuple[int, int, str]]:
        """Label only what a gazetteer or the rest of the text vouches for (headlines)."""
        found = []
        i, n = 0, len(segment)
        while i < n:
            for j in range(min(n, i + 5), i, -1):
                start, end = segment[i][0], segment[j - 1][1]
                name = text[start:end]
                if name.isupper() and len(name) > 3:
                    titled = " ".join(w.capitalize() for w in name.split())
                else:
                    titled = name
                label = self._gazetteer_label(titled, evidence)
                if label is None and (name in evidence.seen or titled in evidence.seen):
                    if name.isupper() and len(name) > 3 and titled not in evidence.labels:
                        label = None
                    else:
                        label = self._label(text, segment[i:j], evidence, "", weak=False)
                if label:
                    found.append((start, end, label))
                    i = j
                    break
            else:
                i += 1
        return found

    def _is_given(self, word: str) -> bool:
        """A given name from the census lists, accents ignored ("Ángela" is "Angela")."""
        return word in self._given or (not word.isascii() and _fold(word) in self._given)

    def _gazetteer_label(self, name: str, evidence: _Evidence) -> str | None:
        """The label the document's evidence or a gazetteer gives ``name``, if any."""
        if not name.isascii() and name not in evidence.labels:
            folded = _fold(name)  # "İstanbul" is "Istanbul"
            if folded != name and folded.isascii():
                label = self._gazetteer_label(folded, evidence)
                if label:
                    return label
        if name.isupper() and len(name) > 3 and name not in evidence.labels and (name.replace(" ", "").isalpha()):
            name = " ".join(word.capitalize() for word in name.split())
        if name in evidence.labels:
            return evidence.labels[name]
        if name in evidence.person_last:
            return "PERSON"
        if name in self._extra_org:
            return "ORG"
        if name in self._norp:
            return "NORP"
        if name in self._regions:
            return "LOC"
        if name in self._places and (" " in name or name.isupper() or name.lower() not in evidence.lower_words):
            return "GPE"
        return None

    def _label(
        self,
        text: str,
        segment: list[tuple[int, int]],
        evidence: _Evidence,
        cue: str,
        weak: bool,
    ) -> str | None:
        """The label of one name segment, or None when it is not a name."""
        start, end = segment[0][0], segment[-1][1]
        name = text[start:end]
        words = [text[s:e] for s, e in segment]
        if (
            len(words) == 1
            and name in wordlists.NATIONAL_LANGUAGES
            and _LANGUAGE_BEFORE.search(text, max(0, start - 9), start)
            and _LANGUAGE_AFTER.match(text, end)
        ):
            return "LANGUAGE"  # "literature in Spanish."
        if _ORG_AT_BEFORE.search(text, max(0, start - 20), start) and not self._in_gazetteer(name):
            return "ORG"  # "analysts at Morgan Stanley", though Morgan and Stanley are names
        known = self._gazetteer_label(name, evidence)
        if known:
            return known
        if _LOC_NOUN_AFTER.match(text, end) and not name.isupper():
            return "LOC"  # "the Bhote Koshi river", "the Lötschental valley"
        first = words[0]
        if (
            cue == "title"
            and len(words) in (2, 3)
            and self._is_given(first)
            and not gaz.is_common_word(words[-1])
            and words[-1] not in self._places
            and not self._head_label(words)
        ):
            return "PERSON"  # "Minister Paul Kabuswe", though Paul is also a town
        if (
            cue == "role"
            and len(words) == 2
            and words[-1] in self._places
            and (first in self._surnames or self._is_given(first))
            and first not in self._places
            and not gaz.is_common_word(first)
            and not any(w.isupper() for w in words)
            and not self._head_label(words)
        ):
            return "PERSON"  # "director Joachim Trier", though Trier is a city
        if (
            cue == "role"
            and len(words) == 2
            and 2 <= len(first) <= 3
            and first.isupper()
            and first.isalpha()
            and words[1][1:].islower()
            and first not in wordlists.GENERIC_ACRONYMS
            and words[1] not in self._places
            and words[1] not in self._org_suffixes
        ):
            return "PERSON"  # "cricketer MS Dhoni": initials, then a surname
        if (cue and self._looks_like_person(words) and (cue == "title" or len(words) > 1)) or (
            len(words) == 1
            and _word_before(text, start).lower() in _ROLE_NOUNS_ONE
            and not name.isupper()
            and self._looks_like_person(words)
        ):
            return "PERSON"  # "coach José Peseiro", "Dr. Kast", "striker Pedro"
        if len(words) <= 3 and _INDEX_AFTER.match(text, end) and not self._head_label(words):
            return "ORG"  # "the Nifty 50 index": stock indices are organisations
        if len(words) == 1:
            return self._label_word(name, evidence, weak, text, end, start)
        last = words[-1]
        head = self._head_label(words)
        if head and first not in self._org_heads:
            return head
        if last in wordlists.LAW_LAST:
            return "LAW"
        if last in self._org_suffixes or first in self._org_heads:
            return "ORG"
        if len(words) == 2 and first in ("Section", "Article") and last.isdigit():
            return "LAW"  # "Section 112", "Article 50"
        if last in wordlists.PRODUCT_LAST or any(_PRODUCT_TOKEN.match(w) for w in words[1:]):
            return "PRODUCT"
        if all(w in wordlists.NOT_NAMES or w in wordlists.GENERIC_ACRONYMS for w in words):
            return None
        if (first in self._places or first in self._norp or first in self._extra_org) and not (
            len(words) == 2 and self._is_given(first) and last in self._surnames
        ):  # "China Unicom", but "Christian Horner"
            return "ORG"
        if (
            first in evidence.seen
            and len(words) <= 3
            and self._gazetteer_label(first, evidence) is None
            and not self._is_given(first)
            and last not in self._places
        ):
            return "PRODUCT"  # a company's name and a product's: "Google Maps", "Huawei Mate 30"
        if len(words) <= 3 and _PLACE_OF.search(text, max(0, start - 24), start):
            return "GPE"  # "the town of Al Marj"
        if (
            self._looks_like_person(words)
            and len(words) <= 3
            and (
                self._is_given(first)
                or last in evidence.person_last
                or self._east_asian(words)
                or self._surname_alone(words, evidence)
            )
        ):
            return "PERSON"
        if self._before_state(text, end) or (
            len(words) == 2 and (self._locative(text, start) or _PLACE_AFTER.match(text, end))
        ):
            return "GPE"
        return "ORG"

    def _coordinated_place(self, text: str, start: int, evidence: _Evidence) -> bool:
        """An unknown name listed after a known city or region ("in Brittany and Normandy")."""
        if text[start - 2 : start] not in (", ", "d ") or start < 6:
            return False
        match = _COORDINATED.search(text, max(0, start - 30), start)
        if not match or self._gazetteer_label(match.group(1), evidence) not in (None, "GPE"):
            return False
        for _ in range(4):  # back over a list: "in Lagos, Ibadan and Kano"
            if self._locative(text, match.start()):
                return True
            match = _COORDINATED.search(text, max(0, match.start() - 30), match.start())
            if not match:
                return False
        return False

    @staticmethod
    def _locative(text: str, start: int) -> bool:
        """An unknown name after a preposition of place: "a rally in Providencia"."""
        if _PLACE_OF.search(text, max(0, start - 24), start):
            return True  # "the village of Blatten"
        return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 8), start)) and not _NOT_LOCATIVE.search(
            text, max(0, start - 20), start
        )

    def _before_state(self, text: str, end: int) -> bool:
        """True when a state or country follows after a comma: "Cupertino, California"."""
        match = _COMMA_NAME.match(text, end)
        return match is not None and match.group(1) in self._states

    def _label_word(
        self,
        word: str,
        evidence: _Evidence,
        weak: bool,
        text: str = "",
        end: int | None = None,
        start: int | None = None,
    ) -> str | None:
        """The label of a single capitalised word that no gazetteer knows."""
        if word in wordlists.NOT_NAMES or word in wordlists.GENERIC_ACRONYMS or _URLISH.search(word):
            return None
        if word.isdigit():
            return None  # "About 200 workers": a number left after the sentence's first word
        if word in evidence.person_first and (self._is_given(word) or not gaz.is_common_word(word)):
            return "PERSON"  # "Kim" after "Kim Whitler"
        if (
            weak
            and word not in evidence.seen
            and not (self._unknown_word(word) and end is not None and _SUBJECT_NEXT.match(text, end))
        ):
            # "Several", "Analysts": a common word opening a sentence. An unknown word followed
            # by the rest of a clause ("Nissan reported") opens it as its subject.
            return None
        if word.lower() in evidence.lower_words:
            return None
        if len(word) == 1 or _PLURAL_ACRONYM.fullmatch(word):
            return None  # "Plan B", "CMOs": letters and plural acronyms are not names
        if _PRODUCT_TOKEN.match(word):
            return "PRODUCT"
        if word.isupper():
            return "ORG" if len(word) <= 6 else None
        if end is not None and _AGE_APPOSITION.match(text, end) and self._looks_like_person([word]):
            return "PERSON"  # "said Hasnawati, a 52-year-old fisher"
        if start is not None and self._coordinated_place(text, start, evidence):
            return "GPE"  # "in Schiedam and Vlaardingen"
        if (
            start is not None
            and (self._locative(text, start) or (end is not None and _PLACE_AFTER.match(text, end)))
            and not text.startswith(_POSSESSIVE, end)
            and word not in self._org_suffixes
            and word not in wordlists.NATIONAL_LANGUAGES  # "in Mandarin"
            and word[1:].islower()  # not a brand: "in OpenAI"
        ):
            return "GPE"
        if self._is_given(word) and word not in self._surnames:
            return "PERSON"
        if word in wordlists.NATIONAL_LANGUAGES:
            return "LANGUAGE"
        if end is not None and self._before_state(text, end):
            return "GPE"
        if (
            start is not None
            and word[1:].islower()
            and not _NOUN_NEXT.match(text, end or 0)
            and not text.startswith(_POSSESSIVE, end or 0)
        ):
            if _PHYSICAL_THE.search(text, max(0, start - 16), start):
                return "LOC" if word.endswith("s") and not word.endswith("ss") else "FAC"
            if _IN_THE.search(text, max(0, start - 10), start) and word.endswith("s") and not word.endswith("ss"):
                return "LOC"  # "in the Pyrenees", "across the Dolomites"
        if (
            word in self._towns
            and not self._is_given(word)
            and word not in self._surnames
            and not gaz.is_common_word(word)
            and not _NOUN_NEXT.match(text, end or 0)  # not "Nokia phones", "Wimbledon title"
        ):
            return "GPE"  # "at Cannes": a town's name with nothing to make it a company's
        return "ORG"


class _Coverage:
    """Which character ranges numeric entities already hold."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._starts = [s for s, _, _ in spans]
        self._ends = [e for _, e, _ in spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
