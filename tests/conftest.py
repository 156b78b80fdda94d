"""Shared fixtures: content trees, one build of each site per session, a
local server and Debian's Chromium through Playwright."""
from pathlib import Path
import shutil
import threading

import pytest

from waymark.build import build
from waymark.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def content(tmp_path):
    """A copy of the small test site, to break as each test needs."""
    target = tmp_path / "content"
    shutil.copytree(DATA / "site", target)
    return target


@pytest.fixture(scope="session")
def small_site(tmp_path_factory):
    """The small test site, built once."""
    output = tmp_path_factory.mktemp("small") / "dist"
    build(DATA / "site", output, ROOT / "translations", output.parent / "cache")
    return output


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample guides the README's quick start builds, built once."""
    output = tmp_path_factory.mktemp("sample") / "dist"
    result = build(ROOT / "content", output, ROOT / "translations", output.parent / "cache")
    assert not result.problems.items, [str(p) for p in result.problems.items]
    return output


class Served:
    def __init__(self, folder, index_dir=None):
        self.server = make_server(folder, "127.0.0.1", 0, index_dir=index_dir)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.requests = self.server.requests
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def serve():
    """serve(folder) -> a running server on 127.0.0.1 (.url, .requests)."""
    servers = []

    def start(folder, index_dir=None):
        servers.append(Served(folder, index_dir))
        return servers[-1]

    yield start
    for served in servers:
        served.close()


@pytest.fixture(scope="session")
def browser():
    # A missing browser is a failure, never a skip: CI must prove the offline story.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package "
                    f"(.ci/run does this)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile at phone size: no cache, no service worker."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    yield ctx
    ctx.close()
