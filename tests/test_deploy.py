"""The documented deploys, tried: the nginx configuration serves a build
under a sub-path (offline saving included), and the Netlify and GitHub
Pages files say what the deploy guide says."""
import getpass
from pathlib import Path
import re
import shutil
import socket
import subprocess
import time
import tomllib
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
import yaml

from conftest import ROOT
from helpers import static
from test_browser import wait_until_offline_ready
from waymark.headers import CACHE_HASHED, CACHE_OTHERS, SECURITY_HEADERS

DOCS = ROOT / "docs"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def documented_headers():
    """The security headers, as the table in docs/deploy.md lists them."""
    table = (DOCS / "deploy.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([\w-]+)` \| `(.+)` \|$", table, flags=re.M))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(sample_site, tmp_path):
    """Debian's nginx with docs/deploy/nginx.conf, serving the sample build
    at http://127.0.0.1:<port>/guides/."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: install Debian's nginx-light (.ci/run does this)")
    location = (DOCS / "deploy/nginx.conf").read_text().replace("/srv/waymark/dist/",
                                                                f"{sample_site}/")
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""
        daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;
        user {getpass.getuser()};  # (pytest's folders are readable by their owner only)
        events {{}}
        http {{
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path};
            fastcgi_temp_path {tmp_path}; uwsgi_temp_path {tmp_path}; scgi_temp_path {tmp_path};
            server {{ listen 127.0.0.1:{port}; {location} }}
        }}""")
    process = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(conf)],
                               stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/guides/"
    try:
        wait_for_server(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


def wait_for_server(url, process, seconds=10):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urlopen(url).close()
            return
        except HTTPError as error:  # it answers, if not with a page
            error.close()
            return
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)


def test_the_deploy_guide_lists_the_headers_waymark_serve_sends():
    assert documented_headers() == SECURITY_HEADERS


def test_nginx_config_sends_the_documented_headers_and_the_404_page(nginx, sample_site):
    for path in ("", "sw.js", "en/index.html", static(sample_site, "style.css"),
                 static(sample_site, "icons/icon-192.png")):
        with urlopen(nginx + path) as response:
            for name, value in documented_headers().items():
                assert response.headers[name] == value, (path, name)
    types = {"sw.js": "application/javascript", "en/manifest.webmanifest": "application/manifest+json",
             "en/index.html": "text/html", static(sample_site, "style.css"): "text/css"}
    for path, wanted in types.items():
        with urlopen(nginx + path) as response:
            assert response.headers["Content-Type"] == wanted, path
    with pytest.raises(HTTPError) as missing:
        urlopen(nginx + "en/no-such-guide.html")
    assert missing.value.code == 404
    assert "<h1>Page not found</h1>" in missing.value.read().decode()


def test_nginx_keeps_hashed_files_for_a_year_and_asks_again_for_the_rest(nginx, sample_site):
    # What a deployer checks with curl -I: the stylesheet, scripts, stemmers
    # and icons (their names change with their content) are kept for a year;
    # the pages, the worker and its lists, the manifests and the search
    # indexes are asked for again every time.
    for name in ("style.css", "waymark.js", "keep.js", "search/search.js",
                 "search/stem-fa.js", "icons/icon-192.png", "icons/icon.svg"):
        with urlopen(nginx + static(sample_site, name)) as response:
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", name
    for path in ("", "index.html", "sw.js", "en/index.html", "en/offline.json",
                 "en/manifest.webmanifest", "en/search-index.js", "en/search-text.js",
                 "downloads/en.html", "404.html"):
        with urlopen(nginx + path) as response:
            assert response.headers["Cache-Control"] == "no-cache", path
    # A file that is not there (yet) is not kept: its answer is the 404 page.
    with pytest.raises(HTTPError) as missing:
        urlopen(nginx + "static/style.00000000.css")
    assert missing.value.code == 404 and missing.value.headers["Cache-Control"] == "no-cache"
    missing.value.close()
    assert (CACHE_HASHED, CACHE_OTHERS) == ("public, max-age=31536000, immutable", "no-cache")


def test_a_site_under_a_sub_path_saves_itself_for_offline_reading(nginx, context):
    page = context.new_page()
    page.goto(nginx + "en/index.html")
    wait_until_offline_ready(page)
    context.set_offline(True)
    page.goto(nginx + "en/asylum/asking-for-asylum.html")  # never visited
    assert page.locator("h1").inner_text() == "How to ask for asylum"


def test_netlify_file_sends_the_documented_headers():
    netlify = tomllib.loads((DOCS / "deploy/netlify.toml").read_text())
    assert netlify["build"]["publish"] == "dist" and "waymark build" in netlify["build"]["command"]
    everything = next(h for h in netlify["headers"] if h["for"] == "/*")["values"]
    assert everything == documented_headers()  # and Netlify's own Cache-Control: revalidate
    hashed = next(h for h in netlify["headers"] if h["for"] == "/static/*")["values"]
    assert hashed == {"Cache-Control": "public, max-age=31536000, immutable"}
    assert len(netlify["headers"]) == 2


def test_github_pages_workflow_builds_checks_and_publishes_dist():
    workflow = yaml.safe_load((DOCS / "deploy/github-pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run") for step in steps if "run" in step]
    assert commands == ["python -m pip install waymark-guides", "waymark check", "waymark build"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "dist"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
