"""The reader's story in a real browser (Debian's Chromium): offline after one
visit, from a USB stick, through an update, and right to left."""
import re
import shutil
import time
from urllib.parse import urljoin

import pytest

from conftest import ROOT
from helpers import static
from waymark.build import build

pytestmark = pytest.mark.browser
BRAND = "rgb(12, 92, 88)"  # the top bar's colour: proof the stylesheet loaded


def wait_for(page, condition, seconds=15):
    """Poll until `condition` (a JS expression, or a Python callable) is true.
    (Playwright's wait_for_function evaluates strings inside the page, which
    our Content Security Policy forbids.)"""
    check = condition if callable(condition) else lambda: page.evaluate(condition)
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {condition}"
        time.sleep(0.1)


def wait_until_offline_ready(page):
    wait_for(page, "!!(navigator.serviceWorker && navigator.serviceWorker.controller)")


def kept_languages(page, base_url):
    """The languages the service worker keeps for offline reading."""
    return page.evaluate("""async (scope) => {
        const stored = await (await caches.open('waymark ' + scope)).match(scope + '__waymark/settings');
        return stored ? (await stored.json()).kept : [];
    }""", base_url)


def bar_colour(page):
    return page.evaluate("getComputedStyle(document.querySelector('.bar')).backgroundColor")


def test_guide_opens_offline_after_first_visit(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "ar/index.html")
    wait_until_offline_ready(page)
    assert kept_languages(page, server.url) == ["ar"]

    context.set_offline(True)
    page.goto(server.url + "ar/asylum/asking-for-asylum.html")  # never visited
    assert page.locator("h1").inner_text() == "كيف تطلب اللجوء"
    assert bar_colour(page) == BRAND
    page.goto(server.url)  # the language chooser works offline too
    assert page.locator(".choices a").count() == len(list(sample_site.glob("*/manifest.webmanifest")))
    page.goto(server.url + "es/index.html")  # not kept: the reader did not ask for it
    assert page.url == server.url + "es/not-saved.html"  # which says so, in Spanish
    assert page.locator("h1").inner_text() == "Todavía no está guardado en este teléfono"


def test_language_chosen_after_the_first_visit_is_kept_too(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url)  # the language chooser: nothing says which language yet
    wait_until_offline_ready(page)
    page.get_by_role("link", name="español").click()
    wait_for(page, lambda: "es" in kept_languages(page, server.url))

    context.set_offline(True)
    page.goto(server.url + "es/asylum/asking-for-asylum.html")  # never visited
    assert page.locator("h1").inner_text() == "Cómo pedir asilo"


def test_reader_can_keep_another_language(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "ar/offline.html")
    wait_until_offline_ready(page)
    page.reload()  # now controlled, the page can talk to the worker
    keep = page.locator("#keep")
    keep.wait_for(state="visible")
    assert page.locator("input[value=ar]").is_checked()
    assert re.fullmatch(r"\d[\d,]* كيلوبايت", page.locator("[data-size=es]").inner_text())
    page.locator("input[value=es]").check()
    page.get_by_role("button", name="احفظ للقراءة دون إنترنت").click()
    wait_for(page, "document.getElementById('keep-status').textContent.startsWith('تم الحفظ')")

    context.set_offline(True)
    page.goto(server.url + "es/complaints/unpaid-wages.html")
    assert page.locator("h1").inner_text() == "Cómo presentar una queja por salarios no pagados"
    page.goto(server.url + "ar/index.html")
    assert page.locator("h1").count() == 1


def test_usb_copy_works_from_file_urls_with_every_link(context, sample_site, tmp_path):
    stick = tmp_path / "usb"
    shutil.copytree(sample_site, stick)
    page = context.new_page()
    problems = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    start = (stick / "index.html").as_uri()
    seen, queue = set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is None or response.ok, url
        assert page.title(), url
        assert bar_colour(page) == BRAND, url
        folder = url[len(stick.as_uri()) + 1:].split("/")[0]
        if folder == "downloads":  # each language's single file: downloads/<lang>.html
            folder = url.rsplit("/", 1)[1][:-len(".html")]
        lang = folder if "." not in folder else "en"  # the root pages are in English
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
            lang, "rtl" if lang in ("ar", "fa", "ps", "prs") else "ltr"], url
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))"):
            target = urljoin(url, href).split("#")[0]
            if target.startswith("file:"):
                assert target.startswith(stick.as_uri()), f"{url} leaves the copy: {href}"
                queue.append(target)
    # Every page is reached by links, but for those reached by a form (search),
    # the translators' status page, what the worker shows offline (not-saved)
    # and the page web hosts show for unknown addresses (404.html, whose links
    # start at the site's address).
    pages = {p.as_uri() for p in stick.rglob("*.html")
             if p.name not in ("search.html", "not-saved.html")
             and p not in (stick / "status.html", stick / "404.html")}
    assert seen == pages
    assert problems == []


def test_script_runs_from_a_usb_copy(browser, sample_site):
    # The chooser puts the reader's language first: proof the script ran.
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto((sample_site / "index.html").as_uri())
    assert page.locator(".choices li").first.get_attribute("class") == "suggested"
    assert page.locator(".choices li a").first.inner_text() == "español"
    context.close()


