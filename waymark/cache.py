"""What the build keeps between runs, so that a rebuild redoes only what changed.

Each stage that can be skipped stores its results under a key made from
everything they depend on: the files' contents, the settings, the
catalogues, and the version of Waymark's own code and templates (so that a
new Waymark, or an edited template, redoes everything). A key that any
input changed is a different key: the cache is never out of date, it only
misses. It lives in the site's `.waymark/cache/`, outside the output, and
holds what the last build used: the rest is removed after each successful
build.
"""
from functools import lru_cache
import hashlib
import json
import os
from pathlib import Path

from . import PACKAGE_DIR, SHARED_DIR, SITE_DIR


def digest(*parts):
    """A short hex key for any JSON-able parts."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


@lru_cache(maxsize=1)
def code_version():
    """A fingerprint of Waymark's code, templates and assets."""
    sha = hashlib.sha256()
    for root, pattern in ((PACKAGE_DIR, "*.py"), (SHARED_DIR / "search", "*.py"),
                          (SITE_DIR, "**/*")):
        for file in sorted(root.glob(pattern)):
            if file.is_file():
                sha.update(f"{root.name}/{file.relative_to(root).as_posix()}".encode())
                sha.update(file.read_bytes())
    return sha.hexdigest()[:32]


def files_digest(folder, pattern="*", skip=()):
    """A fingerprint of the names, sizes and times of the files under `folder`."""
    folder = Path(folder)
    if not folder.is_dir():
        return ""
    found = []
    for path in folder.rglob(pattern):
        if path.is_file() and path.suffix not in skip:
            stat = path.stat()
            found.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return digest(sorted(found))


class Store:
    """Results by (kind, key), as files in `folder`; a Store without a
    folder remembers nothing (for `check`, which needs no speed-up)."""

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder else None
        self.used = set()  # the entries this build read or wrote

    def _path(self, kind, key):
        # (A string join: a rebuild asks for a thousand entries.)
        return Path(os.path.join(self.folder, kind, key[:2], key))

    def get(self, kind, key):
        if self.folder is None:
            return None
        path = self._path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        self.used.add(path)
        return data

    def put(self, kind, key, data):
        if self.folder is None:
            return
        path = self._path(kind, key)
        self.used.add(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_bytes(data)
            os.replace(temporary, path)  # a killed build never leaves half an entry
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def get_json(self, kind, key):
        data = self.get(kind, key)
        return json.loads(data) if data is not None else None

    def put_json(self, kind, key, value):
        self.put(kind, key, json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def prune(self):
        """Remove the entries this build did not use."""
        if self.folder is None or not self.folder.is_dir():
            return
        used = {str(path) for path in self.used}
        for folder, _, names in os.walk(self.folder):
            for name in names:
                path = os.path.join(folder, name)
                if path not in used:
                    try:
                        os.unlink(path)
                    except FileNotFoundError:
                        pass  # another build removed it
