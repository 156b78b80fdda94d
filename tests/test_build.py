"""Building the site: every page in its own language, honest notices, and a
failed build that leaves the last good site alone."""
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from helpers import static, write
from waymark import assets
from waymark.build import build
from waymark.errors import BuildFailed
from waymark.offline import listed_files, read_build


def page(site, path):
    return (site / path).read_text(encoding="utf-8")


def html_attrs(html):
    return re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">", html).groups()


def test_every_page_of_every_language_is_built(small_site):
    built = sorted(p.relative_to(small_site).as_posix() for p in small_site.rglob("*.html"))
    per_language = ["help/complaint.html", "help/index.html", "index.html", "not-saved.html",
                    "offline.html", "print.html", "search.html", "work/contract.html", "work/hours.html",
                    "work/index.html"]
    assert built == sorted(["index.html", "status.html", "404.html"] + [
        f"{lang}/{p}" for lang in ("ar", "en", "es", "fa") for p in per_language] + [
        f"downloads/{lang}.html" for lang in ("ar", "en", "es", "fa")])  # the single files


@pytest.mark.parametrize("lang, direction", [("en", "ltr"), ("es", "ltr"), ("ar", "rtl"),
                                             ("fa", "rtl")])
def test_each_page_declares_its_language_and_direction(small_site, lang, direction):
    for file in (small_site / lang).rglob("*.html"):
        assert html_attrs(file.read_text(encoding="utf-8")) == (lang, direction), file


def test_each_page_is_frozen_in_its_own_language(small_site):
    # The UI strings follow the page's language, not the first page frozen.
    assert "Todas las guías" in page(small_site, "es/work/hours.html")
    assert "كل الإرشادات" in page(small_site, "ar/work/hours.html")
    assert "All guides" in page(small_site, "en/work/hours.html")


def test_reviewed_translation_has_no_notice(small_site):
    html = page(small_site, "es/work/contract.html")
    assert "<h1>Tu contrato</h1>" in html
    assert 'class="note' not in html


def test_missing_translation_shows_the_source_with_a_notice(small_site):
    html = page(small_site, "fa/work/contract.html")
    assert '<article lang="en" dir="ltr">' in html and "<h1>Your contract</h1>" in html
    # In the reader's language, naming both languages in it.
    notice = re.search(r'<p class="note missing" lang="fa" dir="rtl">([^<]+)</p>', html).group(1)
    assert "فارسی" in notice and "انگلیسی" in notice and "translated" not in notice


def test_draft_translation_says_so_in_the_readers_language(small_site):
    html = page(small_site, "ar/work/contract.html")
    # One quiet line under the title, linking the original.
    assert ('<p class="note draft" lang="ar" dir="rtl">ترجمة مسودة، لم يراجعها بعد شخص يتقن اللغة. '
            '<a href="../../en/work/contract.html" lang="en">اقرأ النص الأصلي باللغة الإنجليزية</a></p>') in html
    assert '<article lang="ar" dir="rtl">' in html


def test_outdated_translation_says_so_and_links_the_original(small_site):
    html = page(small_site, "es/help/complaint.html")
    assert ('<p class="note outdated" lang="es" dir="ltr">El original en inglés ha cambiado desde '
            'esta traducción. <a href="../../en/help/complaint.html" lang="en">Leer el original en '
            'inglés</a></p>') in html


def test_guide_page_shows_date_sources_and_legal_notice(small_site):
    html = page(small_site, "es/work/contract.html")
    # The translation has no date of its own: it shows its original's, and says so.
    assert ('Última revisión (del original en inglés): <time datetime="2026-01-15">15 de enero '
            'de 2026</time>') in html
    assert "<li>ILO Convention No. 189, Article 7</li>" in html
    assert "no asesoría legal" in html


def test_language_switcher_marks_missing_and_draft(small_site):
    html = page(small_site, "en/work/contract.html")
    switcher = html[html.index('<details class="langs">'):html.index("</details>")]
    assert '<a href="../../es/work/contract.html" lang="es" dir="ltr" hreflang="es">español</a></li>' in switcher
    assert 'hreflang="ar">العربية</a> <small>draft</small>' in switcher
    assert 'hreflang="fa">فارسی</a> <small>not translated yet</small>' in switcher


def test_root_page_lists_languages_by_their_own_names(small_site):
    html = page(small_site, "index.html")
    for code, name in [("en", "English"), ("es", "español"), ("ar", "العربية"), ("fa", "فارسی")]:
        assert f'<a href="{code}/index.html" lang="{code}"' in html and f">{name}</a>" in html


def test_all_links_are_relative_and_end_in_html(small_site):
    for file in small_site.rglob("*.html"):
        if file.name == "404.html":
            continue  # shown at any address: see test_not_found_page_links_every_language
        for link in re.findall(r'<a href="([^"]+)"', file.read_text(encoding="utf-8")):
            path = link.split("#")[0]
            assert not path.startswith(("/", "http:", "https:")), (file, link)
            assert path == "" or path.endswith(".html"), (file, link)


def test_every_page_forbids_other_origins_and_inline_script(small_site):
    # (The single files allow their own inline code by hash: see test_single.py.)
    for file in set(small_site.rglob("*.html")) - set(small_site.glob("downloads/*")):
        html = file.read_text(encoding="utf-8")
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, file
        assert "unsafe-inline" not in csp
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), f"inline script in {file}"
        assert not re.search(r'(src|href)="(https?:)?//', html), f"other origin in {file}"


