"""Hostile URLs, against a server on 127.0.0.1 started here in a thread.

Redirects to other schemes are refused on every hop, a trickling server meets one
overall deadline (``SRCDIFF_FETCH_TIMEOUT``, short here so the tests are quick),
bodies are capped, credentials are refused and masked, and a reason phrase with
terminal escapes reaches stderr escaped.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from srcdiff.errors import InputError
from srcdiff.fetch import fetch

from .hostile_support import assert_one_line_error, raw_controls, run

PAGE = (
    b"<html><head><title>Talks resume</title></head><body><article>"
    b"<p>Officials said the rate was 70 per cent on Monday.</p>"
    b"<p>The talks resumed in Geneva after a week of pauses.</p></article></body></html>"
)
NO_PROXY = {
    "http_proxy": "",
    "https_proxy": "",
    "HTTP_PROXY": "",
    "HTTPS_PROXY": "",
    "no_proxy": "*",
    "NO_PROXY": "*",
}


class Listener:
    """A TCP port that records whether anyone connected (a stand-in FTP server)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            try:
                conn.sendall(b"220 ftp ready\r\n")
            finally:
                conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


def make_handler(stop: threading.Event, ftp_port: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def _send(
            self,
            code: int,
            body: bytes = b"",
            ctype: str = "text/html",
            reason: str | None = None,
            headers: dict[str, str] | None = None,
        ) -> None:
            self.send_response(code, reason)
            self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, where: str) -> None:
            self._send(302, headers={"Location": where})

        def _trickle(self, prefix: bytes) -> None:
            self.wfile.write(prefix)
            self.wfile.flush()
            while not stop.is_set():
                try:
                    self.wfile.write(b"ab")
                    self.wfile.flush()
                except OSError:
                    return
                stop.wait(0.3)

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?")[0]
            host = f"127.0.0.1:{self.server.server_address[1]}"
            if path == "/ok.html":
                self._send(200, PAGE)
            elif path == "/to-ftp":
                self._redirect(f"ftp://127.0.0.1:{ftp_port}/x.txt")
            elif path == "/to-ftp-late":
                self._redirect("/hop1")
            elif path == "/hop1":
                self._redirect(f"ftp://127.0.0.1:{ftp_port}/y.txt")
            elif path == "/to-file":
                self._redirect("file:///etc/passwd")
            elif path == "/to-creds":
                self._redirect(f"http://user:hunter2@{host}/ok.html")
            elif path == "/to-ok":
                self._redirect("/ok.html")
            elif path == "/loop":
                self._redirect("/loop")
            elif path == "/reason":
                self._send(500, b"x", reason="\x1b]0;PWNED\x07\x1b[2J Boom \x9b31m")
            elif path == "/gzip-bomb":
                import gzip

                bomb = gzip.compress(b"\0" * 5_000_000)
                self._send(200, bomb, ctype="text/plain", headers={"Content-Encoding": "gzip"})
            elif path == "/missing":
                self._send(404, b"gone", reason="Not Found")
            elif path == "/claims-big":
                self.send_response(200)
                self.send_header("Content-Length", str(10**9))
                self.end_headers()
            elif path == "/endless":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                chunk = b"word " * 20_000
                try:
                    for _ in range(200):
                        self.wfile.write(chunk)
                except OSError:
                    return
            elif path == "/trickle-body":
                self._trickle(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            elif path == "/trickle-headers":
                self.wfile.write(b"HTTP/1.0 200 OK\r\n")
                self._trickle(b"X-Slow: ")
            else:
                self._send(404, b"", reason="Not Found")

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Listener]]:
    stop = threading.Event()
    ftp = Listener()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(stop, ftp.port))
    httpd.daemon_threads = True
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", ftp
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
        ftp.close()


