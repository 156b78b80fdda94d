"""Saving the site on the phone: what the build lists for the service worker,
and the reader's story in Chromium when builds change under them, when
several sites share one origin, offline in a language not saved, and when
they remove the site from the phone."""
import hashlib
import json
import shutil

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from helpers import static
from test_browser import kept_languages, wait_for, wait_until_offline_ready
from waymark import offline
from waymark.build import build


def build_data(site):
    return offline.read_build(site / "sw.js")


def lang_list(site, lang):
    return json.loads((site / lang / "offline.json").read_bytes())["files"]


def rev(data):
    return hashlib.sha256(data).hexdigest()[:12]


# --- What the build writes --------------------------------------------------

def test_the_worker_lists_shared_files_and_each_language_lists_its_own(small_site):
    data = build_data(small_site)
    on_disk = {p.relative_to(small_site).as_posix() for p in small_site.rglob("*") if p.is_file()}
    langs = ["en", "ar", "es", "fa"]
    assert list(data["langs"]) == langs and data["default"] == "en"
    assert {p for p, _ in data["shared"]} == {
        "index.html", "status.html", "404.html", *(f"{lang}/not-saved.html" for lang in langs),
        *(p for p in on_disk if p.startswith("static/") and "/stem-" not in p
          and p != static(small_site, "first-screen.css"))}  # inside every page already
    for lang in langs:
        files = {p for p, _ in lang_list(small_site, lang)}
        stemmer = {"en": "en", "es": "es", "ar": "ar", "fa": "fa"}[lang]
        assert files == {p for p in on_disk if p.startswith(f"{lang}/")} - {
            f"{lang}/offline.json", f"{lang}/not-saved.html"} | (
            {static(small_site, f"search/stem-{stemmer}.js")} if stemmer else set())


def test_every_listed_revision_is_the_hash_of_the_built_file(small_site):
    data = build_data(small_site)
    for path, revision in data["shared"]:
        assert revision == rev((small_site / path).read_bytes()), path
    for lang, (list_revision, size) in data["langs"].items():
        assert list_revision == rev((small_site / lang / "offline.json").read_bytes())
        files = lang_list(small_site, lang)
        assert size == sum((small_site / p).stat().st_size for p, _ in files) + (
            small_site / lang / "offline.json").stat().st_size
        for path, revision in files:
            assert revision == rev((small_site / path).read_bytes()), path


def test_the_worker_does_not_carry_the_languages_files(small_site):
    code = (small_site / "sw.js").read_text(encoding="utf-8")
    assert "work/hours.html" not in code and "search-index.js" not in code
    assert "es/not-saved.html" in code
    # Its comments stay in site/sw.js; the phone gets the code.
    assert not [line for line in code.splitlines() if line.lstrip().startswith("//")]


def test_listed_files_names_everything_a_build_listed(small_site):
    on_disk = {p.relative_to(small_site).as_posix() for p in small_site.rglob("*") if p.is_file()}
    assert offline.listed_files(small_site) == on_disk
    assert {"sw.js", "es/offline.json", "es/not-saved.html"} <= offline.listed_files(small_site)


def test_listed_files_reads_a_worker_from_before_per_language_lists(tmp_path):
    (tmp_path / "sw.js").write_text(
        'const BUILD = {"version":"1","default":"en","files":{"":[["index.html","a1"]],'
        '"en":[["en/index.html","b2"]]},"sizes":{"en":3}};\nconst FILES = 1;\n', encoding="utf-8")
    assert offline.listed_files(tmp_path) == {"sw.js", "index.html", "en/index.html"}
    assert offline.listed_files(tmp_path / "nothing-here") == set()


# --- In the browser -----------------------------------------------------------

def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def cached_entries(page, scope):
    """[key URL, SHA-256 prefix of the body] for everything this site's worker stored."""
    return page.evaluate("""async (scope) => {
        const cache = await caches.open('waymark ' + scope);
        const found = [];
        for (const request of await cache.keys()) {
            const body = await (await cache.match(request)).arrayBuffer();
            const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
            found.push([request.url, Array.from(digest.slice(0, 6),
                        (b) => b.toString(16).padStart(2, '0')).join('')]);
        }
        return found;
    }""", scope)


def saved_by_this_build(page):
    """The languages the worker that controls the page has saved."""
    return page.evaluate("""() => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.saved);
        navigator.serviceWorker.controller.postMessage({type: 'status'}, [channel.port2]);
    })""")


