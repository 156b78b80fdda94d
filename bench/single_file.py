#!/usr/bin/env python3
"""Passing it on: the single file per language and the Kiwix books, in bytes.

Builds the sample site into a temporary folder and prints each language's
single file (`downloads/<lang>.html`, raw and gzipped, against the budget of
150 KB gzipped) and Kiwix book (ZIM). Then builds English-only sites of
generated guides (made of the sample guides' own sentences, 30 sentences
each) to show how the single file grows with guides.

    python bench/single_file.py [--guides 50,100,200]
"""
import argparse
import gzip
import json
from pathlib import Path
import random
import re
import shutil
import sys
import tempfile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark import single, zim  # noqa: E402
from waymark.build import build  # noqa: E402
from waymark.errors import Problems  # noqa: E402

BUDGET = 150 * 1024


def gz(data):
    return len(gzip.compress(data, 9))


def kb(size):
    return f"{size / 1024:7.1f} KB"


def sample(work):
    output = work / "sample"
    build(ROOT / "content", output, ROOT / "translations", work / "cache")
    problems = Problems()
    site, app = single.built_app(ROOT / "content", ROOT / "translations", problems)
    books = {book.code: book.path for book in
             zim.write_all(app, site, output, work / "books", problems, everything=True)}
    guides = sum(len(section.guides) for section in site.sections) + len(site.pages)
    print(f"Sample guides ({guides} guides and pages per language):")
    print(f"{'language':10} {'single file':>12} {'gzipped':>11} {'budget':>7} {'ZIM':>11}")
    for lang in site.languages:
        data = (output / f"downloads/{lang.code}.html").read_bytes()
        print(f"{lang.code:10} {kb(len(data))} {kb(gz(data))} {gz(data) / BUDGET:6.0%} "
              f"{kb(books[lang.code].stat().st_size)}")
    print(f"{'all':10} {'':>12} {'':>11} {'':>7} {kb(books[''].stat().st_size)}")


def generated(work, counts, seed=7):
    """English-only sites of `count` generated guides: the single file's size."""
    sentences = []
    for file in sorted((ROOT / "content/en").rglob("*.md")):
        body = file.read_text(encoding="utf-8").split("---", 2)[2]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", body)
                      if len(s.split()) > 3 and not s.lstrip().startswith(("#", "!", "|", "["))
                      and "](" not in s]
    print("\nGenerated English guides (30 sentences each, ten sections):")
    print(f"{'guides':>7} {'single file':>12} {'gzipped':>11} {'per guide':>10} {'budget':>7}")
    for count in counts:
        rng = random.Random(seed)
        content = work / f"generated-{count}/content"
        shutil.rmtree(content.parent, ignore_errors=True)
        for section in range(10):
            folder = content / "en" / f"section-{section}"
            folder.mkdir(parents=True)
            (folder / "_index.md").write_text(f"---\ntitle: Section {section}\n---\n")
        for number in range(count):
            body = rng.sample(sentences, 30)
            text = "\n\n".join(" ".join(body[i:i + 5]) for i in range(0, 30, 5))
            (content / "en" / f"section-{number % 10}" / f"guide-{number}.md").write_text(
                f"---\ntitle: {json.dumps(' '.join(body[0].split()[:5]) + f' {number}')}\n"
                f"summary: {json.dumps(body[1])}\n"
                f"reviewed: 2026-11-01\norder: {number}\n---\n## What to do\n\n{text}\n",
                encoding="utf-8")
        output = content.parent / "dist"
        build(content, output, ROOT / "translations", content.parent / "cache")
        data = (output / "downloads/en.html").read_bytes()
        print(f"{count:7} {kb(len(data))} {kb(gz(data))} {gz(data) / count / 1024:7.2f} KB "
              f"{gz(data) / BUDGET:6.0%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guides", default="50,100,200",
                        help="how many generated guides to build, comma-separated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sample(work)
        generated(work, [int(n) for n in args.guides.split(",")])


if __name__ == "__main__":
    main()
