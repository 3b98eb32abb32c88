"""Context that tells what a name is: the words and patterns around it ("said", ", who",
"the village of", "analysts at"), as compiled patterns and word sets.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re

from reader.entities import wordlists

# -- context that tells what a name is ------------------------------------------------------

SPEAKER = re.compile(r"^([A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+){1,3}):(?=[ \t]*$|[^\n]*[a-z])", re.M)
SAYING = re.compile(
    r"[ \t]*,?[ \t]*(?:said|says|say|told|tells|added|adds|explained|explains|wrote|writes|"
    r"noted|notes|argued|argues|asked|asks|recalled|recalls|according)\b"
)
# What follows a name and tells its kind: "the Trump administration", "the WeChat app".
WHO_AFTER = re.compile(r",[ \t]+who\b")
# An age right after a lone name: "said Hasnawati, a 52-year-old fisher", "Oduya, 41,".
# An age after a name: "Ana Lima, 34, said".
AGE_AFTER = re.compile(r",[ \t]\d{1,3},")
AGE_APPOSITION = re.compile(rf",[ \t]+(?:an?[ \t]+)?\d{{1,3}}-year-old\b|{AGE_AFTER.pattern}")
SAYING_VERB = re.compile(r"[ \t]+(?:said|says|told|added|asked|replied|recalled|insisted)\b")
PERSON_AFTER = re.compile(r"[ \t]+(?:administration|presidency|Administration|Presidency)\b")
PRODUCT_AFTER = re.compile(
    r"(?:[ \t]+(?:app(?![ \t]+stores?)|operating system|OS|browser)\b"
    r"|-(?:based|powered|compatible|enabled)\b)"
)
DOWNLOAD_FROM = re.compile(
    r"\b(?:download|downloaded|downloading|install|installed|installing)\b(?:[ \t]+(?:the|it|them|an?)(?:[ \t]+(?:app|game|update))?)?"
    r"[ \t]+(?:from|on|via|in)[ \t]+(?:the[ \t]+)?$"
)
PRODUCT_NOUN_AFTER = re.compile(
    r"[ \t]+(?:chips?|processors?|chipsets?|smartphones?|handsets?|consoles?|headsets?|laptops?|tablets?)\b"
)
# "apps like Gmail, Google Maps and YouTube": a list of products after a kind of product.
PRODUCT_LIST = re.compile(
    r"\b(?:apps?|applications|services|platforms?|products|devices|gadgets|phones|smartphones|"
    r"handsets|software|browsers|games|consoles|models|operating systems)[ \t]+"
    r"(?:like|such as|including)[ \t]+((?:{item}(?:,? (?:and|or) |, )?)+)".format(
        item=r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*(?: [A-Z0-9][\w’'-]*(?:\.[\w’'-]+)*)*"
    )
)
LIST_ITEM = re.compile(r"[A-Z][\w’'-]*(?:\.[\w’'-]+)*(?: [A-Z0-9][\w’'-]*(?:\.[\w’'-]+)*)*")
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
INDEX_AFTER = re.compile(r"[ \t]+(?:index|indices|indexes|benchmark|gauge|average)\b")
APPOSITION = re.compile(rf",[ \t]+(?:(?:the|a|an|its|his|her)[ \t]+)?(?:[\w’'-]+[ \t]+){{0,2}}?{ROLE_WORDS}\b")
ROLE_AFTER = re.compile(
    r"[ \t]+(?:founder|co-founder|chief|executive|ceo|chairman|chairwoman|president|"
    r"spokesman|spokeswoman|spokesperson|boss|head|analyst|official|officials|employees?)\b"
)
COMMA_NAME = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})")
PREPOSITION_BEFORE = re.compile(r"\b(?:of|at|from|for|with|by|to|in|on)[ \t]+$")
SAID_BEFORE = re.compile(r"\b(?:said|says|told|according to)[ \t]+$")

# -- shapes of names and of the text around them --------------------------------------------

PRODUCT_TOKEN = re.compile(r"[A-Z]+\d+\w*$|[a-z]{1,2}[A-Z]|\d")
# A romanised Chinese, Korean or Vietnamese given name: one to three short syllables.
ROMANISED = re.compile(
    r"(?:(?:zh|ch|sh|ngh|ng|nh|th|tr|ph|kh|gi|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ung|yu|"
    r"ai|ao|an|ei|en|ia|ie|in|iu|ou|ua|ui|un|uo|ue|oi|oo|ee|eo|a|e|i|o|u)(?:n|ng|k|p|t)?){1,3}",
    re.I,
)
# A lower-case tail after a hyphen that makes an adjective: "Chinese-based", "Soviet-style".
HYPHEN_TAIL = re.compile(r"-[a-z][\w-]*$")
# A publisher after a dash at the end of a headline: "... – CNET", "... | Reuters".
PUBLISHER = re.compile(r"[ \t][–—|-][ \t]+([A-Z][\w.&’']*(?: [A-Z][\w.&’']*){0,3})[ \t]*$", re.M)
# A photo credit: "Lisa Eadicicco/CNET", "Aly Song/Reuters".
CREDIT = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})/([A-Z][\w.]*[A-Za-z])(?![\w/])")
# A title in quotation marks: “What Western Marketers Can Learn from China.”
QUOTED = re.compile(r"[“\"]([A-Z][^“”\"\n]{3,120}?)[.]?[”\"]")
# Capitalised nouns after a known name that are not part of it ("Trump Administration").
HEAD_NOUNS = wordlists.load("head_nouns_after_names")
# After a sentence's first word: the rest of a clause, not an exclamation ("Oops,") or an
# imperative's object ("Download the app").
SUBJECT_NEXT = re.compile(
    r"[ \u00a0](?!(?:the|a|an|your|our|my|this|these|those|it|them|us|you|me|up|out|now|here)\b)[a-z]"
    r"|,[ \u00a0](?:the|a|an|which|who|whose)\b"  # "Boeing, the main contractor, declined"
    r"|,[ \u00a0][A-Z]"  # "Volkswagen, BMW and Mercedes-Benz could face"
)
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
PAN_NORP = re.compile(r"\bpan-([A-Z][a-z]+)\b")  # "pan-European"
URLISH = re.compile(r"\.(?:com|org|net|co|io|ca|uk|gov|edu)$", re.I)
POSSESSIVE = ("’s", "'s")
# What may follow a name ending in "'s" that is not a possessive: punctuation or a function word.
NOT_POSSESSED = re.compile(
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
NAME_NEXT = re.compile(r"[ \t][A-Z]")
# Another name just before, joined by "and" or a comma: "in Brittany and Normandy".
COORDINATED = re.compile(r"([A-Z][\w’'.-]+)(?:,? and|,)[ \t]+$")
# Where a language name is a language: "literature in Spanish.", "she speaks Hausa and French".
LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|speaks?|spoke|speaking|fluent|learn|learning|taught)[ \t]+$")
LANGUAGE_AFTER = re.compile(r"[ \t]*(?:[.,;:!?”\")]|$|[ \t](?:and|or|as|with|but)\b)")
# A dotted title before a name: "Dr. Makoto Yoshikawa", "Mr. Kast" (not a sentence end).
# A preposition of place before an unknown name: "a rally in Providencia", "near Nowa Huta".
LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|towards|toward|above|below|beyond)[ \t]+$")
# A kind of place before "of": "the village of Blatten", "the canton of Valais".
PLACE_OF = re.compile(
    r"\b(?:village|town|city|district|province|region|canton|state|county|municipality|suburb|"
    r"capital|prefecture|governorate|oblast|commune|township|hamlet|island)[ \t]+of[ \t]+$"
)
# A kind of place after an unknown name: "the Nuseirat camp", "the Kibera district".
PLACE_AFTER = re.compile(
    r"[ \t]+(?:villages?|towns?|city|cities|districts?|provinces?|regions?|camps?|neighbou?rhoods?|"
    r"suburbs?|county|counties|municipality|township|prefectures?|governorates?|state)\b(?![ \t]+(?:of|council|government|"
    r"officials?|authorities|police|court|media|company|enterprise|broadcaster|agency)\b)"
)
# A kind of work right after a quoted title: '"Roma", a drama shot in Mexico City'.
WORK_CUE_AFTER = re.compile(
    r",?[ \t]+(?:an?|the|his|her|their)[ \t]+(?:[a-z-]+[ \t]+)?(?:film|movie|thriller|drama|comedy|"
    r"documentary|novel|book|memoir|album|song|series|play|opera|musical|sitcom|podcast)\b"
)
# A lowercase noun right after a name, which then modifies it ("Nokia phones").
NOUN_NEXT = re.compile(
    r"[ \t]+(?!(?:and|or|on|in|at|from|to|for|with|by|as|is|was|were|are|has|had|have|will|"
    r"would|could|can|may|last|this|next|where|which|when|while|after|before|since|until|"
    r"during|near|but|than|overnight|today|tonight|yesterday|again|too|also|earlier|later)\b)[a-z]"
)
# A place reached or seen, not an institution acting: "outside the Parthenon", "near the Nile".
PHYSICAL_THE = re.compile(r"\b(?:near|outside|inside|across|along|around|beneath|atop|towards|toward)[ \t]+the[ \t]+$")
IN_THE = re.compile(r"\b(?:in|into|across|over|through|from)[ \t]+the[ \t]+$")
YEAR_AFTER = re.compile(r",?[ \t](?:19|20)\d\d\b(?![,.]?\d)")
# Heads of organisations named with "on" or "for" a cause.
JOIN_HEADS = wordlists.load("join_heads")
# A lowercase kind of natural place after a name: "the Bhote Koshi river".
LOC_NOUN_AFTER = re.compile(
    r"[ \t]+(?:river|valley|glacier|mountains|desert|plateau|volcano|gorge|estuary)\b(?![ \t]+(?:of|authority|board)\b)"
)
# People who work at an organisation: "analysts at Morgan Stanley", "economists at ING".
ORG_AT_BEFORE = re.compile(
    r"\b(?i:analysts?|economists?|strategists?|researchers|traders?|bankers?|engineers|executives?|"
    r"staff|employees|workers)[ \t]+at[ \t]+$"
)
# ... but not where "in" means a stake or a role: "a stake in Advantest", "jobs in Nvidia".
NOT_LOCATIVE = re.compile(
    r"\b(?:stakes?|invest\w*|shares|holdings?|interest|roles?|jobs?|work\w*|careers?|"
    r"employees|staff|executives|customers|users|positions?|trust|faith|partner\w*|"
    r"deals?|cuts?|changes?|rise|fall|drop|gain|surge|slump|decline|\w*illion|bn|\d)[ \t]+in[ \t]+$"
)
# A kind of work before a quoted title: "his memoir “Opening Up”", "the film ‘Roma’".
WORK_CUE = re.compile(
    r"\b(?:film|movie|documentary|novel|book|memoir|biography|album|song|single|series|show|"
    r"play|opera|poem|painting|exhibition|essay|column|podcast|programme|program|sitcom|"
    r"musical|story|collection|anthology|track|ballad|symphony|report)[ \t,]*$"
)