def assert_every_body_matches_its_revision(page, scope):
    entries = cached_entries(page, scope)
    assert entries
    for key, digest in entries:
        if "?rev=" in key:
            assert key.endswith("?rev=" + digest), key


def revision_offline(page, url):
    """The revision of what the worker answers for `url` to a page it controls."""
    return page.evaluate("""async (url) => {
        const response = await fetch(url).catch((error) => null);
        if (!response) return 'not answered';
        const body = await response.arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
        return Array.from(digest.slice(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
    }""", url)


@pytest.mark.browser
def test_a_newer_build_on_the_server_never_mixes_into_the_saved_one(context, content, tmp_path, serve):
    output = tmp_path / "dist"
    build(content, output, ROOT / "translations")
    old = tmp_path / "old"
    shutil.copytree(output, old)
    server = serve(output)
    page = context.new_page()
    page.goto(server.url + "en/work/hours.html")
    wait_until_offline_ready(page)
    assert kept_languages(page, server.url) == ["en"]

    # A newer build is published before the reader accepts any update...
    edit(content / "en/work/hours.md", "title: Working hours", "title: Hours of work")
    edit(content / "es/work/contract.md", "title: Tu contrato", "title: Tu contrato de trabajo")
    build(content, output, ROOT / "translations")
    # ...and the reader opens another language.
    page.goto(server.url + "es/work/contract.html")
    retried = "/es/offline.json?rev=" + build_data(old)["langs"]["es"][0]
    wait_for(page, "navigator.serviceWorker.getRegistration().then(r => !!r.waiting)")
    wait_for(page, lambda: retried in server.requests or "es" in saved_by_this_build(page))
    assert saved_by_this_build(page) == ["en"]
    assert_every_body_matches_its_revision(page, server.url)

    context.set_offline(True)
    page.goto(server.url + "en/index.html")
    for path, _ in build_data(old)["shared"] + lang_list(old, "en"):
        assert revision_offline(page, server.url + path) == rev((old / path).read_bytes()), path
    page.goto(server.url + "en/work/hours.html")
    assert page.locator("h1").inner_text() == "Working hours"
    # Spanish is not saved by the old build: it says so, from the old build.
    response = page.goto(server.url + "es/work/contract.html")
    assert page.url == server.url + "es/not-saved.html"
    assert response.body() == (old / "es/not-saved.html").read_bytes()


@pytest.mark.browser
def test_a_file_that_is_not_its_listed_revision_is_never_stored(context, small_site, tmp_path, serve):
    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    server = serve(site)
    page = context.new_page()
    page.goto(server.url + "en/index.html")
    wait_until_offline_ready(page)

    # A server halfway through publishing: one Spanish page differs from the list.
    contract = site / "es/work/contract.html"
    good = contract.read_text(encoding="utf-8")
    contract.write_text(good.replace("<h1>Tu contrato</h1>", "<h1>Half published</h1>"),
                        encoding="utf-8")
    page.goto(server.url + "es/index.html")
    wait_for(page, lambda: "/es/work/contract.html?rev=" in " ".join(server.requests)
             or "es" in saved_by_this_build(page))
    page.wait_for_timeout(500)  # the other files of the list, fetched meanwhile
    assert saved_by_this_build(page) == ["en"]
    assert "es" not in kept_languages(page, server.url)
    assert_every_body_matches_its_revision(page, server.url)

    # Later the server is whole again; the next visit saves Spanish.
    contract.write_text(good, encoding="utf-8")
    page.goto(server.url + "es/work/index.html")
    wait_for(page, lambda: "es" in kept_languages(page, server.url))
    context.set_offline(True)
    page.goto(server.url + "es/work/contract.html")
    assert page.locator("h1").inner_text() == "Tu contrato"


@pytest.mark.browser
def test_update_now_in_a_tab_opened_on_the_first_visit_updates_every_tab(context, content, tmp_path, serve):
    output = tmp_path / "dist"
    build(content, output, ROOT / "translations")
    server = serve(output)
    first = context.new_page()
    first.goto(server.url + "en/work/hours.html")  # the very first visit: no worker yet
    wait_until_offline_ready(first)
    second = context.new_page()
    second.goto(server.url + "en/index.html")

    edit(content / "en/work/hours.md", "title: Working hours", "title: Hours of work")
    build(content, output, ROOT / "translations")
    # The browser looks for a new worker now and then (on navigations, at
    # most daily); ask it to, until it has found and installed this build's.
    wait_for(first, lambda: first.evaluate("""navigator.serviceWorker.getRegistration()
        .then(r => r.waiting ? true : r.update().then(() => false))"""))
    for tab in (first, second):
        tab.locator("#update").wait_for(state="visible", timeout=15_000)
    assert first.locator("h1").inner_text() == "Working hours"

    first.get_by_role("button", name="Update now").click()
    expect(first.locator("h1")).to_have_text("Hours of work")
    expect(second.locator("main")).to_contain_text("Hours of work")
    for tab in (first, second):
        expect(tab.locator("#update")).to_be_hidden()
    # What the tab loads from now on is from the new build too.
    index = first.evaluate("fetch('../search-index.js').then(r => r.text())")
    assert index == (output / "en/search-index.js").read_text(encoding="utf-8")


