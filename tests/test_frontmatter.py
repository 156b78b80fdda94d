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
