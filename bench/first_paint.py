#!/usr/bin/env python3
"""First paint on 2G: how long a reader waits before a guide shows.

Builds the sample site into a temporary folder and serves it gzipped, as a
host would, to Debian's Chromium with emulated 2G (50 KB/s down and up, at
300 ms and at 2,000 ms latency, the browser's cache empty and no service
worker yet: a first visit). It prints the median first contentful paint of
a guide in English and in Arabic, "after" as Waymark builds pages (the first
screen's styles inside the HTML, the rest linked at the end) and "before" as
pages were (the same styles as a stylesheet in the head, which costs a
second round trip before anything shows); and how much of each gzipped
page comes before its first screen's heading ends (aim: within the first
14 KB, what a server sends in its first round trip).

    python bench/first_paint.py [--rounds 3]
"""
import argparse
import gzip
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import re
import statistics
import sys
import tempfile
import threading

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark.build import build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = ("en/asylum/detention.html", "ar/asylum/detention.html")
LATENCIES = (300, 2000)  # ms
THROUGHPUT = 50 * 1024  # bytes per second
BEFORE_CSS = "/__before/first-screen.css"
STYLE = re.compile(r"<style>(.*?)</style>", re.S)
LINK = re.compile(r'\n<link rel="stylesheet" href="[^"]*style\.(?:[0-9a-f]+\.)?css">')


def as_before(html):
    """The page as Waymark built it before: every style in the head's stylesheets."""
    rest = LINK.search(html).group(0)
    html = html.replace(rest, "")
    return STYLE.sub(lambda _: f'<link rel="stylesheet" href="{BEFORE_CSS}">{rest}', html, count=1)


class Handler(SimpleHTTPRequestHandler):
    """The built folder, gzipped; in "before" mode, pages as they were."""

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == BEFORE_CSS:
            body, kind = self.server.first_screen.encode(), "text/css"
        else:
            file = Path(self.directory) / path.lstrip("/")
            if not file.is_file():
                return self.send_error(404)
            body, kind = file.read_bytes(), self.guess_type(str(file))
            if self.server.before and file.suffix == ".html":
                body = as_before(body.decode("utf-8")).encode("utf-8")
        body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def first_paint(browser, url, latency):
    context = browser.new_context(service_workers="block", viewport={"width": 360, "height": 740})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency,
        "downloadThroughput": THROUGHPUT, "uploadThroughput": THROUGHPUT})
    page.goto(url, wait_until="load", timeout=120_000)
    # (The paint may come just after "load", when the last stylesheet held it up.)
    paint = page.evaluate("""() => new Promise((resolve) => new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
    }).observe({type: 'paint', buffered: true}))""")
    context.close()
    return paint


def heading_offset(html):
    """Gzipped bytes of the page up to the end of its first heading."""
    end = html.index("</h1>") + len("</h1>")
    return len(gzip.compress(html[:end].encode("utf-8"), 6))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(ROOT / "content", site, ROOT / "translations", Path(work) / "cache")
        first_screen = STYLE.search((site / PAGES[0]).read_text(encoding="utf-8")).group(1)
        servers = {}
        for mode in ("before", "after"):
            server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
            server.before, server.first_screen = mode == "before", first_screen
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers[mode] = server
        print(f"First contentful paint, median of {args.rounds} (emulated 2G: "
              f"{THROUGHPUT // 1024} KB/s, empty cache):")
        print(f"{'page':28} {'latency':>8} {'before':>9} {'after':>9} {'saved':>8}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path in PAGES:
                for latency in LATENCIES:
                    times = {mode: [] for mode in servers}
                    for _ in range(args.rounds):
                        for mode, server in servers.items():  # alternating
                            url = f"http://127.0.0.1:{server.server_address[1]}/{path}"
                            times[mode].append(first_paint(browser, url, latency))
                    before, after = (statistics.median(times[m]) for m in ("before", "after"))
                    print(f"{path:28} {latency:6} ms {before / 1000:8.2f}s {after / 1000:8.2f}s "
                          f"{(before - after) / 1000:7.2f}s")
            browser.close()
        print("\nGzipped bytes before the end of the first heading (aim: within 14 KB):")
        for path in PAGES:
            html = (site / path).read_text(encoding="utf-8")
            print(f"{path:28} {heading_offset(html) / 1024:5.1f} KB "
                  f"(whole page {len(gzip.compress(html.encode('utf-8'), 6)) / 1024:.1f} KB)")
        for server in servers.values():
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
