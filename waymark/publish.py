"""Publishing a build: the staged files into the output folder, safely.

A build replaces only what Waymark wrote. The output folder may be a GitHub
Pages checkout: `.git`, `CNAME`, `.nojekyll`, every dotfile and every file
an earlier build did not write stay byte for byte. Which files an earlier
build wrote is recorded in the cache folder; without that record (a fresh
clone), the earlier build's own precache lists say.

The swap is safe at every step: each file the new build replaces is first
moved aside into a backup folder beside the output, with a journal; when a
move fails (a full disk, a read-only folder), every file goes back where it
was; when the build is killed half-way, the next build finds the journal and
restores the earlier build before it starts. Staging folders that a killed
build left behind are removed by the next one. A finished staging folder is
removed in the background (`discard`).
"""
from contextlib import contextmanager
import errno
import hashlib
import json
import os
from pathlib import Path
import shutil
import tempfile
import threading
import time

from . import offline, staged as staged_files

NEW, OLD = "waymark-new", "waymark-old"
DISCARDED = "discarded"  # in the cache folder: finished folders being removed
JOURNAL = "journal.json"
KEEP = {"CNAME", ".nojekyll"}  # never Waymark's, even when a build lists them


@contextmanager
def staging(output_dir, problems, cache_dir=None):
    """A fresh staging folder beside `output_dir` (so the final moves are
    renames on one disk), removed afterwards whatever happens. With the
    `cache_dir` of the last build, `put` can take unchanged files from the
    output (see `staged`)."""
    parent = output_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        restore_interrupted(output_dir)
        remove_stale(output_dir)
        folder = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.{NEW}-", dir=parent))
    except OSError as error:
        problems.error(output_dir, None, explain(error, "cannot prepare"))
        yield None
        return
    staged_files.begin(folder, output_dir,
                       _read_record(cache_dir, output_dir).get("published", {}) if cache_dir else {})
    try:
        yield folder
    finally:
        staged_files.end(folder)
        discard(folder, cache_dir)


def discard(folder, cache_dir):
    """Remove `folder` without waiting for it: it is moved into the cache
    folder's `discarded/` and removed from there in the background, together
    with whatever an earlier exit left there. (Removing a staged site's
    hundred folders took more than a small rebuild's own work on a slow
    disk.) Without a cache folder on the same disk, it is removed at once."""
    if not folder.exists():
        return
    if cache_dir is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    bin_ = Path(cache_dir) / DISCARDED
    try:
        bin_.mkdir(parents=True, exist_ok=True)
        folder.rename(bin_ / f"{time.time_ns()}-{os.getpid()}-{folder.name}")
    except OSError:  # another disk
        shutil.rmtree(folder, ignore_errors=True)
        return
    threading.Thread(target=_empty, args=(bin_,), daemon=True).start()


def _empty(bin_):
    try:
        for folder in bin_.iterdir():
            shutil.rmtree(folder, ignore_errors=True)
    except OSError:  # the cache folder itself was removed meanwhile
        pass


def publish(staged, output_dir, cache_dir, problems):
    """Move the staged build into `output_dir`; on failure, leave it as it was."""
    new = sorted(files_in(staged), key=_last_the_lists)
    owned = _owned(output_dir, cache_dir)
    taken = [path for path in new if (output_dir / path).exists() and path not in owned]
    if taken:
        shown = ", ".join(taken[:5]) + (" …" if len(taken) > 5 else "")
        problems.error(output_dir, None, f"the build would replace {len(taken)} file(s) that "
                                         f"Waymark did not write: {shown}. Move them away, or "
                                         f"choose another --output")
        return
    if not output_dir.exists():
        try:
            staged.rename(output_dir)  # the first build: one atomic rename
            staged.mkdir()  # for the staging context to remove
        except OSError as error:
            problems.error(output_dir, None, explain(error, "cannot write"))
            return
    else:
        # A file staged as the published file itself (see `staged`) stays put.
        kept = {path for path in new if path in owned and _same_file(staged / path,
                                                                      output_dir / path)}
        try:
            _swap(staged, output_dir, [path for path in new if path not in kept],
                  sorted(p for p in owned if p not in kept and (output_dir / p).is_file()))
        except OSError as error:
            problems.error(output_dir, None, explain(error, "cannot write") +
                           "; the previous build is unchanged")
            return
    _record(cache_dir, output_dir, new, _published(output_dir, staged_files.digests(staged)))


def _same_file(one, other):
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _published(output_dir, digests):
    """{path: [size, mtime_ns, inode, digest]} of the files `put` staged, as
    they now are in the output."""
    found = {}
    for path, digest in digests.items():
        try:
            info = os.stat(output_dir / path, follow_symlinks=False)
        except OSError:
            continue
        found[path] = [info.st_size, info.st_mtime_ns, info.st_ino, digest]
    return found


