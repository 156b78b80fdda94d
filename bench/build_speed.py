"""How fast Waymark builds, beside MkDocs Material on the same pages.

    python3 bench/build_speed.py [--rounds 3] [--guides 8]

Generates a multilingual corpus (bench/corpus.py: 15 languages, 4 sections
of `--guides` guides each, made-up words in each language's own script; not
our guides), then, alternating, builds it cold with Waymark (a fresh
process, no cache) and with MkDocs Material 9.8.1 (one project per
language, as a multilingual MkDocs site is built; installed once into
bench/out/mkdocs-venv), and prints the median times and their ratio; and
the floor the stack sets: the CPU time Frozen-Flask, Python-Markdown and
Whoosh's writer take for the same pages by themselves, spread over every
core, plus importing them (the fastest any build on this stack can be,
whatever Waymark's own code does). Then: Waymark at 3 and 10 times the pages, a rebuild after one file changed, the
peak memory of a build of about 5,000 pages, and what the service worker
weighs for 1 and 15 languages.
"""
import argparse
import gzip
import os
from pathlib import Path
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

MKDOCS = "mkdocs-material==9.8.1"
VENV = ROOT / "bench/out/mkdocs-venv"
MATERIAL_LACKS = {"am", "ti"}  # Material has no interface strings for these: built as English