def test_web_app_manifest_per_language(small_site):
    manifest = json.loads(page(small_site, "ar/manifest.webmanifest"))
    assert manifest["lang"] == "ar" and manifest["dir"] == "rtl"
    assert manifest["start_url"] == "index.html" and manifest["theme_color"]
    assert {(i["src"], i["sizes"]) for i in manifest["icons"]} == {
        ("../" + static(small_site, "icons/icon-192.png"), "192x192"),
        ("../" + static(small_site, "icons/icon-512.png"), "512x512")}
    for icon in manifest["icons"]:
        png = (small_site / "ar" / icon["src"]).read_bytes()
        size = int(icon["sizes"].split("x")[0])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == int.from_bytes(png[20:24], "big") == size


def test_every_file_the_build_wrote_is_listed_for_the_next_build(small_site):
    # A rebuild replaces only what a build wrote; without the site's cache it
    # reads that from the worker's lists, so they name every file.
    on_disk = {p.relative_to(small_site).as_posix() for p in small_site.rglob("*") if p.is_file()}
    assert listed_files(small_site) == on_disk
    # The single files too, which the worker does not save: its data names them apart.
    assert {p for p in on_disk if p.startswith("downloads/")} == {
        f"downloads/{c}.html" for c in ("ar", "en", "es", "fa")}
    # And the first screen's styles as a file, which every page carries inside.
    assert read_build(small_site / "sw.js")["unsaved"] == sorted(
        f"downloads/{c}.html" for c in ("ar", "en", "es", "fa")) + [
        static(small_site, "first-screen.css")]
    # No stemmer that no language of the site uses is published.
    assert {assets.unhashed(p) for p in on_disk if "stem-" in p} == {
        f"static/search/stem-{c}.js" for c in ("ar", "en", "es", "fa")}


def test_the_sample_guides_build_cleanly(sample_site):
    # The README's quick start builds these: no errors, no warnings, all languages.
    assert {p.name for p in sample_site.iterdir()} >= {"en", "es", "ar", "index.html", "sw.js"}
    for section in ("work-contracts", "complaints", "asylum"):
        assert list((sample_site / "ar" / section).glob("*.html")) != []


def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_failed_build_lists_problems_and_keeps_the_previous_site(content, tmp_path):
    output = tmp_path / "dist"
    first = run_cli("build", "--content", content, "--output", output)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}

    write(content / "en/work/hours.md", "---\ntitle: Hours\nreviewd: 2026-01-15\n---\n"
                                        "[pay](pay.md)\n")
    second = run_cli("build", "--content", content, "--output", output)
    assert second.returncode == 1
    hours = content / "en/work/hours.md"
    assert second.stderr.splitlines() == [
        f"{hours}:3: error: unknown key 'reviewd' (did you mean 'reviewed'?)",
        f"{hours}:5: error: link to a missing guide 'pay.md'",
        "Build failed: 2 error(s). Nothing was written; the previous build (if any) is unchanged.",
    ]
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    # No staging or backup folder is left beside it (.waymark is the site's cache).
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".waymark"]


def test_build_refuses_to_replace_files_it_did_not_write(content, tmp_path):
    precious = write(tmp_path / "notes/index.html", "my own page")
    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "notes")
    assert [p.message for p in failure.value.problems.items] == [
        "the build would replace 1 file(s) that Waymark did not write: index.html. "
        "Move them away, or choose another --output"]
    assert precious.read_text() == "my own page"
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["index.html"]


def test_broken_catalogue_fails_the_build(content, tmp_path):
    translations = tmp_path / "translations"
    write(translations / "es/LC_MESSAGES/messages.po", 'msgid "Sources"\nmsgstr Fuentes\n')
    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "dist", translations)
    assert [str(p).rsplit("translations/", 1)[1] for p in failure.value.problems.items] == [
        "es/LC_MESSAGES/messages.po:2: error: this text must be in double quotes, "
        "with any \" inside written as \\\""]
    assert not (tmp_path / "dist").exists()



def test_a_guides_own_images_are_copied_beside_it_in_every_language(content, tmp_path):
    write(content / "en/work/hours.md", (content / "en/work/hours.md").read_text()
          + "\n\n![A week of working hours](img/week.png)\n")
    write(content / "en/work/img/week.png", "a picture of a week")
    site = build(content, tmp_path / "dist").output
    for lang in ("en", "es", "ar", "fa"):  # no translation yet: each shows the English page
        assert (site / lang / "work/img/week.png").read_text() == "a picture of a week"
        assert '<img alt="A week of working hours" src="img/week.png">' in page(
            site, f"{lang}/work/hours.html")
    ar_list = json.loads(page(site, "ar/offline.json"))["files"]
    assert "ar/work/img/week.png" in {path for path, _ in ar_list}  # saved for offline too


def test_a_template_link_to_a_page_that_was_not_built_fails_the_build(content, tmp_path):
    write(tmp_path / "waymark.yml", "overrides: brand\n")
    write(tmp_path / "brand/templates/home.html",
          '{% extends "base.html" %}{% block main %}<a href="'
          "{{ url('pages.guide', lang=lang.code, section='work', slug='overtime') }}"
          '">Overtime</a>{% endblock %}')
    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "dist")
    assert [str(p) for p in failure.value.problems.items][:2] == [
        "(built page) ar/index.html: error: it links to '/ar/work/overtime.html', which was not "
        "built",
        "(built page) en/index.html: error: it links to '/en/work/overtime.html', which was not "
        "built"]
    assert not (tmp_path / "dist").exists()
