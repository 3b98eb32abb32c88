"""Regular expressions for numeric and temporal entities: DATE, TIME, MONEY, PERCENT.

They follow the OntoNotes conventions of the eval set: modifiers such as "about" or
"more than" stay inside the span, a leading "the" stays out ("the past three decades"
-> "past three decades"), and currencies keep their magnitude ("$200bn", "£100m").

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.entities import regexes, wordlists

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|a hundred|a dozen|dozens|hundreds|thousands|half"
)
# A number written with digits ("1,995.20", "2-1/2") or in words ("twenty-five").
NUM = rf"(?:\d+(?:[.,]\d+)*(?:-\d+/\d+)?|(?i:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)"
# Modifiers kept inside numeric spans.
_MOD = (
    r"(?i:(?:about|around|approximately|roughly|nearly|almost|over|under|some|"
    r"more than|less than|fewer than|at least|at most|up to|as many as|as much as|"
    r"an estimated|close to|upwards of)\s+)?"
)
_SCALE = r"(?:thousand|million|billion|trillion|mn|bn|tn|m|b|k)"


def _alternation(words: frozenset[str]) -> str:
    """Literal words as one alternation, longest first (so "pounds sterling" beats "pounds")."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


# Word lists in reader/entities/data/lists/: currency names and codes, holidays.
_CURRENCY_WORDS = _alternation(wordlists.load("currency_names"))
_CURRENCY_CODES = _alternation(wordlists.load("currency_codes"))
_HOLIDAYS = wordlists.load("holidays")

MONEY = (
    rf"{_MOD}(?:(?:US|A|C|HK|NZ|S)?[$£€¥₹]\s?\d+(?:[.,]\d+)*(?:\s?{_SCALE}\b)?"
    rf"|(?:{_CURRENCY_CODES})\s?\d+(?:[.,]\d+)*(?:\s?{_SCALE}\b)?"
    rf"|{NUM}(?:\s(?:thousand|million|billion|trillion))?\s(?:{_CURRENCY_WORDS})\b"
    rf"|(?:millions|billions|trillions|thousands|hundreds) of (?:{_CURRENCY_WORDS})\b)"
)

PERCENT = (
    rf"{_MOD}(?:minus\s|-|\+)?(?:\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)"
    rf"|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))? (?:percent|per cent|percentage points?)\b)"
)

_ZONE = r"(?:\s(?:PT|ET|CT|MT|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|CST|CDT|HKT|JST|IST|SGT))?"
_AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
_TIME_UNITS = r"(?:hours?|minutes?|seconds?|hrs?)"
TIME = (
    rf"(?:\d{{1,2}}(?::\d{{2}})?\s?{_AMPM}{_ZONE}"
    rf"|\d{{1,2}}:\d{{2}}\s(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|ET|PT)\b"
    rf"|{_MOD}(?:{NUM}|(?i:a|an|a few|several|many))[- ]{_TIME_UNITS}\b"
    rf"(?:,?\s(?:and\s)?\d{{1,2}}\s{_TIME_UNITS}\b)*(?:-long)?"  # "2 hours 9 minutes"
    rf"|(?:(?<=\bin the )|(?<=\bduring the ))(?:morning|afternoon|evening)\b(?!\s(?:of|session|edition|papers?)\b)"
    rf"|(?:hour|minute)-long|under a minute|(?:this|that|tomorrow|yesterday|Monday|Tuesday|"
    rf"Wednesday|Thursday|Friday|Saturday|Sunday) (?:morning|afternoon|evening|night)"
    rf"|tonight|overnight|midnight|noon)"
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
    # Without the dot only before a day, as in wire datelines: "MUMBAI, Feb 8 (Reuters)".
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s\d))"
)
_MONTH_NO_MAY = _MONTH.replace("May|", "")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNIT = r"(?:days?|weeks?|weekends?|months?|years?|decades?|quarters?|seasons|centuries|century)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_REL = r"(?i:last|next|this|past|previous|coming|recent|current|same|following|prior|each|every)"
_ORD = r"(?i:first|second|third|fourth|final|last|previous|next|current|most recent)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Any year, where a month or day makes it one: "8 February 1700", "October 1783".
_ANY_YEAR = r"(?:1\d\d\d|20\d\d)"
# A year before 1800 standing alone only after a preposition and before a clause goes on:
# "in 1348 he founded", "the war of 1792," (not "in 1500 cases").
_OLD_YEAR = (
    r"(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bfrom\s)"
    r"|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\baround\s)|(?<=\bcirca\s)|(?<=\band\s))1[0-7]\d\d\b"
    r"(?=[,.;:)]|\s(?:and|or|to|when|as|the|he|she|it|they|his|her|its|their|a|an|by|in|on|at|with|was|were)\b)"
)
_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
)

