"""USB copies a field worker can check: what `waymark export usb` writes,
`waymark verify` on a fresh and on a tampered copy, and signatures."""
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from waymark import filenames, signing, usb
from waymark.cli import main

LANGUAGES = ("en", "ar", "es", "fa")  # the small test site's


@pytest.fixture(scope="module")
def key_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    assert main(["keygen", str(folder / "org.key")]) == 0
    return folder / "org.key", folder / "org.key.pub"


@pytest.fixture(scope="module")
def exported(tmp_path_factory, key_pair):
    """A signed USB copy of the small test site, made once; tests copy it."""
    site = tmp_path_factory.mktemp("usb-site")
    shutil.copytree(ROOT / "tests/data/site", site / "content")
    shutil.copyfile(key_pair[1], site / "org.key.pub")
    (site / "waymark.yml").write_text("public_key: org.key.pub\n", encoding="utf-8")
    assert main(["-C", str(site), "export", "usb", "--output", "stick", "--sign",
                 str(key_pair[0]), "--translations", str(ROOT / "translations")]) == 0
    return site / "stick"


@pytest.fixture
def stick(exported, tmp_path):
    copy = tmp_path / "stick"
    shutil.copytree(exported, copy)
    return copy


def verify(capsys, *args):
    code = main(["verify", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_copy_holds_start_here_the_site_the_single_files_and_checksums(exported):
    assert sorted(p.name for p in exported.iterdir()) == [
        "SHA256SUMS", "SHA256SUMS.sig", "START-HERE.html", "single-files", "site"]
    assert sorted(p.name for p in (exported / "single-files").iterdir()) == sorted(
        f"Waymark-{lang}.html" for lang in LANGUAGES)
    assert (exported / "site/index.html").is_file()
    listed = [line.split("  ", 1)[1] for line in
              (exported / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    on_disk = sorted(p.relative_to(exported).as_posix() for p in exported.rglob("*")
                     if p.is_file() and p.name not in ("SHA256SUMS", "SHA256SUMS.sig"))
    assert listed == on_disk


def test_sha256sum_reads_the_checksums(exported):
    checked = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=exported,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_start_here_links_every_language_in_its_own_words(exported):
    page = (exported / "START-HERE.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        direction = "rtl" if lang in ("ar", "fa") else "ltr"
        assert f'<section class="group" lang="{lang}" dir="{direction}">' in page
        assert f'<a href="site/{lang}/index.html">' in page
        assert f'<a href="single-files/Waymark-{lang}.html">' in page
    assert "افتح الإرشادات" in page and "Abrir las guías" in page
    for target in re.findall(r'href="([^"]+)"', page):
        assert (exported / target).is_file(), target


def test_the_signing_keys_fingerprint_is_shown_to_compare(exported, key_pair):
    fingerprint = signing.fingerprint(signing.read_public_key(key_pair[1]))
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", fingerprint)
    shown = f'<code class="fingerprint" dir="ltr">{fingerprint}</code>'
    assert shown in (exported / "START-HERE.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert shown in (exported / f"site/{lang}/offline.html").read_text(encoding="utf-8")


def test_verify_passes_on_a_fresh_copy(stick, capsys, key_pair):
    code, printed = verify(capsys, stick, "--public-key", key_pair[1])
    files = len((stick / "SHA256SUMS").read_text().splitlines())
    fingerprint = signing.fingerprint(signing.read_public_key(key_pair[1]))
    assert code == 0
    assert printed == (f"All {files} files in {stick} are present and unchanged, and there "
                       f"is no other file.\nSHA256SUMS is signed with the key whose "
                       f"fingerprint is {fingerprint}.\n")


def test_verify_names_an_edited_page(stick, capsys):
    page = stick / "site/es/work/contract.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Tu contrato", "Firma aquí"),
                    encoding="utf-8")
    code, printed = verify(capsys, stick)
    assert code == 1
    assert printed.splitlines()[0] == "altered: site/es/work/contract.html"
    assert "does not match its SHA256SUMS: 1 altered, 0 missing, 0 extra." in printed


def test_verify_names_a_removed_file(stick, capsys):
    (stick / "single-files/Waymark-ar.html").unlink()
    code, printed = verify(capsys, stick)
    assert code == 1
    assert printed.splitlines()[0] == "missing: single-files/Waymark-ar.html"


def test_verify_names_an_added_file(stick, capsys):
    (stick / "site/ar/work/new-rules.html").write_text("<p>Pay this fee first</p>")
    (stick / ".DS_Store").write_bytes(b"\0")  # computers add these by themselves
    code, printed = verify(capsys, stick)
    assert code == 1
    assert printed.splitlines()[0] == "extra:   site/ar/work/new-rules.html"
    assert ".DS_Store" not in printed


def test_a_signature_made_with_one_key_fails_with_another(stick, capsys, tmp_path):
    assert main(["keygen", str(tmp_path / "other.key")]) == 0
    code, printed = verify(capsys, stick, "--public-key", tmp_path / "other.key.pub")
    other = signing.fingerprint(signing.read_public_key(tmp_path / "other.key.pub"))
    assert code == 1
    assert (f"The signature does not match: SHA256SUMS was not signed with the key whose "
            f"fingerprint is {other}, or it was changed.") in printed


def test_a_changed_checksum_list_breaks_the_signature(stick, capsys, key_pair):
    sums = stick / "SHA256SUMS"
    page = stick / "site/en/index.html"
    page.write_text("<p>planted</p>", encoding="utf-8")
    lines = [line if not line.endswith("  site/en/index.html") else
             f"{usb._sha256(page)}  site/en/index.html" for line in sums.read_text().splitlines()]
    sums.write_text("\n".join(lines) + "\n")  # the planted page's checksum, without the key
    code, printed = verify(capsys, stick, "--public-key", key_pair[1])
    assert code == 1 and "The signature does not match" in printed


def test_verify_refuses_a_folder_that_is_not_a_copy(tmp_path, capsys):
    code, printed = verify(capsys, tmp_path)
    assert code == 1
    assert printed == (f"{tmp_path} has no SHA256SUMS: it is not a copy made by "
                       f"'waymark export usb'\n")


def test_export_refuses_a_folder_with_other_files(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests/data/site", site / "content")
    (site / "stick").mkdir()
    (site / "stick/holiday.jpg").write_bytes(b"\xff\xd8")
    assert main(["-C", str(site), "export", "usb", "--output", "stick"]) == 1
    assert capsys.readouterr().err.endswith(
        f"{site / 'stick'} is not empty and holds no earlier copy (SHA256SUMS is missing): "
        f"choose an empty or new folder\n")


def test_names_a_memory_card_cannot_hold_are_warned_about():
    found = filenames.problems(["en/work/Pay.html", "en/work/pay.html", "en/what?.html",
                                "en/aux.html", "en/ok.html", "en/trailing."])
    assert found == [
        ("en/aux.html", "'aux.html' is a name Windows keeps for a device: rename it"),
        ("en/trailing.", "the name 'trailing.' ends with a dot or a space, which Windows and "
                         "USB sticks drop: rename it"),
        ("en/what?.html", "the name 'what?.html' has '?', which web addresses cannot take: "
                          "rename it (letters, digits, '-' and '_' are safe)"),
        ("en/work/pay.html", "differs from 'en/work/Pay.html' only in upper and lower case: "
                             "on a memory card one would replace the other")]
    assert filenames.problems(["en/Asylum/a.html", "en/asylum/b.html"]) == [
        ("en/asylum", "differs from 'en/Asylum' only in upper and lower case: on a memory "
                      "card one would replace the other")]


def test_keygen_never_overwrites_a_key(tmp_path, capsys):
    assert main(["keygen", str(tmp_path / "org.key")]) == 0
    assert (tmp_path / "org.key").stat().st_mode & 0o777 == 0o600
    capsys.readouterr()
    assert main(["keygen", str(tmp_path / "org.key")]) == 1
    assert capsys.readouterr().err == (f"{tmp_path / 'org.key'} exists already: a key is "
                                       f"never overwritten (choose another name)\n")
