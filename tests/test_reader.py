"""The reader under stress, in a real browser at 360 px: help first, a quick
exit, large text, print, the dark scheme, and no accessibility error that
axe-core can find on any kind of page."""
from importlib.resources import files
import re
import shutil

import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import ROOT
from test_browser import BRAND, bar_colour, hits, wait_for, wait_until_offline_ready
from waymark.build import build

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
AXE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
QUERY = {"en": "passport", "ar": "اللجوء"}


def kinds_of_page(lang):
    """One page of each kind, in `lang`."""
    return [f"{lang}/{path}" for path in (
        "index.html", "asylum/index.html", "asylum/asking-for-asylum.html",
        f"search.html?q={QUERY[lang]}", "glossary.html", "offline.html", "not-saved.html",
        "contacts.html", "print.html")]


def violations(page):
    """axe-core's violations on the page, as (rule, first elements) pairs.
    (Evaluated through the browser's debugging protocol, which the pages'
    Content Security Policy does not block, as it does an injected script tag.)"""
    page.evaluate(AXE)
    return page.evaluate("""async () => (await axe.run()).violations.map(
        v => [v.id, v.nodes.slice(0, 3).map(n => n.target.join(' '))])""")


def open_page(page, url):
    page.goto(url)
    if "?q=" in url:
        hits(page)  # the results are in


@pytest.mark.parametrize("path", ["index.html", "status.html"] + kinds_of_page("en")
                         + kinds_of_page("ar"))
def test_axe_finds_no_violation_on_any_kind_of_page(context, sample_site, serve, path):
    server = serve(sample_site)
    page = context.new_page()
    open_page(page, server.url + path)
    assert violations(page) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_dark_scheme_applies_and_passes_axe(browser, sample_site, serve, lang):
    server = serve(sample_site)
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    for path in kinds_of_page(lang):
        open_page(page, server.url + path)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 24, 23)"
        assert bar_colour(page) == BRAND  # the theme colour stays
        assert violations(page) == [], path
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar", "es", "fa", "fr", "uk"])
def test_help_is_on_the_first_screen_of_each_home(context, sample_site, serve, lang):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + f"{lang}/index.html")
    help_now = page.locator(".help-now")
    box = help_now.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    links = help_now.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links == ["getting-help.html", "trafficking.html", "contacts.html"]


def test_every_guide_ends_with_where_to_get_help(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "ar/work-contracts/your-passport.html")
    ending = page.locator(".help-next")
    assert ending.locator("h2").inner_text() == "أين تجد المساعدة"
    assert ending.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "../getting-help.html", "../contacts.html"]


def test_quick_exit_leaves_and_replaces_the_page_in_history(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "en/index.html")
    page.goto(server.url + "en/asylum/detention.html")
    exit_link = page.locator("[data-quick-exit]")
    box = exit_link.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["x"] + box["width"] <= PHONE["width"]
    assert exit_link.inner_text() == "Exit this page"
    exit_link.click()
    page.wait_for_url("about:blank")
    page.go_back()
    assert page.url == server.url + "en/index.html"  # the guide is gone from the tab's history


def test_shift_three_times_leaves_from_a_usb_copy(context, sample_site):
    page = context.new_page()
    page.goto((sample_site / "fa/asylum/detention.html").as_uri())
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.endswith("detention.html")  # twice is not enough
    page.keyboard.press("Shift")
    page.wait_for_url("about:blank")


def test_quick_exit_works_offline(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "uk/index.html")
    context.set_offline(True)
    page.get_by_role("link", name="Вийти зі сторінки").click()
    page.wait_for_url("about:blank")


def settled(page, look):
    """`look()` at the page, once more if the page was reloaded meanwhile:
    the worker taking over a page reloads it, so that no page mixes builds."""
    for _ in range(5):
        try:
            return look()
        except PlaywrightError as error:
            if "context was destroyed" not in str(error):
                raise
            page.wait_for_load_state()
    return look()


