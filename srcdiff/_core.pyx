# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The compiled core: loops that run over every word of a comparison.

Each function here is called once per block (or once per alignment), never once per
word, so the cost of crossing from Python is paid once for a whole loop.  Built by
setuptools with Cython (``setup.py``); ``_core.pyi`` gives its types.
"""

from cpython.unicode cimport (
    PyUnicode_READ, PyUnicode_KIND, PyUnicode_DATA, PyUnicode_FromKindAndData,
    PyUnicode_4BYTE_KIND,
)
from libc.stdlib cimport malloc, free, calloc
from libc.string cimport memcmp


cdef Py_ssize_t _lis(const long long *vals, Py_ssize_t n, Py_ssize_t *out) except -1:
    """Fill ``out`` with the positions of a longest strictly increasing run; its length."""
    cdef long long *tails = <long long *> malloc((n + 1) * sizeof(long long))
    cdef Py_ssize_t *tails_at = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *prev = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t pos, lo, hi, mid, size = 0, p
    cdef long long v
    if not tails or not tails_at or not prev:
        free(tails); free(tails_at); free(prev)
        raise MemoryError()
    for pos in range(n):
        v = vals[pos]
        lo = 0
        hi = size
        while lo < hi:  # bisect_left
            mid = (lo + hi) >> 1
            if tails[mid] < v:
                lo = mid + 1
            else:
                hi = mid
        tails[lo] = v
        tails_at[lo] = pos
        if lo == size:
            size += 1
        prev[pos] = tails_at[lo - 1] if lo else -1
    p = tails_at[size - 1] if size else -1
    for pos in range(size - 1, -1, -1):
        out[pos] = p
        p = prev[p]
    free(tails); free(tails_at); free(prev)
    return size


def longest_increasing(values):
    """Positions, in order, of a longest strictly increasing subsequence of ``values``.

    Patience sorting: O(n log n). Among equally long runs it keeps, at each
    length, the one whose last value came latest.
    """
    cdef Py_ssize_t n = len(values), k, size
    cdef long long *vals = <long long *> malloc((n + 1) * sizeof(long long))
    cdef Py_ssize_t *out = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    if not vals or not out:
        free(vals); free(out)
        raise MemoryError()
    try:
        for k in range(n):
            vals[k] = values[k]
        size = _lis(vals, n, out)
        return [out[k] for k in range(size)]
    finally:
        free(vals); free(out)


cdef inline bint _same(str a, Py_ssize_t sa, str b, Py_ssize_t sb, Py_ssize_t n):
    """Whether a[sa:sa+n] == b[sb:sb+n]."""
    cdef int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b)
    cdef void *da = PyUnicode_DATA(a)
    cdef void *db = PyUnicode_DATA(b)
    cdef Py_ssize_t k
    if ka == kb:
        return memcmp(<char *> da + sa * ka, <char *> db + sb * kb, n * ka) == 0
    for k in range(n):
        if PyUnicode_READ(ka, da, sa + k) != PyUnicode_READ(kb, db, sb + k):
            return False
    return True


cdef _gap(list diffs, str ea, Py_ssize_t pa, Py_ssize_t i, str eb, Py_ssize_t pb,
          Py_ssize_t j, diff_main):
    """The diffs of ea[pa:i] against eb[pb:j], as ``diff_main`` gives them, empties dropped."""
    cdef Py_ssize_t la = i - pa, lb = j - pb
    if la == lb and (la == 0 or _same(ea, pa, eb, pb, la)):
        if la:
            diffs.append((0, ea[pa:i]))
    elif la == 0:
        diffs.append((1, eb[pb:j]))
    elif lb == 0:
        diffs.append((-1, ea[pa:i]))
    elif la == 1 and lb == 1:
        diffs.append((-1, ea[pa:i]))
        diffs.append((1, eb[pb:j]))
    else:
        diffs.extend([d for d in diff_main(ea[pa:i], eb[pb:j], False) if d[1]])


def anchored_diff(str ea, str eb, diff_main):
    """diff-match-patch's diff of two encoded sides, run between unique shared symbols.

    The anchors are the symbols that occur once on each side, on a longest run that
    both sides keep in order (patience diff's anchors): certain to be matched by any
    sane diff, so ``diff_main(gap_a, gap_b, False)`` runs between them instead of over
    the whole pair, where its cost grows with length times differences.  What
    ``diff_main`` would answer at once (gaps equal or empty, one side empty, one symbol
    each) is answered here.  The diffs come back with empty texts dropped, not merged.
    """
    cdef Py_ssize_t na = len(ea), nb = len(eb), i, j, k, npairs = 0, nchain, pa = 0, pb = 0
    cdef int ka = PyUnicode_KIND(ea), kb = PyUnicode_KIND(eb)
    cdef void *da = PyUnicode_DATA(ea)
    cdef void *db = PyUnicode_DATA(eb)
    cdef Py_ssize_t ch, top = 0
    for i in range(na):
        ch = PyUnicode_READ(ka, da, i)
        if ch > top:
            top = ch
    for j in range(nb):
        ch = PyUnicode_READ(kb, db, j)
        if ch > top:
            top = ch
    cdef int *count_a = <int *> calloc(top + 1, sizeof(int))
    cdef int *count_b = <int *> calloc(top + 1, sizeof(int))
    cdef Py_ssize_t *where_b = <Py_ssize_t *> malloc((top + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *pair_i = <Py_ssize_t *> malloc((na + 1) * sizeof(Py_ssize_t))
    cdef long long *pair_j = <long long *> malloc((na + 1) * sizeof(long long))
    cdef Py_ssize_t *chain = <Py_ssize_t *> malloc((na + 1) * sizeof(Py_ssize_t))
    if not count_a or not count_b or not where_b or not pair_i or not pair_j or not chain:
        free(count_a); free(count_b); free(where_b); free(pair_i); free(pair_j); free(chain)
        raise MemoryError()
    cdef list diffs = []
    try:
        for i in range(na):
            count_a[PyUnicode_READ(ka, da, i)] += 1
        for j in range(nb):
            ch = PyUnicode_READ(kb, db, j)
            count_b[ch] += 1
            where_b[ch] = j
        # Symbols once on each side, in a order (a positions are then increasing).
        for i in range(na):
            ch = PyUnicode_READ(ka, da, i)
            if count_a[ch] == 1 and count_b[ch] == 1:
                pair_i[npairs] = i
                pair_j[npairs] = where_b[ch]
                npairs += 1
        nchain = _lis(pair_j, npairs, chain)
        for k in range(nchain):
            i = pair_i[chain[k]]
            j = pair_j[chain[k]]
            _gap(diffs, ea, pa, i, eb, pb, j, diff_main)
            diffs.append((0, ea[i]))
            pa = i + 1
            pb = j + 1
        _gap(diffs, ea, pa, na, eb, pb, nb, diff_main)
        return diffs
    finally:
        free(count_a); free(count_b); free(where_b); free(pair_i); free(pair_j); free(chain)


cdef str _coded(list toks, dict codes, dict table, key, Py_UCS4 *buf):
    """``toks`` as one character each (``encode_sides``), filling ``codes`` and ``table``."""
    cdef Py_ssize_t i, n = len(toks)
    cdef long next_code
    cdef object tok, got, k
    for i in range(n):
        tok = toks[i]
        got = codes.get(tok)
        if got is None:
            k = key(tok)
            got = table.get(k)
            if got is None:
                next_code = 0x100 + len(table)
                # the surrogates are no characters: the codes skip them
                if next_code >= 0xD800:
                    next_code += 0x800
                if next_code > 0x10FFFF:
                    raise ValueError("more distinct tokens than characters to code them")
                got = table[k] = next_code
            codes[tok] = got
        buf[i] = <Py_UCS4>(<long>got)
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n)


def encode_sides(list ta, list tb, key):
    """Each token of the two sides as one character, equal where ``key`` gives the tokens
    the same key: codes from U+0100 on, in order of the keys' first appearance, ``ta``'s
    before ``tb``'s.  ``key`` is asked once per distinct token of the pair."""
    cdef dict codes = {}, table = {}
    cdef Py_ssize_t most = max(len(ta), len(tb), 1)
    cdef Py_UCS4 *buf = <Py_UCS4 *>malloc(most * sizeof(Py_UCS4))
    if buf == NULL:
        raise MemoryError()
    try:
        return _coded(ta, codes, table, key, buf), _coded(tb, codes, table, key, buf)
    finally:
        free(buf)


cdef Py_ssize_t _common_prefix(str a, str b):
    cdef Py_ssize_t i = 0, n = min(len(a), len(b))
    cdef int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b)
    cdef void *da = PyUnicode_DATA(a)
    cdef void *db = PyUnicode_DATA(b)
    while i < n and PyUnicode_READ(ka, da, i) == PyUnicode_READ(kb, db, i):
        i += 1
    return i