def two_sites(tmp_path, small_site):
    """One origin serving two builds, under /a/ and /b/ (as project sites on
    one host do)."""
    root = tmp_path / "origin"
    for name in ("a", "b"):
        shutil.copytree(small_site, root / name)
    return root


def cache_names(page):
    return page.evaluate("caches.keys()")


ANOTHER_APP = """async () => {
    const cache = await caches.open('another-app');
    await cache.put('/another-app/data', new Response('keep me'));
}"""
ANOTHER_APPS_DATA = """async () => {
    const hit = await caches.match('/another-app/data', {cacheName: 'another-app'});
    return hit ? hit.text() : null;
}"""


@pytest.mark.browser
def test_two_sites_and_another_apps_cache_on_one_origin_all_survive(context, small_site, tmp_path, serve):
    server = serve(two_sites(tmp_path, small_site))
    page = context.new_page()
    page.goto(server.url + "a/en/index.html")
    page.evaluate(ANOTHER_APP)
    wait_until_offline_ready(page)
    page.goto(server.url + "b/es/index.html")
    wait_until_offline_ready(page)

    assert sorted(cache_names(page)) == sorted([
        "another-app", f"waymark {server.url}a/", f"waymark {server.url}b/"])
    assert page.evaluate(ANOTHER_APPS_DATA) == "keep me"
    context.set_offline(True)
    page.goto(server.url + "a/en/work/hours.html")
    assert page.locator("h1").inner_text() == "Working hours"
    page.goto(server.url + "b/es/work/contract.html")
    assert page.locator("h1").inner_text() == "Tu contrato"


@pytest.mark.browser
def test_a_language_not_saved_answers_offline_in_that_language(context, small_site, serve):
    server = serve(small_site)
    page = context.new_page()
    page.goto(server.url + "en/work/hours.html")
    wait_until_offline_ready(page)

    context.set_offline(True)
    page.goto(server.url + "es/work/contract.html")
    assert page.url == server.url + "es/not-saved.html"
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["es", "ltr"]
    assert page.locator("h1").inner_text() == "Todavía no está guardado en este teléfono"
    saved = page.locator("#saved-langs li:visible a")
    saved.first.wait_for()
    assert saved.all_inner_texts() == ["English"]
    saved.first.click()
    assert page.url == server.url + "en/index.html"
    assert page.locator("h1").count() == 1

    page.goto(server.url + "ar/work/index.html")
    assert page.url == server.url + "ar/not-saved.html"
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("h1").inner_text() == "لم يُحفظ على هذا الهاتف بعد"


def saved_marks(page):
    """The languages the menus mark as saved on this phone, with the mark's text."""
    return page.eval_on_selector_all(
        ".saved", "els => els.map(e => [e.parentNode.querySelector('a').hreflang, e.textContent])")


@pytest.mark.browser
def test_the_language_menu_marks_the_languages_saved_on_this_phone(context, small_site, serve):
    server = serve(small_site)
    page = context.new_page()
    page.goto(server.url + "ar/work/index.html")
    wait_until_offline_ready(page)
    wait_for(page, lambda: saved_marks(page) == [["ar", "محفوظة على هذا الهاتف"]])

    page.goto(server.url + "es/work/index.html")  # opening a language saves it
    wait_for(page, lambda: "es" in kept_languages(page, server.url))
    page.reload()
    wait_for(page, lambda: sorted(saved_marks(page)) == [
        ["ar", "guardado en este teléfono"], ["es", "guardado en este teléfono"]])
    page.goto(server.url)  # the language chooser marks them too
    wait_for(page, lambda: sorted(m[0] for m in saved_marks(page)) == ["ar", "es"])


COUNT_PERSIST = """
    window.persistAsked = 0;
    const ask = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () { window.persistAsked++; return ask.call(this); };
"""