DATE = (
    # Absolute dates: "May 19, 2019", "Aug. 19", "March 29th", "September 2017", "May-June 2019".
    rf"(?:(?:early|mid|late)[- ])?{_MONTH}(?:-{_MONTH})?\s\d{{1,2}}(?:st|nd|rd|th)?(?:-\d{{1,2}}\b)?(?:,?\s{_ANY_YEAR})?\b"
    rf"|(?:(?:early|mid|late)[- ])?{_MONTH}(?:-{_MONTH})?,?\s{_ANY_YEAR}\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}(?:,?\s{_ANY_YEAR})?\b"
    # Centuries: "the 19th century" (without "the"), "early 18th-century", "the first century".
    rf"|(?:(?:early|mid|late)[- ])?(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))[- ]centur(?:y|ies)\b"
    rf"|{_OLD_YEAR}"
    rf"|(?i:that)\s(?:year|month|week|decade|summer|winter|spring|autumn|season|weekend)\b"
    rf"|(?:early|mid|late)[- ]{_MONTH}"
    rf"|(?:(?:in|since|until|by|from|through|before|after|during|of|last|next|this|early|late)\s)"
    rf"(?={_MONTH_NO_MAY}\b|May\b(?!\s(?:be|have|not|also)\b)){_MONTH}"
    rf"(?:-{_MONTH})?(?:\s\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s{_ANY_YEAR}\b)?\b"
    rf"|{_MONTH_NO_MAY}\b(?!\s?\d)"
    # Relative dates: "last week", "earlier this year", "the past three decades".
    rf"|(?i:earlier|later)\s(?:this|last|next)\s{_UNIT}"
    rf"|(?:earlier|later)\s(?:today|tomorrow|yesterday)"
    rf"|(?:the\s)?{_REL}\s(?:(?:{NUM}|few|several|couple of)\s)?{_UNIT}"
    rf"|{_REL}\s{_SEASON}|{_REL}\s{_DAY}|(?i:{_SEASON})\s(?:of\s)?{_YEAR}\b"
    rf"|{_ORD}\s(?:(?:{NUM})\s)?(?:quarter|half|months?)(?:\sof\s(?:the\s)?(?:year|\d{{4}}))?"
    # Durations: "three months", "a few weeks", "nearly two decades", "two or three years".
    rf"|(?i:over\s|nearly\s|almost\s|about\s|around\s|some\s|more than\s|less than\s|another\s)?"
    # ("a day" and "one day" alone are vague: "a day when...", "one day we will...")
    rf"(?!(?i:a|an|one)\sday\b(?!\s(?:ago|later|earlier|before|after)))"
    rf"(?<![\d%]\s)"  # "$1 a month" is a rate, not a date
    rf"(?:{NUM}(?:\s(?:or|to)\s{NUM})?|(?i:a|an|a few|a couple of|several|many|a number of))\s"
    rf"{_UNIT}(?:\s(?:ago|later|earlier|old))?\b"
    rf"|{NUM}[- ](?:year|month|week|day|quarter|decade)(?:s)?[- ]old"
    rf"|(?:{NUM}|\d+-\d+/\d+)-(?:year|month|week|day|decade)\b"
    # Named days and years.
    rf"|(?:today|tomorrow|yesterday|Today|Tomorrow|Yesterday)\b"
    rf"|{_DAY}\b"
    rf"|(?:the\s)?(?:(?:early|mid|late)[- ])?(?:19|20)\d0s(?:\sand\s(?:19|20)\d0s)?"
    rf"|(?:between|from)\s{_YEAR}\s(?:and|to)\s{_YEAR}\b"
    rf"|(?:fiscal\s|FY\s?)?{_YEAR}\b(?!\s?(?:%|percent))"
    rf"|(?:for|in|over|within)\s(?:years|decades|months|weeks)\b"
    rf"|these days|(?:this|that|last|next)\s(?:weekend|season)"
    # Holidays, which OntoNotes counts as dates.
    rf"|(?:{_alternation(_HOLIDAYS)})(?:\s(?:Day|Eve))?\b"
)

