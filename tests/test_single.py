"""One file per language: every page of the language in one HTML file that a
reader can pass on by phone, opened alone from wherever it landed."""
import base64
import datetime
import gzip
import hashlib
import html
import json
import re
import shutil

import pytest

from helpers import static, write
from test_browser import wait_for
from waymark import single
from waymark.build import build
from waymark.config import Config
from waymark.errors import BuildFailed
from waymark.offline import precache, read_build

SAMPLE_LANGUAGES = ("en", "ar", "es", "fa", "fr", "uk")


def text(path):
    return path.read_text(encoding="utf-8")


def test_every_language_gets_one_file_with_every_page(sample_site):
    for lang in SAMPLE_LANGUAGES:
        page = text(sample_site / f"downloads/{lang}.html")
        ids = re.findall(r'<div class="page" id="([^"]+)"', page)
        # The home first, then each section with its guides, the pages, search, contacts.
        assert ids[0] == "index" and ids[-2:] == ["search", "contacts"]
        built = sorted(p.relative_to(sample_site / lang).as_posix()[:-len(".html")]
                       for p in (sample_site / lang).rglob("*.html"))
        assert sorted(ids) == [key for key in built if key not in ("not-saved", "print")]
        assert f'<html lang="{lang}" dir="{"rtl" if lang in ("ar", "fa") else "ltr"}">' in page


def test_links_inside_the_file_lead_to_its_pages_and_headings(sample_site):
    page = text(sample_site / "downloads/es.html")
    ids = set(re.findall(r' id="([^"]+)"', page))
    internal = re.findall(r'href="#([^"]*)"', page)
    assert internal and all(html.unescape(target) in ids for target in internal)
    # A guide's link to a heading of another guide keeps its place in it.
    assert 'href="#glossary:human-trafficking"' in page
    assert 'href="../' not in page and ".html\"" not in page.replace("downloads/", "")


def test_the_file_allows_only_its_own_code_by_hash_and_loads_nothing(sample_site):
    page = text(sample_site / "downloads/ar.html")
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                                  page).group(1))
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'none'" and "unsafe" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, flags=re.S)

    def hashed(code):
        return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
    assert sorted(directives["script-src"].split()) == sorted(map(hashed, scripts))
    assert directives["style-src"].split() == [hashed(styles[0])]
    assert len(scripts) == 5  # the page marker, the index, the Arabic stemmer, single.js, search.js
    assert not re.search(r"<script[^>]*\bsrc=|<link[^>]*stylesheet|\son[a-z]+=", page)
    assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://', ""))
    assert re.findall(r'\ssrc="([^"]+)"', page) == []  # no image but the inlined icon
    assert '<link rel="icon" href="data:image/svg+xml;base64,' in page


def test_the_file_fits_the_budget_for_the_sample_guides(sample_site):
    # (bench/single_file.py prints the figures and how they grow.)
    for lang in SAMPLE_LANGUAGES:
        data = (sample_site / f"downloads/{lang}.html").read_bytes()
        assert len(gzip.compress(data, 9)) <= 150 * 1024, lang


def test_home_and_offline_page_offer_the_file_with_its_size(sample_site):
    for path in ("ar/index.html", "ar/offline.html"):
        page = text(sample_site / path)
        found = re.search(r'<a class="download" href="../downloads/ar.html" '
                          r'download="Waymark-ar.html">([^<]+)</a> <small class="size">\(([^)]+)\)</small>',
                          page)
        assert found, path
        size = (sample_site / "downloads/ar.html").stat().st_size
        assert found.group(2) == f"{round(size / 1024)} كيلوبايت"
        assert "Waymark-ar.html" in page.split('class="download"')[1]  # how to send it on
    # The file itself does not offer itself, but says how to pass it on.
    own = text(sample_site / "downloads/en.html")
    assert 'class="download"' not in own
    assert "To pass it on, send the file Waymark-en.html like a photo or a document" in own


def test_the_worker_does_not_save_the_files_but_the_next_build_knows_them(sample_site):
    built = read_build(sample_site / "sw.js")
    every = sorted(p.name for p in sample_site.iterdir() if (p / "offline.json").exists())
    assert built["unsaved"] == [f"downloads/{lang}.html" for lang in every] + [
        static(sample_site, "first-screen.css")]  # inside every page the worker serves
    saved = {path for group in precache(sample_site, SAMPLE_LANGUAGES,
                                        built["unsaved"]).values() for path, *_ in group}
    listed = {path for path, _ in built["shared"]}
    assert not any(path.startswith("downloads/") for path in saved | listed)


def test_the_file_is_named_for_the_site():
    assert single.file_name(Config("Waymark", "en"), "ar") == "Waymark-ar.html"
    assert single.file_name(Config("Know your rights!", "en"), "fa") == "Know-your-rights-fa.html"
    assert single.file_name(Config("Droits / ici: 2027", "fr"), "fr") == "Droits-ici-2027-fr.html"
    assert single.file_name(Config("حقوقك", "ar"), "ar") == "حقوقك-ar.html"
    assert single.file_name(Config("***", "en"), "en") == "Waymark-en.html"


