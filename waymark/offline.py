"""The offline files: the service worker and the lists of what it saves.

Written after freezing, because the lists need a revision of every file the
freeze produced. Files under `<lang>/` belong to that language, and so does
the stemmer its search uses (other stemmers are not precached); each
language's list is its own file, `<lang>/offline.json`, which the worker
fetches only for the languages a reader keeps. Everything else is shared and
listed inside `sw.js`, together with each language's "not saved" page (the
worker shows it offline for a language the phone has not saved) and each
language list's revision and size. So the worker every first visitor
downloads grows by one short line per language, not by its files.
"""
import hashlib
import json
from pathlib import Path

from .search.analysis import stemmer_code

from . import SITE_DIR, assets, staged

STEMMER = "static/search/stem-{}.js"  # published with its hash (see assets.unhashed)
STEMMERS = "static/search/stem-"

WORKER = "sw.js"
LIST = "offline.json"  # each language's list: <lang>/offline.json
NOT_SAVED = "not-saved.html"  # each language's page for "not saved on this phone"
PLACEHOLDER = ("/*BUILD*/", "/*END*/")
BUILD_START = "const BUILD = "


def revision(data):
    """A file's revision; the worker computes the same from a fetched body."""
    return hashlib.sha256(data).hexdigest()[:12]


def precache(output_dir, languages, unsaved=()):
    """{group: [[path, revision, size], ...]}: "" for the shared files, then
    one group per language; not the files in `unsaved`."""
    output_dir = Path(output_dir)
    groups = {"": []}
    groups.update({code: [] for code in languages})
    stemmers = {}
    for code in languages:
        stemmers.setdefault(STEMMER.format(stemmer_code(code)), []).append(code)
    not_saved = {f"{code}/{NOT_SAVED}" for code in languages}
    for file in sorted(output_dir.rglob("*")):
        path = file.relative_to(output_dir).as_posix()
        if not file.is_file() or path == WORKER or path.startswith(".") or path in unsaved:
            continue  # the worker itself, and the preview server's search index
        # (The digest a file was staged with, when it was: not read again.)
        rev, size = staged.digest_of(output_dir, path)[:12], file.stat().st_size
        top = path.split("/", 1)[0]
        if path.startswith(STEMMERS):
            owners = stemmers.get(assets.unhashed(path), [])
        elif path in not_saved:
            owners = [""]
        else:
            owners = [top if top in groups and "/" in path else ""]
        for group in owners:
            groups[group].append([path, rev, size])
    return groups


def write_worker(output_dir, languages, default_language, unsaved=()):
    """Write each language's list and `sw.js`; return the precache groups.
    `unsaved` are files the build wrote that the worker does not save (each
    language's single file, for passing on): the worker's data names them
    only so that the next build knows it wrote them."""
    output_dir = Path(output_dir)
    files = precache(output_dir, languages, set(unsaved))
    langs = {}
    for code in languages:
        data = _json({"files": [entry[:2] for entry in files[code]]}).encode("utf-8")
        staged.put(output_dir, f"{code}/{LIST}", data)
        # The size is what keeping the language costs, shown before the reader chooses.
        langs[code] = [revision(data), len(data) + sum(entry[2] for entry in files[code])]
    build = {"default": default_language,
             "shared": [entry[:2] for entry in files[""]],
             "langs": langs,
             "unsaved": sorted(unsaved)}
    template = (SITE_DIR / WORKER).read_text(encoding="utf-8")
    start, end = template.index(PLACEHOLDER[0]), template.index(PLACEHOLDER[1])
    code = template[:start] + _json(build) + template[end + len(PLACEHOLDER[1]):]
    staged.put(output_dir, WORKER, assets.without_comment_lines(code).encode("utf-8"))
    return files


def listed_files(output_dir):
    """Every file a build in `output_dir` listed for offline use, as relative
    POSIX paths: the worker, the shared files, each language's list and its
    files, and the files it wrote but did not list (the single files). (Not the preview server's `.whoosh/` index, nor the stemmers no
    language uses, which a build writes but no reader needs.) Empty when the
    folder holds no build; earlier builds' single-list workers are read too."""
    output_dir = Path(output_dir)
    worker = output_dir / WORKER
    if not worker.is_file():
        return set()
    build = read_build(worker)
    listed = {WORKER}
    if "files" in build:  # before per-language lists, sw.js listed every file
        return listed | {path for group in build["files"].values() for path, *_ in group}
    listed |= {path for path, _ in build["shared"]} | set(build.get("unsaved", ()))
    for code in build["langs"]:
        listed.add(f"{code}/{LIST}")
        lang_list = output_dir / code / LIST
        if lang_list.is_file():
            listed |= {path for path, _ in json.loads(lang_list.read_bytes())["files"]}
    return listed


def read_build(worker):
    """The data a built `sw.js` carries."""
    code = Path(worker).read_text(encoding="utf-8")
    start = code.find(BUILD_START)
    if start < 0:
        raise ValueError(f"{worker}: not a Waymark service worker (no '{BUILD_START.strip()}')")
    return json.JSONDecoder().raw_decode(code, start + len(BUILD_START))[0]


def _json(data):
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
