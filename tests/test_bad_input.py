"""Whatever a translator saves, `check` and `build` answer with the same
`file:line: error: message` lines, fail together, and never show a Python
traceback or hang."""
import shutil

import pytest

from conftest import DATA, ROOT
from helpers import write
from waymark import cli

GUIDE = "---\ntitle: Working hours\nreviewed: 2026-01-15\n---\n"
HOURS = "content/en/work/hours.md"


def plant(content, case):
    """Write the fault named `case` into the content folder."""
    hours = content / "en/work/hours.md"
    if case == "list as a title":
        write(hours, "---\ntitle: [If, you, are]\nreviewed: 2026-01-15\n---\nText\n")
    elif case == "python tag":
        write(hours, "---\ntitle: !!python/object/apply:os.system [\"id\"]\n"
                     "reviewed: 2026-01-15\n---\n")
    elif case == "lists 800 deep":
        write(hours, GUIDE + "- " * 800 + "deep\n")
    elif case == "lists 3,000 deep":
        write(hours, GUIDE + "".join("    " * level + "- x\n" for level in range(3000)))
    elif case == "byte-order mark":
        hours.write_bytes(b"\xef\xbb\xbf" + hours.read_bytes())
    elif case == "NUL byte":
        hours.write_bytes(hours.read_bytes() + b"\nfine\x00\n")
    elif case == "'#' in a name":
        write(content / "en/work/what#next.md", GUIDE)
    elif case == "':' in a name":
        write(content / "en/work/step:1.md", GUIDE)
    elif case == "names differing in case":
        write(content / "en/work/Hours.md", GUIDE)
    elif case == "id given twice":
        write(hours, GUIDE + "## Rest {#rest}\n\n## Breaks {#rest}\n")
    elif case == "footnotes":
        write(hours, GUIDE + "Rest[^1].\n\n[^1]: Eleven hours a day.\n")
    elif case == "broken source with translations":
        contract = content / "en/work/contract.md"
        write(contract, contract.read_text().replace("title: Your contract",
                                                     "title: Step 1: sign"))
    elif case == "link out of the content folder":
        write(content.parent / "private.md", GUIDE + "door code 4711\n")
        (content / "en/work/private.md").symlink_to(content.parent / "private.md")
    else:
        raise AssertionError(case)


CASES = {
    "list as a title": [f"{HOURS}:2: error: 'title' must be some text; a text that starts with "
                        f"'[' or '{{' must be in quotes: title: \"[Draft] Your pay\""],
    "python tag": [f"{HOURS}:2: error: the YAML tag '!!python/object/apply:os.system' is not "
                   f"allowed: front matter holds plain text, so remove the tag"],
    "lists 800 deep": [f"{HOURS}:5: error: lists, quotes or indented blocks are nested 800 deep "
                       f"here; Waymark reads at most 16 levels: flatten them"],
    "lists 3,000 deep": [f"{HOURS}:320: error: the file is longer than 200,000 characters (it "
                         f"has 18,006,050): split it into several guides"],
    "byte-order mark": [],
    "NUL byte": [f"{HOURS}:8: error: the file contains a NUL character (a zero byte): it is "
                 f"damaged, or saved as UTF-16; save it again as UTF-8 text"],
    "'#' in a name": ["content/en/work/what#next.md: error: the name 'what#next.md' has '#', "
                      "which web addresses cannot take: rename it (letters, digits, '-' and '_' "
                      "are safe)"],
    "':' in a name": ["content/en/work/step:1.md: error: the name 'step:1.md' has ':', which USB "
                      "sticks (FAT32, exFAT) and Windows cannot take: rename it (letters, digits, "
                      "'-' and '_' are safe)"],
    "names differing in case": [f"{HOURS}: error: 'Hours.md' and 'hours.md' differ only in case: "
                                f"USB sticks, Windows and macOS keep only one of them; rename one"],
    "id given twice": [f"{HOURS}:7: error: the id 'rest' is used twice on this page (first on "
                       f"line 5): give each heading its own id"],
    "footnotes": [],
    "broken source with translations": [
        "content/en/work/contract.md:2: error: the front matter is not valid YAML: mapping values "
        "are not allowed here (a value that contains ': ' must be in quotes: title: \"Step 1: "
        "ask\")"],
    "link out of the content folder": [
        "content/en/work/private.md: error: this links to {tmp}/private.md, outside the content "
        "folder: copy the file here instead"],
}


def run(capsys, *args):
    status = cli.main([*args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return status, out


@pytest.mark.parametrize("case", CASES)
def test_check_and_build_give_the_same_message_and_fail_together(case, tmp_path, monkeypatch,
                                                                  capsys):
    content = tmp_path / "content"
    shutil.copytree(DATA / "site", content)
    (content / "es/help/complaint.md").unlink()  # outdated: a warning every run would show
    plant(content, case)
    monkeypatch.chdir(tmp_path)
    expected = [line.replace("{tmp}", str(tmp_path)) for line in CASES[case]]
    translations = str(ROOT / "translations")

    checked, out = run(capsys, "check", "--content", "content", "--translations", translations)
    *problems, summary = out.out.splitlines()
    assert problems == expected
    assert summary == f"{len(expected)} error(s), 0 warning(s)"

    built, out = run(capsys, "build", "--content", "content", "--output", "dist",
                     "--translations", translations)
    lines = out.err.splitlines()
    if expected:
        assert lines == expected + [f"Build failed: {len(expected)} error(s). Nothing was "
                                    f"written; the previous build (if any) is unchanged."]
        assert not (tmp_path / "dist").exists()
    else:
        assert lines == [] and out.out.splitlines()[1].startswith("Built ")
    assert checked == built == (1 if expected else 0)
