"""The live preview: the site served straight from the content files.

Each request first looks whether any content or catalogue file changed; if
so the site is read again. When the content has errors, every page shows
them (file, line, message) and reloads itself until they are fixed, rather
than the server stopping.
"""
from html import escape
from pathlib import Path

from . import build, catalogs, create_app, status
from .errors import Problems


class LivePreview:
    """A WSGI app that re-reads the content whenever it changed. It writes
    nothing anywhere: catalogues are read straight from their files."""

    def __init__(self, content_dir, translations_dir):
        self.content_dir, self.translations_dir = Path(content_dir), Path(translations_dir)
        self.stamp, self.app, self.problems = None, None, Problems()

    def __call__(self, environ, start_response):
        self.refresh()
        if self.app is not None:
            try:
                return self.app(environ, start_response)
            except Exception as error:  # a template bug: show it, keep serving
                return self.error_page(start_response, [f"{type(error).__name__}: {error}"])
        return self.error_page(start_response, [str(p) for p in self.problems.items])

    def refresh(self):
        stamp = self.fingerprint()
        if stamp == self.stamp:
            return
        self.stamp = stamp
        problems = Problems(root=str(Path.cwd()))
        site = build.load(self.content_dir, problems)
        ui = None
        if site is not None and not problems.errors:
            ui = catalogs.load_all(self.translations_dir, site.languages, problems)
        self.problems = problems
        self.app = None
        if site is not None and not problems.errors:
            rows = status.of(site, self.translations_dir, Problems())
            self.app = create_app(site, ui=ui, status=rows,
                                  test_config={"PROPAGATE_EXCEPTIONS": True})

    def fingerprint(self):
        files = [p for folder in (self.content_dir, self.translations_dir) if folder.exists()
                 for p in folder.rglob("*") if p.is_file()]
        return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))

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
