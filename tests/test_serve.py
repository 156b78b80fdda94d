"""`waymark serve` on a hotspot: every reader gets an answer, odd requests get
an error page instead of a dropped connection, and nothing but the site's
pages is served. Servers bind 127.0.0.1 only."""
import ipaddress
import random
import shutil
import socket
import string
import struct
import threading
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import Request, urlopen

from conftest import DATA, ROOT
from helpers import served_hits, static, write
from waymark import serve as serve_module
from waymark.build import build
from waymark.search import query
from waymark.headers import SECURITY_HEADERS

HANG_GUARD = 5  # seconds: a generous bound that only catches a hang; timings live in bench/


def raw(url, request_line):
    """(status line, headers, body) for one request sent as raw bytes."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=HANG_GUARD) as connection:
        connection.sendall(request_line + b"\r\n\r\n")
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    return status, dict(line.split(": ", 1) for line in lines), body


def get(url, headers=None):
    """(status, headers, body) of a GET, error answers included."""
    try:
        with urlopen(Request(url, headers=headers or {}), timeout=HANG_GUARD) as answer:
            return answer.status, answer.headers, answer.read().decode("utf-8")
    except HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode("utf-8")


def found(url):
    """The links of a search page's results (its ordered list), best first."""
    status, _, html = get(url)
    assert status == 200
    return served_hits(html)


def test_a_nul_in_the_path_gets_an_error_page_not_a_dropped_connection(small_site, serve):
    served = serve(small_site)
    for path in (b"/%00", b"/en/%00.html", b"/en/search.html%00?q=pay"):
        status, headers, body = raw(served.url, b"GET " + path + b" HTTP/1.0")
        assert status == "HTTP/1.0 400 Bad Request"
        assert b"A web address cannot hold control characters." in body
    assert get(served.url + "en/index.html")[0] == 200  # and the server is still there


def test_a_request_line_over_64_kb_gets_414(small_site, serve):
    served = serve(small_site)
    status, headers, _ = raw(served.url, b"GET /" + b"a" * 70_000 + b" HTTP/1.0")
    assert status == "HTTP/1.0 414 Request-URI Too Long"
    assert get(served.url + "en/index.html")[0] == 200