cdef Py_ssize_t _common_suffix(str a, str b):
    cdef Py_ssize_t i = 0, la = len(a), lb = len(b), n = min(la, lb)
    cdef int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b)
    cdef void *da = PyUnicode_DATA(a)
    cdef void *db = PyUnicode_DATA(b)
    while i < n and PyUnicode_READ(ka, da, la - 1 - i) == PyUnicode_READ(kb, db, lb - 1 - i):
        i += 1
    return i


cdef list _merge_pass(list diffs):
    """The first pass of diff-match-patch's ``diff_cleanupMerge``, building a new list:
    runs of edits between equalities become one delete and one insert, their common
    prefix and suffix moved into the equalities around them, and equalities in a row
    joined."""
    cdef list out = [], dels = [], ins = []
    cdef Py_ssize_t count = 0, p
    cdef object single = None
    cdef str td, ti, text
    cdef int kind
    for entry in diffs + [(0, "")]:
        kind = entry[0]
        if kind == 1:
            ins.append(entry[1])
            count += 1
            single = entry
            continue
        if kind == -1:
            dels.append(entry[1])
            count += 1
            single = entry
            continue
        text = entry[1]
        if count > 1:
            td, ti = "".join(dels), "".join(ins)
            if dels and ins:
                p = _common_prefix(ti, td)
                if p:
                    if out and out[len(out) - 1][0] == 0:
                        out[len(out) - 1] = (0, out[len(out) - 1][1] + ti[:p])
                    else:
                        out.insert(0, (0, ti[:p]))
                    ti, td = ti[p:], td[p:]
                p = _common_suffix(ti, td)
                if p:
                    text = ti[len(ti) - p :] + text
                    ti, td = ti[: len(ti) - p], td[: len(td) - p]
            if td:
                out.append((-1, td))
            if ti:
                out.append((1, ti))
            out.append((0, text) if text is not entry[1] else entry)
        elif count == 1:
            out.append(single)
            out.append(entry)
        elif out and out[len(out) - 1][0] == 0:
            out[len(out) - 1] = (0, out[len(out) - 1][1] + text)
        else:
            out.append(entry)
        dels.clear()
        ins.clear()
        count = 0
    if out[len(out) - 1][1] == "":
        out.pop()
    return out


