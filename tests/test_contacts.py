"""The contacts directory: only checked entries, each saying when it was
checked, with numbers a phone can call or text."""
import datetime

from helpers import load, write
from waymark import contacts
from waymark.build import build
from waymark.errors import Problems

GOOD = """entries:
  - name: Helpline
    what: {en: Advice for workers., es: Consejos para trabajadores.}
    phone: "+30 210 123 4567"
    sms: "+30 690 123 4567"
    whatsapp: "+30 690 123 4567"
    website: https://example.org/help
    hours: Monday to Friday
    languages: [en, ar]
    free: true
    verified_on: 2026-11-20
"""


def test_a_checked_entry_is_shown_with_its_date_and_links(content, tmp_path):
    write(content / "contacts/gr.yml", GOOD)
    build(content, tmp_path / "dist")
    html = (tmp_path / "dist/es/contacts.html").read_text(encoding="utf-8")
    assert "<h2>Grecia</h2>" in html  # the country's name in the reader's language
    assert "<p>Consejos para trabajadores.</p>" in html
    assert 'href="tel:+302101234567"' in html and 'href="sms:+306901234567"' in html
    assert 'href="https://wa.me/306901234567"' in html
    assert "noviembre de 2026" in html and "العربية" in html
    en = (tmp_path / "dist/en/contacts.html").read_text(encoding="utf-8")
    assert "Checked on November 20, 2026" in en
    # A reader without Spanish text sees the default language's, marked as such.
    assert '<p lang="en" dir="ltr">Advice for workers.</p>' in (
        tmp_path / "dist/ar/contacts.html").read_text()
    # Every page's footer links the contacts.
    assert 'href="../contacts.html"' in (tmp_path / "dist/es/work/contract.html").read_text()


def test_without_contacts_there_is_no_contacts_page(small_site):
    assert not list(small_site.glob("*/contacts.html"))


def test_an_entry_nobody_checked_is_an_error_naming_file_and_line(content):
    write(content / "contacts/gr.yml", GOOD.replace("    verified_on: 2026-11-20\n", "")
          + "  - name: Old office\n    phone: '+30 210 000'\n    verified_on: 2024-01-05\n")
    _, problems = load(content)
    assert problems == [
        "content/contacts/gr.yml:2: error: Helpline: add 'verified_on' with the date someone "
        "checked this entry; a contact nobody checked is not shown",
        "content/contacts/gr.yml:13: warning: Old office was last checked on 2024-01-05, more "
        "than a year ago: check it, then update 'verified_on'",
    ]


def test_bad_entries_name_the_line_and_the_fix(tmp_path):
    problems = Problems()
    write(tmp_path / "contacts/gr.yml",
                 "entries:\n  - name: X\n    phone: call us\n    webiste: http://x.org\n"
                 "    verified_on: soon\n  - what: nothing\n    verified_on: 2026-11-01\n")
    assert contacts.load(tmp_path, problems, today=datetime.date(2026, 12, 1)) == []
    assert [f"{p.line}: {p.message}" for p in problems.items] == [
        "3: 'phone' must be a number written with its country code, such as +30 210 000 0000, "
        "not 'call us'",
        "4: unknown key 'webiste' (did you mean 'website'?)",
        "5: 'verified_on' must be the date someone last checked this entry, written like "
        "2026-11-23",
        "6: an entry needs a 'name'",
        "6: this entry: give at least one way to reach them (website, phone, sms, whatsapp, "
        "email)",
    ]


def test_a_contacts_file_is_named_by_its_country(content):
    write(content / "contacts/greece.yml", GOOD)
    _, problems = load(content)
    assert problems == ["content/contacts/greece.yml: error: 'greece' is not a country code: "
                        "name the file by its ISO 3166 code (gr.yml, de.yml) or global.yml"]
