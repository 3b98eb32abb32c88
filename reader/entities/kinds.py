"""The kinds a reader sees: entity labels grouped into what they are to a person.

Core module: no textual or rich imports. The UI gives each kind its own colour (and a
text style when there is no colour) and a legend entry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    name: str
    """Plural, for the panel headings."""
    short: str
    """One word, for the legend."""
    labels: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("person", "People", "People", ("PERSON",)),
    Kind("org", "Organisations", "Orgs", ("ORG",)),
    Kind("place", "Places", "Places", ("GPE", "LOC", "FAC")),
    Kind("group", "Groups", "Groups", ("NORP",)),
    Kind("date", "Dates & times", "Dates", ("DATE", "TIME")),
    Kind("money", "Money & %", "Money", ("MONEY", "PERCENT")),
    Kind("other", "Other", "Other", ("PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")),
)

_BY_LABEL: dict[str, Kind] = {label: kind for kind in KINDS for label in kind.labels}
OTHER = KINDS[-1]


def kind_of(label: str) -> Kind:
    """The kind an entity label belongs to (unknown labels are "other")."""
    return _BY_LABEL.get(label, OTHER)
