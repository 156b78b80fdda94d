"""Files put into a build's staging folder, and unchanged ones not copied.

Most files a rebuild stages are the very bytes the last build published:
pages from the cache, static files, search files, single files and lists
that nothing changed. Creating a file is most of a rebuild's time on some
disks, so such a file is staged as a second link to the output's own file
(`put`): publishing then moves it back where it was, with its date, which
hosts and browsers' caches see as unchanged. It is linked only when the
last publish recorded these bytes there (their digest) and the file is as
it left it (size, time, inode); otherwise, or on a disk without links
(FAT32, exFAT), it is written.

A staged file is never written through: `put` and `make_room` remove what
a path holds before it is written, so the output cannot change before the
build is published (see `publish`).
"""
from dataclasses import dataclass, field
import hashlib
import os
from pathlib import Path
import stat


@dataclass
class _Stage:
    output: Path
    previous: dict  # path: [size, mtime_ns, inode, digest] of each file the last publish put
    digests: dict = field(default_factory=dict)  # path: digest of each file put here


_STAGES = {}  # staging folder: its _Stage


def begin(folder, output_dir, previous):
    """Start staging into `folder` a build for `output_dir`, whose last
    publish recorded `previous` (see `publish`)."""
    _STAGES[Path(folder)] = _Stage(Path(output_dir), previous)


def end(folder):
    _STAGES.pop(Path(folder), None)


def digests(folder):
    """{path: digest} of the files put into `folder`."""
    stage = _STAGES.get(Path(folder))
    return dict(stage.digests) if stage else {}


def digest_of(folder, path):
    """The digest of `folder`/`path`: known when it was put or noted there,
    else read (the same digest either way)."""
    stage = _STAGES.get(Path(folder))
    known = stage.digests.get(path) if stage else None
    return known or _digest((Path(folder) / path).read_bytes())


def put(folder, path, data):
    """Write `data` as `path` (relative, POSIX) in `folder`: a link to the
    output's file when that holds these bytes as the last build left it.
    Outside a staging folder (an export, a test), simply write it."""
    target = Path(folder) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove(target)
    if not _reused(folder, path, data):
        target.write_bytes(data)


def written(folder, path, data):
    """Another writer wrote `data` as `path` into `folder`: when these are
    the bytes the output holds, stage the output's file instead (so that
    its date stays), and note them for the next build."""
    _reused(folder, path, data)


def _reused(folder, path, data):
    """Note `data` as `path`'s in `folder`; whether `folder`/`path` is now
    the output's own file, which the last publish left with these bytes."""
    stage = _STAGES.get(Path(folder))
    if stage is None:
        return False
    digest = stage.digests[path] = _digest(data)
    before = stage.previous.get(path)
    return bool(before) and before[3] == digest and \
        _linked(stage.output / path, Path(folder) / path, before)


def make_room(folder, path):
    """Remove what `folder`/`path` holds before another writer writes it
    (a file put there may be the output's own)."""
    _remove(Path(folder) / path)
    stage = _STAGES.get(Path(folder))
    if stage is not None:
        stage.digests.pop(path, None)


def _digest(data):
    # (Its first 12 digits are the revision the worker checks: offline.revision.)
    return hashlib.sha256(data).hexdigest()[:32]


def _remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _linked(source, target, before):
    """Whether `target` is now a link to `source`, which is as `before`
    says; whatever `target` held is replaced in one step."""
    linking = target.with_name(f".{target.name}.link")
    try:
        found = os.stat(source, follow_symlinks=False)
        if stat.S_ISREG(found.st_mode) and \
                [found.st_size, found.st_mtime_ns, found.st_ino] == before[:3]:
            _remove(linking)
            os.link(source, linking)
            os.replace(linking, target)
            return True
    except OSError:
        _remove(linking)  # no such file, or a disk without links: it is written instead
    return False