cdef bint _shift_pass(list diffs) except -1:
    """The second pass of ``diff_cleanupMerge``, as the library writes it: a single edit
    between two equalities slid over one of them where that removes it."""
    cdef bint changes = False
    cdef Py_ssize_t pointer = 1
    cdef str prev, cur, nxt
    while pointer < len(diffs) - 1:
        if diffs[pointer - 1][0] == 0 and diffs[pointer + 1][0] == 0:
            prev, cur, nxt = diffs[pointer - 1][1], diffs[pointer][1], diffs[pointer + 1][1]
            if cur.endswith(prev):
                if prev != "":
                    diffs[pointer] = (diffs[pointer][0], prev + cur[: len(cur) - len(prev)])
                    diffs[pointer + 1] = (0, prev + nxt)
                del diffs[pointer - 1]
                changes = True
            elif cur.startswith(nxt):
                diffs[pointer - 1] = (0, prev + nxt)
                diffs[pointer] = (diffs[pointer][0], cur[len(nxt) :] + nxt)
                del diffs[pointer + 1]
                changes = True
        pointer += 1
    return changes


def cleanup_merge(list diffs):
    """diff-match-patch's ``diff_cleanupMerge`` on ``diffs`` (a list of (kind, text)), in
    place and with the same result: the library's deletes from the middle of the list
    make it quadratic in the number of runs, and it runs on every diff."""
    while True:
        diffs[:] = _merge_pass(diffs)
        if not _shift_pass(diffs):
            return


