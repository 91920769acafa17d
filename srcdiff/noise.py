"""Page furniture: counters, bylines, newsletter boxes, "Click here", footers.

``furniture_reason`` says why a paragraph looks like furniture, or None.
The rules are deliberately narrow: a false "noise" mark hides a passage
from the reader's first look, so only shapes that prose never takes count.
"""

from __future__ import annotations

import regex

_RULES: tuple[tuple[str, regex.Pattern[str], tuple[str, ...]], ...] = (
    ("counter", regex.compile(r"^\s*[\d.,]+\s*[KkMm]?\s*$"), ()),
    (
        "date line",
        regex.compile(
            r"^\s*(?:date\s*)?\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$", regex.I
        ),
        (),
    ),
    (
        "date line",
        regex.compile(
            r"^\s*(?:(?:published|updated|posted)\s*:?\s*)?"
            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
            r"(?:\s*(?:at|,)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*(?:[A-Z]{2,4})?\s*$",
            regex.I,
        ),
        (),
    ),
    (
        "byline",
        regex.compile(
            r"^\s*(?:by|author:)\s+[\p{Lu}][\p{L}.' -]{1,60}"
            r"(?:\s+source:.*)?$",
            regex.I,
        ),
        (),
    ),
    (
        "credit line",
        regex.compile(
            r"^[^.!?]{0,80}\b(?:contributed (?:to )?(?:this )?report(?:ing)?|"
            r"reporting by|editing by|writing by)\b[^.!?]{0,80}\.?\s*$",
            regex.I,
        ),
        ("contributed ", "reporting by", "editing by", "writing by"),
    ),
    (
        "photo credit",
        regex.compile(r"©|\((?:photo|image|credit)\s*:", regex.I),
        ("©", "(photo", "(image", "(credit"),
    ),
    (
        "newsletter box",
        regex.compile(
            r"\b(?:newsletter|sign up|subscribe|subscription).{0,80}"
            r"(?:receive|inbox|every (?:morning|day|week)|email|free)|"
            r"\b(?:get|join|subscribe to|sign up (?:for|to))\s+our\b[^.!?]{0,40}?\bnewsletters?\b|"
            r"(?:^|[.!?:]\s*)(?:subscribe|sign up)(?:\s+(?:now|today|here|for free))?\s*[.!]?\s*$",
            regex.I,
        ),
        ("newsletter", "sign up", "subscri"),
    ),
    (
        "site notice",
        regex.compile(
            r"\bclick here\b|\bcookies?\b.{0,40}\b(?:accept|consent|policy)\b|"
            r"\b(?:log ?in|logged|sign in)\b.{0,40}\btimeout\b",
            regex.I,
        ),
        ("click here", "cookie", "timeout"),
    ),
    (
        "site notice",
        regex.compile(
            r"^\s*advertisement\s*$|"
            r"^\s*(?:read more|leia mais|share this|share)\s*:?\s*$",
            regex.I,
        ),
        (),
    ),
    (
        "user and time stamp",
        regex.compile(
            r"^\s*(?:por|by|posted by)\s+\S+\s+\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}", regex.I
        ),
        (),
    ),
    ("link", regex.compile(r"^\s*(?:https?://\S+\s*)+(?:#\S+\s*)*.{0,80}$"), ()),
    (
        "source label",
        regex.compile(r"^\s*(?:CNN|AP|AFP|Reuters|BBC|France 24|Bloomberg)\s*$"),
        (),
    ),
)
"""(reason, pattern, hints): a text the pattern matches holds one of the hints in
``_hint_form``; a rule with hints none of which is there is not tried, which
spares a slow scan of every prose paragraph.  Rules anchored at the start, cheap
to try, have no hints."""

_SHORT = 200
"""Longest paragraph that ``_SHORT_RULES`` look at: the furniture they describe
is never more than a line, and one length test spares prose paragraphs the tries."""

_AGO = (
    r"(?:(?:posted|updated|published|edited)\s+)?"
    r"(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?"
    r"|mos?|months?|y|yrs?|years?)|(?:an?|one)\s+(?:minute|hour))\s+ago"
    r"|just now|\d+\s*min(?:ute)?s?\s+read"
)
_FIELD = r"[^·•|\n]{1,40}"
_SEP = r"(?:\s*[·•|]\s*|\s+[-–—]\s+)"

