"""The gazetteers and what they say about a word or a name: is it a given name, a place,
a group word, does it look like a person's name, what does its head noun make it.

:class:`Lexicon` is built once per recogniser; every stage and rule asks it.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re

from reader.entities import gazetteers as gaz
from reader.entities import regexes, wordlists
from reader.entities.builtin.cues import (
    ANY_FIRST,
    ANY_LAST,
    COMMA_NAME,
    COORDINATED,
    LOCATIVE_BEFORE,
    NOT_LOCATIVE,
    PLACE_OF,
    POSSESSIVE,
    ROLE_NOUNS,
    ROMANISED,
    found_before,
)
from reader.entities.builtin.state import Evidence
from reader.entities.builtin.tokens import ARTICLE_NAME, PARTICLES, SMALL_WORDS, WORD, fold, is_initial


def ordinary_word(word: str) -> bool:
    """Two dictionary words run together into an agent noun ("Chipmaker", "Drugmaker")."""
    if not word.isalpha() or not word[1:].islower():
        return False
    lower = word.lower()
    # Only agent nouns ("-maker", "-builder", "-seller"), not "Lockheed" or "Goldcorp".
    return lower.endswith(("er", "or", "ist")) and any(
        gaz.is_common_word(lower[:i]) and gaz.is_common_word(lower[i:]) for i in range(3, len(lower) - 2)
    )


def is_role(word: str) -> bool:
    """A lower-case role noun, also at the end of a compound ("secretary-general")."""
    return (
        word in ROLE_NOUNS
        or ("-" in word and word.rsplit("-", 1)[1] in ROLE_NOUNS)
        or (word.endswith("ologist") and word.isalpha())  # "meteorologist", "virologist"
    )


class Lexicon:
    """The name lists, loaded once, and the questions the rules ask of them."""

    def __init__(self) -> None:
        gaz.load_all()
        self.places = gaz.places()
        self.states = gaz.states()
        self.regions = gaz.regions()
        lower = sorted((r for r in self.regions if r[0].islower()), key=len, reverse=True)
        self.lower_regions = regexes.compile(rf"\b(?:{'|'.join(map(re.escape, lower))})\b" if lower else r"(?!)")
        # Words every lower-case region name contains, to skip the scan when none is there.
        self.lower_region_keys = frozenset(name.split()[-1] for name in lower)
        self.norp = gaz.norp()
        self.towns = gaz.towns()
        self.given = gaz.given_names() | wordlists.WORLD_GIVEN_NAMES
        self.surnames = gaz.surnames()
        self.use_dictionary = bool(gaz.common_words())
        self.titles = wordlists.TITLES
        self.org_suffixes = wordlists.ORG_SUFFIXES
        self.org_heads = wordlists.ORG_HEADS
        self.extra_org = wordlists.EXTRA_ORG

    def in_gazetteer(self, name: str) -> bool:
        if name.endswith(POSSESSIVE):
            name = name[:-2]
        return name in self.places or name in self.regions or name in self.extra_org

    def hyphen_parts(self, text: str, start: int, end: int) -> list[tuple[int, int]] | None:
        """Split "China-U.S." into known names, or None when a part is not a known name."""
        parts = []
        offset = start
        for part in text[start:end].split("-"):
            part_end = offset + len(part)
            if part_end == end and text[part_end : part_end + 1] == "." and part.count(".") >= 1:
                part_end += 1  # the abbreviation's final dot: "U.S."
            name = text[offset:part_end]
            if not (name in self.places or name in self.norp or name in self.regions):
                return None
            parts.append((offset, part_end))
            offset += len(part) + 1
        return parts

    def surname_alone(self, words: list[str], evidence: Evidence) -> bool:
        """ "Augusto Pinochet ... Pinochet": an odd last word that also stands alone."""
        last = words[-1]
        return (
            len(words) == 2
            and last in evidence.seen
            and last not in self.places
            and words[0] not in self.places
            and not gaz.is_common_word(last)
            and not gaz.is_common_word(words[0])
        )

    def title_follows(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """A title at ``tokens[i]``, maybe after more modifiers ("Health Cabinet Secretary")."""
        while i < len(tokens) and i < 6:
            word = text[tokens[i][0] : tokens[i][1]]
            if word in self.titles:
                return True
            if word not in wordlists.ROLE_MODIFIERS:
                return False
            i += 1
        return False

    def head_label(self, words: list[str]) -> str | None:
        """FAC, LOC, EVENT or WORK_OF_ART from a name's head noun ("Gaddafi Stadium")."""
        if words[-1] not in ANY_LAST and words[0] not in ANY_FIRST and "of" not in words and "of the" not in words:
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
        if head in wordlists.FAC_OR_SURNAME and len(words) > 1 and not self.is_given(words[0]):
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
    def is_title(quoted: str, loose: bool = False) -> bool:
        """Title case of two or more words, not a quoted remark ("We will win," he said).

        ``loose``: after a kind of work ("the film “Roma”"), one word or short words will do.
        """
        if quoted.endswith((",", "?", "!")) or (
            not loose and quoted.startswith(("I ", "We ", "You ", "It "))  # a remark, unless cued
        ):
            return False
        words = WORD.findall(quoted)
        content = [w for w in words if w.lower() not in SMALL_WORDS and not (loose and w in PARTICLES)]
        return (
            ((loose and len(content) >= 1) or len([w for w in content if len(w) > 2]) >= 2)  # not “Plan B”
            and all(w[0].isupper() for w in content)
        )

    def is_speaker(self, label: str) -> bool:
        """A transcript speaker label ("KIM WHITLER") rather than a shouted heading."""
        words = label.split()
        return not any(
            w in wordlists.GENERIC_ACRONYMS or w.capitalize() in self.places or w in self.org_suffixes for w in words
        )

    def looks_like_person(self, words: list[str]) -> bool:
        """Title-case words (not all caps), none a known place, group or organisation word."""
        if not 1 <= sum(1 for w in words if w.split()[0] not in PARTICLES) <= 4:
            return False
        east_asian = self.east_asian(words)
        if len(words) > 1 and self.head_label(words):
            return False  # "Felix Houphouet-Boigny Stadium", "Golden Bear"
        for word in words:
            if word.split()[0] in PARTICLES or ARTICLE_NAME.match(word):  # "bin", "al-Burhan"
                continue
            if not word[0].isupper() or (word.isupper() and len(word) > 1 and not is_initial(word)):
                return False
            if word in self.org_suffixes:
                return False
            if word in self.norp and not (
                word is words[0] and len(words) > 1 and self.is_given(word) and words[-1] in self.surnames
            ):
                return False  # "Christian" is a group, but "Christian Horner" a person
            if word in wordlists.NOT_NAMES and not east_asian:  # "Liu He" is a name
                return False
        if " ".join(words) in self.places or " ".join(words) in self.extra_org:
            return False  # "Hang Seng" is an index
        if len(words) > 1 and words[0] in self.places and not (self.is_given(words[0]) and words[-1] in self.surnames):
            return False  # "China Unicom", but "Georgia Smith"
        # "Elizabeth Warren" is a person although Warren is also a city.
        return words[-1] not in self.places or (len(words) > 1 and self.is_given(words[0]))

    @staticmethod
    def east_asian(words: list[str]) -> bool:
        """ "Xi Jinping", "Lam Yik Fei": a family name, then romanised given-name syllables."""
        return words[0] in wordlists.EAST_ASIAN_SURNAMES and all(
            len(w) <= 9 and ROMANISED.fullmatch(w) for w in words[1:]
        )

    def unknown_word(self, word: str) -> bool:
        """A capitalised word that is no dictionary word ("Nissan", "SoftBank", not "Several")."""
        if word.isupper():
            return 2 <= len(word) <= 5 and word not in wordlists.GENERIC_ACRONYMS  # "BYD, the ..."
        return (
            self.use_dictionary
            and word.isalpha()
            and not (word.endswith("s") and not word.endswith("ss"))  # "Smartphones", "Airlines"
            and not gaz.is_common_word(word)
        )

    def known(self, name: str, evidence: Evidence) -> bool:
        return (
            name in evidence.labels
            or name in self.places
            or name in self.regions
            or name in self.norp
            or name in self.extra_org
        )

    def is_given(self, word: str) -> bool:
        """A given name from the census lists, accents ignored ("Ángela" is "Angela")."""
        return word in self.given or (not word.isascii() and fold(word) in self.given)

    def gazetteer_label(self, name: str, evidence: Evidence) -> str | None:
        """The label the document's evidence or a gazetteer gives ``name``, if any."""
        found = self.known_source(name, evidence)
        return found[0] if found else None

    def known_source(self, name: str, evidence: Evidence) -> tuple[str, str] | None:
        """The label the document's evidence or a gazetteer gives ``name``, and which one."""
        if not name.isascii() and name not in evidence.labels:
            folded = fold(name)  # "İstanbul" is "Istanbul"
            if folded != name and folded.isascii():
                found = self.known_source(folded, evidence)
                if found:
                    return found
        if name.isupper() and len(name) > 3 and name not in evidence.labels and (name.replace(" ", "").isalpha()):
            name = " ".join(word.capitalize() for word in name.split())
        if name in evidence.labels:
            return evidence.labels[name], "evidence: " + evidence.why.get(name, "")
        if name in evidence.person_last:
            return "PERSON", "evidence: a person's surname"
        if name in self.extra_org:
            return "ORG", "list: extra_org"
        if name in self.norp:
            return "NORP", "gazetteer: demonyms, extra_norp"
        if name in self.regions:
            return "LOC", "gazetteer: regions, continents"
        if name in self.places and (" " in name or name.isupper() or name.lower() not in evidence.lower_words):
            return "GPE", "gazetteer: places"
        return None

    def coordinated_place(self, text: str, start: int, evidence: Evidence) -> bool:
        """An unknown name listed after a known city or region ("in Brittany and Normandy")."""
        if text[start - 2 : start] not in (", ", "d ") or start < 6:
            return False
        match = COORDINATED.search(text, max(0, start - 30), start)
        if not match or self.gazetteer_label(match.group(1), evidence) not in (None, "GPE"):
            return False
        for _ in range(4):  # back over a list: "in Lagos, Ibadan and Kano"
            if self.locative(text, match.start()):
                return True
            match = COORDINATED.search(text, max(0, match.start() - 30), match.start())
            if not match:
                return False
        return False

    @staticmethod
    def locative(text: str, start: int) -> bool:
        """An unknown name after a preposition of place: "a rally in Providencia"."""
        if found_before(PLACE_OF, "of", text, start, 24):
            return True  # "the village of Blatten"
        return bool(LOCATIVE_BEFORE.search(text, max(0, start - 8), start)) and not NOT_LOCATIVE.search(
            text, max(0, start - 20), start
        )

    def before_state(self, text: str, end: int) -> bool:
        """True when a state or country follows after a comma: "Cupertino, California"."""
        match = COMMA_NAME.match(text, end)
        return match is not None and match.group(1) in self.states