def grant_persistent_storage(browser, page, origin):
    target = page.context.new_cdp_session(page).send("Target.getTargetInfo")["targetInfo"]
    browser.new_browser_cdp_session().send("Browser.setPermission", {
        "permission": {"name": "persistent-storage"}, "setting": "granted",
        "origin": origin, "browserContextId": target["browserContextId"]})


@pytest.mark.browser
def test_after_the_first_save_the_site_asks_to_be_kept_and_says_whether_it_is(
        browser, context, small_site, serve):
    server = serve(small_site)
    context.add_init_script(COUNT_PERSIST)
    page = context.new_page()
    page.goto(server.url + "en/offline.html")
    assert page.evaluate("window.persistAsked") == 0
    wait_until_offline_ready(page)
    wait_for(page, "window.persistAsked === 1")
    protected = page.locator("#keep-protected")
    expect(protected).to_have_text("The browser may delete this copy if the phone runs low on "
                                   "space. Adding the site to your home screen can help keep it.")
    assert page.evaluate("navigator.storage.persisted()") is False

    grant_persistent_storage(browser, page, server.url.rstrip("/"))
    page.goto(server.url + "es/offline.html")
    expect(protected).to_have_text("Esta copia está protegida: el navegador no la borrará "
                                   "para liberar espacio.")
    assert page.evaluate("window.persistAsked") == 0  # asked once, after the first save


@pytest.mark.browser
def test_reader_can_remove_the_site_from_the_phone(context, small_site, tmp_path, serve):
    server = serve(two_sites(tmp_path, small_site))
    page = context.new_page()
    page.goto(server.url + "b/en/index.html")
    wait_until_offline_ready(page)
    page.goto(server.url + "a/en/offline.html")
    page.evaluate(ANOTHER_APP)
    wait_until_offline_ready(page)
    assert page.evaluate("localStorage.getItem('waymark-lang')") == "en"

    remove = page.get_by_role("button", name="Remove this site from this phone")
    remove.click()  # a second step in the page, which the reader can still leave
    expect(page.locator("#forget-confirm")).to_contain_text(
        "This deletes the saved guides and your language choice from this phone.")
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("#forget-confirm")).to_be_hidden()
    assert f"waymark {server.url}a/" in cache_names(page)

    remove.click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.locator("#forget-status")).to_have_text(
        "Removed. Your browser’s history may still show the pages you opened; you can delete it "
        "in the browser’s settings.")
    assert sorted(cache_names(page)) == ["another-app", f"waymark {server.url}b/"]
    assert page.evaluate(ANOTHER_APPS_DATA) == "keep me"
    assert page.evaluate("localStorage.getItem('waymark-lang')") is None
    page.goto(server.url + "a/en/work/hours.html")
    page.wait_for_timeout(500)
    assert page.evaluate("navigator.serviceWorker.getRegistration()."
                         "then(r => r ? r.scope : null)") is None
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert sorted(cache_names(page)) == ["another-app", f"waymark {server.url}b/"]


LEGACY_CACHES = """async (origin) => {
    // What workers before scope-named caches left: every site in two caches.
    const files = await caches.open('waymark-files');
    await files.put(origin + 'a/en/index.html?rev=0123456789ab', new Response('old a'));
    await files.put(origin + 'c/en/index.html?rev=0123456789ab', new Response('old c'));
    const settings = await caches.open('waymark-settings');
    await settings.put(origin + 'a/__waymark/settings', new Response('{"kept": ["es"]}'));
}"""
LEGACY_LEFT = """async () => {
    const left = {};
    for (const name of ['waymark-files', 'waymark-settings']) {
        if (await caches.has(name)) {
            left[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
        }
    }
    return left;
}"""


@pytest.mark.browser
def test_a_reader_of_an_earlier_version_keeps_their_languages_and_nothing_else_is_lost(
        context, small_site, tmp_path, serve):
    server = serve(two_sites(tmp_path, small_site))  # and a site c/ not upgraded yet
    page = context.new_page()
    page.goto(server.url + "b/en/help/index.html")
    page.evaluate(LEGACY_CACHES, server.url)
    page.goto(server.url + "a/en/index.html")
    wait_until_offline_ready(page)

    assert sorted(saved_by_this_build(page)) == ["en", "es"]
    assert page.evaluate(LEGACY_LEFT) == {
        "waymark-files": [server.url + "c/en/index.html?rev=0123456789ab"]}
    context.set_offline(True)
    page.goto(server.url + "a/es/work/contract.html")
    assert page.locator("h1").inner_text() == "Tu contrato"
