"""Candidate search: shingled passages, MinHash signatures, LSH bands.

A document's words (lower-cased) form word-trigram shingles; a *passage* is a
window of ``WINDOW`` shingles, taken every ``STRIDE``, so a passage copied
into a longer page, or moved, is still a passage of both.  Each passage gets
a MinHash signature (``BANDS * ROWS`` values, vectorised with numpy: one
matrix product per document, no per-shingle Python loop past hashing the
words), cut into bands; two passages whose signatures agree on a whole band
land in one bucket.  Two documents are candidates when they share
``MIN_SUPPORT`` buckets; ``passage_share`` then checks the estimate exactly,
before the full comparison.

The index is the only thing kept for the whole corpus: for each document
the set of its band keys (8 bytes each, one numpy array a run of documents),
never its text.  Buckets holding more than ``MAX_BUCKET`` documents are
boilerplate (a footer, a licence line) and are left out, so that no bucket
costs quadratic work.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SHINGLE = 3
"""Words per shingle."""
WINDOW = 24
"""Shingles per passage."""
STRIDE = 12
"""Shingles between the starts of two passages: each shingle is in two passages."""
BANDS = 12
ROWS = 2
"""Signature values per band: two passages of word-shingle Jaccard similarity J share
a band with chance 1 - (1 - J**ROWS)**BANDS: 0.5 at J = 0.24, 0.97 at J = 0.5.  On the
bench corpus (30k documents) this finds 54 of 60 planted translations where 24 bands of 3
found 47, with as many candidates and half the keys."""
MIN_SUPPORT = 3
"""Buckets two documents must share to be candidates: one or two agreeing bands are a
common phrase as often as a shared passage; a shared passage agrees on several."""
MIN_PASSAGE_SHARE = 1 / 3
"""Share of one passage's shingles the other text must hold for a candidate to be compared
in full (8 of 24; two such passages have a Jaccard similarity of at least 0.2, below the
bands' 0.24, so a pair the bands are meant to find passes).  Documents that share a few
common phrases become candidates by chance in a large corpus; their best passage holds
2 to 7 shared shingles."""
MAX_BUCKET = 200
"""Documents in one bucket above which it is boilerplate and gives no candidates."""

INDEX_FORMAT = f"shingle {SHINGLE}, window {WINDOW}/{STRIDE}, bands {BANDS}x{ROWS}"
"""What a document's keys depend on, besides its text."""

U64 = npt.NDArray[np.uint64]
_WORD = re.compile(r"\w+")
_SEED = np.random.default_rng(20240413)
_PERM_A = (_SEED.integers(1, 2**63, BANDS * ROWS, dtype=np.uint64) | np.uint64(1)).astype(np.uint64)
_PERM_B = _SEED.integers(0, 2**63, BANDS * ROWS, dtype=np.uint64)
_ROW_MIX = _SEED.integers(1, 2**63, ROWS, dtype=np.uint64) | np.uint64(1)
_BAND_SALT = _SEED.integers(1, 2**63, BANDS, dtype=np.uint64)
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str) -> U64:
    """The hashes of every word trigram of ``text``, in order (one per word for short texts)."""
    toks = words(text)
    if not toks:
        return np.zeros(0, dtype=np.uint64)
    cache: dict[str, int] = {}
    hashed = np.fromiter(
        (cache.setdefault(t, zlib.crc32(t.encode("utf-8"))) for t in toks),
        dtype=np.uint64,
        count=len(toks),
    )
    if len(hashed) < SHINGLE:
        return hashed * _M1
    with np.errstate(over="ignore"):
        return hashed[:-2] * _M1 + hashed[1:-1] * _M2 + hashed[2:]


