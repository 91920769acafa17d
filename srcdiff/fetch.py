"""Fetch one http(s) URL: the bytes, their declared charset, and whether they are HTML.

The rules follow curl's defaults where they protect the user:

* only ``http`` and ``https``, on the first request and on every redirect
  hop (a redirect to ``ftp://`` or ``file://`` is refused, not followed);
* one overall deadline for the whole fetch (connect, headers, body and
  every redirect), not a timeout per socket read that a trickling server
  can renew for hours; ``SRCDIFF_FETCH_TIMEOUT`` sets it in seconds;
* at most ``max_bytes`` of body, whatever ``Content-Length`` claims;
* credentials in a URL (``http://user:pass@host/``) are refused with a
  clear message, and every message masks them.

Every failure raises ``InputError`` naming the URL; messages pass through
the one sanitiser, so a server's reason phrase cannot reach a terminal raw.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import InputError

if TYPE_CHECKING:
    import socket
    import urllib.request
    from http.client import HTTPResponse

FETCH_TIMEOUT = 30.0
"""Seconds a whole fetch may take, redirects included, unless the environment says."""
TIMEOUT_ENV = "SRCDIFF_FETCH_TIMEOUT"
SCHEMES = frozenset({"http", "https"})
MAX_REDIRECTS = 10
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    data: bytes
    charset: str | None
    is_html: bool


def deadline_seconds() -> float:
    """The overall deadline: ``SRCDIFF_FETCH_TIMEOUT`` if it is a positive number."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        value = float(raw)
    except ValueError:
        return FETCH_TIMEOUT
    return value if 0 < value < 86_400 else FETCH_TIMEOUT


def check_url(url: str) -> None:
    """Refuse a URL srcdiff will not fetch: another scheme, credentials, no host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as err:
        raise InputError(url, f"not a valid URL: {err}") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(url, f"unsupported URL scheme {parts.scheme!r} (use http or https)")
    if parts.username is not None or parts.password is not None:
        raise InputError(
            url,
            "credentials in URLs are not supported (they would travel with every "
            "request); download the page with curl -u and give srcdiff the file",
        )
    if not host:
        raise InputError(url, "not a valid URL: no host")


def _opener(first: str) -> urllib.request.OpenerDirector:
    """An opener whose redirects go only to http(s), without credentials, at most
    MAX_REDIRECTS hops.  Built here: urllib takes a while to import, and most
    runs read files."""
    import urllib.request
    from http.client import HTTPMessage
    from typing import IO

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def http_error_302(
            self,
            req: urllib.request.Request,
            fp: IO[bytes],
            code: int,
            msg: str,
            headers: HTTPMessage,
        ) -> Any:
            where = headers.get("location") or headers.get("uri")
            if where:
                target = urljoin(req.full_url, where)
                try:
                    check_url(target)
                except InputError as err:
                    raise InputError(first, f"redirected to {target}: {err.problem}") from None
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return urllib.request.build_opener(Redirects())


def is_url(source: str) -> bool:
    """Whether ``source`` names a URL to fetch; InputError for a scheme srcdiff
    does not fetch (``ftp://``, ``file://``; one letter is a Windows drive)."""
    if "://" not in source:
        return False
    scheme = source.split("://", 1)[0].lower()
    if scheme in SCHEMES:
        return True
    if len(scheme) > 1:
        raise InputError(source, f"unsupported URL scheme {scheme!r} (use http or https)")
    return False


def fetch(url: str, max_bytes: int, *, deadline: float | None = None) -> Fetched:
    """The body of ``url``; InputError on any failure, after at most ``deadline`` seconds."""
    check_url(url)
    limit = deadline_seconds() if deadline is None else deadline
    box: list[Fetched | BaseException] = []
    worker = threading.Thread(
        target=_fetch_into, args=(url, max_bytes, time.monotonic() + limit, box), daemon=True
    )
    worker.start()
    # The worker is left behind if the deadline passes: a blocked read cannot be
    # interrupted from here, and the process is about to report the error.
    worker.join(limit + 1.0)
    if not box:
        raise InputError(url, f"cannot fetch URL: no answer within {limit:g} s")
    result = box[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch_into(url: str, max_bytes: int, until: float, box: list[Fetched | BaseException]) -> None:
    try:
        box.append(_fetch(url, max_bytes, until))
    except BaseException as err:  # handed to the waiting thread, which raises it
        box.append(err)


def _fetch(url: str, max_bytes: int, until: float) -> Fetched:
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    opener = _opener(url)
    request = urllib.request.Request(url, headers={"User-Agent": f"srcdiff/{__version__}"})
    try:
        with opener.open(request, timeout=_left(url, until)) as response:
            return _body(url, response, max_bytes, until)
    except urllib.error.HTTPError as err:
        raise InputError(url, f"cannot fetch URL: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        why = "timed out" if isinstance(reason, TimeoutError) else str(reason)
        raise InputError(url, f"cannot fetch URL: {why}") from None
    except TimeoutError:
        raise InputError(url, "cannot fetch URL: timed out") from None
    except (OSError, HTTPException, ValueError) as err:
        raise InputError(url, f"cannot fetch URL: {err or type(err).__name__}") from None


def _left(url: str, until: float) -> float:
    left = until - time.monotonic()
    if left <= 0:
        raise InputError(url, "cannot fetch URL: the overall deadline passed")
    return left


def _body(url: str, response: HTTPResponse, max_bytes: int, until: float) -> Fetched:
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise _too_big(url, int(length), max_bytes)
    sock = _socket_of(response)
    chunks: list[bytes] = []
    got = 0
    while True:
        left = _left(url, until)
        if sock is not None:
            sock.settimeout(min(left, FETCH_TIMEOUT))
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        got += len(chunk)
        if got > max_bytes:
            raise _too_big(url, None, max_bytes)
        chunks.append(chunk)
    return Fetched(
        b"".join(chunks),
        response.headers.get_content_charset(),
        response.headers.get_content_type() in ("text/html", "application/xhtml+xml"),
    )


def _socket_of(response: HTTPResponse) -> socket.socket | None:
    """The response's socket, to bound each read by the time left (None if hidden)."""
    import socket

    raw = getattr(response.fp, "raw", None)
    sock = getattr(raw, "_sock", None)
    return sock if isinstance(sock, socket.socket) else None


def _too_big(url: str, size: int | None, max_bytes: int) -> InputError:
    what = f"is {size} bytes" if size is not None else "is larger than the limit"
    return InputError(
        url, f"{what}, over the limit of {max_bytes} bytes (raise it with --max-size)"
    )
