"""Context that tells what a name is: the words and patterns around it ("said", ", who",
"the village of", "analysts at"), as compiled patterns and word sets.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re

from reader.entities import regexes, wordlists

# -- context that tells what a name is ------------------------------------------------------

SPEAKER = regexes.compile(r"^([A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+){1,3}):(?=[ \t]*$|[^\n]*[a-z])", re.M)
SAYING = regexes.compile(
    r"[ \t]*,?[ \t]*(?:said|says|say|told|tells|added|adds|explained|explains|wrote|writes|"
    r"noted|notes|argued|argues|asked|asks|recalled|recalls|according)\b"
)
# What follows a name and tells its kind: "the Trump administration", "the WeChat app".
WHO_AFTER = regexes.compile(r",[ \t]+who\b")
# An age right after a lone name: "said Hasnawati, a 52-year-old fisher", "Oduya, 41,".
# An age after a name: "Ana Lima, 34, said".
AGE_AFTER = regexes.compile(r",[ \t]\d{1,3},")
AGE_APPOSITION = regexes.compile(rf",[ \t]+(?:an?[ \t]+)?\d{{1,3}}-year-old\b|{AGE_AFTER.pattern}")
SAYING_VERB = regexes.compile(r"[ \t]+(?:said|says|told|added|asked|replied|recalled|insisted)\b")
PERSON_AFTER = regexes.compile(r"[ \t]+(?:administration|presidency|Administration|Presidency)\b")
PRODUCT_AFTER = regexes.compile(
    r"(?:[ \t]+(?:app(?![ \t]+stores?)|operating system|OS|browser)\b"
    r"|-(?:based|powered|compatible|enabled)\b)"
)
DOWNLOAD_FROM = regexes.compile(
    r"\b(?:download|downloaded|downloading|install|installed|installing)\b(?:[ \t]+(?:the|it|them|an?)(?:[ \t]+(?:app|game|update))?)?"
    r"[ \t]+(?:from|on|via|in)[ \t]+(?:the[ \t]+)?$"
)
PRODUCT_NOUN_AFTER = regexes.compile(
    r"[ \t]+(?:chips?|processors?|chipsets?|smartphones?|handsets?|consoles?|headsets?|laptops?|tablets?)\b"
)
# "apps like Gmail, Google Maps and YouTube": a list of products after a kind of product.
PRODUCT_LIST = regexes.compile(
    r"\b(?:apps?|applications|services|platforms?|products|devices|gadgets|phones|smartphones|"
    r"handsets|software|browsers|games|consoles|models|operating systems)[ \t]+"
    r"(?:like|such as|including)[ \t]+((?:{item}(?:,? (?:and|or) |, )?)+)".format(
        item=r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*(?: [A-Z0-9][\w’'-]*(?:\.[\w’'-]+)*)*"
    )
)
LIST_ITEM = regexes.compile(r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*(?: [A-Z0-9][\w’'-]*(?:\.[\w’'-]+)*)*")
# "Christophe Barraud, chief economist at ...", "said Jane Doe": context of a person's name.
ROLE_WORDS = (
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
ROLE_NOUNS_ONE = wordlists.load("role_nouns_one")
# What follows a market index: "the Nifty 50 index", "the Stoxx 600 benchmark".
INDEX_AFTER = regexes.compile(r"[ \t]+(?:index|indices|indexes|benchmark|gauge|average)\b")
APPOSITION = regexes.compile(rf",[ \t]+(?:(?:the|a|an|its|his|her)[ \t]+)?(?:[\w’'-]+[ \t]+){{0,2}}?{ROLE_WORDS}\b")
ROLE_AFTER = regexes.compile(
    r"[ \t]+(?:founder|co-founder|chief|executive|ceo|chairman|chairwoman|president|"
    r"spokesman|spokeswoman|spokesperson|boss|head|analyst|official|officials|employees?)\b"
)
COMMA_NAME = regexes.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})")
PREPOSITION_BEFORE = regexes.compile(r"\b(?:of|at|from|for|with|by|to|in|on)[ \t]+$")
SAID_BEFORE = regexes.compile(r"\b(?:said|says|told|according to)[ \t]+$")

# -- shapes of names and of the text around them --------------------------------------------

PRODUCT_TOKEN = regexes.compile(r"[A-Z]+\d+\w*$|[a-z]{1,2}[A-Z]|\d")
# A romanised Chinese, Korean or Vietnamese given name: one to three short syllables.
ROMANISED = regexes.compile(
    r"(?:(?:zh|ch|sh|ngh|ng|nh|th|tr|ph|kh|gi|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ung|yu|"
    r"ai|ao|an|ei|en|ia|ie|in|iu|ou|ua|ui|un|uo|ue|oi|oo|ee|eo|a|e|i|o|u)(?:n|ng|k|p|t)?){1,3}",
    re.I,
)
# A lower-case tail after a hyphen that makes an adjective: "Chinese-based", "Soviet-style".
HYPHEN_TAIL = regexes.compile(r"-[a-z][\w-]*$")
# A publisher after a dash at the end of a headline: "... – CNET", "... | Reuters".
PUBLISHER = regexes.compile(r"[ \t][–—|-][ \t]+([A-Z][\w.&’']*(?: [A-Z][\w.&’']*){0,3})[ \t]*$", re.M)
# A photo credit: "Lisa Eadicicco/CNET", "Aly Song/Reuters".
CREDIT = regexes.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})/([A-Z][\w.]*[A-Za-z])(?![\w/])")
# A title in quotation marks: “What Western Marketers Can Learn from China.”
QUOTED = regexes.compile(r"[“\"]([A-Z][^“”\"\n]{3,120}?)[.]?[”\"]")
# Capitalised nouns after a known name that are not part of it ("Trump Administration").
HEAD_NOUNS = wordlists.load("head_nouns_after_names")
# After a sentence's first word: the rest of a clause, not an exclamation ("Oops,") or an
# imperative's object ("Download the app").
SUBJECT_NEXT = regexes.compile(
    r"[ \u00a0](?!(?:the|a|an|your|our|my|this|these|those|it|them|us|you|me|up|out|now|here)\b)[a-z]"
    r"|,[ \u00a0](?:the|a|an|which|who|whose)\b"  # "Boeing, the main contractor, declined"
    r"|,[ \u00a0][A-Z]"  # "Volkswagen, BMW and Mercedes-Benz could face"
)
PLURAL_ACRONYM = regexes.compile(r"[A-Z]{2,5}s")
PAN_NORP = regexes.compile(r"\bpan-([A-Z][a-z]+)\b")  # "pan-European"
URLISH = regexes.compile(r"\.(?:com|org|net|co|io|ca|uk|gov|edu)$", re.I)
POSSESSIVE = ("’s", "'s")
# What may follow a name ending in "'s" that is not a possessive: punctuation or a function word.
NOT_POSSESSED = regexes.compile(
    r"(?:[.,;:!?)\"”]|[ \t]*[.,;:!?)”]|[ \t]+(?:or|and|is|was|has|had|did|does|said|says|really|also|will|"
    r"would|can|could|in|at|on|to|for|with)\b)"
)
DOTTED = wordlists.load("dotted_abbreviations")
# A lower-case role right before a name: "runner Eliud Kipchoge", "spokeswoman Jane Doe",
# "its music director, Andris Nelsons".
ROLE_NOUNS = wordlists.load("role_nouns")
ANY_LAST = (
    wordlists.FAC_LAST
    | wordlists.FAC_OR_SURNAME
    | wordlists.GPE_LAST
    | wordlists.LOC_LAST
    | wordlists.EVENT_LAST
    | wordlists.WORK_LAST
    | frozenset(["Year"])
)
ANY_FIRST = wordlists.EVENT_FIRST | wordlists.LOC_FIRST | wordlists.WORK_FIRST
# Plural nouns whose possessive is part of a name before a capitalised word.
GROUP_POSSESSORS = wordlists.load("group_possessors")
NAME_NEXT = regexes.compile(r"[ \t][A-Z]")
# Another name just before, joined by "and" or a comma: "in Brittany and Normandy".
COORDINATED = regexes.compile(r"([A-Z][\w’'.-]+)(?:,? and|,)[ \t]+$")
# Where a language name is a language: "literature in Spanish.", "she speaks Hausa and French".
LANGUAGE_BEFORE = regexes.compile(r"\b(?:in|into|speaks?|spoke|speaking|fluent|learn|learning|taught)[ \t]+$")
LANGUAGE_AFTER = regexes.compile(r"[ \t]*(?:[.,;:!?”\")]|$|[ \t](?:and|or|as|with|but)\b)")
# A dotted title before a name: "Dr. Makoto Yoshikawa", "Mr. Kast" (not a sentence end).
# A preposition of place before an unknown name: "a rally in Providencia", "near Nowa Huta".
LOCATIVE_BEFORE = regexes.compile(r"\b(?:in|near|outside|towards|toward|above|below|beyond)[ \t]+$")
# A kind of place before "of": "the village of Blatten", "the canton of Valais".
PLACE_OF = regexes.compile(
    r"\b(?:village|town|city|district|province|region|canton|state|county|municipality|suburb|"
    r"capital|prefecture|governorate|oblast|commune|township|hamlet|island)[ \t]+of[ \t]+$"
)
# A kind of place after an unknown name: "the Nuseirat camp", "the Kibera district".
PLACE_AFTER = regexes.compile(
    r"[ \t]+(?:villages?|towns?|city|cities|districts?|provinces?|regions?|camps?|neighbou?rhoods?|"
    r"suburbs?|county|counties|municipality|township|prefectures?|governorates?|state)\b(?![ \t]+(?:of|council|government|"
    r"officials?|authorities|police|court|media|company|enterprise|broadcaster|agency)\b)"
)
# A kind of work right after a quoted title: '"Roma", a drama shot in Mexico City'.
WORK_CUE_AFTER = regexes.compile(
    r",?[ \t]+(?:an?|the|his|her|their)[ \t]+(?:[a-z-]+[ \t]+)?(?:film|movie|thriller|drama|comedy|"
    r"documentary|novel|book|memoir|album|song|series|play|opera|musical|sitcom|podcast)\b"
)
# A lowercase noun right after a name, which then modifies it ("Nokia phones").
NOUN_NEXT = regexes.compile(
    r"[ \t]+(?!(?:and|or|on|in|at|from|to|for|with|by|as|is|was|were|are|has|had|have|will|"
    r"would|could|can|may|last|this|next|where|which|when|while|after|before|since|until|"
    r"during|near|but|than|overnight|today|tonight|yesterday|again|too|also|earlier|later)\b)[a-z]"
)
# A place reached or seen, not an institution acting: "outside the Parthenon", "near the Nile".
PHYSICAL_THE = regexes.compile(
    r"\b(?:near|outside|inside|across|along|around|beneath|atop|towards|toward)[ \t]+the[ \t]+$"
)
IN_THE = regexes.compile(r"\b(?:in|into|across|over|through|from)[ \t]+the[ \t]+$")
YEAR_AFTER = regexes.compile(r",?[ \t](?:19|20)\d\d\b(?![,.]?\d)")
# Heads of organisations named with "on" or "for" a cause.
JOIN_HEADS = wordlists.load("join_heads")
# A lowercase kind of natural place after a name: "the Bhote Koshi river".
# A name's possessive before a quoted title: its author ("Hobbes's “Leviathan”").
AUTHOR_OF_QUOTED = regexes.compile(r"['’]s[ \t]+[\"“‘][A-Z]")
# ... and the same possessive seen from the quoted title.
AUTHOR_BEFORE = regexes.compile(r"\w['’]s[ \t]+$")
# What people do and organisations rarely do, right after a lone name: "Stravinsky wrote it".
PERSON_VERB_AFTER = regexes.compile(
    r"[ \t]+(?:wrote|composed|painted|sculpted|sang|starred|died|was born|married|laughs|laughed|smiled|"
    r"recalled|remembered|believed|insisted|argued)\b"
)
# A place reached or seen after a preposition and "the": "in the Capitol.", "by the Rialto".
# What may follow a building's name: punctuation or a preposition, not a verb ("the Sejmik is").
AFTER_A_PLACE = regexes.compile(
    r"[ \t]*(?:[.,;:!?)\"”’]|$|[ \t](?:for|on|at|in|with|from|to|by|and|or|during|after|before|until)\b)"
)
PLACE_THE = regexes.compile(
    r"\b(?:in|at|on|by|from|to|over|under|into|through|beyond|behind|below|above|inside|outside|near)[ \t]+the[ \t]+$"
)
REGNAL_NUMBER = regexes.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")
# A lowercase kind of building after a name: "the Blanka tunnel", "the Galata bridge".
FAC_NOUN_AFTER = regexes.compile(
    r"[ \t]+(?:tunnel|bridge|stadium|airport|cathedral|mosque|synagogue|palace|castle|fortress|monastery|"
    r"mine|terminal|dam|pier)\b"
    r"(?![ \t]+(?:of|authority|board|company|operator)\b)"
)
LOC_NOUN_AFTER = regexes.compile(
    r"[ \t]+(?:river|valley|glacier|mountains|desert|plateau|volcano|gorge|estuary)\b(?![ \t]+(?:of|authority|board)\b)"
)
# People who work at an organisation: "analysts at Morgan Stanley", "economists at ING".
ORG_AT_BEFORE = regexes.compile(
    r"\b(?i:analysts?|economists?|strategists?|researchers|traders?|bankers?|engineers|executives?|"
    r"staff|employees|workers)[ \t]+at[ \t]+$"
)
# ... but not where "in" means a stake or a role: "a stake in Advantest", "jobs in Nvidia".
NOT_LOCATIVE = regexes.compile(
    r"\b(?:stakes?|invest\w*|shares|holdings?|interest|roles?|jobs?|work\w*|careers?|"
    r"employees|staff|executives|customers|users|positions?|trust|faith|partner\w*|"
    r"deals?|cuts?|changes?|rise|fall|drop|gain|surge|slump|decline|\w*illion|bn|\d)[ \t]+in[ \t]+$"
)
# A kind of work before a quoted title: "his memoir “Opening Up”", "the film ‘Roma’".
WORK_CUE = regexes.compile(
    r"\b(?:film|movie|documentary|novel|book|memoir|biography|album|song|single|series|show|"
    r"play|opera|poem|painting|exhibition|essay|column|podcast|programme|program|sitcom|"
    r"musical|story|collection|anthology|track|ballad|symphony|report)[ \t,]*$"
)


def found_before(pattern: re.Pattern[str], needle: str, text: str, start: int, width: int) -> bool:
    """``pattern`` matches in the ``width`` characters before ``start``; ``needle`` is a word
    every match contains, looked for first (most names have none before them)."""
    low = max(0, start - width)
    return text.find(needle, low, start) >= 0 and pattern.search(text, low, start) is not None
