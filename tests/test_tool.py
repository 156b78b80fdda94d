"""Waymark as a tool an organisation installs: `pip install`, `waymark init`,
then build, check and publish a site of its own, branded and in its
languages, without forking."""
import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from helpers import load, static, write
from waymark import __version__, config, scaffold
from waymark.build import build
from waymark.errors import BuildFailed


def run(command, cwd):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def test_installed_waymark_starts_builds_and_checks_a_new_site(tmp_path):
    # The checkout's files, as a fresh clone has them (git's list, no build output).
    source = tmp_path / "checkout"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for name in files:
        if not name.startswith(("tests/", "bench/")) and (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    venv = tmp_path / "venv"
    # The packages it needs are this Python's; nothing is downloaded.
    run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
        tmp_path)
    run([sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "-q",
         "--no-build-isolation", "--no-deps", str(source)], tmp_path)
    installed = next(venv.glob("lib/python*/site-packages"))
    assert not (installed / "search").exists()  # no generic top-level module
    assert (installed / "waymark/search/analysis.py").is_file()
    assert (installed / "waymark/site/templates/guide.html").is_file()

    waymark = str(venv / "bin/waymark")
    assert run([waymark, "--version"], tmp_path).stdout.strip() == f"Waymark {__version__}"
    run([waymark, "init", "my-site"], tmp_path)
    site = tmp_path / "my-site"
    built = run([waymark, "build"], site)  # no flags: every default is the site folder's
    assert re.search(rf"^Built \d+ files into {re.escape(str(site / 'dist'))}$", built.stdout,
                     flags=re.M)
    assert run([waymark, "check"], site).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"
    assert (site / "dist/en/work/keeping-records.html").is_file()
    assert not (installed / "waymark/dist").exists() and not (source / "dist").exists()


def test_init_writes_a_site_that_builds_cleanly(tmp_path):
    made = scaffold.init(tmp_path / "site")
    assert sorted(p.relative_to(tmp_path / "site").as_posix() for p in made) == [
        ".gitignore", "README.md", "content/en/getting-help.md", "content/en/work/_index.md",
        "content/en/work/keeping-records.md", "translations/README.md", "waymark.yml"]
    site, problems = load(tmp_path / "site/content")
    assert problems == []
    assert [kind for kind in {entry.kind.name for entry in site.entries}] != []
    assert {entry.kind.name for entry in site.entries} == {"section", "guide", "page"}
    result = build(tmp_path / "site/content")
    assert result.problems.items == [] and (tmp_path / "site/dist/index.html").is_file()


def test_init_refuses_a_folder_that_holds_files(tmp_path):
    write(tmp_path / "site/notes.txt", "mine")
    with pytest.raises(scaffold.NotEmpty, match="is not empty: choose a new folder"):
        scaffold.init(tmp_path / "site")


def test_every_setting_is_documented():
    documented = re.findall(r"^## `(\w+)`$", (ROOT / "docs/configuration.md").read_text(),
                            flags=re.M)
    assert documented == list(config.DEFAULTS)
    starter = (ROOT / "waymark/starter/waymark.yml").read_text()
    assert all(re.search(rf"^#? ?{key}:", starter, flags=re.M) for key in config.DEFAULTS)


def test_languages_babel_lacks_build_right_to_left_in_their_own_names_and_strings(content,
                                                                                  tmp_path):
    # Dari (prs) has Waymark's own catalogue; Hazaragi (haz) has none and
    # shows Dari's strings, then Persian's, as its fallbacks say.
    for code in ("prs", "haz"):
        shutil.copytree(content / "fa", content / code)
        for file in (content / code).rglob("*.md"):
            file.write_text(file.read_text(encoding="utf-8").replace("status: reviewed",
                                                                       "status: draft"))
    build(content, tmp_path / "dist")

    def placeholder(code):
        html = (tmp_path / f"dist/{code}/index.html").read_text(encoding="utf-8")
        return html, re.search(r'placeholder="([^"]+)"', html).group(1)

    dari, dari_search = placeholder("prs")
    hazaragi, hazaragi_search = placeholder("haz")
    assert '<html lang="prs" dir="rtl">' in dari and '<html lang="haz" dir="rtl">' in hazaragi
    assert "دری" in dari and "هزارگی" in hazaragi  # their own names, which Babel does not have
    assert hazaragi_search == dari_search != "Search the guides"


def test_a_site_can_name_direct_and_back_a_language_itself(content):
    write(content.parent / "waymark.yml", "language_settings:\n"
                                          "  es: {name: Castellano}\n"
                                          "  fa: {dir: ltr, fallbacks: [ar]}\n")
    site, problems = load(content)
    assert problems == []
    assert site.config.language("es").name == "Castellano"
    assert site.config.language("fa").dir == "ltr"
    assert site.config.language("fa").fallbacks == ("ar",)


