"""Static files under names that carry a hash of their content, so that a
host may keep them for a year: what a deployer and a returning reader rely on."""
import hashlib
import json
import re
import shutil

import pytest

from conftest import ROOT
from helpers import static, write
from waymark import assets, offline
from waymark.build import build


def test_every_static_file_is_named_by_the_hash_of_what_it_holds(small_site):
    built = assets.in_build(small_site)
    assert {"style.css", "waymark.js", "keep.js", "search/search.js", "search/stem-ar.js",
            "icons/icon.svg", "icons/icon-192.png", "icons/icon-512.png"} <= set(built)
    for name, path in built.items():
        digest = hashlib.sha256((small_site / path).read_bytes()).hexdigest()[:8]
        stem, extension = name.rsplit(".", 1)
        assert path == f"static/{stem}.{digest}.{extension}"


def test_nothing_in_the_build_names_a_static_file_by_its_own_name(sample_site):
    # Pages at every depth, the 404 page, the manifests, the search pages
    # (which name their stemmer), the worker and its lists.
    own_names = re.compile(r"static/(style\.css|waymark\.js|keep\.js|search/search\.js|"
                           r"search/stem-[a-z]+\.js|icons/icon[-\w]*\.(svg|png))")
    for file in sample_site.rglob("*"):
        if file.suffix in (".html", ".webmanifest", ".json", ".js") and file.is_file():
            text = file.read_text(encoding="utf-8")
            assert not own_names.search(text), (file, own_names.search(text).group(0))
    manifest = json.loads((sample_site / "fa/manifest.webmanifest").read_text(encoding="utf-8"))
    assert [icon["src"] for icon in manifest["icons"]] == [
        "../" + static(sample_site, "icons/icon-192.png"),
        "../" + static(sample_site, "icons/icon-512.png")]


def test_a_changed_stylesheet_gets_a_new_name_and_an_unchanged_one_keeps_its_own(content, tmp_path):
    dist = tmp_path / "dist"
    write(tmp_path / "waymark.yml", "overrides: brand\n")
    write(tmp_path / "brand/static/extra.css", "body { margin: 0 }")
    build(content, dist)
    before = assets.in_build(dist)
    listed_before = dict(offline.read_build(dist / offline.WORKER)["shared"])
    own = (ROOT / "site/static/style.css").read_text(encoding="utf-8")
    write(tmp_path / "brand/static/style.css", own + "\n.notice { border-width: 3px; }\n")
    build(content, dist)
    after = assets.in_build(dist)

    assert after["style.css"] != before["style.css"]
    assert {name: path for name, path in after.items() if name != "style.css"} == {
        name: path for name, path in before.items() if name != "style.css"}
    # Every page names the new stylesheet; the old one is gone.
    for page in ("en/index.html", "ar/work/contract.html", "404.html", "index.html"):
        html = (dist / page).read_text(encoding="utf-8")
        assert after["style.css"].split("/")[-1] in html and before["style.css"] not in html
    assert not (dist / before["style.css"]).exists()
    # The worker's list names the new stylesheet; every other static file
    # keeps its name and revision, so a phone fetches only the stylesheet.
    listed = dict(offline.read_build(dist / offline.WORKER)["shared"])
    new = {(path, rev) for path, rev in listed.items() if path.startswith("static/")}
    new -= set(listed_before.items())
    assert new == {(after["style.css"], listed[after["style.css"]])}
    assert before["style.css"] not in listed


def test_a_rebuild_removes_old_hashed_files_and_keeps_the_hosts_own(content, tmp_path):
    # A GitHub Pages checkout: its .git, CNAME and .nojekyll stay; the old
    # styles go, whether or not the site's cache folder is still there.
    dist = tmp_path / "dist"
    write(tmp_path / "waymark.yml", "theme_colour: '#7a1f5c'\n")
    build(content, dist)
    write(dist / ".git/HEAD", "ref: refs/heads/main\n")
    write(dist / "CNAME", "guides.example.org\n")
    write(dist / ".nojekyll", "")
    first = assets.in_build(dist)
    for cache in (True, False):
        colour = "#1f4e7a" if cache else "#7a5c1f"
        write(tmp_path / "waymark.yml", f"theme_colour: '{colour}'\n")
        if not cache:  # a fresh clone: the earlier build's own lists say what it wrote
            shutil.rmtree(tmp_path / ".waymark")
        build(content, dist)
        now = assets.in_build(dist)
        # The theme colour is in the first screen's styles (and the icons).
        assert now["first-screen.css"] != first["first-screen.css"]
        assert now["waymark.js"] == first["waymark.js"]
        assert sorted(p.name for p in (dist / "static").glob("first-screen.*.css")) == [
            now["first-screen.css"].split("/")[-1]]
        assert sorted(p.name for p in (dist / "static/icons").iterdir()) == sorted(
            now[name].split("/")[-1] for name in ("icons/icon-192.png", "icons/icon-512.png",
                                                  "icons/icon.svg"))
        first = now
    assert (dist / ".git/HEAD").read_text() == "ref: refs/heads/main\n"
    assert (dist / "CNAME").read_text() == "guides.example.org\n" and (dist / ".nojekyll").exists()


def test_a_logo_and_the_sites_own_files_are_published_by_their_hash(content, tmp_path):
    write(tmp_path / "waymark.yml", "logo: brand.svg\noverrides: brand\n")
    write(tmp_path / "brand.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    write(tmp_path / "brand/static/fonts/notes.txt", "for the site's maintainers")
    build(content, tmp_path / "dist")
    built = assets.in_build(tmp_path / "dist")
    digest = hashlib.sha256(b'<svg xmlns="http://www.w3.org/2000/svg"/>').hexdigest()[:8]
    assert built["logo.svg"] == f"static/logo.{digest}.svg"
    assert re.fullmatch(r"static/fonts/notes\.[0-9a-f]{8}\.txt", built["fonts/notes.txt"])
    html = (tmp_path / "dist/en/work/contract.html").read_text(encoding="utf-8")
    assert f'<img src="../../{built["logo.svg"]}"' in html


@pytest.mark.parametrize("name", ["style.css", "search/stem-en.js", "LICENSE", "a.tar.gz",
                                  "font.0123abcd.woff2", "notes.12345678"])
def test_a_published_name_leads_back_to_the_file(name):
    published = assets.hashed(name, b"some content")
    assert published != name and assets.unhashed(published) == name
