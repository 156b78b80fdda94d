"""Kiwix books: each language as a ZIM file that Debian's kiwix-tools serve
and search, right to left where it should be, without the service worker."""
from html.parser import HTMLParser
import posixpath
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

from libzim.reader import Archive
import pytest

from conftest import ROOT
from test_browser import wait_for
from waymark import single, zim
from waymark.cli import main
from waymark.errors import Problems

KIWIX_SERVE, KIWIX_SEARCH = shutil.which("kiwix-serve"), shutil.which("kiwix-search")


@pytest.fixture(scope="session")
def books(sample_site, tmp_path_factory):
    """The sample guides' books: one per language and one with every language."""
    if not (KIWIX_SERVE and KIWIX_SEARCH):
        pytest.fail("kiwix-serve and kiwix-search are missing: install Debian's kiwix-tools "
                    "(scripts/install-test-deps.sh does this)")
    problems = Problems()
    site, app = single.built_app(ROOT / "content", ROOT / "translations", problems)
    out = tmp_path_factory.mktemp("books")
    written = zim.write_all(app, site, sample_site, out, problems, everything=True)
    assert not problems.items
    return {book.code: book.path for book in written}


@pytest.fixture(scope="session")
def kiwix(books):
    """kiwix-serve on 127.0.0.1 serving every book; its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([KIWIX_SERVE, "--address", "127.0.0.1", "--port", str(port),
                                *map(str, books.values())],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "kiwix-serve did not start"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


def test_a_book_per_language_and_one_with_every_language(books):
    assert sorted(path.name for path in books.values()) == [
        "waymark_all.zim", "waymark_ar.zim", "waymark_en.zim", "waymark_es.zim",
        "waymark_fa.zim", "waymark_fr.zim", "waymark_prs.zim", "waymark_ps.zim",
        "waymark_ti.zim", "waymark_uk.zim"]


def test_kiwix_shows_the_books_metadata(books):
    archive = Archive(books["ar"])
    meta = {name: archive.get_metadata(name).decode("utf-8")
            for name in ("Title", "Description", "Language", "Creator", "Publisher", "Date",
                         "Name")}
    assert meta == {"Title": "Waymark (العربية)", "Description": "اعرف حقوقك، حتى دون إنترنت.",
                    "Language": "ara", "Creator": "Waymark", "Publisher": "Waymark",
                    "Date": single.build_date().isoformat(), "Name": "waymark_ar"}
    png = archive.get_metadata("Illustration_48x48@1")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (48).to_bytes(4, "big") * 2
    assert archive.main_entry.get_item().path == "ar/index.html"
    assert archive.has_fulltext_index and archive.has_title_index
    # ISO 639-3, in the site's order; Dari is prs in both.
    assert Archive(books[""]).get_metadata("Language") == b"eng,ara,spa,fas,fra,prs,pus,tir,ukr"
    assert Archive(books[""]).main_entry.get_item().path == "index.html"


def test_a_book_holds_no_service_worker_and_only_its_language(books):
    archive = Archive(books["fa"])
    assert not archive.has_entry_by_path("sw.js")
    assert not archive.has_entry_by_path("fa/offline.json")
    assert not archive.has_entry_by_path("fa/not-saved.html")
    assert not archive.has_entry_by_path("en/index.html")
    assert archive.has_entry_by_path("downloads/fa.html")  # to pass on, from a hotspot
    home = bytes(archive.get_entry_by_path("fa/index.html").get_item().content).decode()
    assert "waymark.js" not in home and 'rel="manifest"' not in home
    assert 'class="langs"' not in home  # no other language to switch to


def test_iso_639_3_codes():
    assert [zim.iso_639_3(code) for code in ("ar", "fa", "pt-BR", "prs", "uk", "zh-Hans")] == [
        "ara", "fas", "por", "prs", "ukr", "zho"]
    assert zim.iso_639_3("xx") is None


def test_kiwix_serve_renders_guides_with_working_links(kiwix):
    home = f"{kiwix}waymark_ar/ar/index.html"
    page = fetch(home)
    assert '<html lang="ar" dir="rtl">' in page
    # Every link from the home, and from one guide, is served.
    guide = f"{kiwix}waymark_ar/ar/asylum/asking-for-asylum.html"
    for url in (home, guide):
        finder = Links()
        finder.feed(fetch(url))
        for link in finder.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or parts.path.startswith("/"):
                continue  # other sites, and kiwix-serve's own bar
            target = urllib.parse.urljoin(url, parts.path)
            assert urllib.request.urlopen(target, timeout=10).status == 200, (url, link)
    assert "<h1>كيف تطلب اللجوء</h1>" in fetch(guide)


def test_kiwix_search_finds_a_guide(books):
    found = subprocess.run([KIWIX_SEARCH, str(books["en"]), "passport"], capture_output=True,
                           text=True, timeout=30, check=True).stdout.splitlines()
    assert found[0] == "Keeping your passport and documents"
    arabic = subprocess.run([KIWIX_SEARCH, str(books["ar"]), "جواز"], capture_output=True,
                            text=True, timeout=30, check=True).stdout.splitlines()
    assert "الاحتفاظ بجواز سفرك ووثائقك" in arabic[:3]
    # Only the guides' own words are indexed: not the menus every page repeats.
    menu = subprocess.run([KIWIX_SEARCH, str(books["en"]), "Skip to the guide"],
                          capture_output=True, text=True, timeout=30).stdout
    assert menu.strip() == ""


@pytest.mark.browser
def test_waymarks_own_search_works_in_kiwix_serve(context, kiwix):
    page = context.new_page()
    page.goto(f"{kiwix}waymark_ar/ar/index.html")
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"
    page.goto(f"{kiwix}waymark_ar/ar/search.html?q=" + urllib.parse.quote("جواز"))
    wait_for(page, "document.querySelectorAll('#results ol li a').length > 0")
    first = page.locator("#results ol li a").first
    assert first.inner_text() == "الاحتفاظ بجواز سفرك ووثائقك"
    first.click()
    page.wait_for_load_state()
    assert posixpath.basename(page.url) == "your-passport.html"
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


def test_export_zim_command_writes_the_books(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests/data/site", site / "content")
    assert main(["-C", str(site), "export", "zim", "--output", "books",
                 "--translations", str(ROOT / "translations")]) == 0
    printed = capsys.readouterr().out
    assert sorted(p.name for p in (site / "books").iterdir()) == [
        "waymark_ar.zim", "waymark_en.zim", "waymark_es.zim", "waymark_fa.zim"]
    assert f"wrote {site / 'books' / 'waymark_ar.zim'}  (" in printed
    assert "ZIM file is ready" not in printed  # libzim's own progress stays quiet
