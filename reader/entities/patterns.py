"""Regular expressions for numeric and temporal entities: DATE, TIME, MONEY, PERCENT.

They follow the OntoNotes conventions of the eval set: modifiers such as "about" or
"more than" stay inside the span, a leading "the" stays out ("the past three decades"
-> "past three decades"), and currencies keep their magnitude ("$200bn", "£100m").

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|a hundred|a dozen|dozens|hundreds|thousands|half"
)
# A number written with digits ("1,995.20", "2-1/2") or in words ("twenty-five").
NUM = (
    rf"(?:\d+(?:[.,]\d+)*(?:-\d+/\d+)?|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)"
)
# Modifiers kept inside numeric spans.
_MOD = (
    r"(?i:(?:about|around|approximately|roughly|nearly|almost|over|under|just|only|some|"
    r"more than|less than|fewer than|at least|at most|up to|as many as|as much as|"
    r"an estimated|close to|upwards of)\s+)?"
)
_SCALE = r"(?:thousand|million|billion|trillion|mn|bn|tn|m|b|k)"
_CURRENCY_WORDS = (
    r"dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|rupees?|rupiah|cents?|pence|"
    r"francs?|won|roubles?|rubles?|pesos?|reais|real|lira|dinars?|dirhams?|riyals?|rand|"
    r"krona|kronor|krone|kroner|shekels?|bitcoins?"
)
_CURRENCY_CODES = r"USD|EUR|GBP|JPY|CNY|RMB|HKD|CHF|AUD|CAD|INR"

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
    rf"|{_MOD}(?:{NUM}|a|an|a few|several|many)[- ]{_TIME_UNITS}\b(?:-long)?"
    rf"|(?:hour|minute)-long|under a minute|(?:this|that|tomorrow|yesterday|Monday|Tuesday|"
    rf"Wednesday|Thursday|Friday|Saturday|Sunday) (?:morning|afternoon|evening|night)"
    rf"|tonight|overnight|midnight|noon)"
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTH_NO_MAY = _MONTH.replace("May|", "")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNIT = r"(?:days?|weeks?|weekends?|months?|years?|decades?|quarters?|centuries|century)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_REL = r"(?:last|next|this|past|previous|coming|recent|current|same|following|prior)"
_ORD = r"(?:first|second|third|fourth|final|last|previous|next|current|most recent)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

DATE = (
    # Absolute dates: "May 19, 2019", "Aug. 19", "March 29th", "September 2017", "May-June 2019".
    rf"(?:(?:early|mid|late)[- ])?{_MONTH}(?:-{_MONTH})?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{_YEAR})?\b"
    rf"|(?:(?:early|mid|late)[- ])?{_MONTH}(?:-{_MONTH})?,?\s{_YEAR}\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR})?\b"
    rf"|(?:early|mid|late)[- ]{_MONTH}"
    rf"|(?:(?:in|since|until|by|from|through|before|after|during|of|last|next|this|early|late)\s)"
    rf"(?={_MONTH_NO_MAY}\b|May\b(?!\s(?:be|have|not|also)\b)){_MONTH}"
    rf"(?:-{_MONTH})?(?:\s\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s{_YEAR}\b)?\b"
    rf"|{_MONTH_NO_MAY}\b(?!\s?\d)"
    # Relative dates: "last week", "earlier this year", "the past three decades".
    rf"|(?:earlier|later)\s(?:this|last|next)\s{_UNIT}"
    rf"|(?:earlier|later)\s(?:today|tomorrow|yesterday)"
    rf"|(?:the\s)?{_REL}\s(?:(?:{NUM}|few|several|couple of)\s)?{_UNIT}"
    rf"|{_REL}\s{_SEASON}|{_REL}\s{_DAY}"
    rf"|{_ORD}\s(?:(?:{NUM})\s)?(?:quarter|half|months?)(?:\sof\s(?:the\s)?(?:year|\d{{4}}))?"
    # Durations: "three months", "a few weeks", "nearly two decades", "two or three years".
    rf"|(?i:over\s|nearly\s|almost\s|about\s|around\s|some\s|more than\s|less than\s|another\s)?"
    rf"(?:{NUM}(?:\s(?:or|to)\s{NUM})?|a|an|a few|a couple of|several|many|a number of)\s"
    rf"{_UNIT}(?:\s(?:ago|later|earlier|old))?\b"
    rf"|{NUM}[- ](?:year|month|week|day|quarter|decade)(?:s)?[- ]old"
    rf"|(?:{NUM}|\d+-\d+/\d+)-(?:year|month|week|day|decade)\b"
    # Named days and years.
    rf"|(?:today|tomorrow|yesterday|Today|Tomorrow|Yesterday)\b"
    rf"|{_DAY}\b"
    rf"|(?:the\s)?(?:19|20)\d0s(?:\sand\s(?:19|20)\d0s)?"
    rf"|(?:fiscal\s|FY\s?)?{_YEAR}\b(?!\s?(?:%|percent))"
    rf"|(?:for|in|over|within)\s(?:years|decades|months|weeks)\b"
    rf"|these days|(?:this|that|last|next)\s(?:weekend|season)"
)

# One alternation, tried left to right at each position: the longest sensible reading wins
# because MONEY and PERCENT are tried before the DATE and TIME patterns that could take
# a bare number.
# Every span starts with a digit, a sign or currency symbol, or one of these words: checking
# that first keeps the long alternation below from being tried at every word.
_FIRST_WORDS = (
    r"about|around|approximately|roughly|nearly|almost|over|under|just|only|some|more|less|"
    r"fewer|at|up|as|an|a|close|upwards|minus|another|several|many|few|the|these|that|this|"
    r"last|next|past|previous|coming|recent|current|same|following|prior|earlier|later|"
    r"first|second|third|fourth|final|most|early|mid|late|for|in|within|since|until|by|from|"
    r"through|before|after|during|of|today|tomorrow|yesterday|tonight|overnight|midnight|"
    r"noon|hour|minute|millions|billions|trillions|thousands|hundreds|dozens|fiscal|FY|"
    r"US|HK|NZ|C|S|USD|EUR|GBP|JPY|CNY|RMB|HKD|CHF|AUD|CAD|INR|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    + _NUMBER_WORDS
)
_NUMERIC = re.compile(
    rf"(?<![\w$£€¥.,])(?=[\d$£€¥₹+-]|(?i:{_FIRST_WORDS})\b)(?:(?P<MONEY>{MONEY})|(?P<PERCENT>{PERCENT})|(?P<TIME>{TIME})|(?P<DATE>{DATE}))"
    rf"(?![\w%])",
)

# Durations and relative phrases may start with "the", which OntoNotes leaves out.
_LEADING_THE = re.compile(r"(?:the|The)\s+")
# "for years", "in decades": the preposition is context, not part of the DATE.
_LEADING_PREP = re.compile(
    r"(?:in|since|until|by|from|through|before|after|during|of|for|over|within)\s+"
    r"(?=(?:years|decades|months|weeks|[A-Z]))"
)


def numeric_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` for every DATE, TIME, MONEY and PERCENT mention in ``text``."""
    found: list[tuple[int, int, str]] = []
    for match in _NUMERIC.finditer(text):
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
