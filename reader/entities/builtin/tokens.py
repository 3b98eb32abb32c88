"""Runs of capitalised words and the shape of the text around them: lines, sentence
starts, headline and all-caps lines, the ranges numbers already hold.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from reader.entities import regexes, wordlists

# -- runs of capitalised words --------------------------------------------------------------

# Upper-case letters: ASCII and the accented Latin ones ("Émile", "Łódź", "Åsa").
UP = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
# A capitalised word: "U.S.", "McDonald’s", "Wi-Fi", "Investing.com", "P30", or a
# camel-case brand starting lower-case ("iPhone", "eBay").
CAP_WORD = (
    r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.{INITIAL_NEXT}|[{UP}][\w’'&.-]*\w|[{UP}]"
    # An Arabic family name with its article: "al-Burhan", "el-Sisi".
    r"|(?:al|el|ad|ash|az)-[{UP}][\w’'-]*\w|[a-z]{{1,2}}[A-Z]\w*)"
).format(
    UP=UP,
    # A middle initial ("John F. Kennedy") is followed by a name, not by a new sentence.
    INITIAL_NEXT=r"(?=[ \t]+[A-Z][a-z])",
)
CONNECTOR = (
    r"(?:of(?:[ \t]+the)?|for|and|&|(?:de|del|da|das|do|dos|des|di|van|von|der|den|du|la|le|bin|ibn|al)"
    r"(?:[ \t]+(?:der|den|la|le|de))?)"
)
ARTICLE_NAME = regexes.compile(r"(?:al|el|ad|ash|az)-[^\W\d_a-z]")
PARTICLES = wordlists.load("name_particles")
STARTERS = r"(?:The|A|An|In|It|He|She|They|We|I|But|And|This|That|On|At|As)\b"
# One space between the words of a name: wider gaps and tabs separate table columns. After
# a word ending in "." ("U.S."), a sentence starter begins a new sentence, not the name.
GAP = rf"(?:(?<!\.)[ \u00a0]|(?<=\.)[ \u00a0](?!{STARTERS}))"
# A model number after a name ("iPhone 15e", "Windows 11"), but not a year, an amount or a time.
MODEL = (
    r"(?!(?:1[89]|20)\d\d\b)\d{1,4}[a-z]{0,2}(?![\w%/$£€-]|[,.:]\d|[ \t]+(?:percent|per|million|"
    r"billion|thousand|years?|months?|weeks?|days?|hours?|minutes?|a\.m|p\.m|am\b|pm\b))"
)
RUN = regexes.compile(
    rf"(?<![\w@#/.’'])(?<![a-z]-){CAP_WORD}"
    rf"(?:{GAP}(?:(?:{CONNECTOR}[ \t]+)?{CAP_WORD}|{MODEL}))*(?![\w@])"
)
TOKEN = regexes.compile(rf"{CAP_WORD}|{CONNECTOR}|{MODEL}")
# Lower-case words of running text (not inside URLs, handles or file names).
LOWER_WORD = regexes.compile(r"(?<![\w’'/.@#-])[a-z][a-z]+(?![\w/@#-]|\.\w)")

SENTENCE_END = frozenset(".!?:;\n")
DOTTED_TITLE = regexes.compile(r"(?<![\w.])(?:Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|St)\.[ \u00a0]$")
SPACES = frozenset(" \t\u00a0")
OPENERS = frozenset("\"“‘'([«—–-•*")


class Lines:
    """Per-line facts: where lines start, and which are headlines or all-caps."""

    __slots__ = ("kinds", "starts")

    def __init__(self, text: str, lower_words: set[str]) -> None:
        self.starts: list[int] = [0]
        self.kinds: list[int] = []
        offset = 0
        for line in text.split("\n"):
            self.kinds.append(line_kind(line, lower_words))
            offset += len(line) + 1
            self.starts.append(offset)

    def kind(self, position: int) -> int:
        return self.kinds[bisect_right(self.starts, position) - 1]


PLAIN, TITLE_CASE, ALL_CAPS = 0, 1, 2
WORD = regexes.compile(r"[^\W\d_][\w’'.-]*")
UPPER = regexes.compile(r"[^\W\d_a-z]")
LONGEST_HEADLINE = 200
LONGEST_NAME = 6
"""Capitalised words in one name ("University of Virginia Darden School of Business": 5)."""
SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as vs".split())


def line_kind(line: str, lower_words: set[str]) -> int:
    """Classify a line as plain text, a title-case headline or an all-caps line.

    A title-case headline capitalises ordinary words too ("Huawei Can Technically
    Survive"); a line of names ("Reporting by Jane Doe in London") does not, so at least
    one capitalised word after the first must be an ordinary word of the text.
    """
    stripped = line.rstrip()
    if len(stripped) > LONGEST_HEADLINE or stripped.endswith("."):
        return PLAIN  # a paragraph: the common case, decided without looking at words
    words = WORD.findall(line)
    if len(words) < 2:
        return PLAIN
    if line == line.upper():
        return ALL_CAPS if len(UPPER.findall(line)) >= 6 else PLAIN
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if len(content) >= 3:
        capitalised = sum(1 for w in content if w[0].isupper())
        if capitalised >= 0.75 * len(content) and any(
            w in wordlists.NOT_NAMES or w.lower() in lower_words for w in content[1:] if w[0].isupper()
        ):
            return TITLE_CASE
    return PLAIN


def fold(name: str) -> str:
    """``name`` without accents, for looking it up in lists spelt in ASCII."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_initial(word: str) -> bool:
    """A middle initial such as "F." in "John F. Kennedy"."""
    return len(word) == 2 and word[1] == "."


def is_sentence_start(text: str, start: int) -> bool:
    """True when ``start`` opens a sentence, a line, a quotation or a table cell."""
    if text.startswith(("\t", "  "), start - 2) or text.startswith("\t", start - 1):
        return True
    i = start - 1
    while i >= 0 and text[i] in SPACES:
        i -= 1
    while i >= 0 and text[i] in OPENERS:
        if text[i] in '“"' or (text[i] in "–—-" and i > 0 and text[i - 1] in SPACES):
            # Quoted speech starts a sentence; so does a clause after a spaced dash
            # ("LONDON (Reuters) – Oil prices rose").
            return True
        i -= 1
        while i >= 0 and text[i] in SPACES:
            i -= 1
    if i >= 0 and text[i] == "." and DOTTED_TITLE.search(text, max(0, i - 5), start):
        return False  # "Dr. Makoto Yoshikawa": the dot ends a title, not a sentence
    return i < 0 or text[i] in SENTENCE_END


def word_before(text: str, start: int, comma: bool = False) -> str:
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


class Coverage:
    """Which character ranges numeric entities already hold."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._starts = [s for s, _, _ in spans]
        self._ends = [e for _, e, _ in spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