def _swap(staged, output_dir, new, old):
    backup = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.{OLD}-", dir=output_dir.parent))
    journal = {"output": str(output_dir), "staged": str(staged), "new": new, "old": old}
    (backup / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    moved_old, moved_new, replaced = [], [], set(old)
    try:
        # File by file, so that readers meanwhile miss no page.
        for path in new:
            if path in replaced:
                _move(output_dir / path, backup / "files" / path)
                moved_old.append(path)
            _move(staged / path, output_dir / path)
            moved_new.append(path)
        for path in old:
            if path not in moved_old:
                _move(output_dir / path, backup / "files" / path)
                moved_old.append(path)
    except OSError:
        _undo(staged, output_dir, backup, moved_new, moved_old)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    _remove_empty_folders(output_dir, old)


def _undo(staged, output_dir, backup, moved_new, moved_old):
    for path in reversed(moved_new):
        _move(output_dir / path, staged / path)
    for path in reversed(moved_old):
        _move(backup / "files" / path, output_dir / path)
    shutil.rmtree(backup, ignore_errors=True)


def restore_interrupted(output_dir):
    """Put back an earlier build that a killed build had half moved aside."""
    for backup in output_dir.parent.glob(f".{output_dir.name}.{OLD}-*"):
        journal_file = backup / JOURNAL
        if not journal_file.is_file():
            shutil.rmtree(backup, ignore_errors=True)
            continue
        journal = json.loads(journal_file.read_text(encoding="utf-8"))
        for path in journal["new"]:
            if path not in journal["old"]:
                (output_dir / path).unlink(missing_ok=True)
        for path in journal["old"]:
            if (backup / "files" / path).exists():
                _move(backup / "files" / path, output_dir / path)
        shutil.rmtree(backup)


def remove_stale(output_dir, older_than=600):
    """Staging folders of killed builds beside the output (this version's
    and the `.<name>.*` ones earlier versions made) and earlier versions'
    compiled-catalogue folders in the temporary folder."""
    for folder in output_dir.parent.glob(f".{output_dir.name}.*"):
        if folder.is_dir() and (NEW in folder.name or (folder / "site").is_dir()
                                or not any(folder.iterdir())):
            shutil.rmtree(folder, ignore_errors=True)
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob("waymark-mo-*"):
        try:
            if now - folder.stat().st_mtime > older_than:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


def _owned(output_dir, cache_dir):
    """The files an earlier build wrote into `output_dir`."""
    record = _read_record(cache_dir, output_dir)
    if "files" in record:
        listed = set(record["files"])
    elif output_dir.is_dir():
        listed = offline.listed_files(output_dir)
    else:
        listed = set()
    return {path for path in listed if not _kept(path)}


def _read_record(cache_dir, output_dir):
    """What the last build recorded of `output_dir`: {} when nothing (a
    fresh clone) or something unreadable."""
    try:
        return json.loads(_record_file(cache_dir, output_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _record(cache_dir, output_dir, files, published):
    record = _record_file(cache_dir, output_dir)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"output": str(output_dir), "files": files,
                                      "published": published}), encoding="utf-8")
    except OSError:
        pass  # without the record, the next build reads the precache lists instead


def _record_file(cache_dir, output_dir):
    key = hashlib.sha256(str(output_dir.resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / "outputs" / f"{key}.json"


def _last_the_lists(path):
    """The order files are put in place: the pages and files first, then
    each language's list of them, then the worker that names the lists, so
    that a phone checking for an update in the middle finds either the
    old worker or a new one whose every file is already there."""
    return (path == offline.WORKER, path.endswith("/" + offline.LIST), path)


def files_in(folder):
    """The path (relative, POSIX) of every file under `folder`, in order."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        here = os.path.relpath(root, folder).replace(os.sep, "/")
        found += [name if here == "." else f"{here}/{name}" for name in sorted(names)]
    return found


def _kept(path):
    return path in KEEP or any(part.startswith(".") for part in path.split("/"))


def _move(source, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _remove_empty_folders(output_dir, paths):
    folders = {Path(path).parent for path in paths} - {Path(".")}
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        try:
            (output_dir / folder).rmdir()
        except OSError:
            pass  # not empty: it holds this build's files or someone else's


def explain(error, doing):
    """One clear sentence for an OSError, instead of a traceback."""
    reasons = {errno.ENOSPC: "the disk is full", errno.EROFS: "the folder is read-only",
               errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.EXDEV: "the staging folder is on another disk",
               errno.EIO: "the disk reported an input/output error"}
    reason = reasons.get(error.errno, error.strerror or str(error))
    where = f" ({error.filename})" if error.filename else ""
    return f"{doing} the build here: {reason}{where}"