_SHORT_RULES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    (
        "counter",
        regex.compile(
            r"^(?:\d[\d.,]*\s*[KkMm]?|no)\s+(?:comments?|replies|responses|views|shares|likes)$|"
            r"^(?:comments?|replies)\s*[:(]?\s*\d[\d.,]*\s*[KkMm]?\s*\)?$",
            regex.I,
        ),
    ),
    (
        "user and time stamp",
        regex.compile(rf"^(?:{_FIELD}{_SEP})*(?:{_AGO})(?:{_SEP}{_FIELD})*$", regex.I),
    ),
    (
        "list header",
        regex.compile(
            r"^(?:related(?: posts| articles| stories| content| coverage| news| links| reading)?"
            r"|categor(?:y|ies)|tags?|topics|trending(?: now| stories| news)?"
            r"|sponsored(?: content| links| stories| posts)?|promoted(?: content| stories)?"
            r"|recommended(?: for you| stories| reading| articles)?|you (?:may|might) also like"
            r"|more (?:stories|news|articles)|popular (?:posts|stories|articles)"
            r"|most (?:read|popular|viewed|shared))\s*:?$",
            regex.I,
        ),
    ),
    (
        "related link",
        regex.compile(
            r"^[>»*\s]*(?:read (?:more|also|next)|see also|related(?: article| story)?|more on this"
            r"|lea (?:también|además|más)|lea|mire|mira|vea(?: también)?|le puede interesar"
            r"|te puede interesar|puedes ver|también te puede interesar|leia (?:mais|também)"
            r"|veja (?:mais|também)|lesen sie (?:auch|mehr)|auch interessant|mehr dazu"
            r"|mehr zum thema|lire aussi|à lire aussi|voir aussi|leggi anche|vedi anche"
            r"|czytaj (?:też|także|więcej)|zobacz (?:też|także)|dowiedz się więcej|lees ook"
            r"|zie ook)\s*[:>»]\s*\S",
            regex.I,
        ),
    ),
    (
        "list header",
        regex.compile(
            r"^(?:notas relacionadas|noticias relacionadas|artículos relacionados"
            r"|más noticias|lo más (?:leído|visto)|leia também|notícias relacionadas"
            r"|weitere (?:artikel|beiträge|themen|nachrichten)(?: zum thema| aus der \w+)?"
            r"|mehr zum thema(?: .{1,40})?|das könnte sie auch interessieren|schon gelesen\??"
            r"|lesen sie auch|à lire aussi|sur le même sujet|articles similaires|leggi anche"
            r"|articoli correlati|czytaj (?:też|także)|zobacz (?:też|także)|lees ook"
            r"|inhaltsverzeichnis|table of contents|contents|índice|sommaire)\s*:?$",
            regex.I,
        ),
    ),
    (
        "photo credit",
        regex.compile(
            r"^(?:photo|photos|image|picture|credit|credits|foto|fotos|bild|titelbild"
            r"|beitragsbild|headerbild|copyright|crédits? photos?|kuva|zdjęcie|fot)\s*:\s*\S",
            regex.I,
        ),
    ),
    (
        "advertisement",
        regex.compile(
            r"^[*\s]*(?:anzeige|werbung|advertisement|advertising|publicidad|publicité"
            r"|pubblicità|reklama|sponsored|gesponsert)\b(?:\s*[-–:,.|]\s*.*)?$",
            regex.I,
        ),
    ),
    (
        "sharing links",
        regex.compile(
            r"^follow\b.{0,60}\b(?:on|@)\s*(?:twitter|facebook|instagram|x|linkedin|youtube"
            r"|tiktok|telegram)\b",
            regex.I,
        ),
    ),
    (
        "newsletter box",
        regex.compile(
            r"(?:^|[.!?]\s+)(?:(?:to (?:view|read|continue)[^.!?]{0,40}, )?please subscribe"
            r"|subscribe (?:now|today) (?:to|for)"
            r"|never miss\b.{0,60}\b(?:newsletter|sign(?:ing)? up))",
            regex.I,
        ),
    ),
    (
        "translation credit",
        regex.compile(
            r"^[(\[]?\s*(?:this (?:article|story|text|page) (?:was|has been|is) )?"
            r"(?:(?:automatically|machine)[- ]translated\b"
            r"|translated\s+(?:automatically|by machine|(?:with|by|using|via|through)\s+"
            r"(?:deepl|google|bing|microsoft|yandex|chatgpt|an? (?:automatic|machine)))"
            r"|(?:machine|automatic|automated)\s+translation\s*(?:[.:;,)\]]|$)"
            r"|translation\s*[:(]\s*(?:automatic|automated|machine|deepl|google|bing))",
            regex.I,
        ),
    ),
)
"""(reason, pattern) for one-line furniture: comment and view counters, user or
byline with a time ago ("admin · 3 hours ago", "By staff · 2 min read"), the
headers of related-link and category lists, machine-translation credits.  Each
pattern is anchored to the stripped paragraph's start, so a miss is quick, and
shaped so that a sentence of prose cannot fill it: a time ago only as a field of
its own between separators, "machine translation" only followed by punctuation."""

