#!/usr/bin/env python3
"""A classroom on a hotspot: many readers open the served site at once.

Builds the sample site into a temporary folder, serves it on 127.0.0.1 with
`waymark serve`'s server, and has N readers (default 20) each fetch a guide
page R times (default 10) at the same moment; prints the time to an answer
(median, 99th percentile, slowest), and the same with the standard library's
listen backlog of 5 for comparison. Also times searches answered by the
server (from the Whoosh index, as `waymark serve` does): the development
set's readers' questions one after another, in English and Arabic (the
first, which opens the index, apart), and a 10,000-character query. Aim: p99
well under a second.

    python bench/serve_load.py [--readers N] [--rounds R]
"""
import argparse
from pathlib import Path
import random
import statistics
import string
import sys
import tempfile
import threading
import time
from urllib.parse import quote
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark.build import build  # noqa: E402
from waymark.serve import Server, make_server  # noqa: E402

PAGE = "en/work-contracts/index.html"


def load(url, readers, rounds):
    """Seconds each request took, with `readers` threads starting together."""
    times, start = [], threading.Barrier(readers)

    def reader():
        start.wait()
        for _ in range(rounds):
            began = time.perf_counter()
            with urlopen(url, timeout=30) as answer:
                answer.read()
            times.append(time.perf_counter() - began)

    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(times)


def searches(url, lang):
    """(seconds for the first question, [seconds for each other]) of the
    development set's questions in `lang`, asked one after another."""
    lines = (ROOT / "tests/data/questions" / f"{lang}.txt").read_text(encoding="utf-8")
    times = []
    for line in lines.splitlines():
        began = time.perf_counter()
        with urlopen(f"{url}{lang}/search.html?q={quote(line.split(chr(9))[0])}",
                     timeout=60) as page:
            assert b'class="hits"' in page.read(), line
        times.append(time.perf_counter() - began)
    return times[0], times[1:]


def served(folder, backlog, index_dir):
    Server.request_queue_size = backlog
    server = make_server(folder, "127.0.0.1", 0, index_dir=index_dir)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    ours = Server.request_queue_size
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = Path(tmp) / "cache"
        folder = build(ROOT / "content", Path(tmp) / "dist", ROOT / "translations",
                       cache_dir).output
        for label, backlog in (("waymark serve", ours), ("backlog of 5", 5)):
            server, url = served(folder, backlog, cache_dir / "search")
            try:
                times = load(url + PAGE, args.readers, args.rounds)
                if label == "waymark serve":
                    questions = {lang: searches(url, lang) for lang in ("en", "ar")}
                    pick = random.Random(14)  # pasted junk, as in tests/test_serve.py
                    query = " ".join("".join(pick.choice(string.ascii_lowercase)
                                             for _ in range(pick.randint(2, 8)))
                                     for _ in range(1800))[:10_000]
                    began = time.perf_counter()
                    with urlopen(f"{url}en/search.html?q={quote(query)}", timeout=60) as page:
                        page.read()
                    search = time.perf_counter() - began
            finally:
                server.shutdown()
                server.server_close()
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            print(f"{label:14} (listen backlog {backlog:3}): {args.readers} readers x "
                  f"{args.rounds}: median {statistics.median(times) * 1000:6.1f} ms, "
                  f"p99 {p99 * 1000:7.1f} ms, slowest {times[-1] * 1000:7.1f} ms")
        Server.request_queue_size = ours
    for lang, (first, rest) in questions.items():
        print(f"searches, {lang}: first {first * 1000:.0f} ms, then median "
              f"{statistics.median(rest) * 1000:.1f} ms, slowest {max(rest) * 1000:.1f} ms "
              f"({len(rest)} questions)")
    print(f"search for a 10,000-character query: {search * 1000:.0f} ms")


if __name__ == "__main__":
    main()
