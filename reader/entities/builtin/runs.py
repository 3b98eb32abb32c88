"""Stage 1, runs: capitalised words found as runs ("University of Virginia", "iPhone 15e"),
split at hyphens between names ("China-U.S."), then into name segments at titles,
possessives and connectors that are not part of a name; and the sentence-start trim
("The", "Several") the later stages share.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities import gazetteers as gaz
from reader.entities import wordlists
from reader.entities.builtin.cues import (
    ANY_FIRST,
    DOTTED,
    GROUP_POSSESSORS,
    HYPHEN_TAIL,
    NAME_NEXT,
    POSSESSIVE,
    PRODUCT_TOKEN,
)
from reader.entities.builtin.lexicon import Lexicon, is_role, ordinary_word
from reader.entities.builtin.state import Evidence, Run
from reader.entities.builtin.tokens import (
    ARTICLE_NAME,
    DOTTED_TITLE,
    PARTICLES,
    PLAIN,
    RUN,
    TOKEN,
    Coverage,
    Lines,
    is_sentence_start,
    word_before,
)


def strip_possessive(text: str, start: int, end: int, evidence: Evidence) -> int:
    """End offset without a trailing possessive, unless the "'s" belongs to the name."""
    word = text[start:end]
    if word.endswith(POSSESSIVE) and len(word) > 2:
        stem = text[start : end - 2]
        if stem in GROUP_POSSESSORS and NAME_NEXT.match(text, end):
            return end  # "Children’s Hospital", "People’s Party": the "'s" is the name's

        if stem.rsplit(" ", 1)[-1] in evidence.seen_tokens:
            return end - 2
        if word not in evidence.name_possessives:
            return end - 2
    return end


def find_runs(lex: Lexicon, text: str, lines: Lines, taken: Coverage) -> list[Run]:
    runs: list[Run] = []
    for match in RUN.finditer(text):
        start = match.start()
        kind = lines.kind(start)
        headline = kind != PLAIN
        weak = headline or is_sentence_start(text, start)
        tokens: list[tuple[int, int]] = []
        found = list(TOKEN.finditer(match.group()))
        dropped = None
        if (
            weak
            and not headline
            and len(found) > 1
            and found[0].group() in wordlists.NOT_NAMES
            and not any(lex.in_gazetteer(match.group()[: m.end()]) for m in found[1:5])  # "New South Wales Police"
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
                    runs.append(Run(tokens, weak, headline))
                tokens, weak = [], False
                continue
            word = text[tok_start:tok_end]
            if word in DOTTED and text.startswith(".", tok_end):
                tok_end += 1  # "Corp." keeps its dot
                word += "."
            if "-" not in word or word in lex.places or word in lex.regions:
                tokens.append((tok_start, tok_end))
                continue
            tail = HYPHEN_TAIL.search(word)
            if tail:  # "Chinese-based": the name is the part before the hyphen.
                tokens.append((tok_start, tok_start + tail.start()))
                if tail.start() < len(word):
                    runs.append(Run(tokens, weak, headline))
                    tokens, weak = [], False
                continue
            parts = lex.hyphen_parts(text, tok_start, tok_end)
            if parts is None:
                tokens.append((tok_start, tok_end))
                continue
            for part in parts:  # "China-U.S.": two names joined by a hyphen.
                if tokens:
                    runs.append(Run(tokens, weak, headline))
                tokens, weak = [part], False
            weak = False
        if tokens:
            runs.append(Run(tokens, weak, headline))
        if len(runs) > run_count:
            if dropped is not None:
                runs[run_count].dropped = dropped
            elif not weak and is_role(word_before(text, start, comma=True)):
                runs[run_count].title_before = True
            elif (
                text[start - 2 : start - 1] == "."
                and DOTTED_TITLE.search(text, max(0, start - 7), start)
                and not text.startswith("St", start - 5)
            ):
                runs[run_count].dotted_title = True
    return runs


def segments(lex: Lexicon, text: str, run: Run, evidence: Evidence) -> list[tuple[list[tuple[int, int]], str]]:
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
        if word in lex.titles or (word in wordlists.ROLE_MODIFIERS and lex.title_follows(text, tokens, i + 1)):
            # A title ends the current segment unless it is part of a name ("General Motors"):
            # the words after it, up to a connector, end in an organisation suffix.
            rest = []
            for s_, e_ in tokens[i + 1 :]:
                if text[s_].islower():
                    break
                rest.append(text[s_:e_])
                if text[s_:e_].endswith(POSSESSIVE):
                    break
            if (
                rest
                and rest[-1].removesuffix("’s").removesuffix("'s") in lex.org_suffixes
                and not lex.is_given(rest[0])
            ):  # "General Motors", "Justice Department’s"
                current.append((start, end))
                i += 1
                continue
            if word in ("Minister", "Secretary"):
                # "Civil Protection Minister", "Mines Minister": the portfolio is no name.
                while (
                    current
                    and gaz.is_common_word(text[current[-1][0] : current[-1][1]])
                    and text[current[-1][0] : current[-1][1]] not in lex.norp
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
        if word[0].islower() and not PRODUCT_TOKEN.match(word) and not ARTICLE_NAME.match(word):
            # Connector: keep inside "University of Virginia" or "Abdulaziz bin Salman",
            # split elsewhere ("Qualcomm and Intel").
            head = text[current[-1][0] : current[-1][1]] if current else ""
            last = text[tokens[-1][0] : tokens[-1][1]]
            joins = (
                (word.split()[0] in PARTICLES and current)
                or word == "&"
                or (word in ("of", "of the", "for") and (head in lex.org_heads or head in lex.org_suffixes))
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
                    and last in lex.org_suffixes
                    and head not in lex.org_suffixes
                    and head not in evidence.seen
                    and (head.lower() in evidence.lower_words or gaz.is_common_word(head))
                )
                # "Peter and Paul Fortress": two patrons of one building
                or (word == "and" and len(current) == 1 and last in wordlists.FAC_LAST)
                # "Institute of Science and Technology", "Department of Health and Human Services"
                or (
                    word == "and"
                    and len(current) >= 3
                    and text[current[0][0] : current[0][1]] in lex.org_heads
                    and text[current[1][0] : current[1][1]] in ("of", "of the")
                    and i + 1 < len(tokens)
                    and not text[tokens[i + 1][0]].islower()
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
        new_end = strip_possessive(text, start, end, evidence)
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
            and not (PRODUCT_TOKEN.match(text[seg[-1][0] : seg[-1][1]]) or ARTICLE_NAME.match(text, seg[-1][0]))
        ):
            seg = seg[:-1]
        if seg:
            cleaned.append((seg, seg_cue))
    return cleaned


def trim_sentence_start(
    lex: Lexicon, text: str, segment: list[tuple[int, int]], evidence: Evidence
) -> list[tuple[int, int]]:
    """Drop a sentence-initial word that is not part of the name ("The", "Several")."""
    first = text[segment[0][0] : segment[0][1]]
    whole = text[segment[0][0] : segment[-1][1]]
    if len(segment) == 1 or whole in evidence.seen or whole in evidence.labels:
        return segment
    if any(lex.in_gazetteer(text[segment[0][0] : end]) for _, end in segment[1:5]):
        return segment  # "New South Wales Police"
    if first in wordlists.NOT_NAMES:
        return segment[1:]
    if first.lower() in evidence.lower_words and not lex.known(first, evidence):
        return segment[1:]
    rest_words = [text[s:e] for s, e in segment[1:]]
    if (
        is_role(first.lower())
        and first not in lex.titles
        and (
            lex.is_given(rest_words[0])
            or (
                len(rest_words) == 2
                and lex.looks_like_person(rest_words)
                and not any(gaz.is_common_word(w) for w in rest_words)
            )
        )
    ):
        return segment[1:]  # "Striker Pedro scored", "Novelist Elif Shafak said"
    rest_name = " ".join(rest_words)
    if (
        len(segment) == 2
        and first[1:].islower()  # not "NEW DELHI"
        and (gaz.is_common_word(first) or ordinary_word(first))
        and first not in ANY_FIRST  # "Hurricane Beryl ... Beryl"
        and first not in lex.org_heads
        and first not in lex.titles
        and not lex.known(first, evidence)
        and first not in evidence.seen_tokens
        and not lex.is_given(first)
        and (rest_name in evidence.seen or rest_name in evidence.seen_tokens)
        and text.count(rest_name) > 1  # vouched for elsewhere, not only here
        and (first + " " + rest_name) not in lex.places
    ):
        # "Chipmaker Nvidia beats forecasts", "Drugmaker Pfizer said": an ordinary word
        # (or two run together) before a name the text or a gazetteer vouches for.
        return segment[1:]
    if len(segment) >= 3 and gaz.is_common_word(first) and not lex.known(first, evidence):
        # "Geologist Raphaël Mayoraz", "Rivals Tokyo Electron": a capitalised common word,
        # then a person's name or a name the text uses elsewhere.
        rest = [text[s:e] for s, e in segment[1:]]
        if text[segment[1][0]].isupper() and (
            (lex.is_given(rest[0]) and lex.looks_like_person(rest)) or " ".join(rest) in evidence.seen
        ):
            return segment[1:]
    return segment
