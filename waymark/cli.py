"""Waymark's command line: `waymark`, or `python3 build.py` in a checkout.

    waymark init DIR
    waymark build [--content DIR] [--output DIR] [--translations DIR]
    waymark serve [--output DIR] [--port N] [--lan]
    waymark check [--content DIR] [--strict] [--format text|json]
    waymark status [--content DIR]
    waymark translate LANG [PATH ...] [--content DIR]
    waymark mark-current FILE ...
    waymark preview [--content DIR] [--port N]
    waymark export zim --output DIR [--all-languages] [--content DIR]
    waymark export usb --output DIR [--zim] [--sign KEY] [--content DIR]
    waymark verify DIR [--public-key KEY]
    waymark keygen KEY

Every default folder is relative to the site folder: the current folder, or
the one given with `-C DIR`. The commands only parse and print; what they
do lives in the package.
"""
import argparse
import json
import os
from pathlib import Path
import sys

from . import __version__, build as site_build, config
from .errors import BuildFailed, Problems, command

# Each command imports what only it needs (the server, the Kiwix and USB
# writers, the crypto library) when it runs: a rebuild starts sooner.

OPTIONS = {
    "content": ("--content", dict(default=Path("content"), type=Path,
                                  help="the content folder (default: content/)")),
    "translations": ("--translations", dict(default=Path("translations"), type=Path,
                                            help="the site's UI catalogues (default: "
                                                 "translations/)")),
    "output": ("--output", dict(default=Path("dist"), type=Path,
                                help="the built site's folder (default: dist/)")),
    "port": ("--port", dict(default=8000, type=int)),
}


def parser():
    main_parser = argparse.ArgumentParser(prog="waymark", description=__doc__.split("\n")[0])
    main_parser.add_argument("--version", action="version", version=f"Waymark {__version__}")
    main_parser.add_argument("-C", dest="site", type=Path, default=Path("."), metavar="DIR",
                             help="the site folder (default: the current folder)")
    commands = main_parser.add_subparsers(dest="command", required=True)

    def add(name, help, *options):
        sub = commands.add_parser(name, help=help, description=help)
        for option in options:
            flag, settings = OPTIONS[option]
            sub.add_argument(flag, **settings)
        return sub

    add("init", "start a new site folder").add_argument("folder", type=Path)
    add("build", "build the site into a folder", "content", "output", "translations")
    serve = add("serve", "serve the built site for preview", "output", "port")
    serve.add_argument("--lan", action="store_true",
                       help="also serve to phones on this laptop's network or hotspot")
    check = add("check", "check content and catalogues without building",
                "content", "translations")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: one object for CI and editors")
    add("status", "how far each translation is", "content", "translations")
    translate = add("translate", "start translating guides (or a whole new language)",
                    "content", "translations")
    translate.add_argument("lang", help="the language code, such as fa, uk or pt-BR")
    translate.add_argument("paths", nargs="*",
                           help="guides to start, as in the source folder (asylum/interview.md); "
                                "default: all")
    mark = add("mark-current", "record that translations match their source as it is now",
               "content")
    mark.add_argument("files", nargs="+", type=Path)
    add("preview", "serve the content live while you edit it", "content", "translations", "port")
    exports = commands.add_parser("export", help="editions to pass on: Kiwix books, USB copies",
                                  description="editions to pass on: Kiwix books, USB copies")
    kinds = exports.add_subparsers(dest="edition", required=True)
    for name, help in (("zim", "build the site and write a Kiwix book (ZIM) per language"),
                       ("usb", "build the site into a folder to copy to a USB stick")):
        edition = kinds.add_parser(name, help=help, description=help)
        for option in ("content", "translations"):
            flag, settings = OPTIONS[option]
            edition.add_argument(flag, **settings)
        edition.add_argument("--output", type=Path, required=True, help="the folder to write")
    kinds.choices["zim"].add_argument("--all-languages", action="store_true",
                                      help="also write one book with every language")
    kinds.choices["usb"].add_argument("--zim", action="store_true",
                                      help="add the Kiwix books (and one with every language)")
    kinds.choices["usb"].add_argument("--sign", type=Path, metavar="KEY",
                                      help="sign SHA256SUMS with this private key "
                                           "(waymark keygen)")
    verify = commands.add_parser("verify", help="check a USB copy: every file there and "
                                                "unchanged, and no other file",
                                 description="check a USB copy against its SHA256SUMS")
    verify.add_argument("folder", type=Path)
    verify.add_argument("--public-key", type=Path, metavar="KEY",
                        help="also check that SHA256SUMS is signed with this key's pair")
    keygen = commands.add_parser("keygen", help="make a key pair to sign USB copies",
                                 description="make a key pair to sign USB copies")
    keygen.add_argument("key", type=Path, help="the private key's file; the public key "
                                               "is written beside it as KEY.pub")
    return main_parser


