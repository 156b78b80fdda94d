#!/usr/bin/env python3
"""Worker size: what a first visitor downloads to save the site, as
languages are added.

Builds the sample guides with 1 language and with 15 (the shipped
translations, then copies of the Spanish folder under other language codes,
in a temporary folder), and prints the size of `sw.js`, of each language's
list (`<lang>/offline.json`), and what saving one language costs in lists: the
worker plus that language's list. For comparison it also prints what the
worker would weigh if it carried every language's list itself, as it did
before per-language lists. Aim: the worker does not grow with the languages'
files, only by one short entry per language.

    python bench/worker_size.py [--content DIR]
"""
import argparse
import gzip
from pathlib import Path
import shutil
import statistics
import sys
import tempfile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark import offline  # noqa: E402
from waymark.build import build  # noqa: E402

# Codes Babel knows, beyond the shipped translations, to reach 15 languages.
EXTRA = ["de", "it", "pt", "ru", "tr", "pl", "nl", "sw", "ro"]


def gz(data):
    return len(gzip.compress(data, 9))


def content_with(source, count, into):
    """A content folder with `count` languages: the default, the shipped
    translations, then copies of a translation under other codes."""
    into.mkdir()
    for extra in source.iterdir():
        if extra.is_file():
            shutil.copy(extra, into / extra.name)
    shipped = sorted(p.name for p in source.iterdir() if p.is_dir() and p.name != "en")
    codes = ["en"] + shipped + EXTRA
    if count > len(codes):
        sys.exit(f"only {len(codes)} language codes to hand")
    for code in codes[:count]:
        original = code if (source / code).is_dir() else "es"
        shutil.copytree(source / original, into / code)
    return codes[:count]


def measure(site):
    worker = (site / offline.WORKER).read_bytes()
    data = offline.read_build(site / offline.WORKER)
    lists = {code: (site / code / offline.LIST).read_bytes() for code in data["langs"]}
    # The worker as it was before: every language's files listed inside it.
    inline = worker + b"".join(lists.values())
    return worker, lists, len(data["shared"]), inline


def report(count, codes, site):
    worker, lists, shared, inline = measure(site)
    sizes = [(len(b), gz(b)) for b in lists.values()]
    median = (statistics.median(s[0] for s in sizes), statistics.median(s[1] for s in sizes))
    largest = max(lists, key=lambda code: len(lists[code]))
    print(f"\n{count} language{'s' * (count > 1)} ({', '.join(codes)}); "
          f"{shared} shared files listed in sw.js")
    print(f"  {'sw.js':44} {len(worker):8,} {gz(worker):8,}")
    print(f"  {'one language list, median':44} {median[0]:8,.0f} {median[1]:8,.0f}")
    print(f"  {'one language list, largest (' + largest + ')':44} "
          f"{len(lists[largest]):8,} {gz(lists[largest]):8,}")
    first = worker + lists["en"]
    print(f"  {'first visit: sw.js + en/offline.json':44} {len(first):8,} "
          f"{gz(worker) + gz(lists['en']):8,}")
    print(f"  {'(every list inside sw.js, as before)':44} {len(inline):8,} {gz(inline):8,}")
    return gz(worker)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    print(f"  {'':44} {'bytes':>8} {'gzipped':>8}")
    workers = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1, 15):
            content = Path(tmp) / f"content-{count}"
            codes = content_with(args.content, count, content)
            site = Path(tmp) / f"dist-{count}"
            build(content, site, ROOT / "translations")
            workers[count] = report(count, codes, site)
    grown = workers[15] - workers[1]
    print(f"\nFrom 1 to 15 languages sw.js grows by {grown:,} bytes gzipped, "
          f"{grown / 14:,.0f} per language.")


if __name__ == "__main__":
    main()
