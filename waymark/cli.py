"""Waymark's command line: `waymark`, or `python3 build.py` in a checkout.

    waymark build [--content DIR] [--output DIR]
    waymark serve [--output DIR] [--port N] [--lan]
    waymark check [--content DIR] [--strict] [--format text|json]
    waymark status [--content DIR]
    waymark translate LANG [PATH ...] [--content DIR]
    waymark mark-current FILE ...
    waymark preview [--content DIR] [--port N]

Every default folder is relative to the site folder: the current folder, or
the one given with `-C DIR`.
"""
import argparse
import json
from pathlib import Path
import sys

from . import TRANSLATIONS_DIR, build as site_build, config, preview, translators
from .errors import BuildFailed, Problems
from .serve import lan_addresses, make_server

OPTIONS = {
    "content": ("--content", dict(default=Path("content"), type=Path,
                                  help="the content folder (default: content/)")),
    "translations": ("--translations", dict(default=Path("translations"), type=Path,
                                            help="the UI catalogues (default: translations/)")),
    "output": ("--output", dict(default=Path("dist"), type=Path,
                                help="the built site's folder (default: dist/)")),
    "port": ("--port", dict(default=8000, type=int)),
}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="waymark", description=__doc__.split("\n")[0])
    parser.add_argument("-C", dest="site", type=Path, default=Path("."), metavar="DIR",
                        help="the site folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name, help, *options):
        sub = commands.add_parser(name, help=help, description=help)
        for option in options:
            flag, settings = OPTIONS[option]
            sub.add_argument(flag, **settings)
        return sub

    command("build", "build the site into a folder", "content", "output", "translations")
    serve = command("serve", "serve the built site for preview", "output", "port")
    serve.add_argument("--lan", action="store_true",
                       help="also serve to phones on this laptop's network or hotspot")
    check = command("check", "check content and catalogues without building",
                    "content", "translations")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: one object for CI and editors")
    command("status", "how far each translation is", "content", "translations")
    translate = command("translate", "start translating guides (or a whole new language)",
                        "content", "translations")
    translate.add_argument("lang", help="the language code, such as fa, uk or pt-BR")
    translate.add_argument("paths", nargs="*",
                           help="guides to start, as in the source folder (asylum/interview.md); "
                                "default: all")
    mark = command("mark-current", "record that translations match their source as it is now",
                   "content")
    mark.add_argument("files", nargs="+", type=Path)
    command("preview", "serve the content live while you edit it", "content", "translations",
            "port")

    args = parser.parse_args(argv)
    for name in ("content", "translations", "output"):
        if getattr(args, name, None) is not None:
            setattr(args, name, args.site / getattr(args, name))
    if getattr(args, "translations", None) is not None and not args.translations.exists():
        args.translations = TRANSLATIONS_DIR  # a site without catalogues of its own
    return COMMANDS[args.command](args)


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
        addresses = lan_addresses()
        for address in addresses:
            print(f"On the same Wi-Fi or hotspot, type: http://{address}:{port}/")
        if not addresses:
            print("This computer has no network address yet: join a Wi-Fi network or start "
                  "its hotspot, then run this again.")
        print("Phones on the hotspot read the pages but cannot save them for offline "
              "use (browsers allow that only over https).")
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")
    return 0


def run_check(args):
    problems = Problems(root=str(Path.cwd()))
    site = site_build.load(args.content, problems)
    if site is not None:
        translators.check(site, args.translations, problems)
    failed = problems.errors or (args.strict and problems.warnings)
    if args.format == "json":
        print(json.dumps({"errors": len(problems.errors), "warnings": len(problems.warnings),
                          "problems": [vars(p) for p in problems.items]},
                         ensure_ascii=False, indent=1))
    else:
        for problem in problems.items:
            print(problem)
        print(f"{len(problems.errors)} error(s), {len(problems.warnings)} warning(s)"
              + (" (--strict: warnings count as errors)" if args.strict else ""))
    return 1 if failed else 0


def run_status(args):
    problems = Problems()
    site = site_build.load(args.content, problems)
    if site is None or problems.errors:
        print("The content has errors: run 'python build.py check' to see them.",
              file=sys.stderr)
        return 1
    rows = translators.status(site, args.translations, Problems())
    total = len(list(site.entries))
    print(f"{'language':24} {'done':>5} {'draft':>6} {'outdated':>9} {'missing':>8} "
          f"{'UI strings':>11}   ({total} files in {site.config.default_language})")
    for row in rows:
        name = f"{row.lang.code} {row.lang.english_name}"
        print(f"{name:24} {len(row.done):5} {len(row.draft):6} {len(row.outdated):9} "
              f"{len(row.missing):8} {row.ui_done:5}/{row.ui_total}")
    print("The built site has the same as a page: status.html. "
          "'python build.py check' lists what to fix.")
    return 0


def run_translate(args):
    if not translators.known_language(args.lang):
        print(f"'{args.lang}' is not a language code (use a code such as 'ar', 'fa' or "
              f"'pt-BR')", file=sys.stderr)
        return 1
    problems = Problems()
    site = site_build.load(args.content, problems)
    if site is None:
        print("\n".join(map(str, problems.items)), file=sys.stderr)
        return 1
    default = site.config.default_language
    wanted = [entry for entry in site.entries if not args.paths or entry.path in args.paths]
    unknown = set(args.paths) - {entry.path for entry in wanted}
    if unknown:
        print(f"No such {default} file: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    for entry in wanted:
        target = args.content / args.lang / entry.path
        if target.exists():
            print(f"kept      {target} (it exists)")
        else:
            translators.start_translation(entry.source.file, target)
            print(f"started   {target}")
    catalogue = translators.start_catalogue(args.translations, args.lang)
    if catalogue:
        print(f"started   {catalogue}")
    print("Translate the text (not the keys or link targets), then run "
          "'python build.py preview'. See TRANSLATING.md.")
    return 0


def run_mark_current(args):
    content = args.content.resolve()
    problems = Problems()
    settings = config.load(args.content, problems)
    if settings is None:
        print("\n".join(map(str, problems.items)), file=sys.stderr)
        return 1
    default, status = settings.default_language, 0
    for file in args.files:
        try:
            lang, *rest = file.resolve().relative_to(content).parts
        except ValueError:
            print(f"{file}: not inside {args.content}", file=sys.stderr)
            status = 1
            continue
        source = content / default / Path(*rest)
        if lang == default or not source.exists():
            print(f"{file}: not a translation of a file in {default}/", file=sys.stderr)
            status = 1
            continue
        translators.mark_current(file, source)
        print(f"{file}: now matches {source.relative_to(content.parent)}")
    return status


def run_preview(args):
    preview.run(args.content, args.translations, args.port)
    return 0


COMMANDS = {"build": run_build, "serve": run_serve, "check": run_check, "status": run_status,
            "translate": run_translate, "mark-current": run_mark_current,
            "preview": run_preview}
