"""The live preview: the site served straight from the content files.

Each request first looks whether any content or catalogue file changed; if
so the site is read again. When the content has errors, every page shows
them (file, line, message) and reloads itself until they are fixed, rather
than the server stopping, and never the last good version of the page.
It writes nothing anywhere: catalogues are read straight from their files.
"""
from html import escape
from pathlib import Path
import threading

from . import build, cache, catalogs, create_app, status
from .errors import Problems


class LivePreview:
    """A WSGI app that re-reads the content whenever it changed."""

    def __init__(self, content_dir, translations_dir):
        self.content_dir, self.translations_dir = Path(content_dir), Path(translations_dir)
        self.stamp, self.app, self.problems = None, None, Problems()
        # Renderings a build (or an earlier reload) made are reused: a save
        # re-renders only the files it changed.
        self.store = cache.Store(build.cache_dir_of(self.content_dir) / build.CACHE_STORE)
        self.lock = threading.Lock()  # one reload at a time, however many requests arrive

    def __call__(self, environ, start_response):
        with self.lock:
            self.refresh()
        if self.app is not None:
            try:
                return self.app(environ, start_response)
            except Exception as error:  # a template bug: show it, keep serving
                return self.error_page(start_response, [f"{type(error).__name__}: {error}"])
        return self.error_page(start_response, [str(p) for p in self.problems.items])

    def refresh(self):
        stamp = self.fingerprint()
        if stamp is not None and stamp == self.stamp:
            return
        self.stamp, self.app = stamp, None
        try:
            self.app, self.problems = self.load()
        except Exception as error:  # a bug in Waymark: say so on every page, keep serving
            self.problems = Problems()
            self.problems.error(self.content_dir, None, f"Waymark could not read this content "
                                                        f"({type(error).__name__}: {error})")

    def load(self):
        """(app, problems): the app is None when the content has errors."""
        problems = Problems(root=str(Path.cwd()))
        site = build.load(self.content_dir, problems, self.store)
        if site is None or problems.errors:
            return None, problems
        ui = catalogs.load_all(self.translations_dir, site.languages, problems)
        if problems.errors:
            return None, problems
        rows = status.of(site, self.translations_dir, Problems())
        return create_app(site, ui=ui, status=rows,
                          test_config={"PROPAGATE_EXCEPTIONS": True}), problems

    def fingerprint(self):
        """The files' names and times; None (read again) when a folder changed
        as we looked, as editors that save by renaming make it do."""
        stamps = []
        try:
            for folder in (self.content_dir, self.translations_dir):
                for path in folder.rglob("*") if folder.exists() else ():
                    stamps.append((str(path), path.lstat().st_mtime_ns))
        except OSError:
            return None
        return tuple(sorted(stamps))

    def error_page(self, start_response, lines):
        items = "".join(f"<li><pre>{escape(line)}</pre></li>" for line in lines)
        body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<meta http-equiv="refresh" content="2"><title>Content errors</title></head>'
                f'<body style="font-family:system-ui,sans-serif;margin:1rem">'
                f'<h1>Fix these, and this page reloads by itself</h1><ol>{items}</ol>'
                f'</body></html>').encode("utf-8")
        start_response("500 Content errors", [("Content-Type", "text/html; charset=utf-8"),
                                              ("Content-Length", str(len(body)))])
        return [body]


def run(content_dir, translations_dir, port):
    from werkzeug.serving import run_simple
    print(f"Previewing {content_dir} at http://127.0.0.1:{port}/  (Ctrl+C to stop). "
          f"Save a file and reload the page to see it.")
    run_simple("127.0.0.1", port, LivePreview(content_dir, translations_dir),
               use_reloader=False, threaded=True)