def test_twenty_readers_at_once_are_all_answered(small_site, serve):
    served = serve(small_site)
    start, answers = threading.Barrier(20), []

    def reader(number):
        start.wait()
        answers.append(get(f"{served.url}en/work/contract.html?reader={number}")[0])

    readers = [threading.Thread(target=reader, args=(n,)) for n in range(20)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join(HANG_GUARD * 2)
    assert answers == [200] * 20


def test_a_10000_character_query_is_answered(sample_site, serve):
    # Pasted junk: its 1,800 words once overflowed Whoosh's recursion, and a
    # "did you mean" for each word took seconds.
    served = serve(sample_site, index_dir=sample_site.parent / "cache/search")
    letters, pick = string.ascii_lowercase, random.Random(14)
    query = " ".join("".join(pick.choice(letters) for _ in range(pick.randint(2, 8)))
                     for _ in range(1800))[:10_000]
    status, _, html = get(f"{served.url}en/search.html?q={quote(query)}")
    assert status == 200
    assert '<p class="count">' in html


def test_a_pasted_page_counts_for_its_first_words_only():
    vocabulary = ["contract", "hour", "pay"]
    known = query.Words({})
    text = " ".join(f"word{n}" for n in range(50))
    groups = query.groups(text, "en", vocabulary, known, lambda term: 1)
    assert [g.word for g in groups] == [f"word{n}" for n in range(query.MAX_QUERY_TERMS)]
    cut = query.groups("contract " + "x" * 300 + " pay", "en", vocabulary, known, lambda term: 1)
    assert [g.word for g in cut] == ["contract", "x" * (query.MAX_QUERY_CHARS - 9)]


def test_a_short_query_is_still_answered_from_the_index(small_site, serve):
    served = serve(small_site, index_dir=small_site.parent / "cache/search")
    status, _, html = get(served.url + "en/search.html?q=contract")
    assert status == 200 and '<a href="work/contract.html">' in html


def test_no_folder_listings_or_hidden_files(small_site, serve, tmp_path):
    site = tmp_path / "dist"
    shutil.copytree(small_site, site)
    write(site / ".git/config", "[remote] url = secret")  # a Pages checkout's own files
    served = serve(site)
    for path in ("static/", "static/icons/", ".git/", ".git/config",
                 "%2egit/config", "en/..%2f.git/config"):
        status, _, body = get(served.url + path)
        assert status == 404, path
        assert "Directory listing" not in body and "secret" not in body
    assert get(served.url + "en/")[0] == 200  # a folder with an index.html is a page


def test_a_rebuild_within_the_same_second_is_never_answered_not_modified(small_site, serve, tmp_path):
    # The browser asks whether its copy of the worker is still current; a
    # "not modified" for a new build would keep the old worker on the phone.
    site = tmp_path / "dist"
    shutil.copytree(small_site, site)
    served = serve(site)
    status, headers, old = get(served.url + "sw.js")
    asked = {"If-None-Match": headers["ETag"], "If-Modified-Since": headers["Last-Modified"]}
    assert get(served.url + "sw.js", asked)[0] == 304  # unchanged: nothing sent again

    new = site / ".sw.js.new"  # published as a build does: a new file put in place
    new.write_text(old.replace("'use strict';", '"use strict";'), encoding="utf-8")
    new.replace(site / "sw.js")
    for question in (asked, {"If-Modified-Since": headers["Last-Modified"]}):
        status, _, body = get(served.url + "sw.js", question)
        assert status == 200 and body != old


def test_every_answer_carries_the_security_headers(small_site, serve):
    served = serve(small_site)
    answers = [get(served.url + path)[1] for path in
               ("", "en/work/contract.html", static(small_site, "style.css"),
                "en/search.html?q=pay", "nothing-here.html", ".whoosh/")]
    answers.append(raw(served.url, b"GET /%00 HTTP/1.0")[1])
    answers.append(raw(served.url, b"GET /" + b"a" * 70_000 + b" HTTP/1.0")[1])
    for headers in answers:
        assert {name: headers[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert SECURITY_HEADERS["Content-Security-Policy"] == "frame-ancestors 'none'"


def test_phones_keep_the_hashed_files_and_ask_again_for_pages_and_the_worker(small_site, serve):
    # A classroom on a hotspot: each phone fetches the stylesheet once.
    served = serve(small_site)
    assert get(served.url + static(small_site, "style.css"))[1]["Cache-Control"] == (
        "public, max-age=31536000, immutable")
    for path in ("", "en/work/contract.html", "sw.js", "en/offline.json", "static/nothing.css"):
        assert get(served.url + path)[1]["Cache-Control"] == "no-cache", path


def test_lan_address_is_found_when_the_hostname_names_loopback(monkeypatch):
    # Debian and Ubuntu map the hostname to 127.0.1.1: that alone gave no address.
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "field-laptop":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.1.1", 0))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "gethostname", lambda: "field-laptop")
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    addresses = serve_module.lan_addresses()
    assert addresses, "this machine has a network interface, so an address must be found"
    for address in addresses:
        assert not ipaddress.ip_address(address).is_loopback
        with socket.socket() as probe:
            probe.bind((address, 0))  # it is one of this machine's own addresses


def test_the_preview_search_reads_the_guides_and_readers_words_of_each_rebuild(tmp_path, serve):
    # A translator keeps the preview open and rebuilds after each edit.
    content, output, cache_dir = tmp_path / "content", tmp_path / "dist", tmp_path / "cache"
    shutil.copytree(DATA / "site", content)
    build(content, output, ROOT / "translations", cache_dir)
    served = serve(output, index_dir=cache_dir / "search")
    assert found(served.url + "en/search.html?q=overtime") == []
    assert found(served.url + "en/search.html?q=agreement") == []
    write(content / "en/work/overtime.md", "---\ntitle: Overtime\nsummary: Extra hours.\n"
          "reviewed: 2026-01-15\n---\nOvertime is paid at a higher rate.\n")
    write(content / "en/_search.yml", "synonyms:\n  - [contract, agreement]\n")
    build(content, output, ROOT / "translations", cache_dir)
    assert found(served.url + "en/search.html?q=overtime") == ["work/overtime.html"]
    assert found(served.url + "en/search.html?q=agreement")[0] == "work/contract.html"


def test_a_reader_who_leaves_mid_download_leaves_no_traceback(tmp_path, serve, capfd):
    # On a hotspot phones drop out of range while a file is still coming.
    site = tmp_path / "dist"
    write(site / "index.html", "<p>Waymark</p>")
    (site / "big.bin").write_bytes(b"x" * 8_000_000)
    served = serve(site)
    host, port = served.url.split("//")[1].rstrip("/").split(":")
    for _ in range(3):
        with socket.create_connection((host, int(port)), timeout=HANG_GUARD) as connection:
            connection.sendall(b"GET /big.bin HTTP/1.0\r\n\r\n")
            connection.recv(1000)
            # Close at once, with a reset, as a phone that lost the network does.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert get(served.url + "index.html")[0] == 200  # and it serves the next reader
    assert "Traceback" not in capfd.readouterr().err
