# cython: language_level=3, boundscheck=False
"""The walk of a web page's visible text over libxml2's own nodes (compiled).

``pagetree.visible_blocks`` in Python asks lxml for a proxy object, a tag, a text
and a tail for every element of the page: most of a page's walking time.  This is
the same walk over the parsed tree's C nodes, through lxml's public C API
(``lxml.get_include()``): the text is gathered as libxml2 holds it (UTF-8) and
made a Python string once per block, and Python is asked only what the tables
decide (a tag's kind, a class name's region) and what a block's text becomes.
Every decision is ``pagetree``'s, passed in; ``tests/test_webpage.py`` checks
that both walks give the same blocks.
"""

from cpython.unicode cimport PyUnicode_DecodeASCII, PyUnicode_DecodeUTF8
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strcmp

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, attributeValue, import_lxml__etree, namespacedName

import_lxml__etree()

cdef enum:
    SKIP = 1
    BLOCK = 2
    CELL = 4
    PRE = 8
    BR = 16
    MAX_NAMES = 256

cdef struct Buffer:
    char *data
    Py_ssize_t size
    Py_ssize_t used
    bint words  # holds something other than ASCII whitespace (then Python decides)
    bint wide  # holds a byte outside ASCII


cdef int grow(Buffer *buf, Py_ssize_t more) except -1:
    cdef Py_ssize_t size = buf.size
    cdef char *data
    if buf.used + more <= size:
        return 0
    size = max(2 * size, buf.used + more, 4096)
    data = <char *> realloc(buf.data, size)
    if data == NULL:
        raise MemoryError()
    buf.data = data
    buf.size = size
    return 0


cdef int add(Buffer *buf, const char *text, bint keep_spaces) except -1:
    """Add ``text``; blank text is left out of an empty buffer unless spaces are kept."""
    cdef Py_ssize_t n = 0
    cdef bint words = False, wide = False
    cdef unsigned char c
    while text[n] != 0:
        c = text[n]
        if not (c == 32 or (9 <= c <= 13)):
            words = True
            if c >= 128:
                wide = True
        n += 1
    if n == 0 or (not words and buf.used == 0 and not keep_spaces):
        return 0
    grow(buf, n)
    memcpy(buf.data + buf.used, text, n)
    buf.used += n
    buf.words = buf.words or words
    buf.wide = buf.wide or wide
    return 0


cdef inline bint _space(unsigned char c) noexcept:
    """Whether ``str.split`` splits at this ASCII character."""
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31


cdef object ascii_block(Buffer *buf):
    """``pagetree._block`` of an ASCII text outside ``<pre>``, done here: each line (NUL
    stands for ``<br>``) with its whitespace collapsed, blank lines left out.  ASCII is
    already in NFC."""
    cdef char *out = <char *> malloc(buf.used + 1)
    cdef Py_ssize_t i, n = 0, line_start = 0
    cdef bint gap = False
    cdef unsigned char c
    if out == NULL:
        raise MemoryError()
    try:
        for i in range(buf.used):
            c = buf.data[i]
            if c == 0:  # a line end: drop the line's trailing gap, and the line if blank
                if n > line_start:
                    out[n] = 10
                    n += 1
                    line_start = n
                gap = False
            elif _space(c):
                gap = n > line_start
            else:
                if gap:
                    out[n] = 32
                    n += 1
                    gap = False
                out[n] = c
                n += 1
        if n > 0 and n == line_start:
            n -= 1  # the last line was blank: no line end after the one before it
        return PyUnicode_DecodeASCII(out, n, NULL)
    finally:
        free(out)


cdef int add_char(Buffer *buf, char c) except -1:
    grow(buf, 1)
    buf.data[buf.used] = c
    buf.used += 1
    return 0