def test_the_file_says_when_it_was_made_and_where_a_newer_one_is(content, tmp_path,
                                                                 monkeypatch):
    write(content.parent / "waymark.yml", "base_url: https://guides.example.org/\n"
                                          "copy_outdated_after_days: 30\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    build(content, tmp_path / "dist")
    page = text(tmp_path / "dist/downloads/es.html")
    assert 'data-built="2026-01-01" data-stale-after="30"' in page
    assert "1 de enero de 2026" in page
    assert '<a href="https://guides.example.org/es/offline.html">' in page
    # Links to what the file has not (the English original) go to the site.
    assert 'href="https://guides.example.org/en/' in page


def test_a_script_that_would_end_its_element_early_fails_the_build(content, tmp_path):
    write(content.parent / "waymark.yml", "overrides: overrides\n")
    write(content.parent / "overrides/static/search/search.js", "// search\nvar a = '</script>';\n")
    with pytest.raises(BuildFailed) as failed:
        build(content, tmp_path / "dist")
    assert [str(p) for p in failed.value.problems.errors] == [
        f"{content.parent}/overrides/static/search/search.js:2: error: cannot be put inside the "
        f"single file: it contains '</script' (write it as '<\\/script' or '<\\!--')"]


# --- in a browser, the file alone -------------------------------------------

def open_alone(context, sample_site, lang, tmp_path, query=""):
    """The language's file copied alone into an empty folder, opened from
    file://; returns (page, requests, console errors)."""
    folder = tmp_path / f"received-{lang}"
    folder.mkdir()
    shutil.copyfile(sample_site / f"downloads/{lang}.html", folder / f"Waymark-{lang}.html")
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: msg.type in ("error", "warning") and errors.append(msg.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = (folder / f"Waymark-{lang}.html").as_uri()
    page.goto(url + query)
    return page, url, requests, errors


def shown_page(page):
    return page.evaluate("document.querySelector('.page.current').id")


@pytest.mark.browser
@pytest.mark.parametrize("lang", SAMPLE_LANGUAGES)
def test_the_file_alone_shows_every_guide_and_loads_nothing(context, sample_site, tmp_path, lang):
    page, url, requests, errors = open_alone(context, sample_site, lang, tmp_path)
    direction = "rtl" if lang in ("ar", "fa") else "ltr"
    assert shown_page(page) == "index"
    assert page.evaluate("getComputedStyle(document.querySelector('.page.current h1'))"
                         ".direction") == direction
    # Every page is one click away from one that is shown: follow every link.
    seen, todo = set(), ["index"]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        page.goto(f"{url}#{key}")
        assert shown_page(page) == key
        assert page.locator(".page.current h1").count() == 1
        assert page.locator(".page:not(.current)").first.is_hidden()
        links = page.eval_on_selector_all(
            ".page.current a[href^='#'], .foot a[href^='#']",
            "links => links.map(a => decodeURIComponent(a.hash.slice(1)))")
        todo += [link.split(":")[0] for link in links]
    # Every page but the search page, which the search box opens.
    assert seen | {"search"} == set(page.eval_on_selector_all(".page", "ps => ps.map(p => p.id)"))
    assert requests == [url]  # (a #fragment is no request)
    assert errors == []


@pytest.mark.browser
def test_the_file_alone_answers_a_search_as_the_site_does(context, sample_site, tmp_path):
    page, url, requests, errors = open_alone(context, sample_site, "ar", tmp_path,
                                             "?q=" + "جواز")
    wait_for(page, "document.querySelectorAll('main ol.hits li a').length > 0")
    assert shown_page(page) == "search"
    assert page.locator("#results").evaluate("el => el.closest('main') !== null")
    first = page.locator("main ol.hits li a").first
    assert first.inner_text() == "الاحتفاظ بجواز سفرك ووثائقك"
    assert page.locator("main ol.hits mark").count() > 0  # snippets from the file's own text
    # The same ranking as the site's search page.
    site = context.new_page()
    site.goto((sample_site / "ar/search.html").as_uri() + "?q=" + "جواز")
    wait_for(site, "document.querySelectorAll('ol.hits li a').length > 0")
    titles = "els => els.map(a => a.textContent)"
    assert page.eval_on_selector_all("main ol.hits li > a", titles) == \
        site.eval_on_selector_all("ol.hits li > a", titles)
    first.click()
    wait_for(page, lambda: shown_page(page) == "work-contracts/your-passport")
    assert page.locator(".page.current h1").inner_text() == "الاحتفاظ بجواز سفرك ووثائقك"
    # The box above every page searches too.
    page.fill("#find input", "interview")
    page.press("#find input", "Enter")
    wait_for(page, lambda: shown_page(page) == "search")
    assert page.input_value("#q") == "interview"
    assert requests == [url + "?q=" + "%D8%AC%D9%88%D8%A7%D8%B2"]
    assert errors == []


@pytest.mark.browser
def test_an_old_file_says_it_may_be_out_of_date(context, sample_site, tmp_path):
    built = datetime.date.today()
    page, *_ = open_alone(context, sample_site, "en", tmp_path)
    assert page.locator("#copy-outdated").is_hidden()
    later = context.new_page()
    later.clock.install(time=datetime.datetime.combine(built + datetime.timedelta(days=181),
                                                       datetime.time(12)))
    later.goto(page.url)
    notice = later.locator("#copy-outdated")
    assert notice.is_visible()
    assert notice.inner_text().startswith("This copy was made on ")
    assert "may be out of date" in notice.inner_text()


def test_the_file_carries_the_search_index_of_the_site(sample_site):
    page = text(sample_site / "downloads/fa.html")
    inline = json.loads(re.search(r'\(self\.WaymarkIndex = self\.WaymarkIndex \|\| \{\}\)\["fa"\]'
                                  r' = (\{.*?\});\n</script>', page, flags=re.S).group(1))
    site = text(sample_site / "fa/search-index.js")
    data = json.loads(site.split("] = ", 1)[1].rstrip().rstrip(";"))
    assert [doc[0] for doc in inline["docs"]] == ["#" + doc[0][:-5] for doc in data["docs"]]
    for doc in inline["docs"]:
        doc[0] = doc[0][1:] + ".html"
    assert inline == data
