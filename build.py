#!/usr/bin/env python3
"""Waymark's command line.

    python build.py build [--content DIR] [--output DIR]
    python build.py serve [--output DIR] [--port N] [--lan]
"""
import argparse
from pathlib import Path
import sys

from waymark import build as site_build
from waymark.errors import BuildFailed
from waymark.serve import lan_addresses, make_server

ROOT = Path(__file__).resolve().parent


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python build.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the site into a folder")
    build.add_argument("--content", default=ROOT / "content", type=Path,
                       help="the content folder (default: content/)")
    build.add_argument("--output", default=ROOT / "dist", type=Path,
                       help="where the site goes (default: dist/)")
    build.add_argument("--translations", default=ROOT / "translations", type=Path,
                       help="the UI catalogues (default: translations/)")

    serve = commands.add_parser("serve", help="serve the built site for preview")
    serve.add_argument("--output", default=ROOT / "dist", type=Path,
                       help="the built folder to serve (default: dist/)")
    serve.add_argument("--port", default=8000, type=int)
    serve.add_argument("--lan", action="store_true",
                       help="also serve to phones on this laptop's network or hotspot")

    args = parser.parse_args(argv)
    return {"build": run_build, "serve": run_serve}[args.command](args)


def run_build(args):
    try:
        result = site_build.build(args.content, args.output, args.translations)
    except BuildFailed as failure:
        for problem in failure.problems.items:
            print(problem, file=sys.stderr)
        errors = len(failure.problems.errors)
        print(f"Build failed: {errors} error(s). Nothing was written; "
              f"the previous build (if any) is unchanged.", file=sys.stderr)
        return 1
    for problem in result.problems.items:
        print(problem, file=sys.stderr)
    print(f"Built {result.pages} files into {result.output}")
    return 0


def run_serve(args):
    if not (args.output / "index.html").exists():
        print(f"{args.output} has no built site: run 'python build.py build' first.",
              file=sys.stderr)
        return 1
    host = "0.0.0.0" if args.lan else "127.0.0.1"
    try:
        server = make_server(args.output, host, args.port, verbose=True)
    except OSError as error:
        print(f"Cannot listen on port {args.port}: {error.strerror}. "
              f"Try --port {args.port + 1}.", file=sys.stderr)
        return 1
    port = server.server_address[1]
    print(f"Serving {args.output} at http://127.0.0.1:{port}/  (Ctrl+C to stop)")
    if args.lan:
        for address in lan_addresses():
            print(f"On the same Wi-Fi or hotspot, type: http://{address}:{port}/")
        print("Phones on the hotspot read the pages but cannot save them for offline "
              "use (browsers allow that only over https).")
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