cdef class _Walk:
    cdef Buffer buf
    cdef list out
    cdef list stack
    cdef int pre
    cdef object block, kinds, tag_region, role_region, hidden_style, names_region
    cdef dict seen
    cdef const char *names[MAX_NAMES]
    cdef int name_kinds[MAX_NAMES]
    cdef list name_regions
    cdef int known
    cdef object tag_found

    def __dealloc__(self):
        free(self.buf.data)

    cdef int flush(self, region) except -1:
        cdef object text
        if self.buf.words:
            if self.buf.wide or self.pre:
                text = self.block(
                    PyUnicode_DecodeUTF8(self.buf.data, self.buf.used, NULL), self.pre > 0
                )
            else:
                text = ascii_block(&self.buf)
            if text:
                self.out.append((text, region))
        self.buf.used = 0
        self.buf.words = False
        self.buf.wide = False
        return 0

    cdef int kind(self, tree.xmlNode *node) except -1:
        """The node's tag kind (SKIP, BLOCK...), the region its tag opens left in
        ``tag_found``; noted per name, as libxml2 keeps one copy of each name of a page."""
        cdef int k
        cdef object tag
        for k in range(self.known):
            if self.names[k] == <const char *> node.name:
                self.tag_found = self.name_regions[k]
                return self.name_kinds[k]
        tag = namespacedName(node)
        kind = self.kinds(tag)
        found = self.tag_region.get(tag)
        if self.known < MAX_NAMES:
            self.names[self.known] = <const char *> node.name
            self.name_kinds[self.known] = kind
            self.name_regions.append(found)
            self.known += 1
        self.tag_found = found
        return kind

    cdef bint start(self, tree.xmlNode *node, int kind, object tag_region) except -1:
        """What the element's start does; False when its content is not walked."""
        cdef tree.xmlAttr *attr
        cdef const char *name
        cdef bint hidden = False
        cdef object style = None, role = None, cls = None, ident = None, aria = None
        cdef object outer, region, own
        if kind & SKIP:
            return False
        outer = self.stack[-1]
        region = outer
        if node.properties != NULL:
            attr = node.properties
            while attr != NULL:
                if attr.ns == NULL:
                    name = <const char *> attr.name
                    if strcmp(name, "class") == 0:
                        if cls is None:
                            cls = attributeValue(node, attr)
                    elif strcmp(name, "id") == 0:
                        if ident is None:
                            ident = attributeValue(node, attr)
                    elif strcmp(name, "style") == 0:
                        if style is None:
                            style = attributeValue(node, attr)
                    elif strcmp(name, "role") == 0:
                        if role is None:
                            role = attributeValue(node, attr)
                    elif strcmp(name, "hidden") == 0:
                        hidden = True
                    elif strcmp(name, "aria-hidden") == 0:
                        if aria is None:
                            aria = attributeValue(node, attr)
                attr = attr.next
            if hidden or aria == "true" or (style and self.hidden_style(style)):
                return False
            own = tag_region
            if own is None:
                if role:
                    own = self.role_region.get(role.lower())
                if own is None:
                    names = f" {cls or ''} {ident or ''} "
                    if len(names) > 4:
                        own = self.seen[names] if names in self.seen else self.names_region(
                            names, self.seen
                        )
            if own:
                region = own
        elif tag_region is not None:
            region = tag_region
        if self.buf.used and (kind & BLOCK or region is not outer):
            self.flush(outer)
        self.stack.append(region)
        if kind & PRE:
            self.pre += 1
        elif self.buf.used or self.pre:
            if kind & BR:
                add_char(&self.buf, 0)
            elif kind & CELL:
                add_char(&self.buf, 32)
        return True

    cdef int end(self, int kind) except -1:
        region = self.stack.pop()
        if self.buf.used and (kind & BLOCK or region is not self.stack[-1]):
            self.flush(region)
        if kind & PRE:
            self.pre -= 1
        elif kind & CELL and (self.buf.used or self.pre):
            add_char(&self.buf, 32)
        return 0

    cdef int walk(self, tree.xmlNode *root) except -1:
        cdef tree.xmlNode *node = root
        cdef tree.xmlNode *after
        cdef int kind
        while True:
            if node.type == tree.XML_ELEMENT_NODE:
                kind = self.kind(node)
                if self.start(node, kind, self.tag_found):
                    if node.children != NULL:
                        node = node.children
                        continue
                    self.end(kind)
            elif node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
                if node.content != NULL:
                    add(&self.buf, <const char *> node.content, self.pre > 0)
            while node != root and node.next == NULL:
                node = node.parent
                self.end(self.kind(node))
            if node == root:
                break
            node = node.next
        after = root.next  # the root's tail, as lxml reads it
        while after != NULL and (
            after.type == tree.XML_TEXT_NODE
            or after.type == tree.XML_CDATA_SECTION_NODE
            or after.type == tree.XML_XINCLUDE_START
            or after.type == tree.XML_XINCLUDE_END
        ):
            if after.type != tree.XML_XINCLUDE_START and after.type != tree.XML_XINCLUDE_END:
                if after.content != NULL:
                    add(&self.buf, <const char *> after.content, self.pre > 0)
            after = after.next
        if self.buf.used:
            self.flush(self.stack[-1])
        return 0


def walk_blocks(
    _Element root, block, kinds, tag_region, role_region, hidden_style, names_region
):
    """(text, region) of each visible block under ``root``, in page order.

    ``kinds(tag)`` is a tag's kind as a bit set (1 skipped, 2 block, 4 table cell,
    8 ``pre``, 16 ``br``); ``tag_region`` and ``role_region`` map a tag and a lower-case
    ARIA role to the region they open; ``hidden_style`` is the search telling a hiding
    style; ``names_region(names, seen)`` is the region class and id names open;
    ``block(text, pre)`` is a block's text as it is kept.
    """
    cdef _Walk w = _Walk()
    w.out = []
    w.stack = [None]
    w.pre = 0
    w.known = 0
    w.name_regions = []
    w.seen = {}
    w.block, w.kinds = block, kinds
    w.tag_region, w.role_region = tag_region, role_region
    w.hidden_style, w.names_region = hidden_style, names_region
    w.walk(root._c_node)
    return w.out
