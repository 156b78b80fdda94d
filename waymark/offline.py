"""The offline files: the service worker and its precache list.

Written after freezing, because the list needs a revision of every file the
freeze produced. Files under `<lang>/` belong to that language (a reader
keeps only the languages they want), and so does the stemmer its search
uses; other stemmers are not precached; everything else is shared.
"""
import hashlib
import json
from pathlib import Path

from .search.analysis import stemmer_code

from . import SITE_DIR

STEMMER = "static/search/stem-{}.js"
STEMMERS = "static/search/stem-"

WORKER = "sw.js"
PLACEHOLDER = ("/*BUILD*/", "/*END*/")


def revision(data):
    """A file's revision; the worker computes the same from a fetched body."""
    return hashlib.sha256(data).hexdigest()[:12]


def precache(output_dir, languages):
    """{group: [[path, revision, size], ...]} for every file in the build."""
    output_dir = Path(output_dir)
    groups = {"": []}
    groups.update({code: [] for code in languages})
    stemmers = {}
    for code in languages:
        stemmers.setdefault(STEMMER.format(stemmer_code(code)), []).append(code)
    for file in sorted(output_dir.rglob("*")):
        path = file.relative_to(output_dir).as_posix()
        if not file.is_file() or path == WORKER or path.startswith("."):
            continue  # the worker itself, and the preview server's search index
        data = file.read_bytes()
        top = path.split("/", 1)[0]
        if path.startswith(STEMMERS):
            owners = stemmers.get(path, [])
        else:
            owners = [top if top in groups and "/" in path else ""]
        for group in owners:
            groups[group].append([path, revision(data), len(data)])
    return groups


def write_worker(output_dir, languages, default_language):
    """Write `sw.js` with this build's precache list; return the list."""
    files = precache(output_dir, languages)
    build = {
        "version": revision(json.dumps(files, sort_keys=True).encode()),
        "default": default_language,
        "files": {group: [entry[:2] for entry in entries] for group, entries in files.items()},
        "sizes": {group: sum(entry[2] for entry in entries)
                  for group, entries in files.items() if group},
    }
    template = (SITE_DIR / WORKER).read_text(encoding="utf-8")
    start, end = template.index(PLACEHOLDER[0]), template.index(PLACEHOLDER[1])
    # The markers stay, so that the next build can read which files this one wrote.
    code = (template[:start + len(PLACEHOLDER[0])]
            + json.dumps(build, separators=(",", ":"), ensure_ascii=False) + template[end:])
    (Path(output_dir) / WORKER).write_text(code, encoding="utf-8")
    return files


def listed_files(output_dir):
    """The files a build in `output_dir` wrote, as its worker lists them."""
    worker = Path(output_dir) / WORKER
    if not worker.is_file():
        return set()
    code = worker.read_text(encoding="utf-8")
    try:
        start, end = code.index(PLACEHOLDER[0]), code.index(PLACEHOLDER[1])
        data = json.loads(code[start + len(PLACEHOLDER[0]):end])
    except ValueError:
        return set()
    return {WORKER} | {path for files in data["files"].values() for path, *_ in files}
