"""Stage 2, evidence: what the whole article says about its names.

Runs in running text are remembered as *seen*; strong cues give a label for the whole
article: a title or role before a name, a transcript speaker, a census given name or an
East Asian family name, an apposition, an organisation suffix, a product cue. The parts
of a person's name are remembered, so "Carson" alone later is a PERSON too.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities import gazetteers as gaz
from reader.entities import wordlists
from reader.entities.builtin.cues import (
    AGE_AFTER,
    APPOSITION,
    AUTHOR_OF_QUOTED,
    DOWNLOAD_FROM,
    LIST_ITEM,
    NOT_POSSESSED,
    PERSON_AFTER,
    PERSON_VERB_AFTER,
    PLACE_OF,
    POSSESSIVE,
    PREPOSITION_BEFORE,
    PRODUCT_AFTER,
    PRODUCT_LIST,
    PRODUCT_NOUN_AFTER,
    ROLE_AFTER,
    SAID_BEFORE,
    SAYING,
    SAYING_VERB,
    SPEAKER,
    WHO_AFTER,
    found_before,
)
from reader.entities.builtin.labelling import too_long
from reader.entities.builtin.lexicon import Lexicon, is_role, ordinary_word
from reader.entities.builtin.runs import segments, trim_sentence_start
from reader.entities.builtin.state import Evidence, Run


def gather(lex: Lexicon, text: str, runs: list[Run], evidence: Evidence) -> None:
    """First pass: remember forms seen in running text and strong label cues."""
    seen_tokens: set[str] = set()
    possessives: dict[str, int] = {}
    for run in runs:
        words = [text[s:e] for s, e in run.tokens]
        for (_, end), word in zip(run.tokens, words, strict=False):
            if word.endswith(POSSESSIVE) and NOT_POSSESSED.match(text, end):
                possessives[word] = possessives.get(word, 0) + 1
        # A sentence's first word counts only when it cannot be an ordinary word there:
        # "The Commerce Department" gives "Commerce Department", "Lockheed Martin" itself.
        first_strong = 0
        if run.weak and (
            len(words) == 1
            or words[0] in wordlists.NOT_NAMES
            or words[0].lower() in evidence.lower_words
            or gaz.is_common_word(words[0])
            or (len(words) > 1 and ordinary_word(words[0]))  # "Chipmaker Nvidia"
        ):
            first_strong = 1
        if run.headline:
            continue
        for word in words[first_strong:]:
            seen_tokens.add(word)
        if len(words) > first_strong:
            name = " ".join(words[first_strong:])
            evidence.seen.add(name)
            if name.endswith(POSSESSIVE):
                evidence.seen.add(name[:-2])  # "City’s manager" vouches for "City"
    # Names ending in "'s" ("McDonald’s"): seen where no possessed noun follows
    # ("BMW and McDonald’s."), and their stem never stands alone.
    evidence.seen_tokens = seen_tokens
    evidence.name_possessives = {w for w in possessives if w[:-2] not in seen_tokens}
    for match in SPEAKER.finditer(text):
        if not lex.is_speaker(match.group(1)):
            continue
        evidence.note(" ".join(match.group(1).split()), "PERSON", "transcript speaker", replace=True)
        words = [w.capitalize() for w in match.group(1).split()]
        evidence.person_first.add(words[0])
        evidence.person_last.add(words[-1])
        evidence.note(" ".join(words), "PERSON", "transcript speaker", replace=True)
    for run in runs:
        # Quoted speech attributed to a name: '"...," Sinner said', '"...," Jane Doe told'.
        first_start, last_end = run.tokens[0][0], run.tokens[-1][1]
        if (
            not run.headline
            and text[first_start - 3 : first_start - 1] in (',"', ",”", '."', ".”")
            and SAYING_VERB.match(text, last_end)
        ):
            words = [text[s:e] for s, e in run.tokens]
            if lex.looks_like_person(words) and not lex.known(" ".join(words), evidence):
                evidence.add_person(words)
                evidence.person_last.add(words[-1])
    for run in runs:
        # A single name followed by ", who" is a person's ("Norris, who started on pole"), and so
        # is one before a verb people do or a quoted work of theirs ("Rembrandt's “The Night Watch”").
        if (
            len(run.tokens) == 1
            and not run.headline
            and (
                WHO_AFTER.match(text, run.tokens[0][1])
                or PERSON_VERB_AFTER.match(text, run.tokens[0][1])
                or AUTHOR_OF_QUOTED.match(text, run.tokens[0][1] - 2)
            )
        ):
            word = text[run.tokens[0][0] : run.tokens[0][1]]
            if word.endswith(POSSESSIVE):
                word = word[:-2]  # "Rembrandt's"
            if lex.looks_like_person([word]) and not lex.known(word, evidence) and (not gaz.is_common_word(word)):
                evidence.person_last.add(word)
    has_list = " like " in text or " such as " in text or " including " in text
    for match in PRODUCT_LIST.finditer(text) if has_list else ():
        for item in LIST_ITEM.findall(match.group(1)):
            if not lex.known(item, evidence):
                evidence.note(item, "PRODUCT", "listed after a kind of product")
    downloads = "download" in text or "install" in text  # the words DOWNLOAD_FROM needs
    for run in runs:
        run.segments = segments(lex, text, run, evidence)
        if run.headline:
            continue
        for index, (segment, cue) in enumerate(run.segments):
            if too_long(text, segment):
                continue
            if index == 0 and run.weak:
                trimmed = trim_sentence_start(lex, text, segment, evidence)
                if len(trimmed) < len(segment) and is_role(text[segment[0][0] : segment[0][1]].lower()):
                    cue = "role"  # "Meteorologist Kostas Lagouvardos said"
                segment = trimmed
            words = [text[s:e] for s, e in segment]
            name = " ".join(words)
            if not words or name in wordlists.NOT_NAMES:
                continue
            if person_cue(lex, text, segment, words, cue, evidence) and lex.looks_like_person(words):
                evidence.add_person(words)
                if lex.east_asian(words):
                    evidence.person_last.add(words[0])  # "Xi Jinping" ... "Xi said"
            elif words[-1] in lex.org_suffixes and len(words) > 1:
                evidence.note(name, "ORG", "organisation suffix")
                if words[-1] in wordlists.LEGAL_FORMS and len(words) == 2:
                    evidence.note(words[0], "ORG", "name before a legal form")  # "Elisa Oyj" ... "Elisa shares"
            end = segment[-1][1]
            if len(words) == 1 and PERSON_AFTER.match(text, end):
                evidence.note(name, "PERSON", "before 'administration'")
                evidence.person_last.add(name)
            elif PRODUCT_AFTER.match(text, end) and not lex.known(name, evidence):
                evidence.note(name, "PRODUCT", "product cue")
            elif (
                (
                    (downloads and DOWNLOAD_FROM.search(text, max(0, segment[0][0] - 40), segment[0][0]))
                    or (PRODUCT_NOUN_AFTER.match(text, end) and text.count(name) == 1)
                )
                and not lex.known(name, evidence)
                and not gaz.is_common_word(words[0])  # "Several chip makers", "Honor"
                and not text.startswith(" app", end)  # "the Apple app store"
                and not lex.is_given(words[0])
                and name not in evidence.person_last
            ):
                # "download the app from Google Play", "the Blackwell chips": a company's
                # name recurs, a product line mentioned once before its kind does not.
                evidence.note(name, "PRODUCT", "product cue")


def person_cue(
    lex: Lexicon, text: str, segment: list[tuple[int, int]], words: list[str], cue: str, evidence: Evidence
) -> bool:
    """Strong evidence that a name segment is a person, from its words or its context."""
    if cue == "title":
        return True
    if not 2 <= len(words) <= 3:
        return False
    start, end = segment[0][0], segment[-1][1]
    if found_before(PLACE_OF, "of", text, start, 24):
        return False  # "the town of Al Marj"
    if ROLE_AFTER.match(text, end):
        return False  # "Trade Desk founder Jeff Green": the organisation comes before the role
    if cue == "role" or lex.is_given(words[0]) or lex.east_asian(words):
        return True
    if APPOSITION.match(text, end) or SAID_BEFORE.search(text, max(0, start - 8), start) or AGE_AFTER.match(text, end):
        return True  # "Pep Guardiola, City's manager", "said Christophe Barraud"
    if gaz.is_common_word(words[0]):
        return False  # "The World Health Organization said": weaker cues need an odd first word
    if SAYING.match(text, end):
        # "Jane Doe said", but not "chief executive of Acme Gaming, said"
        return not PREPOSITION_BEFORE.search(text, max(0, start - 6), start)
    # "Christophe Barraud ... Barraud said": a census surname that also stands alone.
    if words[-1] in lex.surnames and words[-1] in evidence.seen and words[0] not in lex.surnames:
        return True
    return lex.surname_alone(words, evidence)