def run():
    """The command, as a program: `main`, then straight out. (Python's own
    exit frees every object the build made, one by one: a tenth of a second
    of a rebuild's second. Output is flushed and every file written is
    closed by then.)"""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


def main(argv=None):
    args = parser().parse_args(argv)
    for name in ("content", "translations", "output", "folder", "key", "sign", "public_key"):
        if getattr(args, name, None) is not None:
            setattr(args, name, args.site / getattr(args, name))
    return COMMANDS[args.command](args)


def _print_problems(problems, stream=None):
    for problem in problems.items:
        print(problem, file=stream or sys.stderr)


def run_init(args):
    from . import scaffold
    try:
        made = scaffold.init(args.site / args.folder)
    except scaffold.NotEmpty as error:
        print(error, file=sys.stderr)
        return 1
    for path in made:
        print(f"created   {path}")
    print(f"Next: cd {args.folder} && {command()} preview   (see {args.folder}/README.md)")
    return 0


def run_build(args):
    print(f"Waymark {__version__}")
    try:
        result = site_build.build(args.content, args.output, args.translations,
                                  site_build.cache_dir_of(args.content))
    except BuildFailed as failure:
        _print_problems(failure.problems)
        print(f"Build failed: {len(failure.problems.errors)} error(s). Nothing was written; "
              f"the previous build (if any) is unchanged.", file=sys.stderr)
        return 1
    _print_problems(result.problems)
    print(f"Built {result.pages} files into {result.output}")
    return 0


def run_serve(args):
    from . import hotspot
    from .serve import lan_addresses, make_server
    if not (args.output / "index.html").exists():
        print(f"{args.output} has no built site: run '{command()} build' first.",
              file=sys.stderr)
        return 1
    host = "0.0.0.0" if args.lan else "127.0.0.1"
    index = site_build.cache_dir_of(args.site / "content") / site_build.SEARCH_INDEX
    try:
        server = make_server(args.output, host, args.port, verbose=True, index_dir=index,
                             lan=[] if args.lan else None)
    except OSError as error:
        print(f"Cannot listen on port {args.port}: {error.strerror}. "
              f"Try --port {args.port + 1}.", file=sys.stderr)
        return 1
    port = server.server_address[1]
    print(f"Serving {args.output} at http://127.0.0.1:{port}/  (Ctrl+C to stop)")
    if args.lan:
        server.lan = [f"http://{address}:{port}/" for address in lan_addresses()]
        for address in server.lan:
            print(f"On the same Wi-Fi or hotspot, type: {address}   or scan:")
            print(hotspot.terminal_code(address))
        if server.lan:
            print(f"To show the codes on this laptop's screen, open "
                  f"http://127.0.0.1:{port}{hotspot.PAGE}")
        else:
            print("This computer has no network address yet: join a Wi-Fi network or start "
                  "its hotspot, then run this again.")
        print("Phones on the hotspot read the pages but cannot save them for offline "
              "use (browsers allow that only over https); every page offers its "
              "language as one file to download instead.")
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")
    return 0


def run_check(args):
    from . import translators
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
        _print_problems(problems, sys.stdout)
        print(f"{len(problems.errors)} error(s), {len(problems.warnings)} warning(s)"
              + (" (--strict: warnings count as errors)" if args.strict else ""))
    return 1 if failed else 0


def run_status(args):
    from . import status
    problems = Problems()
    site = site_build.load(args.content, problems)
    if site is None or problems.errors:
        print(f"The content has errors: run '{command()} check' to see them.", file=sys.stderr)
        return 1
    rows = status.of(site, args.translations, Problems())
    total = len(list(site.entries))
    print(f"{'language':24} {'done':>5} {'draft':>6} {'outdated':>9} {'missing':>8} "
          f"{'UI strings':>11}   ({total} files in {site.config.default_language})")
    for row in rows:
        name = f"{row.lang.code} {row.lang.english_name}"
        print(f"{name:24} {len(row.done):5} {len(row.draft):6} {len(row.outdated):9} "
              f"{len(row.missing):8} {row.ui_done:5}/{row.ui_total}")
    print(f"The built site has the same as a page: status.html. "
          f"'{command()} check' lists what to fix.")
    return 0