# One alternation, tried left to right at a candidate position: MONEY and PERCENT come
# before the DATE and TIME patterns that could take a bare number.
_NUMERIC = regexes.compile(
    rf"(?<![\w$£€¥.,])(?:(?P<MONEY>{MONEY})|(?P<PERCENT>{PERCENT})|(?P<TIME>{TIME})|(?P<DATE>{DATE}))"
    rf"(?![\w%])",
)

# Where a mention can start. Trying the long pattern above at every word is slow, so
# words are looked up in these sets first (all lower-case). A word in _STARTS always may
# start a mention; a common word in _GATED only when the next word is in its set.
_UNITS = frozenset(
    "day days week weeks weekend weekends month months year years decade decades quarter "
    "quarters century centuries hour hours minute minutes second seconds morning afternoon "
    "evening night season summer winter spring autumn fall half".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CALENDAR = _MONTHS | _DAYS
_NUMBERS = frozenset(re.sub(r"a |\(|\)", "", _NUMBER_WORDS).replace(" ", "|").split("|"))
_COUNTS = _NUMBERS | frozenset("a an few several many couple number dozen".split())
_STARTS = (
    (_MONTHS - {"may", "mar", "sep", "jan", "jun", "jul", "aug", "oct", "nov", "dec", "feb", "apr"})
    | _DAYS
    | _NUMBERS
    # A holiday's first word ("new" is gated below: only before "year").
    | frozenset(holiday.split()[0].lower() for holiday in _HOLIDAYS if not holiday.startswith("New "))
    | frozenset(
        "today tomorrow yesterday tonight overnight midnight noon morning afternoon evening hour minute minus fiscal fy "
        "millions billions trillions thousands hundreds dozens usd eur gbp jpy cny rmb hkd chf "
        "aud cad inr nok sek dkk isk pln czk huf brl mxn zar krw sgd nzd try rub ngn kes egp pkr idr thb "
        "php myr vnd ils sar aed ars clp cop uah earlier later spring summer autumn winter "
        "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
        "sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
)
_CODES = frozenset(code.lower() for code in _CURRENCY_CODES.split("|"))  # "about NOK 12 million"
_REL_NEXT = _UNITS | _DAYS | _COUNTS | frozenset("quarter few several couple".split())
_GATED: dict[str, frozenset[str]] = {
    "the": frozenset(
        "past last next first second third fourth final previous coming current same "
        "following prior recent most early mid late".split()
    ),
    **{w: _COUNTS | _UNITS for w in ("a", "an")},
    **{
        w: _REL_NEXT
        for w in "this that these last next past previous coming recent current same following each every "
        "prior first second third fourth final another some".split()
    },
    **{w: _REL_NEXT | _MONTHS for w in ("early", "late", "mid")},
    "most": _REL_NEXT | frozenset(["recent"]),
    "new": frozenset(["year"]),
    **{w: _UNITS | frozenset(["of"]) for w in ("many", "several", "few", "couple")},
    **{
        w: _MONTHS | _COUNTS | frozenset("years decades months weeks least most many much to".split())
        for w in "in of by for at as up over under from since until through before after during within between".split()
    },
    **{
        w: _COUNTS | _UNITS | _CODES | frozenset("than to of".split())
        for w in "about around approximately roughly nearly almost more less fewer close upwards".split()
    },
    # Months that are also ordinary words or abbreviations: only before a day or another month.
    **{w: frozenset() for w in "may mar sep jan jun jul aug oct nov dec feb apr".split()},
}
_TRIGGERS = _STARTS | frozenset(_GATED)


def _trie(words: frozenset[str]) -> str:
    """A regular expression matching exactly ``words``, with shared prefixes factored out
    (an alternation of 200 words tried at every letter would be slow)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return walk(tree)


# Where _candidates looks: words that may start a mention (any case, ASCII letters only,
# whole words as [A-Za-z]+ splits them), numbers and currency signs. Other words are
# skipped by the regular expression engine instead of one by one in Python.
_TOKENS = regexes.compile(rf"(?<![A-Za-z])(?ai:{_trie(_TRIGGERS)})(?![A-Za-z])|\d+|[$£€¥₹]")
_NEXT_TOKEN = regexes.compile(r"[^A-Za-z\d$£€¥₹]*([A-Za-z]+|\d|[$£€¥₹])")

# Durations and relative phrases may start with "the", which OntoNotes leaves out.
_LEADING_THE = regexes.compile(r"(?:the|The)\s+")
# "for years", "in decades": the preposition is context, not part of the DATE.
_LEADING_PREP = regexes.compile(
    r"(?:in|since|until|by|from|through|before|after|during|of|for|over|within)\s+"
    r"(?=(?:years|decades|months|weeks|[A-Z]))"
)


# Ages, which OntoNotes counts as dates: "Osimhen, 25, scored", "died at 71", "aged 34".
_AGE_COMMA = regexes.compile(r", (\d{1,3}),")
_AGE_AFTER = regexes.compile(r"\b(?:aged|die[sd] at) (\d{1,3})\b")
_NAME_BEFORE = regexes.compile(r"(?:[A-Z][\w’'.-]*|\b(?:man|woman|boy|girl|mother|father|son|daughter))$")


def _ages(text: str) -> list[tuple[int, int, str]]:
    found = []
    if ", " in text:
        for match in _AGE_COMMA.finditer(text):
            # Only after a name ("Osimhen, 25,"), not in a list of numbers.
            if text[match.start() - 1 : match.start()].isalpha() and _NAME_BEFORE.search(
                text, max(0, match.start() - 30), match.start()
            ):
                found.append((match.start(1), match.end(1), "DATE"))
    if "aged " in text or "ied at " in text or "ies at " in text:
        found.extend((m.start(1), m.end(1), "DATE") for m in _AGE_AFTER.finditer(text))
    return found


def numeric_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` for every DATE, TIME, MONEY and PERCENT mention in ``text``."""
    found = _numeric(text)
    ages = _ages(text)
    if not ages:
        return found
    merged: list[tuple[int, int, str]] = []
    last_end = -1
    for span in sorted(found + ages):
        if span[0] >= last_end:
            merged.append(span)
            last_end = span[1]
    return merged


def _numeric(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for match in _candidates(text):
        label = match.lastgroup
        start, end = match.span()
        span = match.group()
        head = _LEADING_THE.match(span)
        if head:
            start += head.end()
        elif label == "DATE":
            prep = _LEADING_PREP.match(span)
            if prep:
                start += prep.end()
        if start < end:
            found.append((start, end, label or "DATE"))
    return found


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Matches of the long pattern, tried only where a mention can start."""
    match_end = 0
    for token in _TOKENS.finditer(text):
        pos = token.start()
        if pos < match_end:
            continue
        word = token.group()
        first = word[0]
        if first.isdigit() or first in "$£€¥₹":
            # Include a sign or a currency prefix just before: "-0.04", "US$5".
            back = pos
            while back > 0 and back > pos - 2 and text[back - 1] in "+-USAHKNZC":
                back -= 1
            starts: tuple[int, ...] = (back, pos) if back != pos else (pos,)
        else:
            word = word.lower()
            if word not in _TRIGGERS:
                continue
            if word in _STARTS:
                if first.islower() and word in _CALENDAR:
                    continue
            else:
                following = _NEXT_TOKEN.match(text, token.end())
                after = following.group(1) if following else ""
                if word in _MONTHS:  # "May 23", "Aug. 19", "May-June": a number or a month next
                    if first.islower() or not (after.isdigit() or after.lower() in _MONTHS):
                        continue
                elif not (after.lower() in _GATED[word] or after[:1].isdigit() or after[:1] in "$£€¥₹"):
                    continue
            starts = (pos,)
        for start in starts:
            match = _NUMERIC.match(text, start)
            if match:
                match_end = match.end()
                yield match
                break
