"""The preview server: the built folder over http, as a phone would get it.

It binds 127.0.0.1 unless asked for the hotspot address. Browsers give a
service worker (offline use) only to https and localhost, so over a hotspot
readers get the plain pages; the printed message says so.

It serves files only: no folder listings, nothing whose name starts with a
dot (the Whoosh index in `.whoosh/`), and every answer, errors included,
carries the headers of `headers.py`, with the Cache-Control it gives (as
the deploy docs do). A classroom may open it at once.
"""
from collections import deque
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import ipaddress
import os
from pathlib import Path
import re
import socket
import struct
import sys
from urllib.parse import parse_qs, unquote, urlsplit

from . import assets, hotspot
from .headers import CACHE_OTHERS, SECURITY_HEADERS, cache_control
from .search import page as search_page

SEARCH_PAGE = re.compile(r"/([A-Za-z0-9_-]+)/search\.html")
RECORDED_PATH = 2000  # characters of each path kept in `requests`
# One address in each private range. Connecting a UDP socket sends nothing;
# it only asks the system which of its addresses would reach there.
PRIVATE_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255")
SIOCGIFADDR = 0x8915  # Linux: an interface's IPv4 address


class Server(ThreadingHTTPServer):
    # The default of 5 waiting connections made the 20th of 20 readers wait a
    # second for a retry; a classroom on a hotspot arrives all at once.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A phone that walks out of the hotspot's range, or a reader who taps
        # on before a page has come, drops the connection mid-answer: that is
        # no error of ours, and a traceback for each would bury the real ones.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".json": "application/json"}

    def do_GET(self):
        """Static files, except that a search is answered from the Whoosh index,
        and that with --lan the hotspot page shows the address as QR codes."""
        if self.refuse():
            return None
        parts = urlsplit(self.path)
        if parts.path == hotspot.PAGE and self.server.lan is not None:
            names = assets.in_build(self.directory)
            return self._send(hotspot.page(self.server.lan, [
                "/" + names.get(name, f"static/{name}") for name in assets.STYLESHEETS]))
        match = SEARCH_PAGE.fullmatch(parts.path)
        text = parse_qs(parts.query).get("q", [""])[0]
        root = Path(self.directory)
        page = root / parts.path.lstrip("/")
        index = self.server.index_dir
        if not (match and text.strip() and page.is_file() and index):
            return super().do_GET()
        lang = match.group(1)
        self._send(search_page.render(page.read_text(encoding="utf-8"), index / lang, lang, text))

    def _send(self, html):
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):
        if self.refuse():
            return None
        # Last-Modified counts whole seconds: a rebuild within the second of
        # the last one would be answered "not modified" (Chromium checks for a
        # new service worker with If-Modified-Since alone), and the phone would
        # keep the old worker for good. So only the ETag says "not modified":
        # publishing replaces each changed file, and its inode, time in
        # nanoseconds and size name a version.
        del self.headers["If-Modified-Since"]
        self.etag = None
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if os.path.isfile(path):
            stat = os.stat(path)
            self.etag = f'"{stat.st_ino:x}-{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            if self.etag in self.headers.get("If-None-Match", ""):
                self.send_response(304)
                self.end_headers()
                return None
        return super().send_head()

    def refuse(self):
        """Answer an error and return True for a path we never serve."""
        path = unquote(urlsplit(self.path).path)
        if any(ord(char) < 32 for char in path):
            self.send_error(400, None, "A web address cannot hold control characters.")
            return True
        if any(part.startswith(".") for part in path.replace("\\", "/").split("/")):
            self.send_error(404)  # hidden files and the search index are not the site's pages
            return True
        return False

    def list_directory(self, path):
        self.send_error(404)  # a folder without index.html is not a page
        return None

    def version_string(self):
        return "Waymark"  # not which Python answers

    def send_response(self, code, message=None):
        self.status = code
        super().send_response(code, message)

    def end_headers(self):
        # As the deploy docs say: the static files' names change with their
        # content, so phones keep them (a classroom on a hotspot asks for each
        # once); the rest, asked for again, shows each new build at once. An
        # error is never kept.
        found = getattr(self, "status", None) in (200, 304)
        path = unquote(urlsplit(getattr(self, "path", "")).path).lstrip("/")
        self.send_header("Cache-Control", cache_control(path) if found else CACHE_OTHERS)
        if getattr(self, "etag", None):
            self.send_header("ETag", self.etag)
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_request(self, code="-", size="-"):
        # A request line too long to read (414) has no path.
        self.server.requests.append(getattr(self, "path", "")[:RECORDED_PATH])
        super().log_request(code, size)

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(directory, host="127.0.0.1", port=8000, verbose=False, index_dir=None,
                lan=None):
    """A server of the built folder `directory`; search pages are answered
    from the Whoosh indexes in `index_dir` (the build's cache), if given.
    `lan`: the addresses phones type, shown as QR codes at hotspot.PAGE."""
    server = Server((host, port), partial(Handler, directory=str(directory)))
    server.verbose = verbose
    server.index_dir = Path(index_dir) if index_dir else None
    server.lan = lan
    server.requests = deque(maxlen=10_000)  # recent paths, for tests and curious users
    return server


def lan_addresses():
    """This machine's addresses that phones on its Wi-Fi or hotspot can
    reach, the likeliest first. The hostname alone is not enough: on many
    Linux machines it names 127.0.1.1."""
    found = [*_routes(), *_interfaces(), *_hostname_addresses()]
    return [address for address in dict.fromkeys(found) if _reachable(address)]


def _routes():
    """The address this machine would send from to each private range."""
    for target in PRIVATE_PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((target, 9))
                yield probe.getsockname()[0]
            except OSError:
                pass  # no route there


def _interfaces():
    """Every interface's address (Linux), such as a hotspot's besides the Wi-Fi's."""
    if not sys.platform.startswith("linux"):
        return
    import fcntl  # not on Windows
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            names = [name for _, name in socket.if_nameindex()]
        except OSError:
            names = []
        for name in names:
            try:
                request = struct.pack("256s", name.encode()[:15])
                yield socket.inet_ntoa(fcntl.ioctl(probe.fileno(), SIOCGIFADDR, request)[20:24])
            except OSError:
                pass  # an interface without an IPv4 address


def _hostname_addresses():
    try:
        return [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None,
                                                          socket.AF_INET)]
    except OSError:
        return []


def _reachable(address):
    ip = ipaddress.ip_address(address)
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)