def run_translate(args):
    from . import translators
    problems = Problems()
    site = site_build.load(args.content, problems)
    if site is None:
        _print_problems(problems)
        return 1
    try:
        done = translators.start(site, args.content, args.translations, args.lang, args.paths)
    except translators.CannotStart as error:
        print(error, file=sys.stderr)
        return 1
    for action, path in done:
        print(f"{action:9} {path}")
    print(f"Translate the text (not the keys or link targets), then run "
          f"'{command()} preview'. See TRANSLATING.md.")
    return 0


def run_mark_current(args):
    from . import translators
    problems = Problems()
    settings = config.load(args.content, problems)
    if settings is None:
        _print_problems(problems)
        return 1
    failed = False
    for file, source, error in translators.mark_files(args.files, args.content, settings):
        if error:
            print(f"{file}: {error}", file=sys.stderr)
            failed = True
        else:
            print(f"{file}: now matches {source}")
    return 1 if failed else 0


def run_preview(args):
    from . import preview
    preview.run(args.content, args.translations, args.port)
    return 0


def run_export(args):
    from . import usb
    print(f"Waymark {__version__}")
    problems = Problems(root=str(Path.cwd()))
    cache = site_build.cache_dir_of(args.content)
    try:
        if args.edition == "zim":
            books = _export_zim(args, cache, problems)
        else:
            exported = usb.export(args.content, args.output, args.translations, cache,
                                  problems, with_zim=args.zim, key=args.sign)
    except BuildFailed as failure:
        _print_problems(failure.problems)
        print(f"Export failed: {len(failure.problems.errors)} error(s).", file=sys.stderr)
        return 1
    except (usb.CannotExport, ValueError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    _print_problems(problems)
    if problems.errors:
        return 1
    if args.edition == "zim":
        for book in books:
            print(f"wrote {book.path}  ({book.path.stat().st_size // 1024} KB)")
        return 0
    print(f"Wrote a copy of {exported.files} files into {exported.folder}, with {usb.SUMS}"
          + (f" signed in {usb.SIGNATURE}" if exported.signed else "")
          + f". Check it (after copying too) with: {command()} verify {args.output}")
    return 0


def _export_zim(args, cache, problems):
    from . import single, zim
    # The books are made from a build of their own, kept in the cache folder.
    built = site_build.build(args.content, cache / "zim-site", args.translations, cache)
    _print_problems(built.problems)
    loaded = single.built_app(args.content, args.translations, problems)
    if loaded is None:
        raise BuildFailed(problems)
    site, app = loaded
    return zim.write_all(app, site, built.output, args.output, problems,
                         everything=args.all_languages)


def run_verify(args):
    from . import usb
    try:
        report = usb.verify(args.folder, args.public_key)
    except (usb.CannotExport, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    for label, paths in (("altered", report.altered), ("missing", report.missing),
                         ("extra", report.extra)):
        for path in paths:
            print(f"{label + ':':9}{path}")
    if report.altered or report.missing or report.extra:
        print(f"{args.folder} does not match its {usb.SUMS}: {len(report.altered)} altered, "
              f"{len(report.missing)} missing, {len(report.extra)} extra. Do not pass this "
              f"copy on; make a new one.", file=sys.stderr)
    else:
        print(f"All {report.checked} files in {args.folder} are present and unchanged, "
              f"and there is no other file.")
    if report.signature == "good":
        print(f"{usb.SUMS} is signed with the key whose fingerprint is {report.fingerprint}.")
    elif report.signature == "bad":
        print(f"The signature does not match: {usb.SUMS} was not signed with the key whose "
              f"fingerprint is {report.fingerprint}, or it was changed.", file=sys.stderr)
    elif report.signature == "missing":
        print(f"{args.folder} has no {usb.SIGNATURE}: nothing says who made this copy.",
              file=sys.stderr)
    elif (args.folder / usb.SIGNATURE).is_file():
        print("The copy is signed: add --public-key KEY to check who signed it.")
    return 0 if report.ok else 1


def run_keygen(args):
    from . import signing
    try:
        private, public = signing.keygen(args.key)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    key = signing.read_public_key(public)
    print(f"wrote {private}  (the private key: keep it safe and never publish it)")
    print(f"wrote {public}  (the public key: publish it, and set public_key: {public} in "
          f"waymark.yml to show its fingerprint on the Offline page)")
    print(f"fingerprint: {signing.fingerprint(key)}")
    return 0


COMMANDS = {"init": run_init, "build": run_build, "serve": run_serve, "check": run_check,
            "status": run_status, "translate": run_translate, "mark-current": run_mark_current,
            "preview": run_preview, "export": run_export, "verify": run_verify,
            "keygen": run_keygen}