@pytest.mark.parametrize("width", [320, 360])
def test_no_page_scrolls_sideways_at_200_percent_text(browser, sample_site, serve, width):
    server = serve(sample_site)
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    # The browser's own text size setting, as a reader with low vision sets it.
    context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32}})
    for path in ["index.html", "status.html"] + kinds_of_page("en") + kinds_of_page("ar"):
        open_page(page, server.url + path)
        if path.endswith("offline.html"):  # with its list of languages to keep, shown once saved
            wait_until_offline_ready(page)
            page.reload()
            page.locator("#keep").wait_for()
        assert settled(page, lambda: page.evaluate(
            "document.documentElement.scrollWidth")) <= width, path
        for box in settled(page, lambda: page.locator(".bar > *").evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().toJSON())")):
            assert 0 <= box["left"] and box["right"] <= width, path  # the header wraps
        search = page.locator("form.search input")
        if search.count():
            assert search.first.bounding_box()["width"] >= 200, path  # room to type a word
    context.close()


@pytest.mark.parametrize("path", ["en/index.html", "ar/asylum/asking-for-asylum.html",
                                  "en/glossary.html", "fa/print.html", "es/offline.html"])
def test_tap_targets_are_at_least_44_px(context, sample_site, serve, path):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + path)
    selectors = ("[data-quick-exit]", ".langs summary", ".crumbs a", ".help-links a",
                 ".contents a", ".pager a", ".letters a", ".tools button:not([hidden])",
                 ".guides a", ".foot nav a", "form.search input", "form.search button")
    for selector in selectors:
        for box in page.locator(selector).evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().toJSON())"):
            assert box["height"] >= 44, (selector, box)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("paper", [("A4", 210), ("Letter", 215.9)])
def test_print_shows_the_guide_alone_within_the_paper(browser, sample_site, serve, lang, paper):
    server = serve(sample_site)
    name, millimetres = paper
    width = round((millimetres - 2 * 14) / 25.4 * 96)  # the paper less the page margins
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.goto(server.url + f"{lang}/work-contracts/before-you-sign.html")
    page.emulate_media(media="print")
    for hidden in ("form.search", ".bar", ".skip", ".langs", ".tools", ".help-next", ".foot nav"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("article h1", ".reviewed", ".sources li"):
        assert page.locator(shown).first.is_visible(), shown
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Nothing starts before the paper's edge either (right to left, the start is on the right).
    assert page.evaluate("""Math.min(...[...document.querySelectorAll('main *')]
        .map(e => e.getBoundingClientRect()).filter(r => r.width).map(r => r.left))""") >= 0
    assert page.pdf(format=name)[:5] == b"%PDF-"
    context.close()


def test_printed_guide_carries_its_address_and_qr_code(browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    (site / "waymark.yml").write_text("base_url: https://guides.example.org/\n", encoding="utf-8")
    build(site / "content", site / "dist", ROOT / "translations")
    context = browser.new_context(viewport={"width": 700, "height": 1000})
    page = context.new_page()
    page.goto((site / "dist/ar/asylum/detention.html").as_uri())
    handout = page.locator(".handout")
    assert not handout.is_visible()  # on paper only
    page.emulate_media(media="print")
    assert handout.is_visible()
    assert handout.locator("bdi").inner_text() == "https://guides.example.org/ar/asylum/detention.html"
    qr = handout.locator("svg.qr").bounding_box()
    assert 100 <= qr["width"] == qr["height"] <= 130  # 30 mm
    context.close()


def test_language_menu_closes_with_esc_and_a_tap_outside(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "ar/index.html")
    menu = page.locator("details.langs")
    assert page.locator(".langs summary").text_content().strip() == "اللغة: العربية"  # labelled
    page.locator(".langs summary").click()
    assert menu.evaluate("m => m.open")
    page.keyboard.press("Escape")
    assert not menu.evaluate("m => m.open")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.locator(".langs summary").click()
    page.mouse.click(180, 700)  # a tap on the page, below the open menu
    assert not menu.evaluate("m => m.open")


def test_search_says_the_count_once_typing_pauses(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "en/search.html")
    assert page.locator("#results").get_attribute("aria-live") is None
    said = page.locator("#results-said")
    assert said.get_attribute("role") == "status"
    page.locator("#q").press_sequentially("asyl")
    hits(page)
    assert said.inner_text() == ""  # not while the reader types
    wait_for(page, lambda: said.inner_text() == page.locator("#results .count").inner_text())
    assert said.inner_text().startswith("Guides found: ")


def test_listen_is_offered_only_with_a_voice_for_the_language(browser, sample_site, serve):
    server = serve(sample_site)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + "ar/asylum/detention.html")
    assert page.locator("[data-listen]").is_hidden()  # this browser has no Arabic voice
    context.close()

    context = browser.new_context(viewport=PHONE)
    context.add_init_script("""
        window.said = [];
        speechSynthesis.getVoices = () => [{lang: 'en-GB', name: 'English'}, {lang: 'ar-SA', name: 'Arabic'}];
        speechSynthesis.speak = (words) => window.said.push([words.lang, words.text]);
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    """)
    page = context.new_page()
    page.goto(server.url + "ar/asylum/detention.html")
    listen = page.locator("[data-listen]")
    assert listen.inner_text() == "استمع"
    listen.click()
    said = page.evaluate("window.said")
    assert said[0] == ["ar-SA", page.locator("article h1").inner_text()]
    assert len(said) > 5
    assert listen.inner_text() == "أوقف"
    context.close()


def test_share_copies_the_link_where_the_browser_cannot_share(browser, sample_site, serve):
    server = serve(sample_site)
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url + "es/asylum/detention.html")
    if page.evaluate("'share' in navigator"):
        pytest.fail("this browser has Web Share: the copy path is not tried here")
    page.get_by_role("button", name="Compartir").click()
    wait_for(page, lambda: page.get_by_role("button", name="Enlace copiado").count() == 1)
    assert page.evaluate("navigator.clipboard.readText()") == server.url + "es/asylum/detention.html"
    context.close()


