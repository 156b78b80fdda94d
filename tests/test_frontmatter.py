"""Front matter errors name the line and say how to fix it."""
import pytest

from waymark import frontmatter
from waymark.errors import Problems


def check(text, schema="guide"):
    problems = Problems()
    doc = frontmatter.parse(text, "content/en/work/pay.md", schema, problems)
    return doc, [str(p) for p in problems.items]


def test_a_valid_guide():
    doc, problems = check("---\ntitle: Pay\nreviewed: 2026-03-01\norder: 2\n"
                          "sources:\n  - ILO C095\n---\n\nBody\n")
    assert problems == []
    assert doc.meta["order"] == 2 and doc.meta["sources"] == ["ILO C095"]
    assert doc.body == "\nBody\n" and doc.body_line == 8


@pytest.mark.parametrize("text, message", [
    ("title: Pay\n", "1: error: the file must start with front matter: a line '---', "
                     "then 'title: ...', then a closing '---'"),
    ("---\ntitle: Pay\nBody\n", "1: error: the front matter is not closed: add a line '---' after it"),
    ("---\ntitle: Pay\nreviewed: [2026\n---\n", "4: error: the front matter is not valid YAML: "
                                               "expected ',' or ']', but got '<stream end>'"),
    ("---\njust text\n---\n", "2: error: the front matter must be lines of 'key: value'"),
    ("---\ntitle: Pay\nreviewd: 2026-03-01\n---\n",
     "3: error: unknown key 'reviewd' (did you mean 'reviewed'?)"),
    ("---\ntitle: Pay\nreviewed: 2026-03-01\nreviewed: 2026-03-02\n---\n",
     "4: error: 'reviewed' is given twice"),
    ("---\ntitle: Pay\nreviewed: March 2026\n---\n",
     "3: error: 'reviewed' must be a date written like 2026-11-23"),
    ("---\ntitle: Pay\nreviewed: 2026-02-30\n---\n",
     "3: error: 'reviewed' must be a date written like 2026-11-23"),
    ("---\ntitle:\nreviewed: 2026-03-01\n---\n", "2: error: 'title' must be some text"),
    ("---\ntitle: Pay\nreviewed: 2026-03-01\norder: first\n---\n",
     "4: error: 'order' must be a whole number"),
    ("---\ntitle: Pay\nreviewed: 2026-03-01\nsources: ILO\n---\n",
     "4: error: 'sources' must be a list of texts, one per line starting with '- '"),
    ("---\ntitle: Pay\nreviewed: 2026-03-01\nstatus: draft\n---\n",
     "4: error: unknown key 'status' ('status' belongs in translations, not in the source language)"),
])
def test_broken_front_matter(text, message):
    _, problems = check(text)
    assert problems == [f"content/en/work/pay.md:{message}"]


def test_missing_required_keys_are_each_reported():
    _, problems = check("---\nsummary: Pay\n---\n")
    assert problems == ["content/en/work/pay.md:2: error: missing required key 'title'",
                        "content/en/work/pay.md:2: error: missing required key 'reviewed'"]


def test_translation_keeps_revision_as_typed():
    doc, problems = check("---\ntitle: Pago\nsource_revision: 0123456789\nstatus: draft\n---\n",
                          "guide translation")
    assert problems == []
    assert doc.meta["source_revision"] == "0123456789"


@pytest.mark.parametrize("text, message", [
    ("---\ntitle: Pago\n---\n", "2: error: missing required key 'source_revision'"),
    ("---\ntitle: Pago\nsource_revision: latest\n---\n",
     "3: error: 'source_revision' must be the source file's revision: 7 to 40 characters 0-9 a-f"),
    ("---\ntitle: Pago\nsource_revision: 0123456789\nstatus: done\n---\n",
     "4: error: 'status' must be 'draft' or 'reviewed'"),
    ("---\ntitle: Pago\nsource_revision: 0123456789\norder: 3\n---\n",
     "4: error: unknown key 'order' (a translation takes its order from the source file)"),
])
def test_broken_translation_front_matter(text, message):
    _, problems = check(text, "guide translation")
    assert problems == [f"content/en/work/pay.md:{message}"]


@pytest.mark.parametrize("text, message", [
    ("---\ntitle: [If, you, are]\nreviewed: 2026-03-01\n---\n",
     "2: error: 'title' must be some text; a text that starts with '[' or '{' must be in "
     "quotes: title: \"[Draft] Your pay\""),
    ("---\ntitle: !!python/object/apply:os.system [\"echo pwned\"]\nreviewed: 2026-03-01\n---\n",
     "2: error: the YAML tag '!!python/object/apply:os.system' is not allowed: front matter "
     "holds plain text, so remove the tag"),
    ("---\ntitle: Pay\nreviewed: !custom 2026-03-01\n---\n",
     "3: error: the YAML tag '!custom' is not allowed: front matter holds plain text, "
     "so remove the tag"),
    ("---\n? [title, summary]\n: Pay\nreviewed: 2026-03-01\n---\n",
     "2: error: a key must be a plain word, such as 'title'"),
    ("---\ntitle: " + "[" * 3000 + "\nreviewed: 2026-03-01\n---\n",
     "2: error: the front matter is nested too deeply to read: write each value as plain text"),
    ("---\ntitle: Pay\nreviewed: 2026-03-01\n---\nOne\n\0\n",
     "6: error: the file contains a NUL character (a zero byte): it is damaged, or saved as "
     "UTF-16; save it again as UTF-8 text"),
], ids=["list-as-title", "python-tag", "local-tag", "list-as-key", "deep-nesting", "nul"])
def test_hostile_front_matter_gets_a_message_not_a_crash(text, message):
    doc, problems = check(text)
    assert problems == [f"content/en/work/pay.md:{message}"]


def test_a_file_too_big_to_render_is_refused_where_it_passes_the_limit():
    # 4 lines (40 characters) of front matter, then lines of 16 characters.
    _, problems = check("---\ntitle: Pay\nreviewed: 2026-03-01\n---\n" + "A line of text.\n" * 20_000)
    assert problems == ["content/en/work/pay.md:12502: error: the file is longer than 200,000 "
                        "characters (it has 320,040): split it into several guides"]


def test_a_value_given_badly_is_not_kept_half_read():
    doc, problems = check("---\ntitle: [If, you, are]\nreviewed: 2026-03-01\n---\n")
    assert "title" not in doc.meta and len(problems) == 1  # not also "missing 'title'"


def test_an_alias_that_holds_itself_is_read_once():
    _, problems = check("---\ntitle: Pay\nreviewed: 2026-03-01\nsources: &a [*a]\n---\n")
    assert problems == ["content/en/work/pay.md:4: error: 'sources' must be a list of texts, "
                        "one per line starting with '- '"]


def test_byte_order_mark_from_windows_editors_is_accepted():
    doc, problems = check("\ufeff---\ntitle: Pay\nreviewed: 2026-03-01\n---\nBody\n")
    assert problems == []
    assert doc.meta["title"] == "Pay" and doc.body == "Body\n" and doc.body_line == 5
