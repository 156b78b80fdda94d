#!/usr/bin/env python3
"""Search index size and query time.

Prints, for each language of the sample site and for a generated corpus of
1,000 English guides (sentences of the sample guides, shuffled): the text the
index covers, the browser's index file raw and gzipped, and the median and
slowest query time in Chromium over a set of queries (words, prefixes, pairs,
slips and whole questions), and the first search on a fresh index, which
also reads its word list. Aims: one language's index at 1,000 guides under
150 KB gzipped; a query under 5 ms.

    python bench/search_size.py [--guides 1000]
"""
import argparse
import gzip
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark.search import export, vocabulary  # noqa: E402
from waymark.search.index import SearchDoc, build_index, docs_for  # noqa: E402
from waymark import config, content  # noqa: E402
from waymark.errors import Problems  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def sample_site():
    """The sample site with its readers' words (`_search.yml`), as the build reads it."""
    problems = Problems()
    settings = config.load(ROOT / "content", problems)
    site = content.load(ROOT / "content", settings, problems)
    vocabulary.load(ROOT / "content", site, problems)
    return site


def sample_docs(site=None):
    site = site or sample_site()
    return {lang.code: docs_for(site, lang.code) for lang in site.languages}


def synonyms_of(site, lang):
    found = site.search_vocabulary.get(lang)
    return found.synonyms if found else ()


def generated_docs(count, seed=7):
    """`count` English guides made of the sample guides' own sentences."""
    english = sample_docs()["en"]
    sentences = [s.strip() for doc in english for s in re.split(r"(?<=[.!?])\s+|\n+", doc.body)
                 if len(s.split()) > 3]
    titles = [doc.title for doc in english] + [h for doc in english for h in doc.headings.split("\n")]
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        body = rng.sample(sentences, min(len(sentences), 30))
        docs.append(SearchDoc(f"generated/{number}.html", f"{rng.choice(titles)} {number}",
                              "Generated", body[0], "\n".join(rng.sample(titles, 4)),
                              " ".join(body[1:])))
    return docs


def measure(lang, docs, synonyms=()):
    ix = build_index(lang, docs)
    data = export.export(lang, docs, synonyms)
    script = export.as_script("WaymarkIndex", lang, data).encode("utf-8")
    text = sum(len((d.title + d.summary + d.headings + d.body).encode("utf-8")) for d in docs)
    return data, script, text


def query_times(data, queries):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        page = browser.new_page()
        for script in sorted((ROOT / "site/static/search").glob("stem-*.js")):
            page.add_script_tag(path=script)
        page.add_script_tag(path=ROOT / "site/static/search/search.js")
        times = page.evaluate("""([data, queries]) => {
            const index = new WaymarkSearchEngine.Index(data);
            const start = performance.now();
            index.search(queries[0], 10);  // the first search also reads the word list
            const first = performance.now() - start;
            return [first].concat(queries.map(q => {
                const start = performance.now();
                for (let i = 0; i < 20; i++) index.search(q, 10);
                return (performance.now() - start) / 20;
            }));
        }""", [data, queries])
        browser.close()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guides", type=int, default=1000)
    args = parser.parse_args()
    site = sample_site()
    rows = [(lang, docs, synonyms_of(site, lang)) for lang, docs in sample_docs(site).items()]
    rows.append((f"en x{args.guides} (generated)", generated_docs(args.guides),
                 synonyms_of(site, "en")))
    print(f"{'index':28} {'guides':>6} {'text':>10} {'index':>10} {'gzipped':>9} "
          f"{'first query':>12} {'query median':>13} {'slowest':>8}")
    for name, docs, synonyms in rows:
        lang = name.split()[0]
        data, script, text = measure(lang, docs, synonyms)
        words = sorted({w for d in docs[:50] for w in re.findall(r"\w{4,}", d.title + " " + d.body)})
        queries = random.Random(1).sample(words, min(60, len(words)))
        queries += [w[:3] for w in queries[:20]] + [" ".join(queries[i:i + 2]) for i in range(0, 20, 2)]
        # Slips (read as the nearest guide word) and whole questions.
        queries += [w[0] + w[2] + w[1] + w[3:] for w in queries[:20]]
        queries += [" ".join(queries[i:i + 6]) for i in range(0, 30, 6)]
        first, *times = query_times(data, queries)
        print(f"{name:28} {len(docs):6} {text:10,} {len(script):10,} {len(gzip.compress(script, 9)):9,} "
              f"{first:9.2f} ms {statistics.median(times):10.3f} ms {max(times):5.2f} ms")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