def test_a_guide_links_the_next_and_previous_in_its_section(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "fr/asylum/index.html")
    guides = page.locator(".cards a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    page.goto(server.url + "fr/asylum/" + guides[1])
    assert page.locator("a[rel=prev]").get_attribute("href") == guides[0]
    assert page.locator("a[rel=next]").get_attribute("href") == guides[2]
    assert page.locator("a[rel=prev] small").inner_text() == "Guide précédent"
    page.goto(server.url + "fr/asylum/" + guides[0])
    assert page.locator("a[rel=prev]").count() == 0
    page.goto(server.url + "fr/asylum/" + guides[-1])
    assert page.locator("a[rel=next]").count() == 0


def test_long_guide_has_a_contents_list_that_leads_to_each_part(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "en/work-contracts/before-you-sign.html")
    contents = page.locator("nav.contents a")
    headings = page.locator(".prose h2").evaluate_all("hs => hs.map(h => ['#' + h.id, h.textContent])")
    assert len(headings) >= 4
    assert contents.evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent])") \
        == headings
    contents.nth(2).click()
    assert page.evaluate("location.hash") == headings[2][0]


def contrast(first, second):
    """WCAG contrast ratio of two computed colours, 'rgb(r, g, b)'."""
    def luminance(colour):
        def channel(value):
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        r, g, b = (int(part) for part in re.findall(r"\d+", colour)[:3])
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_ring_and_field_borders_stand_out_three_to_one(browser, sample_site, serve, scheme):
    server = serve(sample_site)
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url + "en/search.html")
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    field = page.locator("#q")
    assert contrast(field.evaluate("e => getComputedStyle(e).borderTopColor"), paper) >= 3
    page.keyboard.press("Tab")  # the skip link, then on through the page by keyboard
    while page.evaluate("document.activeElement.id") != "q":
        page.keyboard.press("Tab")
    assert contrast(field.evaluate("e => getComputedStyle(e).outlineColor"), paper) >= 3
    guide = page.locator(".all-guides a").first
    guide.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focused by keyboard, so the ring shows
    assert guide.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert contrast(guide.evaluate("e => getComputedStyle(e).outlineColor"), paper) >= 3
    context.close()


def test_sizes_on_the_offline_page_use_the_digits_of_the_text(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "fa/offline.html")
    wait_until_offline_ready(page)
    page.reload()
    size = page.locator("[data-size=fa]")
    wait_for(page, lambda: size.inner_text() != "")
    assert re.fullmatch(r"[۰-۹٬]+ کیلوبایت", size.inner_text()), size.inner_text()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_kind_of_page_prints_without_search_and_within_the_paper(browser, sample_site,
                                                                        serve, lang):
    server = serve(sample_site)
    width = round((210 - 2 * 14) / 25.4 * 96)  # A4 less the page margins
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    for path in ["index.html", "status.html"] + kinds_of_page(lang):
        open_page(page, server.url + path)
        page.emulate_media(media="print")
        assert page.locator("form.search:visible, .bar:visible, .skip:visible").count() == 0, path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert page.locator("h1").first.is_visible(), path
        page.emulate_media(media="screen")
    context.close()
