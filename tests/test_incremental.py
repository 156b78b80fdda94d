"""A rebuild reuses what did not change, and its output is byte for byte
what a clean build of the same files gives, whatever changed."""
import shutil

import pytest

from conftest import ROOT
from helpers import write
from waymark import cache, freeze, parallel
from waymark.build import build


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_a_source_with_translations(site):
    edit(site / "content/en/work/contract.md", "Keep a copy.", "Keep two copies.")


def change_a_translation(site):
    edit(site / "content/es/work/contract.md", "Tu contrato", "Tu contrato de trabajo")


def change_a_title_other_pages_list(site):
    edit(site / "content/en/work/hours.md", "title: Working hours", "title: Your hours")


def change_a_catalogue(site):
    write(site / "translations/es/LC_MESSAGES/messages.po",
          'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgid "All guides"\nmsgstr "Todas nuestras guías"\n')


def change_a_template(site):
    write(site / "waymark.yml", "overrides: brand\n")
    write(site / "brand/templates/home.html",
          '{% extends "base.html" %}{% block main %}<h1>Our own home</h1>{% endblock %}')


def change_the_settings(site):
    write(site / "waymark.yml", "name: Camino\ntheme_colour: '#7a1f5c'\n")


def add_a_guide(site):
    write(site / "content/en/work/pay.md", "---\ntitle: Your pay\nreviewed: 2026-11-01\n---\n"
                                           "Ask for a payslip. See [hours](hours.md).\n")


def remove_a_translation(site):
    (site / "content/ar/work/contract.md").unlink()


def change_the_readers_words(site):
    write(site / "content/en/_search.yml", "guides:\n  work/contract.md: [agreement]\n")


def change_an_image(site):
    write(site / "content/en/work/img/week.png", "a picture")
    edit(site / "content/en/work/hours.md", "\n---\n", "\n---\n![A week](img/week.png)\n")


CHANGES = [change_a_source_with_translations, change_a_translation,
           change_a_title_other_pages_list, change_a_catalogue, change_a_template,
           change_the_settings, add_a_guide, remove_a_translation, change_the_readers_words,
           change_an_image]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_a_rebuild_after_a_change_is_the_clean_build_of_it(change, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # one build date for both builds
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests/data/site", site / "content")
    translations = site / "translations"
    translations.mkdir()
    build(site / "content", site / "dist", translations)  # fills the cache
    change(site)
    build(site / "content", site / "dist", translations)  # reuses it
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("dist", ".waymark"))
    build(clean / "content", clean / "dist", clean / "translations")
    assert snapshot(site / "dist") == snapshot(clean / "dist")


def test_a_rebuild_with_nothing_changed_renders_nothing(content, tmp_path, monkeypatch):
    build(content, tmp_path / "dist")
    rendered = []
    monkeypatch.setattr("waymark.markup.render", lambda *a, **k: rendered.append(a))
    monkeypatch.setattr("waymark.search.export.write_language", lambda *a: rendered.append(a))
    monkeypatch.setattr("waymark.single.assemble", lambda *a: rendered.append(a))
    monkeypatch.setattr(parallel, "cores", lambda: 1)  # the pages frozen here, to list
    real = freeze.freeze_pages
    monkeypatch.setattr(freeze, "freeze_pages", lambda app, pages: (
        rendered.extend(page for page in pages if page[0] != "static"), real(app, pages))[1])
    build(content, tmp_path / "dist")
    assert rendered == []  # not a page, not even the status page, nor a single file


def test_a_changed_source_redoes_its_own_pages_not_every_translated_page(content, tmp_path,
                                                                         monkeypatch):
    # Its translations become outdated: their own pages say so, no other page does.
    build(content, tmp_path / "dist")
    frozen = []
    monkeypatch.setattr(parallel, "cores", lambda: 1)  # the pages frozen here, to count
    real = freeze.freeze_pages
    monkeypatch.setattr(freeze, "freeze_pages", lambda app, pages: (
        frozen.extend(pages), real(app, pages))[1])
    edit(content / "en/work/contract.md", "Keep a copy.", "Keep two copies.")
    build(content, tmp_path / "dist")
    pages = [(endpoint, values) for endpoint, values in frozen if endpoint != "static"]
    assert {values["lang"] for endpoint, values in pages
            if values.get("slug") == "contract"} == {"en", "ar", "es", "fa"}
    others = {(endpoint, values.get("slug")) for endpoint, values in pages
              if values.get("slug") != "contract"}
    # The status page shows every file's state; home and Offline offer the
    # single file, whose size changed.
    assert others == {("pages.status", None), ("pages.home", None), ("pages.page", "offline")}


def test_a_source_changed_again_leaves_its_outdated_translations_alone(content, tmp_path,
                                                                       monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    edit(content / "en/work/contract.md", "Keep a copy.", "Keep two copies.")
    build(content, tmp_path / "dist")  # its translations are outdated from now on
    frozen = []
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    real = freeze.freeze_pages
    monkeypatch.setattr(freeze, "freeze_pages", lambda app, pages: (
        frozen.extend(pages), real(app, pages))[1])
    edit(content / "en/work/contract.md", "Keep two copies.", "Keep three copies.")
    build(content, tmp_path / "dist")
    # The source's own page, and where the guide is not translated, the
    # source shown in its place (fa); not the outdated translations.
    shows_the_source = {"en"} | {folder.name for folder in content.iterdir()
                                 if folder.is_dir() and not (folder / "work/contract.md").exists()}
    assert shows_the_source == {"en", "fa"}
    assert {values.get("lang") for endpoint, values in frozen
            if values.get("slug") == "contract"} == shows_the_source
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    clean = tmp_path / "clean"
    shutil.copytree(content, clean / "content")
    build(clean / "content", clean / "dist")
    assert snapshot(tmp_path / "dist") == snapshot(clean / "dist")


def test_a_new_waymark_or_an_edited_template_changes_every_key(tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    shutil.copytree(ROOT / "site", site_dir)
    monkeypatch.setattr(cache, "SITE_DIR", site_dir)
    cache.code_version.cache_clear()
    before = cache.code_version()
    edit(site_dir / "templates/guide.html", "</article>", "</article>\n")
    cache.code_version.cache_clear()
    assert cache.code_version() != before
    monkeypatch.undo()
    cache.code_version.cache_clear()


def test_the_cache_keeps_only_what_the_last_build_used(content, tmp_path):
    build(content, tmp_path / "dist")
    store = tmp_path / ".waymark/cache"
    first = {p.name for p in store.rglob("*") if p.is_file()}
    edit(content / "en/work/hours.md", "title: Working hours", "title: Your hours")
    build(content, tmp_path / "dist")
    second = {p.name for p in store.rglob("*") if p.is_file()}
    assert second != first and len(second) <= len(first) + 2
