"""The search page in a real browser: no dead ends, words that are not all in
one guide, a page without JavaScript, and the index and stemmer arriving
together on a slow line."""
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from helpers import served_hits
from test_browser import hits
from waymark import assets

pytestmark = pytest.mark.browser


def first_list_of_links(page):
    """The first ordered list of links in <main>: the results, as tools read them."""
    return page.evaluate("""() => {
        const list = document.querySelector('main ol');
        return list ? Array.from(list.querySelectorAll('a')).map(a => a.getAttribute('href')) : [];
    }""")


def test_a_question_with_words_no_guide_has_all_of_still_finds_guides(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "en/search.html?q=" + quote("my boss in qatar took my passport yesterday"))
    assert hits(page)[0] == "work-contracts/your-passport.html"
    assert first_list_of_links(page) == hits(page)
    assert page.locator("#all-guides").is_hidden()


def test_no_match_shows_every_guide_by_section_and_the_way_to_help(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "fr/search.html?q=" + quote("xqzvw"))
    page.locator("#results .count").wait_for()
    assert page.locator("#results .count").inner_text() == (
        "Aucun guide trouvé pour «\u00a0xqzvw\u00a0».")
    assert first_list_of_links(page) == []  # no results: the guides are not an ordered list
    assert page.locator("#all-guides").is_visible()
    sections = len(list((sample_site / "fr").glob("*/index.html")))
    assert page.locator("#all-guides h3").count() == sections
    help_link = page.locator("#all-guides .get-help a")
    assert help_link.get_attribute("href") == "getting-help.html"
    help_link.click()
    assert page.url.endswith("fr/getting-help.html")


def test_did_you_mean_only_when_the_correction_finds_guides(context, sample_site, serve):
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "es/search.html?q=" + quote("pasaprote"))
    suggestion = page.locator(".suggest a")
    suggestion.wait_for()
    assert suggestion.inner_text() == "pasaporte"
    assert hits(page)[0] == "work-contracts/your-passport.html"
    page.goto(server.url + "es/search.html?q=" + quote("xqzvw"))
    page.locator("#results .count").wait_for()
    assert page.locator(".suggest").count() == 0


def test_without_javascript_the_page_says_so_in_the_readers_language(browser, sample_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((sample_site / "uk/search.html").as_uri())
    assert page.locator("noscript p, p.notice").first.inner_text() == (
        "Результати під час введення потребують JavaScript, а його вимкнено в цьому браузері. "
        "Усі посібники — нижче.")
    assert page.locator("#all-guides").is_visible()
    assert page.locator("#all-guides li a").count() >= 19
    context.close()


def test_results_carry_no_list_numbers_in_persian_either(context, sample_site, serve):
    # Persian numbers a guide's steps in its own digits; the results list has
    # no numbers, and they would stick out past the page's edge.
    server = serve(sample_site)
    page = context.new_page()
    for lang, question in (("fa", "پاسپورت"), ("en", "passport")):
        page.goto(server.url + f"{lang}/search.html?q=" + quote(question))
        assert hits(page)
        assert page.eval_on_selector("ol.hits", "o => getComputedStyle(o).listStyleType") == "none"


def test_the_index_and_its_stemmer_load_together(context, sample_site, serve):
    # On 2G every round trip costs seconds: the stemmer must not wait for the index.
    server = serve(sample_site)
    page = context.new_page()
    page.goto(server.url + "fa/search.html?q=" + quote("پاسپورت"))
    assert hits(page)[0] == "work-contracts/your-passport.html"
    timing = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('resource')
        .filter(e => /search-index|stem-fa/.test(e.name))
        .map(e => [e.name.split('/').pop(), [e.startTime, e.responseEnd]]))""")
    timing = {assets.unhashed(name): times for name, times in timing.items()}
    assert set(timing) == {"search-index.js", "stem-fa.js"}
    assert timing["stem-fa.js"][0] < timing["search-index.js"][1]  # asked before the index came


def test_preview_server_answers_in_the_browsers_order(context, sample_site, serve):
    server = serve(sample_site, index_dir=sample_site.parent / "cache/search")
    question = quote("мені не платять зарплату")
    with urlopen(server.url + "uk/search.html?q=" + question) as response:
        html = response.read().decode("utf-8")
    assert html.index('<ol class="hits">') < html.index('id="all-guides"')
    served = served_hits(html)
    page = context.new_page()
    page.goto(server.url + "uk/search.html?q=" + question)
    page.locator(".hits li").first.wait_for()
    assert served == hits(page)
