"""A laptop's hotspot (`serve --lan`): the address as a QR code, and every
page offering its language as one file, since no page can be saved there."""
import urllib.error
import urllib.request

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from waymark import hotspot


def test_the_address_is_a_qr_code_for_the_terminal():
    code = hotspot.terminal_code("http://192.0.2.7:8000/")
    lines = code.splitlines()
    assert len(lines) > 10 and all(len(line) == len(lines[0]) for line in lines)
    assert set(code) <= set("█▀▄ \n")


def test_the_laptop_screen_shows_each_address_with_its_code(small_site, serve):
    served = serve(small_site)
    served.server.lan = ["http://192.0.2.7:8000/"]
    with urllib.request.urlopen(served.url + "__waymark/hotspot") as response:
        page = response.read().decode("utf-8")
    assert '<p class="address"><bdi>http://192.0.2.7:8000/</bdi></p>' in page
    assert page.count("<svg") == 1 and "<title>http://192.0.2.7:8000/</title>" in page


def test_only_a_hotspot_server_answers_the_hotspot_page(small_site, serve):
    served = serve(small_site)  # not --lan
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(served.url + "__waymark/hotspot")
    error.value.close()
    assert error.value.code == 404


@pytest.mark.browser
def test_a_phone_on_the_hotspot_is_offered_the_single_file(small_site, serve, playwright_browser):
    # A phone reaches the laptop at a network address: plain http, where no
    # page can be saved. (This Chromium takes the name lan.test for this machine.)
    served = serve(small_site)
    port = served.server.server_address[1]
    page = playwright_browser.new_page()
    page.goto(f"http://lan.test:{port}/es/work/contract.html")
    assert page.evaluate("window.isSecureContext") is False
    offer = page.locator("#lan-file")
    assert offer.is_visible()
    link = offer.locator("a")
    assert link.get_attribute("download") == "Waymark-es.html"
    assert link.get_attribute("href") == "../../downloads/es.html"
    file = page.evaluate("document.querySelector('#lan-file a').href")
    assert file == f"http://lan.test:{port}/downloads/es.html"
    with urllib.request.urlopen(served.url + "downloads/es.html") as response:
        assert response.read() == (small_site / "downloads/es.html").read_bytes()
    # On the laptop itself (localhost can save pages) nothing is offered.
    page.goto(f"http://127.0.0.1:{port}/es/work/contract.html")
    assert offer.is_hidden()
    page.close()


@pytest.fixture
def playwright_browser(browser):
    """A Chromium that resolves lan.test to 127.0.0.1, as a phone resolves the laptop."""
    other = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS + ["--host-resolver-rules=MAP lan.test 127.0.0.1"])
    yield other
    other.close()
