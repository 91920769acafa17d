# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled loops of alignment: seeding candidates, weighted overlap, the chance model's z.

Each function takes whole lists of units (or two whole bags) and runs its loop in C, so
the cost of crossing from Python is paid once per pass or once per pair, never once per
key.  Built by setuptools with Cython (``setup.py``); ``_kernels.pyi`` gives the types.
"""

from cpython.dict cimport PyDict_Contains, PyDict_GetItem, PyDict_Next
from cpython.object cimport PyObject
from libc.math cimport expm1, log, sqrt
from libc.stdlib cimport calloc, free, malloc, qsort
from libc.string cimport memcpy


cdef struct Ranked:
    long long first
    long long second


cdef int _by_rank(const void *x, const void *y) noexcept nogil:
    """Order (first, second) pairs ascending."""
    cdef const Ranked *a = <const Ranked *> x
    cdef const Ranked *b = <const Ranked *> y
    if a.first != b.first:
        return -1 if a.first < b.first else 1
    if a.second != b.second:
        return -1 if a.second < b.second else 1
    return 0


cdef struct Vote:
    double vote
    Py_ssize_t touch
    Py_ssize_t unit


cdef int _by_vote(const void *x, const void *y) noexcept nogil:
    """Most votes first, then first touched first (Python's stable sort, reversed)."""
    cdef const Vote *a = <const Vote *> x
    cdef const Vote *b = <const Vote *> y
    if a.vote != b.vote:
        return -1 if a.vote > b.vote else 1
    return -1 if a.touch < b.touch else (1 if a.touch > b.touch else 0)


cdef int _by_unit(const void *x, const void *y) noexcept nogil:
    cdef const Vote *a = <const Vote *> x
    cdef const Vote *b = <const Vote *> y
    return -1 if a.unit < b.unit else (1 if a.unit > b.unit else 0)


cdef class _Postings:
    """For each feature of some units, the places of the units holding it (ascending).

    Features are arbitrary integers, numbered densely by an open-addressing table."""

    cdef Py_ssize_t size        # slots of the table (a power of two)
    cdef long long *slot_key
    cdef Py_ssize_t *slot_id    # dense number of the feature in a slot, -1 when empty
    cdef Py_ssize_t n           # distinct features
    cdef Py_ssize_t *off        # postings of feature f: at[off[f]:off[f + 1]]
    cdef Py_ssize_t *at

    def __dealloc__(self):
        free(self.slot_key)
        free(self.slot_id)
        free(self.off)
        free(self.at)

    cdef Py_ssize_t find(self, long long key) noexcept:
        """The dense number of key, or -1."""
        cdef Py_ssize_t h = <Py_ssize_t> ((<unsigned long long> key * 0x9E3779B97F4A7C15ULL) >> 20)
        h &= self.size - 1
        while self.slot_id[h] >= 0:
            if self.slot_key[h] == key:
                return self.slot_id[h]
            h = (h + 1) & (self.size - 1)
        return -1

    cdef Py_ssize_t count(self, Py_ssize_t f) noexcept:
        return self.off[f + 1] - self.off[f]


cdef _Postings _index(list units):
    """Postings of the features (iterables of ints) of units, by place."""
    cdef _Postings p = _Postings()
    cdef Py_ssize_t total = 0, u, h, f, k, nu = len(units)
    cdef long long key
    cdef Py_ssize_t *ids
    for feats in units:
        total += len(feats)
    p.size = 16
    while p.size < 2 * total + 16:
        p.size *= 2
    p.slot_key = <long long *> malloc(p.size * sizeof(long long))
    p.slot_id = <Py_ssize_t *> malloc(p.size * sizeof(Py_ssize_t))
    ids = <Py_ssize_t *> malloc((total + 1) * sizeof(Py_ssize_t))
    p.off = <Py_ssize_t *> calloc(total + 2, sizeof(Py_ssize_t))
    p.at = <Py_ssize_t *> malloc((total + 1) * sizeof(Py_ssize_t))
    if not p.slot_key or not p.slot_id or not ids or not p.off or not p.at:
        free(ids)
        raise MemoryError()
    for h in range(p.size):
        p.slot_id[h] = -1
    p.n = 0
    k = 0
    for feats in units:
        for obj in feats:
            key = obj
            h = <Py_ssize_t> ((<unsigned long long> key * 0x9E3779B97F4A7C15ULL) >> 20)
            h &= p.size - 1
            while p.slot_id[h] >= 0 and p.slot_key[h] != key:
                h = (h + 1) & (p.size - 1)
            if p.slot_id[h] < 0:
                p.slot_id[h] = p.n
                p.slot_key[h] = key
                p.n += 1
            f = p.slot_id[h]
            ids[k] = f
            p.off[f + 1] += 1
            k += 1
    for f in range(p.n):
        p.off[f + 1] += p.off[f]
    # Fill by place, using off[f] as a cursor, then shift the cursors back.
    k = 0
    for u in range(nu):
        for _ in range(len(units[u])):
            f = ids[k]
            p.at[p.off[f]] = u
            p.off[f] += 1
            k += 1
    for f in range(p.n, 0, -1):
        p.off[f] = p.off[f - 1]
    p.off[0] = 0
    free(ids)
    return p


cdef Py_ssize_t _sweep(
    object feats, _Postings dst, const double *df, Py_ssize_t nkeys, Py_ssize_t budget,
    double vote, const double *idf, Ranked *buf, double *votes, Py_ssize_t *stamp,
    Py_ssize_t *touched, Py_ssize_t ntouched, Py_ssize_t me,
) except -1:
    """Add one src unit's votes from its features, rarest first, until the budget is spent.

    With df (keys), a feature ranks by (df, number) and votes its idf; without
    (shingles), by (postings in dst, number), voting ``vote``.  The first
    feature whose postings exceed what is left ends the run."""
    cdef Py_ssize_t n = 0, f, c, m, q, j
    cdef long long key
    cdef double w
    for obj in feats:
        key = obj
        f = dst.find(key)
        if f < 0:
            continue
        c = dst.count(f)
        if c > budget:
            continue
        if df is not NULL:
            if key < 0 or key >= nkeys:
                raise KeyError(key)
            buf[n].first = <long long> df[key]
        else:
            buf[n].first = c
        buf[n].second = key
        n += 1
    qsort(buf, n, sizeof(Ranked), _by_rank)
    for m in range(n):
        f = dst.find(buf[m].second)
        c = dst.count(f)
        if c > budget:
            break
        budget -= c
        w = idf[buf[m].second] if df is not NULL else vote
        for q in range(dst.off[f], dst.off[f + 1]):
            j = dst.at[q]
            if stamp[j] != me:
                stamp[j] = me
                votes[j] = w
                touched[ntouched] = j
                ntouched += 1
            else:
                votes[j] += w
    return ntouched


cdef double *_dense(object table, Py_ssize_t *size) except NULL:
    """A dict of numbers keyed by small non-negative ints as a C array (0 where absent)."""
    cdef Py_ssize_t pos = 0, n = 0, k
    cdef PyObject *key
    cdef PyObject *value
    if not isinstance(table, dict):
        raise TypeError("expected a dict")
    while PyDict_Next(table, &pos, &key, &value):
        k = <object> key
        if k < 0:
            raise KeyError(k)
        if k + 1 > n:
            n = k + 1
    cdef double *out = <double *> calloc(n + 1, sizeof(double))
    if not out:
        raise MemoryError()
    pos = 0
    while PyDict_Next(table, &pos, &key, &value):
        out[<Py_ssize_t> (<object> key)] = <double> (<object> value)
    size[0] = n
    return out


cdef tuple _top(
    Py_ssize_t seq, Py_ssize_t ntouched, Py_ssize_t *touched, double *votes, Py_ssize_t n,
    Vote *buf,
):
    """(seq, the n units with most votes (ties to the lower place), the most voted unit).

    The most voted is the first touched among those with most votes; with more
    than n voted, the list is those above the n-th vote, by votes, then the
    lowest places at it."""
    cdef Py_ssize_t k, first, last, lead = touched[0]
    cdef double cut
    cdef list top = []
    if ntouched <= n:
        for k in range(ntouched):
            top.append(touched[k])
            if votes[touched[k]] > votes[lead]:
                lead = touched[k]
        return (seq, top, lead)
    for k in range(ntouched):
        buf[k].vote = votes[touched[k]]
        buf[k].touch = k
        buf[k].unit = touched[k]
    qsort(buf, ntouched, sizeof(Vote), _by_vote)
    lead = buf[0].unit
    cut = buf[n - 1].vote
    if buf[n].vote < cut:
        for k in range(n):
            top.append(buf[k].unit)
        return (seq, top, lead)
    first = n - 1
    last = n + 1
    while first and buf[first - 1].vote == cut:
        first -= 1
    while last < ntouched and buf[last].vote == cut:
        last += 1
    for k in range(first):
        top.append(buf[k].unit)
    qsort(buf + first, last - first, sizeof(Vote), _by_unit)
    for k in range(first, n):
        top.append(buf[k].unit)
    return (seq, top, lead)


def seed(
    list src_keys, list src_seqs, list dst_keys, object df, dict idf,
    list src_shingles, list dst_shingles, Py_ssize_t budget, Py_ssize_t n_top, double vote,
):
    """Dst units worth scoring with each src unit, by the rare features they share."""
    cdef _Postings keys = _index(dst_keys)
    cdef _Postings shingles = _index(dst_shingles)
    cdef Py_ssize_t nd = len(dst_keys), ns = len(src_keys), u, nt, longest = 1
    cdef bint with_shingles = len(src_shingles) > 0
    if len(src_seqs) != ns or (with_shingles and len(src_shingles) != ns):
        raise ValueError("one seq and one set of shingles per src unit")
    if with_shingles and len(dst_shingles) != nd:
        raise ValueError("one set of shingles per dst unit")
    for u in range(ns):
        longest = max(longest, len(src_keys[u]), len(src_shingles[u]) if with_shingles else 0)
    cdef double *votes = <double *> malloc((nd + 1) * sizeof(double))
    cdef Py_ssize_t *stamp = <Py_ssize_t *> malloc((nd + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *touched = <Py_ssize_t *> malloc((nd + 1) * sizeof(Py_ssize_t))
    cdef Ranked *ranked = <Ranked *> malloc(longest * sizeof(Ranked))
    cdef Vote *order = <Vote *> malloc((nd + 1) * sizeof(Vote))
    cdef list out = []
    cdef Py_ssize_t nkeys = 0, n_idf = 0
    cdef double *df_at = NULL
    cdef double *idf_at = NULL
    try:
        df_at = _dense(df, &nkeys)
        idf_at = _dense(idf, &n_idf)
        if n_idf != nkeys:
            raise ValueError("df and idf hold different keys")
        if not votes or not stamp or not touched or not ranked or not order:
            raise MemoryError()
        for u in range(nd):
            stamp[u] = -1
        for u in range(ns):
            nt = _sweep(src_keys[u], keys, df_at, nkeys, budget, 0.0, idf_at, ranked, votes,
                        stamp, touched, 0, u)
            if with_shingles:
                nt = _sweep(src_shingles[u], shingles, NULL, 0, budget, vote, NULL, ranked,
                            votes, stamp, touched, nt, u)
            if nt:
                out.append(_top(src_seqs[u], nt, touched, votes, n_top, order))
    finally:
        free(df_at)
        free(idf_at)
        free(votes)
        free(stamp)
        free(touched)
        free(ranked)
        free(order)
    return out


cdef class Bags:
    """Key counts of some units, sorted by key, with each unit's idf-weighted mass.

    The mass sums count times idf over a unit's keys in their order of first
    occurrence (the order of its Counter)."""

    cdef Py_ssize_t n
    cdef Py_ssize_t *off        # unit u's keys: key[off[u]:off[u + 1]]
    cdef long long *key
    cdef long *count
    cdef double *weight         # the idf of each key
    cdef double *mass_

    def __cinit__(self, list bags, dict idf):
        cdef Py_ssize_t total = 0, u, k, pos, n_idf = 0, x
        cdef Ranked *tmp
        cdef double m, w
        cdef long c
        cdef PyObject *key
        cdef PyObject *value
        self.n = len(bags)
        for bag in bags:
            if not isinstance(bag, dict):
                raise TypeError("Bags takes dicts of key counts")
            total += len(bag)
        self.off = <Py_ssize_t *> malloc((self.n + 1) * sizeof(Py_ssize_t))
        self.key = <long long *> malloc((total + 1) * sizeof(long long))
        self.count = <long *> malloc((total + 1) * sizeof(long))
        self.weight = <double *> malloc((total + 1) * sizeof(double))
        self.mass_ = <double *> malloc((self.n + 1) * sizeof(double))
        tmp = <Ranked *> malloc((total + 1) * sizeof(Ranked))
        if not self.off or not self.key or not self.count or not self.weight or not self.mass_ \
                or not tmp:
            free(tmp)
            raise MemoryError()
        cdef double *idf_at = _dense(idf, &n_idf)
        k = 0
        self.off[0] = 0
        try:
            for u in range(self.n):
                m = 0.0
                pos = 0
                while PyDict_Next(bags[u], &pos, &key, &value):
                    x = <object> key
                    if x < 0 or x >= n_idf:
                        raise KeyError(x)
                    c = <object> value
                    w = idf_at[x]
                    m += c * w
                    tmp[k].first = x
                    tmp[k].second = k
                    self.count[k] = c
                    self.weight[k] = w
                    k += 1
                self.mass_[u] = m
                self.off[u + 1] = k
        except BaseException:
            free(tmp)
            raise
        finally:
            free(idf_at)
        # Sort each unit's keys, carrying counts and weights along.
        for u in range(self.n):
            qsort(tmp + self.off[u], self.off[u + 1] - self.off[u], sizeof(Ranked), _by_rank)
        cdef long *counts = <long *> malloc((total + 1) * sizeof(long))
        cdef double *weights = <double *> malloc((total + 1) * sizeof(double))
        if not counts or not weights:
            free(tmp); free(counts); free(weights)
            raise MemoryError()
        for k in range(total):
            self.key[k] = tmp[k].first
            counts[k] = self.count[tmp[k].second]
            weights[k] = self.weight[tmp[k].second]
        free(self.count)
        free(self.weight)
        self.count = counts
        self.weight = weights
        free(tmp)

    def __dealloc__(self):
        free(self.off)
        free(self.key)
        free(self.count)
        free(self.weight)
        free(self.mass_)

    def mass(self, Py_ssize_t u) -> float:
        """The idf-weighted size of unit u."""
        _check(self, u)
        return self.mass_[u]


cdef inline int _check(Bags bags, Py_ssize_t u) except -1:
    """Unit places come from Python: out of range is an error, not a read past the arrays."""
    if u < 0 or u >= bags.n:
        raise IndexError(u)
    return 0


cdef double _shared(Bags a, Py_ssize_t i, Bags b, Py_ssize_t j) noexcept:
    """Sum over the keys of both of the lesser count times the key's idf (in key order)."""
    cdef Py_ssize_t p = a.off[i], pe = a.off[i + 1], q = b.off[j], qe = b.off[j + 1]
    cdef double s = 0.0
    cdef long long x, y
    while p < pe and q < qe:
        x = a.key[p]
        y = b.key[q]
        if x < y:
            p += 1
        elif y < x:
            q += 1
        else:
            s += (a.count[p] if a.count[p] < b.count[q] else b.count[q]) * a.weight[p]
            p += 1
            q += 1
    return s


def shared(Bags a, Py_ssize_t i, Bags b, Py_ssize_t j) -> float:
    """The idf-weighted keys unit i of a and unit j of b share."""
    _check(a, i)
    _check(b, j)
    return _shared(a, i, b, j)


def dice_scores(Bags a, Bags b, list pairs) -> list:
    """The weighted Dice score, 2 shared / (sum of masses), of each (i, j) pair."""
    cdef list out = []
    cdef Py_ssize_t i, j
    for pair in pairs:
        i, j = pair
        _check(a, i)
        _check(b, j)
        out.append(2.0 * _shared(a, i, b, j) / (a.mass_[i] + b.mass_[j]))
    return out


def contest(Bags a, Bags b, object pairs, double slack):
    """Score the pairs that may be the best of either unit; put off the rest.

    pairs in the order to score them (the most voted first).  No Dice score
    exceeds 2 min(mass) / (sum of masses) (times slack, for rounding): a pair
    whose bound is below the best score already found for both its units can
    be the best of neither, and is put off.  Returns the scores above 0, the
    pairs put off, and each unit's best partner (-1 for none, the lowest
    place on a tie) in a and in b."""
    cdef Py_ssize_t i, j
    cdef double ma, mb, bound, d
    cdef double *top_a = <double *> malloc((a.n + 1) * sizeof(double))
    cdef double *top_b = <double *> malloc((b.n + 1) * sizeof(double))
    cdef dict scored = {}
    cdef list put_off = []
    cdef list best_a = [-1] * a.n
    cdef list best_b = [-1] * b.n
    if not top_a or not top_b:
        free(top_a); free(top_b)
        raise MemoryError()
    try:
        for i in range(a.n):
            top_a[i] = -1.0
        for j in range(b.n):
            top_b[j] = -1.0
        for pair in pairs:
            i, j = pair
            _check(a, i)
            _check(b, j)
            ma = a.mass_[i]
            mb = b.mass_[j]
            bound = 2 * (ma if ma < mb else mb) / (ma + mb) * slack
            if bound < top_a[i] and bound < top_b[j]:
                put_off.append(pair)
                continue
            d = 2.0 * _shared(a, i, b, j) / (ma + mb)
            if d <= 0:
                continue
            scored[pair] = d
            if d > top_a[i] or (d == top_a[i] and j < <Py_ssize_t> best_a[i]):
                top_a[i] = d
                best_a[i] = j
            if d > top_b[j] or (d == top_b[j] and i < <Py_ssize_t> best_b[j]):
                top_b[j] = d
                best_b[j] = i
    finally:
        free(top_a)
        free(top_b)
    return scored, put_off, best_a, best_b


cdef long _total(object bag) except -1:
    """The sum of a bag's counts."""
    cdef Py_ssize_t pos = 0
    cdef PyObject *k
    cdef PyObject *v
    cdef long n = 0
    while PyDict_Next(bag, &pos, &k, &v):
        n += <long> (<object> v)
    return n


def chance_z(
    object ka, object kb, dict miss_a, dict miss_b, double unseen_a, double unseen_b,
    double mean_a, double mean_b, double p_max, double floor,
) -> float:
    """The z score of ``Chance.z`` for key counts ka (in a) and kb (in b).

    Each distinct key of the shorter bag is a trial against the longer one's
    document; keys of the same log miss (held by as many paragraphs) are one
    trial class, worked out once, in order of first occurrence."""
    if not isinstance(ka, dict) or not isinstance(kb, dict):
        raise TypeError("chance_z takes two dicts of key counts")
    cdef long la = _total(ka), lb = _total(kb), length
    if not la or not lb:
        return 0.0
    cdef object keys, other
    cdef dict miss
    cdef double unseen, scale, lm, p, s, ps, expected = 0.0, var = 0.0, found = 0.0
    if la <= lb:
        keys, other, miss, unseen, length, scale = ka, kb, miss_b, unseen_b, lb, lb / mean_b
    else:
        keys, other, miss, unseen, length, scale = kb, ka, miss_a, unseen_a, la, la / mean_a
    cdef Py_ssize_t n = len(keys), size = 16, pos = 0, g, h, m = 0, k = 0
    while size < 2 * n:
        size *= 2
    cdef double *vals = <double *> malloc((n + 1) * sizeof(double))
    cdef long *counts = <long *> calloc(n + 1, sizeof(long))
    cdef double *surprise = <double *> malloc((n + 1) * sizeof(double))
    cdef Py_ssize_t *group = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *table = <Py_ssize_t *> malloc(size * sizeof(Py_ssize_t))
    cdef unsigned long long bits
    cdef PyObject *key
    cdef PyObject *value
    cdef PyObject *got
    try:
        if not vals or not counts or not surprise or not group or not table:
            raise MemoryError()
        for h in range(size):
            table[h] = -1
        while PyDict_Next(keys, &pos, &key, &value):
            got = PyDict_GetItem(miss, <object> key)
            lm = unseen if got is NULL else <double> (<object> got)
            memcpy(&bits, &lm, sizeof(double))
            h = <Py_ssize_t> ((bits * 0x9E3779B97F4A7C15ULL) >> 24) & (size - 1)
            while table[h] >= 0 and vals[table[h]] != lm:
                h = (h + 1) & (size - 1)
            if table[h] < 0:
                table[h] = m
                vals[m] = lm
                m += 1
            g = table[h]
            counts[g] += 1
            group[k] = g
            k += 1
        for g in range(m):
            p = -expm1(scale * vals[g])
            p = 1e-6 if p < 1e-6 else (p_max if p > p_max else p)
            s = surprise[g] = -log(p)
            ps = counts[g] * p * s
            expected += ps
            var += ps * (1.0 - p) * s
        pos = 0
        k = 0
        while PyDict_Next(keys, &pos, &key, &value):
            if PyDict_Contains(other, <object> key):
                found += surprise[group[k]]
            k += 1
    finally:
        free(vals)
        free(counts)
        free(surprise)
        free(group)
        free(table)
    return (found - expected) / sqrt(var + floor)