@pytest.fixture
def local(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(
        "Officials said the rate was 75 per cent on Monday.\n\n"
        "The talks resumed in Geneva after a week of pauses.\n",
        encoding="utf-8",
    )
    return p


def cli(*args: str | Path, deadline: float = 3.0) -> object:
    return run(*args, env={**NO_PROXY, "SRCDIFF_FETCH_TIMEOUT": str(deadline)}, timeout=60)


def test_a_page_is_fetched(server: tuple[str, Listener], local: Path) -> None:
    base, _ = server
    out = run(local, f"{base}/ok.html", "--text", env=NO_PROXY)
    assert out.returncode == 1, out.stderr
    assert b"Talks resume" in out.stdout
    redirected = run(local, f"{base}/to-ok", "--stat", env=NO_PROXY)
    assert redirected.returncode == 1, redirected.stderr


@pytest.mark.parametrize("path", ["/to-ftp", "/to-ftp-late"])
def test_redirect_to_ftp_is_refused_on_every_hop(
    server: tuple[str, Listener], local: Path, path: str
) -> None:
    base, ftp = server
    before = ftp.connections
    assert_one_line_error(cli(local, base + path), "redirected to ftp://", "scheme")  # type: ignore[arg-type]
    assert ftp.connections == before, "srcdiff never connects to the FTP listener"


def test_redirect_to_file_is_refused(server: tuple[str, Listener], local: Path) -> None:
    assert_one_line_error(cli(local, server[0] + "/to-file"), "file://", "scheme")  # type: ignore[arg-type]


def test_redirect_loop_ends(server: tuple[str, Listener], local: Path) -> None:
    assert_one_line_error(cli(local, server[0] + "/loop"), "redirect")  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_trickling_server_meets_the_overall_deadline(
    server: tuple[str, Listener], local: Path, path: str
) -> None:
    start = time.monotonic()
    out = cli(local, server[0] + path, deadline=1.5)
    took = time.monotonic() - start
    assert_one_line_error(out, "cannot fetch URL")  # type: ignore[arg-type]
    assert took < 15, f"held for {took:.1f} s with a 1.5 s deadline"


def test_deadline_in_process(server: tuple[str, Listener]) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="deadline|no answer|timed out"):
        fetch(server[0] + "/trickle-body", 10**6, deadline=1.0)
    assert time.monotonic() - start < 5


def test_credentials_are_refused_and_masked(server: tuple[str, Listener], local: Path) -> None:
    host = server[0].removeprefix("http://")
    line = assert_one_line_error(
        cli(local, f"http://user:hunter2@{host}/ok.html"),
        "credentials",
        "***",  # type: ignore[arg-type]
    )
    assert "hunter2" not in line
    redirected = assert_one_line_error(cli(local, server[0] + "/to-creds"), "credentials")  # type: ignore[arg-type]
    assert "hunter2" not in redirected


def test_secret_query_values_are_masked(server: tuple[str, Listener], local: Path) -> None:
    line = assert_one_line_error(cli(local, server[0] + "/missing?token=s3cr3t&page=2"), "404")  # type: ignore[arg-type]
    assert "s3cr3t" not in line and "token=***" in line and "page=2" in line


def test_a_reason_phrase_with_escapes_is_shown_escaped(
    server: tuple[str, Listener], local: Path
) -> None:
    line = assert_one_line_error(cli(local, server[0] + "/reason"), "HTTP 500", "Boom")  # type: ignore[arg-type]
    assert "\\x1b]0;PWNED\\x07" in line


def test_bodies_are_capped(server: tuple[str, Listener], local: Path) -> None:
    assert_one_line_error(cli(local, server[0] + "/claims-big"), "over the limit")  # type: ignore[arg-type]
    out = run(
        local,
        server[0] + "/endless",
        "--max-size",
        "1M",
        env={**NO_PROXY, "SRCDIFF_FETCH_TIMEOUT": "20"},
        timeout=60,
    )
    assert_one_line_error(out, "over the limit")


@pytest.mark.parametrize("url", ["http://", "http:///x", "http://127.0.0.1:99999/", "http://[::1/"])
def test_malformed_urls(local: Path, url: str) -> None:
    out = cli(local, url)
    assert_one_line_error(out)  # type: ignore[arg-type]


def test_nothing_listening(local: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    out = cli(local, f"http://127.0.0.1:{port}/x")
    line = assert_one_line_error(out, "cannot fetch URL")  # type: ignore[arg-type]
    assert raw_controls(line) == []


def test_a_gzip_bomb_is_not_inflated(server: tuple[str, Listener], local: Path) -> None:
    """srcdiff asks for no compression and inflates none: the bytes are binary."""
    assert_one_line_error(cli(local, server[0] + "/gzip-bomb"), "binary")  # type: ignore[arg-type]
