"""Candidate search: shingled passages, MinHash signatures, LSH bands.

A document's words (lower-cased) form word-trigram shingles; a *passage* is a
window of ``WINDOW`` shingles, taken every ``STRIDE``, so a passage copied
into a longer page, or moved, is still a passage of both.  Each passage gets
a MinHash signature (``BANDS * ROWS`` values, vectorised with numpy: one
matrix product per document, no per-shingle Python loop past hashing the
words), cut into bands; two passages whose signatures agree on a whole band
land in one bucket.  Two documents are candidates when they share a bucket.

The index is the only thing kept for the whole corpus: for each document
the set of its band keys (8 bytes each), never its text.  Buckets holding
more than ``MAX_BUCKET`` documents are boilerplate (a footer, a licence
line) and are left out, so that no bucket costs quadratic work.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SHINGLE = 3
"""Words per shingle."""
WINDOW = 24
"""Shingles per passage."""
STRIDE = 12
"""Shingles between the starts of two passages: each shingle is in two passages."""
BANDS = 24
ROWS = 3
"""Signature values per band: two passages of word-shingle Jaccard similarity J share
a band with chance 1 - (1 - J**ROWS)**BANDS: 0.5 at J = 0.24, 0.98 at J = 0.5."""
MIN_SUPPORT = 2
"""Buckets two documents must share to be candidates: one agreeing band of one passage
is a common phrase as often as a shared passage; a shared passage agrees on several."""
MAX_BUCKET = 200
"""Documents in one bucket above which it is boilerplate and gives no candidates."""

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


@dataclass(frozen=True)
class Candidates:
    """Pairs of documents (by index, ``a < b``) sharing at least ``MIN_SUPPORT`` buckets,
    and how many each shares."""

    pairs: tuple[tuple[int, int], ...]
    support: tuple[int, ...]
    boilerplate_buckets: int


def candidate_pairs(keys: Sequence[U64], only: int | None = None) -> Candidates:
    """Candidate pairs among documents whose band keys are ``keys``; with ``only``, the pairs
    involving that document."""
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
    if lengths.sum() == 0:
        return Candidates((), (), 0)
    flat = np.concatenate([np.asarray(k, dtype=np.uint64) for k in keys])
    owner = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
    order = np.lexsort((owner, flat))
    flat, owner = flat[order], owner[order]
    edge = np.flatnonzero(np.diff(flat)) + 1
    starts = np.concatenate(([0], edge))
    ends = np.concatenate((edge, [len(flat)]))
    sizes = ends - starts
    shared = sizes >= 2
    too_big = int(np.count_nonzero(sizes > MAX_BUCKET))
    support: dict[tuple[int, int], int] = {}
    for s, e in zip(
        starts[shared & (sizes <= MAX_BUCKET)], ends[shared & (sizes <= MAX_BUCKET)], strict=True
    ):
        members = owner[s:e].tolist()
        if only is not None:
            if only not in members:
                continue
            members_iter: Iterable[tuple[int, int]] = (
                (min(only, m), max(only, m)) for m in members if m != only
            )
        else:
            members_iter = (
                (members[i], members[j])
                for i in range(len(members))
                for j in range(i + 1, len(members))
            )
        for pair in members_iter:
            support[pair] = support.get(pair, 0) + 1
    ranked = sorted(p for p, n in support.items() if n >= MIN_SUPPORT)
    return Candidates(tuple(ranked), tuple(support[p] for p in ranked), too_big)