def test_one_language_in_two_spellings_is_one_language(content):
    shutil.copytree(content / "es", content / "zh_Hans")
    shutil.copytree(content / "es", content / "zh-hans")
    _, problems = load(content)
    assert problems == ["content/zh_Hans: error: 'zh_Hans' and 'zh-hans' are the same "
                        "language (zh-Hans): keep one folder"]


def test_a_folder_with_an_underscore_is_published_under_its_bcp47_code(content, tmp_path):
    (content / "es").rename(content / "pt_BR")
    build(content, tmp_path / "dist")
    html = (tmp_path / "dist/pt-BR/work/contract.html").read_text(encoding="utf-8")
    assert '<html lang="pt-BR" dir="ltr">' in html
    assert "<h1>Tu contrato</h1>" in html  # the folder's own files, read from pt_BR/


def test_a_template_and_a_stylesheet_of_the_sites_own_replace_waymarks(content, tmp_path):
    write(tmp_path / "waymark.yml", "overrides: brand\n")
    write(tmp_path / "brand/templates/home.html",
          '{% extends "base.html" %}{% block main %}<h1>Our own home</h1>{% endblock %}')
    write(tmp_path / "brand/static/extra.css", "body { margin: 0 }")
    build(content, tmp_path / "dist")
    assert "<h1>Our own home</h1>" in (tmp_path / "dist/en/index.html").read_text()
    extra = tmp_path / "dist" / static(tmp_path / "dist", "extra.css")
    assert extra.read_text() == "body { margin: 0 }"
    assert "<h1>Your contract</h1>" in (tmp_path / "dist/en/work/contract.html").read_text()


def test_one_theme_colour_reaches_the_stylesheet_manifest_and_icons(content, tmp_path):
    write(tmp_path / "waymark.yml", "theme_colour: '#7a1f5c'\nname: {en: Camino, es: Camino ES}\n")
    build(content, tmp_path / "dist")
    dist = tmp_path / "dist"
    assert "--brand: #7a1f5c" in (dist / static(dist, "first-screen.css")).read_text()
    assert "--brand: #7a1f5c" in (dist / "en/index.html").read_text()  # the styles inside each page
    manifest = json.loads((dist / "es/manifest.webmanifest").read_text())
    assert (manifest["theme_color"], manifest["name"]) == ("#7a1f5c", "Camino ES")
    assert 'content="#7a1f5c"' in (dist / "en/index.html").read_text()
    png = (dist / static(dist, "icons/icon-192.png")).read_bytes()
    assert png != (ROOT / "site/static/icons/icon-192.png").read_bytes()
    assert int.from_bytes(png[16:20], "big") == 192
    assert 'fill="#7a1f5c"' in (dist / static(dist, "icons/icon.svg")).read_text()


def test_bad_settings_name_their_line(content):
    write(content.parent / "waymark.yml", "theme_colour: teal\nbase_url: example.org\n"
                                          "logo: missing.png\ncontent_licence: CC-BY\n")
    _, problems = load(content)
    assert problems == [
        "waymark.yml:1: error: 'theme_colour' must be a colour written like #0c5c58, not 'teal'",
        "waymark.yml:2: error: 'base_url' must be the address the site is published at, such as "
        "https://example.org/guides/, not 'example.org'",
        "waymark.yml:4: error: 'content_licence' must be one of CC-BY-4.0, CC-BY-SA-4.0, "
        "CC-BY-NC-4.0, CC0-1.0, none, not 'CC-BY' (did you mean 'CC-BY-4.0'?)",
        "waymark.yml: error: 'logo' names missing.png, which is not a file in "
        f"{content.parent.resolve()}",
    ]


def test_the_build_prints_and_publishes_its_version(content, tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content",
                             str(content), "--output", str(tmp_path / "dist")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.splitlines()[0] == f"Waymark {__version__}"
    html = (tmp_path / "dist/en/index.html").read_text(encoding="utf-8")
    assert f'<meta name="generator" content="Waymark {__version__}">' in html
    assert f"Waymark {__version__}</p>" in html and "CC BY 4.0" in html


def test_the_translation_template_names_files_relative_to_the_project():
    references = re.findall(r"^#: (.+)$", (ROOT / "translations/messages.pot").read_text(),
                            flags=re.M)
    paths = [path for line in references for path in line.split()]
    assert paths and all(not path.startswith("/") for path in paths)
    assert all((ROOT / path.split(":")[0]).exists() for path in paths)


def test_a_build_with_errors_writes_no_output(content, tmp_path):
    write(content / "en/work/hours.md", "---\ntitel: Hours\n---\n")
    with pytest.raises(BuildFailed):
        build(content, tmp_path / "dist")
    assert not (tmp_path / "dist").exists()
