"""Publishing safely: a rebuild replaces only what Waymark wrote, never
loses the previous build, and leaves no litter."""
import errno
import os
import shutil
import time

import pytest

from helpers import static, write
from waymark import publish
from waymark.build import build
from waymark.errors import BuildFailed


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def pages_checkout(content, tmp_path):
    """A GitHub Pages checkout with a first build in it."""
    output = tmp_path / "pages"
    write(output / ".git/HEAD", "ref: refs/heads/gh-pages\n")
    write(output / "CNAME", "guides.example.org\n")
    write(output / ".nojekyll", "")
    write(output / "google1234.html", "google-site-verification: google1234.html")
    build(content, output)
    return output


def test_a_rebuild_keeps_git_cname_nojekyll_and_files_of_its_own(content, pages_checkout):
    theirs = {path: data for path, data in snapshot(pages_checkout).items()
              if path.startswith(".") or path in ("CNAME", "google1234.html")}
    write(content / "en/work/hours.md", (content / "en/work/hours.md").read_text()
          .replace("Working hours", "Your hours"))
    build(content, pages_checkout)
    assert "<h1>Your hours</h1>" in (pages_checkout / "en/work/hours.html").read_text()
    after = snapshot(pages_checkout)
    assert {path: after.get(path) for path in theirs} == theirs


def test_a_removed_guide_leaves_no_page_behind(content, pages_checkout):
    (content / "en/work/hours.md").unlink()
    for lang in ("es", "ar"):
        (content / lang / "work/hours.md").unlink(missing_ok=True)
    build(content, pages_checkout)
    assert not list(pages_checkout.glob("*/work/hours.html"))
    assert (pages_checkout / "CNAME").exists()


def test_a_fresh_clone_without_the_record_still_knows_the_earlier_build(content, pages_checkout,
                                                                       tmp_path):
    shutil.rmtree(tmp_path / ".waymark")  # the site's cache, which a fresh clone lacks
    (content / "en/work/hours.md").unlink()
    for lang in ("es", "ar"):
        (content / lang / "work/hours.md").unlink(missing_ok=True)
    build(content, pages_checkout)
    assert not list(pages_checkout.glob("*/work/hours.html"))
    assert (pages_checkout / "google1234.html").exists()


def test_the_output_holds_nothing_readers_do_not_need(content, tmp_path):
    output = tmp_path / "dist"
    build(content, output)
    assert sorted(p.name for p in output.iterdir()) == [
        "404.html", "ar", "downloads", "en", "es", "fa", "index.html", "static", "status.html",
        "sw.js"]
    assert [p for p in output.rglob(".*")] == []
    # The preview server's search index lives in the site's cache instead.
    assert (tmp_path / ".waymark/search/en").is_dir()


def failing_move(after, error):
    """The swap's file move, failing once (raising `error`) after `after`
    moves went well."""
    real, calls = publish._move, []

    def move(source, target):
        calls.append(source)
        if len(calls) == after + 1:
            raise error
        return real(source, target)
    return move


@pytest.mark.parametrize("code, reason", [
    (errno.EIO, "the disk reported an input/output error"),
    (errno.ENOSPC, "the disk is full"),
    (errno.EROFS, "the folder is read-only"),
    (errno.EACCES, "permission denied"),
])
def test_a_failed_swap_leaves_the_previous_build_as_it_was(content, tmp_path, monkeypatch,
                                                         code, reason):
    output = tmp_path / "dist"
    build(content, output)
    before = snapshot(output)
    write(content / "en/work/hours.md", (content / "en/work/hours.md").read_text()
          .replace("Working hours", "Your hours"))
    monkeypatch.setattr(publish, "_move",
                        failing_move(20, OSError(code, os.strerror(code), str(output))))
    with pytest.raises(BuildFailed) as failure:
        build(content, output)
    assert [p.message for p in failure.value.problems.items] == [
        f"cannot write the build here: {reason} ({output}); the previous build is unchanged"]
    monkeypatch.undo()
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".waymark", "content", "dist"]