def signatures(sh: U64) -> U64:
    """MinHash signature of every passage of a shingle sequence: (passages, BANDS * ROWS)."""
    if len(sh) == 0:
        return np.zeros((0, BANDS * ROWS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        values = (sh[:, None] * _PERM_A[None, :] + _PERM_B[None, :]) >> np.uint64(32)
    # Minimum over blocks of STRIDE shingles; a passage is two adjacent blocks.
    starts = np.arange(0, len(sh), STRIDE)
    blocks = np.minimum.reduceat(values, starts, axis=0)
    per = WINDOW // STRIDE
    if len(blocks) <= per:
        return np.asarray(blocks.min(axis=0, keepdims=True), dtype=np.uint64)
    out = blocks[: len(blocks) - per + 1].copy()
    for k in range(1, per):
        np.minimum(out, blocks[k : len(blocks) - per + 1 + k], out=out)
    return np.asarray(out, dtype=np.uint64)


def band_keys(sig: U64) -> U64:
    """The distinct band keys of a document's passages, sorted."""
    if len(sig) == 0:
        return np.zeros(0, dtype=np.uint64)
    rows = sig.reshape(len(sig), BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = (rows * _ROW_MIX[None, None, :]).sum(axis=2, dtype=np.uint64)
        keys = (keys ^ (keys >> np.uint64(29))) * _M1 + _BAND_SALT[None, :]
    return np.unique(keys.ravel())


def document_keys(text: str) -> U64:
    """Everything the index keeps of one document."""
    return band_keys(signatures(shingles(text)))


def passes_screen(a: U64, b: U64) -> bool:
    """True when a candidate pair is worth the full comparison (``MIN_PASSAGE_SHARE``)."""
    return passage_share(a, b) >= MIN_PASSAGE_SHARE - 1e-9


def passage_share(a: U64, b: U64) -> float:
    """The largest share of one passage's shingles (``WINDOW`` of them, or the whole text
    when shorter) that occur anywhere in the other text, either way round: the exact
    figure the LSH bands estimate, checked before the full comparison."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return max(_best_window(a, b), _best_window(b, a))


def _best_window(a: U64, b: U64) -> float:
    hit = np.isin(a, b).astype(np.int32)
    if len(hit) <= WINDOW:
        return float(hit.sum()) / len(hit)
    run = np.concatenate(([0], np.cumsum(hit)))
    return float((run[WINDOW:] - run[:-WINDOW]).max()) / WINDOW


@dataclass(frozen=True)
class KeyChunk:
    """The band keys of a run of documents: all their keys in one array, document by
    document, and how many each has (numpy arrays, not a Python object a key)."""

    keys: U64
    counts: npt.NDArray[np.int32]

    @staticmethod
    def of(per_doc: Sequence[U64]) -> KeyChunk:
        counts = np.fromiter((len(k) for k in per_doc), dtype=np.int32, count=len(per_doc))
        flat = np.concatenate(per_doc) if per_doc else np.zeros(0, dtype=np.uint64)
        return KeyChunk(np.asarray(flat, dtype=np.uint64), counts)

    def doc(self, i: int) -> U64:
        start = int(self.counts[:i].sum())
        return self.keys[start : start + int(self.counts[i])]


@dataclass(frozen=True)
class Candidates:
    """Pairs of documents (by index, ``a < b``) sharing at least ``MIN_SUPPORT`` buckets,
    and how many each shares."""

    pairs: tuple[tuple[int, int], ...]
    support: tuple[int, ...]
    boilerplate_buckets: int


SLICES = 8
"""The key space is cut in this many slices by its top bits, sorted one at a time, so that
finding the buckets needs memory for an eighth of the index besides the index itself."""
_SLICE_SHIFT = np.uint64(64 - 3)
PAIRS_AT_ONCE = 1 << 20
"""Pairs of one bucket size spelled out at once (bounds the temporary arrays)."""


def candidate_pairs(
    keys: Sequence[U64] | Sequence[KeyChunk], only: int | None = None
) -> Candidates:
    """Candidate pairs among documents whose band keys are ``keys`` (one array a document,
    or chunks of documents in order); with ``only``, the pairs involving that document."""
    chunks = [k if isinstance(k, KeyChunk) else KeyChunk.of([k]) for k in keys]
    total = sum(len(c.counts) for c in chunks)
    bases = np.cumsum([0] + [len(c.counts) for c in chunks]).tolist()
    codes: list[npt.NDArray[np.int64]] = []
    counts: list[npt.NDArray[np.int64]] = []
    too_big = 0
    for part in range(SLICES):
        flat, owner = _slice(chunks, bases, part)
        got, big = _bucket_pairs(flat, owner, total, only)
        too_big += big
        if len(got):
            code, n = np.unique(got, return_counts=True)
            codes.append(code)
            counts.append(n)
    if not codes:
        return Candidates((), (), too_big)
    code, inverse = np.unique(np.concatenate(codes), return_inverse=True)
    support = np.bincount(inverse, weights=np.concatenate(counts)).astype(np.int64)
    keep = support >= MIN_SUPPORT
    code, support = code[keep], support[keep]
    pairs = tuple(zip((code // total).tolist(), (code % total).tolist(), strict=True))
    return Candidates(pairs, tuple(support.tolist()), too_big)


def _slice(
    chunks: Sequence[KeyChunk], bases: Sequence[int], part: int
) -> tuple[U64, npt.NDArray[np.int64]]:
    """The keys in one slice of the key space, with their documents, sorted by key (and by
    document within a key)."""
    keys, docs = [], []
    for chunk, base in zip(chunks, bases, strict=False):
        sel = (chunk.keys >> _SLICE_SHIFT) == np.uint64(part)
        keys.append(chunk.keys[sel])
        owner = np.repeat(np.arange(base, base + len(chunk.counts), dtype=np.int64), chunk.counts)
        docs.append(owner[sel])
    flat = np.concatenate(keys) if keys else np.zeros(0, dtype=np.uint64)
    doc = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    order = np.argsort(flat, kind="stable")
    return flat[order], doc[order]


def _bucket_pairs(
    flat: U64, owner: npt.NDArray[np.int64], total: int, only: int | None
) -> tuple[npt.NDArray[np.int64], int]:
    """Every pair of documents sharing a bucket, once per bucket, as ``a * total + b``
    (``a < b``), and how many buckets were boilerplate."""
    if len(flat) == 0:
        return np.zeros(0, dtype=np.int64), 0
    edge = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    starts = np.concatenate(([0], edge))
    sizes = np.diff(np.concatenate((starts, [len(flat)])))
    too_big = int(np.count_nonzero(sizes > MAX_BUCKET))
    if only is not None:
        mine = np.zeros(len(starts), dtype=bool)
        hit = np.flatnonzero(owner == only)
        mine[np.searchsorted(starts, hit, side="right") - 1] = True
        starts, sizes = starts[mine], sizes[mine]
    out: list[npt.NDArray[np.int64]] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= MAX_BUCKET)]).tolist():
        i, j = np.triu_indices(size, 1)
        group = starts[sizes == size]
        step = max(1, PAIRS_AT_ONCE // len(i))
        for k in range(0, len(group), step):
            first = group[k : k + step, None]
            a, b = owner[first + i[None, :]], owner[first + j[None, :]]
            pair = np.minimum(a, b) * total + np.maximum(a, b)
            if only is not None:
                pair = pair[(a == only) | (b == only)]
            out.append(pair.ravel())
    return (np.concatenate(out) if out else np.zeros(0, dtype=np.int64)), too_big
