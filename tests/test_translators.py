"""A translator's tools: `check` says exactly what to fix, `status` how far
each language is, `translate` starts a language, `mark-current` records an
update, and the live preview shows errors instead of stopping."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from urllib.request import urlopen

import pytest
from werkzeug.test import Client

from conftest import DATA, ROOT
from helpers import write
from waymark import catalogs, markup
from waymark.build import build
from waymark.preview import LivePreview

BROKEN = "tests/data/broken"
UI = len(catalogs.template_ids(ROOT / "translations"))  # UI strings in messages.pot


def run(*args, cwd=ROOT):
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                            capture_output=True, text=True, cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def check(content, translations, *options, cwd=ROOT):
    return run("check", "--content", content, "--translations", translations, *options, cwd=cwd)


def test_check_reports_every_problem_once_with_file_and_line():
    result = check(f"{BROKEN}/content", f"{BROKEN}/translations")
    c, t = f"{BROKEN}/content", f"{BROKEN}/translations"
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{c}/en/work/hours.md:4: error: the front matter is not valid YAML: mapping values are "
        f"not allowed here (a value that contains ': ' must be in quotes: title: \"Step 1: ask\")",
        f"{c}/en/work/pay.md:2: error: unknown key 'titel' (did you mean 'title'?)",
        f"{c}/es/work/_index.md:4: error: 'status' must be 'draft' or 'reviewed'",
        f"{c}/en/work/pay.md:7: error: link to a missing guide 'payslip.md'",
        f"{c}/en/work/pay.md:10: warning: removed <script>: raw HTML of this kind is not "
        f"allowed in guides",
        f"{c}/en/work/pay.md:8: error: link to '../glossary.md#overtme': {c}/en/glossary.md has "
        f"no heading with the id 'overtme' (did you mean 'overtime'?)",
        f"{c}/es/work/_index.md:3: warning: the en source has changed since this translation was "
        f"made ({c}/en/work/_index.md); update the translation, then run: python3 build.py "
        f"mark-current {c}/es/work/_index.md (git has no version 1111111111aa of the source to "
        f"show what changed)",
        f"{c}/en/work/pay.md:3: warning: last reviewed on 2020-01-15, more than a year ago: "
        f"check that it is still right, then update 'reviewed'",
        f"{c}/es/glossary.md:3: warning: the en source has changed since this translation was "
        f"made ({c}/en/glossary.md); update the translation, then run: python3 build.py "
        f"mark-current {c}/es/glossary.md (git has no version 0000000000ab of the source to "
        f"show what changed)",
        f"{t}/es/LC_MESSAGES/messages.po:9: error: the translation of 'Read the %(source)s "
        f"original' must keep the placeholders %(source)s, but has %(fuente)s",
        f"{t}/es/LC_MESSAGES/messages.po:13: warning: 'All guides' is marked fuzzy: check the "
        f"translation, then remove the '#, fuzzy' line",
        # Waymark's own catalogues have 'Search' in Spanish and every string in
        # Persian: a site's catalogue need only hold what it changes.
        "6 error(s), 5 warning(s)",
    ]


def test_check_speaks_json_for_ci():
    result = check(f"{BROKEN}/content", f"{BROKEN}/translations", "--format", "json")
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"]) == (6, 5)
    assert report["problems"][1] == {"path": f"{BROKEN}/content/en/work/pay.md", "line": 2,
                                     "level": "error",
                                     "message": "unknown key 'titel' (did you mean 'title'?)"}


def clean_site(tmp_path):
    """The small test site with nothing left to do: no stale or odd files."""
    content = tmp_path / "content"
    shutil.copytree(DATA / "site", content)
    (content / "es/help/complaint.md").unlink()
    shutil.rmtree(content / "fa")
    return content


def test_a_valid_tree_reports_nothing(tmp_path):
    result = check(clean_site(tmp_path), ROOT / "translations", "--strict")
    assert result.stdout.splitlines() == ["0 error(s), 0 warning(s) (--strict: warnings count as errors)"]
    assert result.returncode == 0


def test_strict_turns_warnings_into_a_failure(tmp_path):
    content = clean_site(tmp_path)
    write(content / "en/work/hours.md", "---\ntitle: Hours\nreviewed: 2019-05-01\n---\nText\n")
    assert check(content, ROOT / "translations").returncode == 0
    assert check(content, ROOT / "translations", "--strict").returncode == 1


def git(folder, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=folder, check=True, capture_output=True)


def test_changed_source_shows_as_outdated_with_its_changes_until_marked_current(tmp_path):
    content = clean_site(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "guides")
    source = content / "en/work/contract.md"
    source.write_text(source.read_text().replace("2. Keep a copy.", "2. Keep two copies."))

    result = check(content, ROOT / "translations", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0] == ("content/ar/work/contract.md:4: warning: the en source has changed since "
                        "this translation was made (content/en/work/contract.md); update the "
                        f"translation, then run: python3 {ROOT}/build.py mark-current "
                        "content/ar/work/contract.md")
    assert lines[1:4] == ["    @@ -12 +12 @@", "    -2. Keep a copy.", "    +2. Keep two copies."]
    assert lines[4].startswith("content/es/work/contract.md:4: warning: the en source has changed")
    status = run("status", "--content", content, cwd=tmp_path).stdout.splitlines()
    assert status[2] == f"es Spanish                   1      0         1        4 {UI:5}/{UI}"

    marked = run("mark-current", "content/es/work/contract.md", "--content", "content",
                 cwd=tmp_path)
    assert marked.stdout == ("content/es/work/contract.md: now matches "
                             "content/en/work/contract.md\n")
    lines = check(content, ROOT / "translations", cwd=tmp_path).stdout.splitlines()
    assert not any(line.startswith("content/es/work/contract.md") for line in lines)
    assert lines[0].startswith("content/ar/work/contract.md:4: warning: the en source")

    # The command the check suggests works when pasted, as it is.
    pasted = subprocess.run(lines[0].rsplit("then run: ", 1)[1], shell=True, cwd=tmp_path,
                            capture_output=True, text=True)
    assert pasted.returncode == 0, pasted.stderr
    lines = check(content, ROOT / "translations", cwd=tmp_path).stdout.splitlines()
    assert not any(line.startswith("content/ar/work/contract.md") for line in lines)


def test_status_table_and_page(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "site", content)
    status = run("status", "--content", content).stdout.splitlines()
    assert status == [
        "language                  done  draft  outdated  missing  UI strings   (6 files in en)",
        f"ar Arabic                    0      2         0        4 {UI:5}/{UI}",
        f"es Spanish                   2      0         1        3 {UI:5}/{UI}",
        f"fa Persian                   0      1         0        5 {UI:5}/{UI}",
        "The built site has the same as a page: status.html. "
        "'python3 build.py check' lists what to fix.",
    ]
    site = tmp_path / "dist"
    build(content, site, ROOT / "translations")
    page = (site / "status.html").read_text(encoding="utf-8")
    assert '<th scope="row"><span lang="fa" dir="rtl">فارسی</span></th>' in page
    assert '<a href="es/help/complaint.html">Making a complaint</a>' in page


def test_a_new_language_appears_with_its_name_and_direction(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "site", content)
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)

    started = run("translate", "ps", "work/contract.md", "--content", content,
                  "--translations", translations)
    assert started.returncode == 0, started.stderr
    draft = (content / "ps/work/contract.md").read_text(encoding="utf-8")
    assert draft.startswith("---\ntitle: Your contract\nsummary: What a contract says.\n")
    assert "status: draft\n" in draft and "order:" not in draft and "reviewed:" not in draft
    assert (translations / "ps/LC_MESSAGES/messages.po").exists()

    site = tmp_path / "dist"
    build(content, site, translations)
    assert '<html lang="ps" dir="rtl">' in (site / "ps/work/contract.html").read_text()
    assert 'lang="ps" dir="rtl" hreflang="ps" data-lang="ps">پښتو</a>' in (
        site / "index.html").read_text()


def test_translate_refuses_an_unknown_language(tmp_path):
    result = run("translate", "xx-nope", "--content", clean_site(tmp_path))
    assert result.returncode == 1
    assert result.stderr == ("'xx-nope' is not a language code (use a code such as 'ar', "
                             "'fa' or 'pt-BR')\n")


def test_live_preview_rerenders_and_shows_errors_instead_of_stopping(tmp_path):
    content = clean_site(tmp_path)
    preview = LivePreview(content, ROOT / "translations")
    client = Client(preview)
    assert "<h1>Working hours</h1>" in client.get("/en/work/hours.html").text

    hours = content / "en/work/hours.md"
    hours.write_text(hours.read_text().replace("title: Working hours", "title: Your hours"))
    assert "<h1>Your hours</h1>" in client.get("/en/work/hours.html").text

    hours.write_text(hours.read_text().replace("title: Your hours", "titel: Your hours"))
    broken = client.get("/en/work/hours.html")
    assert broken.status_code == 500
    assert "en/work/hours.md:2: error: unknown key &#x27;titel&#x27;" in broken.text

    hours.write_text(hours.read_text().replace("titel:", "title:"))
    assert client.get("/en/work/hours.html").status_code == 200


def test_live_preview_shows_the_error_on_every_request_until_it_is_fixed(tmp_path):
    content = clean_site(tmp_path)
    preview = LivePreview(content, ROOT / "translations")
    client = Client(preview)
    assert "<h1>Working hours</h1>" in client.get("/en/work/hours.html").text

    hours = content / "en/work/hours.md"
    hours.write_text(hours.read_text().replace("title: Working hours", "title: [Working, hours]"))
    for page in ("/en/work/hours.html", "/en/work/hours.html", "/es/work/contract.html"):
        answer = client.get(page)
        assert answer.status_code == 500
        assert "en/work/hours.md:2: error: &#x27;title&#x27; must be some text" in answer.text
        assert "<h1>Working hours</h1>" not in answer.text


def test_live_preview_never_falls_back_to_the_last_good_page(tmp_path, monkeypatch):
    content = clean_site(tmp_path)
    preview = LivePreview(content, ROOT / "translations")
    client = Client(preview)
    assert client.get("/en/work/hours.html").status_code == 200

    def crash(*args):
        raise RuntimeError("a bug in Waymark")
    monkeypatch.setattr("waymark.build.load", crash)
    (content / "en/work/hours.md").touch()
    os.utime(content / "en/work/hours.md", ns=(1, 1))
    for _ in range(2):
        answer = client.get("/en/work/hours.html")
        assert answer.status_code == 500
        assert "Waymark could not read this content (RuntimeError: a bug in Waymark)" in answer.text


def test_live_preview_writes_no_temporary_files_however_often_it_reloads(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    content = clean_site(tmp_path)
    client = Client(LivePreview(content, ROOT / "translations"))
    hours = content / "en/work/hours.md"
    for edit in range(4):
        hours.write_text(hours.read_text() + f"\nEdit {edit}.\n")
        os.utime(hours, ns=(edit + 10, edit + 10))
        assert f"Edit {edit}." in client.get("/en/work/hours.html").text
    assert list(temp.iterdir()) == []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_stopping_the_preview_leaves_nothing_behind(tmp_path, stop):
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "preview", "--content",
                               clean_site(tmp_path), "--port", str(port)],
                              env={**os.environ, "TMPDIR": str(temp)}, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urlopen(f"http://127.0.0.1:{port}/en/work/hours.html", timeout=5) as page:
                    assert page.status == 200
                break
            except OSError:
                time.sleep(0.1)
        assert list(temp.iterdir()) == []  # it compiles nothing to disk
        server.send_signal(stop)
        _, err = server.communicate(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert "Traceback" not in err
    assert list(temp.iterdir()) == []


def test_live_preview_renders_again_only_the_file_that_was_saved(tmp_path, monkeypatch):
    content = clean_site(tmp_path)
    client = Client(LivePreview(content, ROOT / "translations"))
    assert client.get("/en/work/hours.html").status_code == 200
    rendered = []
    real = markup.render
    monkeypatch.setattr(markup, "render", lambda body, **k: rendered.append(k["path"]) or
                        real(body, **k))
    hours = content / "en/work/hours.md"
    hours.write_text(hours.read_text().replace("title: Working hours", "title: Your hours"))
    os.utime(hours, ns=(5, 5))
    assert "<h1>Your hours</h1>" in client.get("/en/work/hours.html").text
    assert rendered == [hours]