def run(command, cwd=None):
    """(seconds, peak memory in MB) of a command in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{error}")
    return seconds, usage.ru_maxrss / 1024


def waymark_build(site, cold=True):
    if cold:
        shutil.rmtree(site / "dist", ignore_errors=True)
        shutil.rmtree(site / ".waymark", ignore_errors=True)
    return run([sys.executable, str(ROOT / "build.py"), "-C", str(site), "build"])


def mkdocs_build(projects):
    total = 0.0
    for project in projects:
        shutil.rmtree(project / "site", ignore_errors=True)
        total += run([str(VENV / "bin/mkdocs"), "build", "-q"], cwd=project)[0]
    return total


def install_mkdocs():
    if not (VENV / "bin/mkdocs").exists():
        print(f"Installing {MKDOCS} into {VENV} (once)…")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin/pip"), "install", "-q", MKDOCS], check=True)


def corpus_site(root, languages, guides):
    content = corpus.write_waymark(root, languages, guides)
    pages = sum(1 for _ in content.rglob("*.md"))
    return Path(root), pages


# A small page with a menu, as Frozen-Flask's floor: one template, no
# translations, no checks.
FLOOR_PAGE = ("<!doctype html><title>{{ title }}</title><nav>{% for n in menu %}"
              "<a href=\"{{ url_for('page', n=n) }}\">{{ n }}</a>{% endfor %}</nav>"
              "<main>{{ body|safe }}</main>")


def stack_floor(site):
    """CPU seconds that the stack's three libraries take for this site by
    themselves, Waymark's own code left out: Frozen-Flask freezing as many
    pages of one small template, Python-Markdown converting every guide
    (the standard extensions Waymark uses), and Whoosh's writer indexing
    every language's documents, already analysed; and the seconds a fresh
    interpreter takes to import them."""
    from flask import Flask, render_template_string
    from flask_frozen import Freezer
    import markdown
    from waymark.build import load
    from waymark.errors import Problems
    from waymark.search.index import analyse, build_index, docs_for

    pages = sorted((site / "dist").rglob("*.html"))
    body = "x" * (sum(p.stat().st_size for p in pages) // len(pages) // 2)
    app = Flask("floor")
    app.config.update(FREEZER_DESTINATION=tempfile.mkdtemp(), FREEZER_RELATIVE_URLS=True)
    app.add_url_rule("/<int:n>.html", "page", lambda n: render_template_string(
        FLOOR_PAGE, title=str(n), menu=range(n % 30), body=body))
    freezer = Freezer(app, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(lambda: (("page", {"n": n}) for n in range(len(pages))))
    start = time.process_time()
    freezer.freeze()
    frozen = time.process_time() - start
    shutil.rmtree(app.config["FREEZER_DESTINATION"])

    texts = [f.read_text(encoding="utf-8").split("---\n", 2)[-1]
             for f in (site / "content").rglob("*.md")]
    converter = markdown.Markdown(extensions=["extra", "admonition", "sane_lists", "toc"])
    start = time.process_time()
    for text in texts:
        converter.reset().convert(text)
    converted = time.process_time() - start

    loaded = load(site / "content", Problems())
    languages = [(lang.code, docs_for(loaded, lang.code)) for lang in loaded.languages]
    analysed = [(code, docs, analyse(code, docs)) for code, docs in languages]
    start = time.process_time()
    for code, docs, terms in analysed:
        build_index(code, docs, analysed=terms)
    indexed = time.process_time() - start

    imports, _ = run([sys.executable, "-c", "import flask, flask_babel, flask_frozen, "
                      "markdown, whoosh.fields, whoosh.writing, yaml"])
    return frozen, converted, indexed, imports


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), 9))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--guides", type=int, default=8, help="guides per section and language")
    args = parser.parse_args()
    install_mkdocs()
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        site, pages = corpus_site(temp / "site", corpus.LANGUAGES, args.guides)
        projects = corpus.write_mkdocs(temp, site / "content", corpus.LANGUAGES)
        for project in projects:
            if project.name.split("-", 1)[1] in MATERIAL_LACKS:
                config = project / "mkdocs.yml"
                config.write_text(config.read_text().replace("language: am", "language: en")
                                  .replace("language: ti", "language: en"))
        print(f"Corpus: {len(corpus.LANGUAGES)} languages, {pages} pages "
              f"({args.guides} guides in each of {len(corpus.SECTIONS)} sections, per language)")
        ours, theirs = [], []
        for round_ in range(args.rounds):
            ours.append(waymark_build(site)[0])
            theirs.append(mkdocs_build(projects))
            print(f"  round {round_ + 1}: Waymark {ours[-1]:.2f} s, MkDocs Material "
                  f"{theirs[-1]:.2f} s")
        w, m = statistics.median(ours), statistics.median(theirs)
        print(f"Cold build, median of {args.rounds}: Waymark {w:.2f} s, MkDocs Material "
              f"{m:.2f} s: Waymark is {m / w:.1f}x as fast (aim: 6x, ideally 10x)")
        print(f"  Waymark {pages / w:.0f} pages/s; MkDocs Material {pages / m:.0f} pages/s")
        frozen, converted, indexed, imports = stack_floor(site)
        cores = os.cpu_count()
        best = (frozen + converted + indexed) / cores + imports
        print(f"The stack by itself, CPU: Frozen-Flask {frozen:.2f} s, Python-Markdown "
              f"{converted:.2f} s, Whoosh's writer {indexed:.2f} s; importing them "
              f"{imports:.2f} s. At best, on all {cores} cores at once: {best:.2f} s, "
              f"{m / best:.1f}x as fast as MkDocs Material")

        # A translator changes one sentence.
        waymark_build(site)
        guide = next((site / "content/en/work").glob("guide-*.md"))
        times = []
        for n in range(args.rounds):
            guide.write_text(guide.read_text(encoding="utf-8") + f"\nOne more sentence {n}.\n",
                             encoding="utf-8")
            times.append(waymark_build(site, cold=False)[0])
        rebuild = statistics.median(times)
        print(f"Rebuild after one file changed: {rebuild:.2f} s, {rebuild / w:.0%} of a cold "
              f"build (aim: at most 25%)")
        unchanged = statistics.median(waymark_build(site, cold=False)[0] for _ in range(args.rounds))
        print(f"Rebuild with nothing changed: {unchanged:.2f} s, {unchanged / w:.0%}")

        for factor in (3, 10):
            big, big_pages = corpus_site(temp / f"x{factor}", corpus.LANGUAGES,
                                         args.guides * factor)
            seconds, _ = waymark_build(big)
            print(f"Waymark at {factor}x: {big_pages} pages in {seconds:.2f} s "
                  f"({seconds / big_pages * 1000:.1f} ms a page; at 1x "
                  f"{w / pages * 1000:.1f} ms)")
            shutil.rmtree(big)

        huge, huge_pages = corpus_site(temp / "huge", corpus.LANGUAGES, 83)
        seconds, peak = waymark_build(huge)
        print(f"{huge_pages} pages: {seconds:.1f} s, peak memory {peak:.0f} MB (aim: under 600)")
        worker = gzipped(huge / "dist/sw.js")
        shutil.rmtree(huge)

        one, _ = corpus_site(temp / "one", ["en"], args.guides)
        waymark_build(one)
        print(f"Service worker, gzipped: {gzipped(one / 'dist/sw.js')} B for 1 language, "
              f"{gzipped(site / 'dist/sw.js')} B for {len(corpus.LANGUAGES)} languages "
              f"({worker} B at {huge_pages} pages); one language's list "
              f"{gzipped(site / 'dist/en/offline.json')} B at {pages} pages")


if __name__ == "__main__":
    main()
