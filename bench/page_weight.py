#!/usr/bin/env python3
"""Page weight: what a reader on 2G downloads.

Builds the sample site into a temporary folder, then prints, for the home
page and a guide page in each language, the bytes of the page and of
everything it loads (stylesheet, script, icon, app manifest), raw and
gzipped; and the size of each language's offline precache. Aim: a guide
page with all it loads under 15 KB gzipped.

    python bench/page_weight.py [--content DIR]
"""
import argparse
import gzip
from html.parser import HTMLParser
import json
from pathlib import Path
import posixpath
import sys
import tempfile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark import assets, offline  # noqa: E402
from waymark.build import build  # noqa: E402

BUDGET = 15 * 1024


class Loads(HTMLParser):
    """What a browser fetches to show the page (not the iOS home-screen icon)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.found.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "manifest"):
            self.found.append(a["href"])


def gz(data):
    return len(gzip.compress(data, 9))


def weigh(site, page):
    parser = Loads()
    html = (site / page).read_bytes()
    parser.feed(html.decode("utf-8"))
    files = [page] + [posixpath.normpath(posixpath.join(posixpath.dirname(page), f))
                      for f in parser.found]
    datas = [(site / f).read_bytes() for f in files]
    return sum(map(len, datas)), sum(map(gz, datas)), files


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "dist"
        build(args.content, site, ROOT / "translations")
        langs = sorted(p.parent.name for p in site.glob("*/manifest.webmanifest"))
        print(f"{'page (with all it loads)':48} {'bytes':>8} {'gzipped':>8}")
        worst = (0, "")
        for lang in langs:
            guides = sorted(p.relative_to(site).as_posix() for p in (site / lang).glob("*/*.html")
                            if p.name != "index.html")
            weights = {page: weigh(site, page) for page in guides}
            heaviest = max(weights, key=lambda page: weights[page][1])
            for page in (f"{lang}/index.html", heaviest):
                raw, packed, files = weights.get(page) or weigh(site, page)
                print(f"{page:48} {raw:8,} {packed:8,}")
            worst = max(worst, (weights[heaviest][1], heaviest))
        print(f"  (the heaviest guide of each language; each page also loads "
              f"{', '.join(assets.unhashed(f.split('/', 1)[-1]) for f in files[1:])})")
        shared = [path for path, _ in offline.read_build(site / offline.WORKER)["shared"]]
        print(f"\n{'offline precache (shared files + one language)':48} {'bytes':>8} {'gzipped':>8}")
        for lang in langs:
            own = json.loads((site / lang / offline.LIST).read_bytes())["files"]
            paths = [offline.WORKER, f"{lang}/{offline.LIST}"] + shared + [path for path, _ in own]
            datas = [(site / path).read_bytes() for path in paths]
            print(f"{lang:48} {sum(map(len, datas)):8,} {sum(map(gz, datas)):8,}")
        verdict = "within" if worst[0] <= BUDGET else "OVER"
        print(f"\nHeaviest guide page: {worst[1]}, {worst[0]:,} bytes gzipped, {verdict} the "
              f"{BUDGET:,}-byte budget.")


if __name__ == "__main__":
    main()