_LABEL = regex.compile(r"\p{Lu}[\p{L}'’.-]*(?:\s+(?:&|and|of|\p{Lu}[\p{L}'’.-]*)){0,2}")
_KICKER = regex.compile(r"\p{Lu}[\p{L}\p{N}'’.&/–—-]*(?:\s+[\p{L}\p{N}'’.&/–—-]+){0,2}")

_MENU_WORDS = frozenset(
    [
        "pesquisar",
        "categorias",
        "outro",
        "jogos",
        "networking",
        "home",
        "menu",
        "search",
        "categories",
        "news",
        "sport",
        "sports",
        "business",
        "culture",
        "opinion",
        "more",
        "other",
        "games",
        "login",
    ]
)


def _hint_form(text: str) -> str:
    """Lower case, with the only letters outside ASCII that a case-insensitive
    pattern equates with an ASCII letter (İ, ſ; the Kelvin sign lowers to k)
    written as that letter, so a rule's hint is in it wherever the rule matches."""
    if not text.isascii():
        text = text.replace("\u0130", "i").replace("\u017f", "s")
    return text.lower()


def _hinted(low: str, hints: tuple[str, ...]) -> bool:
    """Whether a rule with these hints may match the text whose ``_hint_form`` is low."""
    return not hints or any(map(low.__contains__, hints))


def furniture_reason(text: str) -> str | None:
    """Why this paragraph looks like page furniture, or None when it reads as text."""
    stripped = text.strip()
    if not stripped:
        return "blank"
    low = _hint_form(stripped)
    for reason, pat, hints in _RULES:
        if _hinted(low, hints) and pat.search(stripped):
            if reason == "photo credit" and len(stripped) > 400:
                continue
            return reason
    if len(stripped) <= _SHORT:
        for reason, pat in _SHORT_RULES:
            if pat.match(stripped):
                return reason
    return None


def _short_tag(text: str, shape: regex.Pattern[str]) -> bool:
    """Whether ``text``, stripped, is at most 30 characters of ``shape`` ending in a
    letter or digit (no closing stop)."""
    t = text.strip()
    return len(t) <= 30 and t[-1].isalnum() and shape.fullmatch(t) is not None


def is_label(text: str) -> bool:
    """A section name or category link: one to three capitalised words and nothing
    else ("Markets", "Real Estate", "Arts & Culture").  A short subhead has that
    shape too, so a label is furniture only where its neighbours say so."""
    return _short_tag(text, _LABEL)


def is_kicker(text: str) -> bool:
    """A topic tag above a headline ("Markets", "NATO–Russia relations"): up to three
    words, the first capitalised, no closing stop.  Only its place at the top of
    the page, above a headline and furniture, makes it noise."""
    return _short_tag(text, _KICKER)


def is_footer_line(text: str) -> bool:
    """Lines typical of a link-farm footer: menu words, teasers cut with '...'."""
    t = text.strip()
    if t.casefold() in _MENU_WORDS:
        return True
    if t.endswith("...") or t.endswith("…"):
        return len(t) < 200
    return regex.search(r"\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}", t) is not None