def unsafe_at(str text, unsafe):
    """Index of the first character from U+007F on that the compiled regex ``unsafe``
    matches, or -1.

    Characters below U+007F are taken as safe without asking.  Each distinct character
    is asked once, so a long text with few distinct non-ASCII characters is one pass
    in C.
    """
    cdef Py_ssize_t n = len(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 ch
    cdef dict seen = {}
    if kind == 1 and text.isascii():
        for i in range(n):
            if PyUnicode_READ(kind, data, i) == 0x7F:
                return i
        return -1
    for i in range(n):
        ch = PyUnicode_READ(kind, data, i)
        if ch < 0x7F:
            continue
        got = seen.get(ch)
        if got is None:
            got = seen[ch] = unsafe.fullmatch(chr(ch)) is not None
        if got:
            return i
    return -1


def unsafe_utf8_at(bytes data, unsafe):
    """Byte offset of the first character from U+007F on that the compiled regex
    ``unsafe`` matches in ``data``, well-formed UTF-8 (an encoder's output), or -1.

    ``unsafe_at`` for text not yet decoded: bytes below 0x7F are ASCII and taken as
    safe without asking; each distinct other character is asked once.
    """
    cdef const unsigned char *p = data
    cdef Py_ssize_t n = len(data), i = 0, size, k
    cdef unsigned int c, lead
    cdef dict seen = {}
    while i < n:
        lead = p[i]
        if lead < 0x7F:
            i += 1
            continue
        if lead < 0x80:
            return i  # DEL
        if lead < 0xE0:
            size, c = 2, lead & 0x1F
        elif lead < 0xF0:
            size, c = 3, lead & 0x0F
        else:
            size, c = 4, lead & 0x07
        if i + size > n:
            raise ValueError("truncated UTF-8")
        for k in range(1, size):
            c = (c << 6) | (p[i + k] & 0x3F)
        got = seen.get(c)
        if got is None:
            got = seen[c] = unsafe.fullmatch(chr(c)) is not None
        if got:
            return i
        i += size
    return -1


def run_starts(str text, member):
    """Offsets where a run of characters that the compiled one-character regex ``member``
    matches begins: the starts of ``member``'s runs as ``(?:member)+`` would find them.

    Each character's membership is the regex's answer, asked once per distinct
    character (the ASCII ones in a table up front), so the scan is one pass in C.
    """
    cdef Py_ssize_t n = len(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 ch
    cdef bint inside = False, got
    cdef bint ascii[128]
    cdef dict seen = {}
    cdef list out = []
    for i in range(128):
        ascii[i] = member.fullmatch(chr(i)) is not None
    for i in range(n):
        ch = PyUnicode_READ(kind, data, i)
        if ch < 128:
            got = ascii[ch]
        else:
            known = seen.get(ch)
            if known is None:
                known = seen[ch] = member.fullmatch(chr(ch)) is not None
            got = known
        if got and not inside:
            out.append(i)
        inside = got
    return out


cdef enum:
    _LETTER = 1
    _BODY = 2  # a mark or a number: inside a word, not its first letter of an abbreviation
    _FORMAT = 4
    _SPACE = 8


cdef class CharClasses:
    """Which of four classes each character is in, as four compiled one-character
    regular expressions answer: the first's answer is bit 1, the second's bit 2, the
    third's bit 4, the fourth's bit 8.  Each tokenizer below says what its four are.

    The ASCII answers are asked at construction; any other character's, the first time
    a text holds it, and kept: the answers never change, so keeping them only saves
    asking again.
    """

    cdef tuple _patterns
    cdef unsigned char _ascii[128]
    cdef dict _seen

    def __init__(self, first, second, third, fourth):
        cdef int c
        self._patterns = (first, second, third, fourth)
        self._seen = {}
        for c in range(128):
            self._ascii[c] = self._ask(chr(c))

    cdef unsigned char _ask(self, str ch):
        cdef unsigned char bits = 0, bit = 1
        for pattern in self._patterns:
            if pattern.fullmatch(ch) is not None:
                bits |= bit
            bit <<= 1
        return bits

    cdef unsigned char of(self, Py_UCS4 ch):
        if ch < 128:
            return self._ascii[ch]
        known = self._seen.get(ch)
        if known is None:
            known = self._seen[ch] = self._ask(chr(ch))
        return known


cdef inline bint _apostrophe(Py_UCS4 ch) noexcept nogil:
    return ch == 0x27 or ch == 0x2019


cdef unsigned char *_classes_of(str text, CharClasses classes) except NULL:
    """Each character's class bits, and a 0 after the last; the caller frees it."""
    cdef Py_ssize_t n = len(text), j
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef unsigned char *cls = <unsigned char *> malloc(n + 1)
    if not cls:
        raise MemoryError()
    try:
        for j in range(n):
            cls[j] = classes.of(PyUnicode_READ(kind, data, j))
    except BaseException:
        free(cls)
        raise
    cls[n] = 0
    return cls


def claim_tokens(str text, CharClasses classes, form, token):
    """The claim scales' tokens of one sentence, as ``token`` tuples (``strength.words``):
    runs of word characters, joined by one joining mark between two of them ("1,000",
    "don't", "early-stage"), and single clause marks; any other character is no token.

    ``classes``: word characters (letters and numbers), clause marks, joining marks, and
    a fourth class not read.  ``form(text)`` gives a token's (lower, lemma, punct, opens
    a clause, number); the clause count goes up at each token that opens one.
    """
    cdef Py_ssize_t n = len(text), i = 0, j
    cdef unsigned char *cls = _classes_of(text, classes)
    cdef unsigned char c
    cdef Py_ssize_t clause = 0
    cdef list out = []
    cdef str piece
    cdef tuple f
    new = tuple.__new__
    try:
        while i < n:
            c = cls[i]
            if c & 1:
                j = i + 1
                while True:
                    while cls[j] & 1:
                        j += 1
                    if cls[j] & 4 and cls[j + 1] & 1:
                        j += 2
                        continue
                    break
            elif c & 2:
                j = i + 1
            else:
                i += 1
                continue
            piece = text[i:j]
            f = form(piece)
            if f[3]:
                clause += 1
            out.append(new(token, (piece, f[0], f[1], (i, j), f[2], clause, f[4])))
            i = j
    finally:
        free(cls)
    return tuple(out)


def word_tokens(str text, CharClasses classes):
    """The word diff's tokens of ``text``, in order; together they are ``text``.

    At each position the first of these that matches, longest first:

    - an abbreviation: two or more letter-and-full-stop pairs ("U.S.");
    - a word: format characters, then a letter, mark or number, then letters, marks,
      numbers and format characters, then any number of apostrophe (' or ’) and a run
      of letters and format characters ("don't", "7\u200b0");
    - a run of white space;
    - one character.
    """
    cdef Py_ssize_t n = len(text), i = 0, j, k, r
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef unsigned char *cls
    cdef list out = []
    cls = <unsigned char *> malloc(n + 1)
    if not cls:
        raise MemoryError()
    try:
        for j in range(n):
            cls[j] = classes.of(PyUnicode_READ(kind, data, j))
        cls[n] = 0
        while i < n:
            # abbreviation
            r = 0
            while (
                i + 2 * r + 1 < n
                and cls[i + 2 * r] & _LETTER
                and PyUnicode_READ(kind, data, i + 2 * r + 1) == 0x2E
            ):
                r += 1
            if r >= 2:
                out.append(text[i : i + 2 * r])
                i += 2 * r
                continue
            # word
            j = i
            while cls[j] & _FORMAT:
                j += 1
            if cls[j] & (_LETTER | _BODY):
                k = j + 1
                while cls[k] & (_LETTER | _BODY | _FORMAT):
                    k += 1
                while (
                    k + 1 < n
                    and _apostrophe(PyUnicode_READ(kind, data, k))
                    and cls[k + 1] & (_LETTER | _FORMAT)
                ):
                    k += 2
                    while cls[k] & (_LETTER | _FORMAT):
                        k += 1
                out.append(text[i:k])
                i = k
                continue
            # white space, else one character
            k = i + 1
            if cls[i] & _SPACE:
                while cls[k] & _SPACE:
                    k += 1
            out.append(text[i:k])
            i = k
    finally:
        free(cls)
    return out


cdef inline bint _odd(Py_UCS4 ch) noexcept nogil:
    if ch < 0x20:
        return ch != 9 and ch != 10 and ch != 13
    return 0x7F <= ch <= 0x9F or ch == 0xFFFE or ch == 0xFFFF


def odd_at(str text):
    """Index of the first control character other than tab, line feed and carriage return
    (C0, DEL, C1), or of U+FFFE or U+FFFF, in ``text``; -1 if it has none.

    The one search for them over a whole decoded input (``read._checked``), in C, a loop
    for each width of character: a regular expression takes several times as long.
    """
    cdef Py_ssize_t n = len(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef const unsigned char *one
    cdef const unsigned short *two
    cdef const Py_UCS4 *four
    if kind == 1:
        one = <const unsigned char *> data
        for i in range(n):
            if _odd(one[i]):
                return i
    elif kind == 2:
        two = <const unsigned short *> data
        for i in range(n):
            if _odd(two[i]):
                return i
    else:
        four = <const Py_UCS4 *> data
        for i in range(n):
            if _odd(four[i]):
                return i
    return -1


# Cue patterns (``strength.words``).  A token is the tuple ``words.Token`` (text, lower,
# lemma, span, punct, clause, number) and a pattern part the tuple ``words.Part`` (kind,
# lowers, lemmas, number): read here by position, so the two NamedTuples keep their order.
cdef enum:
    TOK_LOWER = 1
    TOK_LEMMA = 2
    TOK_PUNCT = 4
    TOK_NUMBER = 6
    PART_KIND = 0
    PART_LOWERS = 1
    PART_LEMMAS = 2
    PART_NUMBER = 3


cdef Py_ssize_t _cue_end(tuple parts, tuple toks, Py_ssize_t i, Py_ssize_t k,
                         Py_ssize_t gap) except -2:
    """End index (exclusive) of a match of ``parts[k:]`` starting at token ``i``, or -1."""
    cdef Py_ssize_t n = len(toks), np = len(parts), skip, end
    cdef tuple part, tok
    cdef object kind
    while k < np:
        part = <tuple> parts[k]
        kind = part[PART_KIND]
        k += 1
        if kind == "word":
            if i >= n:
                return -1
            tok = <tuple> toks[i]
            if tok[TOK_PUNCT] or not (
                tok[TOK_LOWER] in part[PART_LOWERS]
                or tok[TOK_LEMMA] in part[PART_LEMMAS]
                or (part[PART_NUMBER] and tok[TOK_NUMBER])
            ):
                return -1
            i += 1
        elif kind == "*":
            if i >= n or (<tuple> toks[i])[TOK_PUNCT]:
                return -1
            i += 1
        elif kind == "^":
            if i != 0:
                return -1
        elif kind == "<!":
            if i > 0 and (<tuple> toks[i - 1])[TOK_LOWER] in part[PART_LOWERS]:
                return -1
        elif kind == "!{N}":
            if i < n and (<tuple> toks[i])[TOK_NUMBER]:
                return -1
        else:  # "…": the rest may start up to ``gap`` words on, never across punctuation
            for skip in range(gap + 1):
                if skip and (i + skip > n or (<tuple> toks[i + skip - 1])[TOK_PUNCT]):
                    return -1
                end = _cue_end(parts, toks, i + skip, k, gap)
                if end >= 0:
                    return end
            return -1
    return i


def cue_matches(tuple toks, starting, Py_ssize_t gap):
    """Every match of the cue patterns in a sentence's tokens, as (entry, first token,
    end token exclusive), in token order and, at one token, in the order ``starting``
    gives; ``starting(lower, lemma, number)`` names the (number, key, pattern) entries
    that may start at a token of that form.  A pattern's matches do not overlap."""
    cdef Py_ssize_t i, n = len(toks), end
    cdef tuple tok, entry
    cdef dict free_from = {}
    cdef list out = []
    for i in range(n):
        tok = <tuple> toks[i]
        if tok[TOK_PUNCT]:
            continue
        for entry in starting(tok[TOK_LOWER], tok[TOK_LEMMA], tok[TOK_NUMBER]):
            if free_from.get(entry[0], 0) > i:
                continue
            end = _cue_end(entry[2].compiled, toks, i, 0, gap)
            if end < 0 or end == i:
                continue
            free_from[entry[0]] = end
            out.append((entry, i, end))
    return out


def first_line_from(str text, Py_ssize_t start, Py_ssize_t end, str probe):
    """Where the first line of ``text[start:end]`` not before ``probe`` starts (``end`` if
    there is none): the bisection of ``lexdata.lines.SortedLines``, whose lines are sorted
    in code point order and each end in a newline.

    A probe jumps to the middle of the range, backs up to its line's start and compares
    that line with ``probe``; in C, the one to three thousand lookups of a run no longer
    each cost a Python loop of ``rfind``, ``find`` and a slice per step.
    """
    if start < 0 or end > len(text) or start > end:
        raise ValueError("range outside the text")
    cdef int kind = PyUnicode_KIND(text), pkind = PyUnicode_KIND(probe)
    cdef void *data = PyUnicode_DATA(text)
    cdef void *pdata = PyUnicode_DATA(probe)
    cdef Py_ssize_t plen = len(probe)
    cdef Py_ssize_t lo = start, hi = end, mid, begin, stop, i, n
    cdef Py_UCS4 c, p
    cdef bint less
    while lo < hi:
        mid = (lo + hi) // 2
        begin = mid - 1
        while begin >= lo and PyUnicode_READ(kind, data, begin) != 10:
            begin -= 1
        begin = begin + 1 if begin >= lo else lo
        stop = begin
        while stop < end and PyUnicode_READ(kind, data, stop) != 10:
            stop += 1
        n = stop - begin
        less = n < plen
        for i in range(n if n < plen else plen):
            c = PyUnicode_READ(kind, data, begin + i)
            p = PyUnicode_READ(pkind, pdata, i)
            if c != p:
                less = c < p
                break
        if less:
            lo = stop + 1
        else:
            hi = begin
    return lo
