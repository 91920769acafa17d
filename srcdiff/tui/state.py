"""Which drift is selected, in what order, under which filters (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Comparison, Drift, DriftKind, Severity

ORDERS = ("severity", "document")
SEVERITIES: tuple[Severity, ...] = (Severity.MEDIUM, Severity.HIGH, Severity.LOW)
"""The severity filter's steps: each shows that severity and above.  Medium first: low
findings (format, equivalent wording) stay in the text and the JSON, out of the review."""
SEVERITY_FILTER = {
    Severity.HIGH: "high only",
    Severity.MEDIUM: "medium and up",
    Severity.LOW: "all severities",
}


@dataclass
class Nav:
    """Drift navigation over one comparison.

    Drifts are numbered in document order (``drifts``); ``current`` and
    everything returned are such numbers.
    """

    drifts: list[Drift]
    block_of: list[int]
    """Index of the block holding each drift."""
    order: str = "severity"
    kind: DriftKind | None = None
    severity: Severity = Severity.MEDIUM
    current: int | None = None
    hide_reviewed: bool = False
    reviewed: frozenset[str] = frozenset()
    """Ids of the drifts that carry a verdict (a note alone is not one)."""
    _by_severity: list[int] = field(default_factory=list)
    _seq: list[int] = field(default_factory=list)
    _seq_key: tuple[object, ...] = ()

    @classmethod
    def of(cls, comp: Comparison) -> Nav:
        drifts: list[Drift] = []
        block_of: list[int] = []
        for k, blk in enumerate(comp.blocks):
            for d in blk.drifts:
                drifts.append(d)
                block_of.append(k)
        nav = cls(drifts, block_of)
        nav._by_severity = sorted(range(len(drifts)), key=lambda i: (-drifts[i].severity.rank, i))
        return nav

    def in_scope(self, i: int) -> bool:
        """Whether drift ``i`` passes the kind and severity filters."""
        d = self.drifts[i]
        if self.kind is not None and self.kind not in d.kinds:
            return False
        return d.severity.rank >= self.severity.rank

    def passes(self, i: int) -> bool:
        if self.hide_reviewed and self.drifts[i].id in self.reviewed:
            return False
        return self.in_scope(i)

    def decided(self) -> tuple[int, int]:
        """(drifts with a verdict, drifts) among those the kind and severity filters pass."""
        scope = [i for i in range(len(self.drifts)) if self.in_scope(i)]
        return sum(1 for i in scope if self.drifts[i].id in self.reviewed), len(scope)

    def next_undecided(self) -> int | None:
        """The first drift after the current one in the sequence without a verdict, wrapping
        (after where it stood, when the filters hide it now); None when every drift of the
        sequence has one."""
        seq = self.sequence()
        if not seq:
            return None
        if self.current in seq:
            start = seq.index(self.current) + 1
        else:
            rank = {d: n for n, d in enumerate(self.ordered())}
            here = rank.get(self.current, -1) if self.current is not None else -1
            start = next((k for k, d in enumerate(seq) if rank[d] > here), 0)
        for k in range(len(seq)):
            cand = seq[(start + k) % len(seq)]
            if self.drifts[cand].id not in self.reviewed:
                return cand
        return None

    def settle(self) -> bool:
        """After a filter change: a current drift the filters hide gives way to the first
        one shown (or none).  True when the selection changed."""
        seq = self.sequence()
        if self.current is None or self.current in seq:
            return False
        self.current = seq[0] if seq else None
        return True

    def ordered(self) -> list[int]:
        """Every drift in the current order, filters ignored."""
        if self.order == "severity":
            return list(self._by_severity)
        return list(range(len(self.drifts)))

    def sequence(self) -> list[int]:
        """The drifts that pass the filters, in the current order."""
        key = (
            self.order,
            self.kind,
            self.severity,
            self.hide_reviewed,
            self.reviewed if self.hide_reviewed else None,
        )
        if self._seq_key != key:
            self._seq = [i for i in self.ordered() if self.passes(i)]
            self._seq_key = key
        return self._seq

    def step(self, delta: int) -> tuple[int | None, bool]:
        """Move ``delta`` (+1/-1) through the sequence; returns (drift, wrapped)."""
        seq = self.sequence()
        if not seq:
            return None, False
        if self.current is None:
            pick = 0 if delta > 0 else len(seq) - 1
            self.current = seq[pick]
            return self.current, False
        if self.current in seq:
            pos = seq.index(self.current) + delta
        else:  # filtered out: the next one that passes, in order
            rank = {d: n for n, d in enumerate(self.ordered())}
            here = rank[self.current]
            nxt = next((n for n, d in enumerate(seq) if rank[d] > here), len(seq))
            pos = nxt if delta > 0 else nxt - 1
        wrapped = not 0 <= pos < len(seq)
        self.current = seq[pos % len(seq)]
        return self.current, wrapped

    def kinds_present(self) -> list[DriftKind]:
        seen = {k for d in self.drifts for k in d.kinds}
        return [k for k in DriftKind if k in seen]

    def cycle_kind(self) -> None:
        options: list[DriftKind | None] = [None, *self.kinds_present()]
        at = options.index(self.kind) if self.kind in options else 0
        self.kind = options[(at + 1) % len(options)]

    def cycle_severity(self) -> None:
        at = SEVERITIES.index(self.severity)
        self.severity = SEVERITIES[(at + 1) % len(SEVERITIES)]

    def toggle_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]

    def position(self) -> tuple[int, int]:
        """(1-based place of the current drift in the sequence or 0, sequence length)."""
        seq = self.sequence()
        if self.current is not None and self.current in seq:
            return seq.index(self.current) + 1, len(seq)
        return 0, len(seq)

    def describe(self) -> str:
        kind = self.kind.value if self.kind else "all kinds"
        sev = SEVERITY_FILTER[self.severity]
        todo = " · undecided only" if self.hide_reviewed else ""
        return f"{self.order} order · {kind} · {sev}{todo}"
