#!/usr/bin/env python3
"""The worst a guide can do to the build: render time at Waymark's limits.

Python-Markdown slows down steeply on some shapes (deep nesting, unclosed
`[` in a paragraph, many abbreviations). `waymark.markup` refuses a body past
its limits; this prints how long one file takes at the limits, and for the
shapes that are refused, how long the refusal takes. Aim: every file within
the limits renders in a few seconds at most, and refusals are instant.

    python bench/hostile_content.py
"""
from pathlib import Path
import sys
import time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark import frontmatter, markup  # noqa: E402
from waymark.errors import Problems  # noqa: E402

LIMIT = frontmatter.MAX_CHARS - 100  # room for the front matter


def fill(unit):
    return (unit * (LIMIT // len(unit) + 1))[:LIMIT]


def shapes():
    """(name, body): the slowest bodies within the limits, then some refused."""
    yield "paragraphs of 100 unclosed '['", fill("[a " * markup.MAX_BRACKETS + "\n\n")
    yield "100 unclosed '<b' first, then prose", "<b " * markup.MAX_OPEN_TAGS + fill(
        "Some plain words here.\n\n")[:LIMIT - 300]
    yield "100 abbreviations, then text", "".join(
        f"*[AB{n}]: word {n}\n" for n in range(markup.MAX_ABBREVIATIONS)) + fill(
        "AB1 and some words, AB50 too. ")[:LIMIT - 2000]
    yield "lists 16 deep, over and over", fill("".join(
        "    " * level + "- item\n" for level in range(markup.MAX_DEPTH)) + "\n")
    yield "plain prose with links", fill("Your rights at [work](a.md) and *pay*.\n\n")
    yield "refused: 6,000 unclosed '[' in one paragraph", "[a(" * 6000
    yield "refused: 8,000 unclosed '<b' in 24 KB", ("<b " * 200 + "\n\n") * 40
    yield "refused: lists 800 deep on one line", "- " * 800 + "x"
    yield "refused: emphasis 3,000 deep", "*" * 3000 + "x" + "*" * 3000


def main():
    for name, body in shapes():
        problems = Problems()
        began = time.perf_counter()
        markup.render(body, path="bench.md", body_line=5, page_path="work/bench.md",
                      page_exists=lambda path: True, problems=problems)
        took = time.perf_counter() - began
        outcome = problems.errors[0].message[:60] + "…" if problems.errors else "rendered"
        print(f"{name:48} {len(body):>8,} chars {took:7.2f} s  {outcome}")


if __name__ == "__main__":
    main()
