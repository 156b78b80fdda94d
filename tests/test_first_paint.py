"""The first screen on a slow line: every page carries the styles its first
screen needs, allowed by its policy through their hash, and the rest of the
styles never hold up the paint."""
import base64
import hashlib
import re

import pytest

from helpers import static
from test_browser import BRAND, bar_colour
from waymark import assets


def policy(html):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    return dict(part.strip().split(" ", 1) for part in csp.split(";"))


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def built_pages(site):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith("downloads/"):  # the single files have their own styles
            yield rel, path.read_text(encoding="utf-8")


def test_every_page_carries_its_first_screen_styles_allowed_by_their_hash(small_site):
    expected = (small_site / static(small_site, "first-screen.css")).read_text(encoding="utf-8")
    pages = list(built_pages(small_site))
    assert len(pages) > 20
    for rel, html in pages:
        styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
        assert styles == [expected], rel
        allowed = policy(html)["style-src"].split()
        assert allowed == ["'self'", sha256(expected)], rel  # never 'unsafe-inline'


def test_no_stylesheet_holds_up_the_first_screen(small_site):
    for rel, html in built_pages(small_site):
        head, body = html.split("</head>", 1)
        assert "stylesheet" not in head, rel
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', body)
        assert [link.rsplit("/", 1)[-1] for link in links] == [
            static(small_site, "style.css").rsplit("/", 1)[-1]], rel
        assert body.index("stylesheet") > body.index("</footer>"), rel  # after all there is to read


def test_the_styles_lose_their_comments_but_never_a_string():
    css = 'a::after { content: "/* kept */"; }  /* why: dropped */\n\n  b { color: red; }\n'
    assert assets.without_css_comments(css) == 'a::after { content: "/* kept */"; }\nb { color: red; }\n'


@pytest.mark.browser
def test_a_guide_is_styled_before_its_stylesheet_arrives(context, small_site, serve):
    # On 2G the rest of the styles come a round trip later, or not at all.
    server = serve(small_site)
    page = context.new_page()
    problems = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.route("**/style.*.css", lambda route: route.abort())
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(server.url + "ar/work/contract.html")
    assert [url.rsplit("/", 1)[-1] for url in failed] == [static(small_site, "style.css").rsplit("/", 1)[-1]]
    assert bar_colour(page) == BRAND
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    search = page.locator(".search button").bounding_box()
    assert search["height"] >= 44  # still big enough to tap
    assert not [p for p in problems if "Content Security Policy" in p], problems
