"""Exact-span scoring of predicted entities against gold annotations.

Micro-averaged precision, recall and F1 over all documents: typed (span and label
must both match), per label, and label-agnostic (span only).

Core module: no textual or rich imports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with the derived figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Score:
    """The result of :func:`score`."""

    typed: Counts
    untyped: Counts
    per_label: dict[str, Counts] = field(default_factory=dict)


def _as_spans(entities: Iterable[Sequence]) -> Counter[Span]:
    """Accept ``(start, end, label, ...)`` sequences or objects with those attributes."""
    spans: Counter[Span] = Counter()
    for item in entities:
        if hasattr(item, "start"):
            spans[(item.start, item.end, item.label)] += 1  # type: ignore[attr-defined]
        else:
            spans[(int(item[0]), int(item[1]), str(item[2]))] += 1
    return spans


def _compare(gold: Counter, predicted: Counter) -> Counts:
    tp = sum((gold & predicted).values())
    return Counts(tp, sum(predicted.values()) - tp, sum(gold.values()) - tp)


def score(gold: Iterable[Iterable[Sequence]], predicted: Iterable[Iterable[Sequence]]) -> Score:
    """Score ``predicted`` against ``gold``, one list of entities per document, in order.

    Entities are ``(start, end, label)`` sequences (extra items ignored) or objects
    with ``start``, ``end`` and ``label`` attributes such as :class:`reader.model.Entity`.
    """
    typed = untyped = Counts()
    per_label: dict[str, Counts] = {}
    for gold_doc, pred_doc in zip(gold, predicted, strict=True):
        g, p = _as_spans(gold_doc), _as_spans(pred_doc)
        typed += _compare(g, p)
        untyped += _compare(Counter((s, e) for s, e, _ in g.elements()), Counter((s, e) for s, e, _ in p.elements()))
        for label in {lab for _, _, lab in g} | {lab for _, _, lab in p}:
            only = Counts() if label not in per_label else per_label[label]
            per_label[label] = only + _compare(
                Counter({k: v for k, v in g.items() if k[2] == label}),
                Counter({k: v for k, v in p.items() if k[2] == label}),
            )
    return Score(typed, untyped, dict(sorted(per_label.items())))


def format_table(result: Score) -> str:
    """A plain-text table of a :class:`Score`."""
    rows = [f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]

    def row(name: str, c: Counts) -> str:
        return (
            f"{name:<12} {100 * c.precision:6.1f} {100 * c.recall:6.1f} {100 * c.f1:6.1f} "
            f"{c.tp + c.fn:6d} {c.tp + c.fp:6d}"
        )

    for label, counts in result.per_label.items():
        rows.append(row(label, counts))
    rows.append("-" * len(rows[0]))
    rows.append(row("typed", result.typed))
    rows.append(row("untyped", result.untyped))
    return "\n".join(rows)