def test_no_request_leaves_the_origin(context, sample_site, serve):
    server = serve(sample_site)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in ("", "en/index.html", "ar/work-contracts/index.html",
                 "ar/work-contracts/before-you-sign.html", "es/offline.html"):
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(server.url) for url in requested), requested


def test_update_shows_a_notice_then_serves_the_new_build(context, tmp_path, serve):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "dist"
    build(content, output, ROOT / "translations")
    server = serve(output)
    page = context.new_page()
    guide = server.url + "en/work-contracts/before-you-sign.html"
    page.goto(guide)
    wait_until_offline_ready(page)

    source = content / "en/work-contracts/before-you-sign.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "title: Before you sign a work contract", "title: Before you sign any work contract"),
        encoding="utf-8")
    build(content, output, ROOT / "translations")
    server.requests.clear()

    page.reload()
    page.locator("#update").wait_for(state="visible", timeout=15_000)
    # Until the reader says so, the page stays whole in the old build.
    assert page.locator("h1").inner_text() == "Before you sign a work contract"
    # Unchanged files are not fetched again (and keep their names: see test_build).
    assert "/" + static(output, "style.css") not in server.requests
    assert "/en/work-contracts/before-you-sign.html" in server.requests

    with page.expect_navigation():
        page.get_by_role("button", name="Update now").click()
    assert page.locator("h1").inner_text() == "Before you sign any work contract"
    page.goto(server.url + "en/work-contracts/index.html")
    assert "Before you sign any work contract" in page.locator("main").inner_text()

    context.set_offline(True)
    page.goto(guide)
    assert page.locator("h1").inner_text() == "Before you sign any work contract"
    assert not page.locator("#update").is_visible()
    stale = page.evaluate("""async (scope) => {
        const keys = await (await caches.open('waymark ' + scope)).keys();
        return keys.map(k => k.url).filter(u => u.includes('before-you-sign.html'));
    }""", server.url)
    assert len(stale) == 1  # the old revision was deleted


def test_rtl_page_is_laid_out_right_to_left(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "ar/complaints/unpaid-wages.html")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".brand").bounding_box()
    menu = page.locator(".langs summary").bounding_box()
    assert brand["x"] > menu["x"]  # the site name sits on the right, the menu on the left
    heading = page.locator("article h1").bounding_box()
    assert heading["x"] + heading["width"] > 330  # text starts at the right edge
    step = page.locator(".prose ol li").first.bounding_box()
    assert step["x"] + step["width"] < 360 - 30  # room for the step numbers on the right


@pytest.mark.parametrize("path", ["index.html", "ar/index.html", "ar/work-contracts/before-you-sign.html",
                                  "en/complaints/unpaid-wages.html", "es/offline.html"])
def test_pages_fit_a_small_phone_with_big_tap_targets(browser, sample_site, serve, path):
    server = serve(sample_site)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for selector in (".brand", ".langs summary", ".guides a", ".choices a", ".foot nav a"):
        for box in [page.locator(selector).nth(i).bounding_box()
                    for i in range(page.locator(selector).count())]:
            assert box["height"] >= 40, (selector, box)
    context.close()


# --- Search in the browser ------------------------------------------------

def hits(page):
    page.locator(".hits li").first.wait_for(timeout=10_000)
    return page.eval_on_selector_all(".hits a", "els => els.map(a => a.getAttribute('href'))")


def test_search_works_from_a_usb_copy_in_arabic(context, sample_site):
    page = context.new_page()
    page.goto((sample_site / "ar/search.html").as_uri() + "?q=" + "اللجوء")
    assert hits(page)[0] == "asylum/asking-for-asylum.html"
    assert page.locator(".hits mark").count() >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('.hits')).direction") == "rtl"
    assert page.locator("#all-guides").is_hidden()


def test_search_works_offline_after_the_first_visit(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "ar/index.html")
    wait_until_offline_ready(page)
    wait_for(page, lambda: "ar" in kept_languages(page, server.url))
    context.set_offline(True)
    page.goto(server.url + "ar/search.html?q=" + "أجور غير مدفوعة")  # hamza folds to اجور
    assert hits(page)[0] == "complaints/unpaid-wages.html"


def test_results_come_as_you_type_and_the_query_is_in_the_url(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "en/search.html")
    page.locator("#q").press_sequentially("asyl")
    assert hits(page)[0] == "asylum/asking-for-asylum.html"
    assert page.url.endswith("search.html?q=asyl")
    assert page.locator(".hits .hit-section").first.inner_text() == "Asylum step by step"


def test_a_misspelt_word_offers_the_right_one(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "en/search.html?q=pasport")
    suggestion = page.locator(".suggest a")
    suggestion.wait_for()
    assert suggestion.inner_text() == "passport"
    suggestion.click()
    assert hits(page)[0] == "work-contracts/your-passport.html"


def test_the_search_box_on_a_guide_leads_to_results(context, sample_site):
    page = context.new_page()
    page.goto((sample_site / "es/work-contracts/before-you-sign.html").as_uri())
    page.locator("form.search input[name=q]").first.fill("pedir asilo")
    page.locator("form.search button").first.click()
    assert hits(page)[0] == "asylum/asking-for-asylum.html"