def test_a_build_killed_half_way_through_the_swap_is_restored_by_the_next(content, tmp_path,
                                                                        monkeypatch):
    output = tmp_path / "dist"
    build(content, output)
    before = snapshot(output)
    write(content / "en/work/hours.md", (content / "en/work/hours.md").read_text()
          .replace("Working hours", "Your hours"))
    monkeypatch.setattr(publish, "_move", failing_move(20, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build(content, output)
    monkeypatch.undo()
    assert snapshot(output) != before  # half old, half new: the kill left it so
    publish.restore_interrupted(output)  # what the next build does first
    assert snapshot(output) == before
    build(content, output)
    assert "<h1>Your hours</h1>" in (output / "en/work/hours.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".waymark", "content", "dist"]


def test_staging_folders_of_killed_builds_are_removed(content, tmp_path):
    output = tmp_path / "dist"
    stale = [tmp_path / ".dist.waymark-new-abc123", tmp_path / ".dist.x7q2/site"]
    for folder in stale:
        write(folder / "index.html", "half a build")
    build(content, output)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".waymark", "content", "dist"]


def test_what_a_build_leaves_to_remove_is_removed_in_the_background(content, tmp_path):
    output = tmp_path / "dist"
    build(content, output)
    write(content / "en/work/hours.md", (content / "en/work/hours.md").read_text()
          .replace("Working hours", "Your hours"))
    left = tmp_path / ".waymark" / publish.DISCARDED / "1-a-build-cut-short" / "en"
    write(left / "index.html", "a staged page an exit left")
    build(content, output)
    assert "<h1>Your hours</h1>" in (output / "en/work/hours.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".waymark", "content", "dist"]
    deadline = time.monotonic() + 30
    while any((tmp_path / ".waymark" / publish.DISCARDED).iterdir()):
        assert time.monotonic() < deadline, "the discarded folders are still there"
        time.sleep(0.05)


def test_not_found_page_links_every_language_from_the_sites_address(content, tmp_path):
    write(tmp_path / "waymark.yml", "base_url: https://example.org/guides\n")
    build(content, tmp_path / "dist")
    html = (tmp_path / "dist/404.html").read_text(encoding="utf-8")
    for lang in ("en", "ar", "es", "fa"):
        assert f'href="/guides/{lang}/index.html"' in html
    assert f'href="/guides/{static(tmp_path / "dist", "style.css")}"' in html
    assert '<html lang="en" dir="ltr">' in html


def test_the_worker_and_its_lists_are_put_in_place_last(content, tmp_path, monkeypatch):
    # A phone checking for an update in the middle of the swap finds the old
    # worker, or a new one whose every file is already there.
    output = tmp_path / "dist"
    build(content, output)
    write(content / "en/work/hours.md", (content / "en/work/hours.md").read_text()
          .replace("Working hours", "Your hours"))
    moved, real = [], publish._move
    monkeypatch.setattr(publish, "_move", lambda source, target: (
        moved.append(target.relative_to(output).as_posix()) if output in target.parents
        else None, real(source, target))[1])
    build(content, output)
    lists = [n for n, path in enumerate(moved) if path.endswith("/offline.json")]
    assert moved[-1] == "sw.js"
    assert lists and min(lists) == len(moved) - 1 - len(lists)


def stats(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rebuild_leaves_the_files_it_did_not_change_as_they_were(content, tmp_path):
    # Hosts, rsync and browsers' caches see an unchanged file unchanged (its
    # date too); the rebuild does not write it again.
    output = tmp_path / "dist"
    build(content, output)
    before, dates = snapshot(output), stats(output)
    write(content / "es/work/contract.md", (content / "es/work/contract.md").read_text()
          .replace("Tu contrato", "Tu contrato de trabajo"))
    build(content, output)
    after, new_dates = snapshot(output), stats(output)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "es/work/contract.html" in changed and "en/work/contract.html" not in changed
    assert {path: new_dates[path] for path in after if path not in changed} == \
        {path: dates[path] for path in after if path not in changed}


def test_a_rebuild_that_fails_late_changes_no_published_file(content, tmp_path, monkeypatch):
    # The rebuild stages unchanged files as links to the published ones, and
    # renders some pages again over them (the homes, with the single files'
    # new sizes): none of that may reach the published files before the end.
    output = tmp_path / "dist"
    build(content, output)
    before = snapshot(output)
    write(content / "es/work/contract.md", (content / "es/work/contract.md").read_text()
          .replace("Guarda una copia.", "Guarda dos copias."))

    def fail(*args):
        raise OSError(errno.EIO, "input/output error")
    monkeypatch.setattr("waymark.build.offline.write_worker", fail)
    with pytest.raises(OSError):
        build(content, output)
    assert snapshot(output) == before


def test_on_a_disk_without_links_a_rebuild_writes_its_files(content, tmp_path, monkeypatch):
    # FAT32 and exFAT (a USB stick as the output) refuse hard links.
    output = tmp_path / "dist"
    build(content, output)
    before = snapshot(output)

    def refuse(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(os, "link", refuse)
    build(content, output)
    assert snapshot(output) == before
