"""A broken UI catalogue is reported with its line and never half used; a
site's catalogue changes single strings; languages fall back sensibly."""
import pytest

from helpers import write
from waymark import catalogs, languages
from waymark.build import build
from waymark.errors import BuildFailed, Problems

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
ES = languages.language("es")


def load_es(tmp_path, body, header=HEADER, raw=None):
    """(problems, what 'Sources' reads as) with a site catalogue for Spanish."""
    path = tmp_path / "translations/es/LC_MESSAGES/messages.po"
    if raw is None:
        write(path, header + body)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    problems = Problems(root=str(tmp_path))
    ui = catalogs.load_all(tmp_path / "translations", [ES], problems)
    return [str(p) for p in problems.items], ui["es"].gettext("Sources")


def test_a_site_catalogue_wins_string_by_string(tmp_path):
    problems, sources = load_es(tmp_path, 'msgid "Sources"\nmsgstr "Origen"\n')
    assert problems == [] and sources == "Origen"
    ui = catalogs.load_all(tmp_path / "translations", [ES], Problems())
    assert ui["es"].gettext("Search") == "Buscar"  # Waymark's own catalogue fills the rest


def test_missing_quote_names_the_line_and_the_file_is_not_used(tmp_path):
    problems, sources = load_es(tmp_path, 'msgid "Sources"\nmsgstr "Origen\n')
    assert problems == ['translations/es/LC_MESSAGES/messages.po:6: error: this text must be '
                        'in double quotes, with any " inside written as \\"']
    assert sources == "Fuentes"  # Waymark's, not half of the broken file


def test_stray_line_names_the_line(tmp_path):
    problems, _ = load_es(tmp_path, 'msgid "Sources"\nmsgstr "Origen"\nOrigen\n')
    assert problems == ['translations/es/LC_MESSAGES/messages.po:7: error: cannot read this '
                        'line: expected msgid, msgstr or a "quoted" continuation']


def test_duplicate_message(tmp_path):
    problems, _ = load_es(tmp_path, 'msgid "Sources"\nmsgstr "Fuentes"\n\n'
                                    'msgid "Sources"\nmsgstr "Origen"\n')
    assert problems == ['translations/es/LC_MESSAGES/messages.po:8: error: msgid "Sources" '
                        'is given twice (first on line 5)']


def test_renamed_placeholder_is_an_error(tmp_path):
    problems, _ = load_es(
        tmp_path, 'msgid "Read the %(source)s original"\nmsgstr "Leer el original en %(fuente)s"\n')
    assert problems == ["translations/es/LC_MESSAGES/messages.po:5: error: the translation of "
                        "'Read the %(source)s original' must keep the placeholders %(source)s, "
                        "but has %(fuente)s"]


def test_html_in_a_translation_is_an_error(tmp_path):
    problems, sources = load_es(
        tmp_path, 'msgid "Sources"\nmsgstr "<meta http-equiv=\\"refresh\\" content=\\"3\\">"\n')
    assert problems == ["translations/es/LC_MESSAGES/messages.po:5: error: the translation of "
                        "'Sources' contains HTML ('<meta http-equiv=\"re…'): UI strings are plain "
                        "text, so write it without tags or entities"]
    assert sources == "Fuentes"


def test_a_lone_percent_sign_is_an_error(tmp_path):
    problems, _ = load_es(tmp_path, 'msgid "Sources"\nmsgstr "100 % fuentes"\n')
    assert problems == ["translations/es/LC_MESSAGES/messages.po:5: error: the translation of "
                        "'Sources' has a lone '%': write a percent sign as %% (\"100 %%\")"]
    # Written as %%, pages show one % (templates format every string).
    assert load_es(tmp_path, 'msgid "Sources"\nmsgstr "100 %% fuentes"\n')[0] == []


def test_plural_forms_that_cannot_be_read(tmp_path):
    header = HEADER.replace('\n\n', '\n"Plural-Forms: nplurals=banana; plural=(n != 1);\\n"\n\n')
    problems, _ = load_es(tmp_path, 'msgid "Sources"\nmsgstr "Origen"\n', header=header)
    assert problems == ["translations/es/LC_MESSAGES/messages.po:4: error: the Plural-Forms "
                        "header must read like 'nplurals=2; plural=(n != 1);' (pybabel init "
                        "writes the right one for each language)"]


def test_latin1_bytes_under_a_utf8_header(tmp_path):
    raw = (HEADER + 'msgid "Sources"\nmsgstr "Orígenes"\n').encode("latin-1")
    problems, sources = load_es(tmp_path, "", raw=raw)
    assert problems == ["translations/es/LC_MESSAGES/messages.po:6: error: this line is not "
                        "valid UTF-8 text: save the file as UTF-8 (and say charset=UTF-8 in its "
                        "header)"]
    assert sources == "Fuentes"


def test_unknown_charset(tmp_path):
    problems, _ = load_es(tmp_path, 'msgid "Sources"\nmsgstr "Origen"\n',
                          header=HEADER.replace("UTF-8", "klingon-1"))
    assert problems == ["translations/es/LC_MESSAGES/messages.po:3: error: unknown charset "
                        "'klingon-1': write the file in UTF-8 and say charset=UTF-8 in its header"]


def test_utf8_file_that_claims_another_charset(tmp_path):
    # Read as Latin-1 it would show readers "OrÃ­genes".
    raw = (HEADER.replace("UTF-8", "ISO-8859-1") + 'msgid "Sources"\nmsgstr "Orígenes"\n')
    problems, _ = load_es(tmp_path, "", raw=raw.encode("utf-8"))
    assert problems == ["translations/es/LC_MESSAGES/messages.po:3: error: the file is UTF-8 "
                        "but its header says charset=ISO-8859-1, so readers would see garbled "
                        "letters: change it to charset=UTF-8"]


def test_a_byte_order_mark_is_accepted(tmp_path):
    raw = b"\xef\xbb\xbf" + (HEADER + 'msgid "Sources"\nmsgstr "Orígenes"\n').encode("utf-8")
    assert load_es(tmp_path, "", raw=raw) == ([], "Orígenes")


@pytest.mark.parametrize("code, fallback", [("haz", "prs"), ("fa-AF", "fa"), ("es-MX", "es")])
def test_a_language_without_a_catalogue_shows_its_fallbacks_strings(tmp_path, code, fallback):
    ui = catalogs.load_all(tmp_path / "translations",
                           [languages.language(code), languages.language(fallback)], Problems())
    assert ui[code].gettext("Search") == ui[fallback].gettext("Search") != "Search"


def test_ui_strings_are_text_in_pages_never_markup(content, tmp_path):
    # The build fails on HTML in a catalogue; but even a string that slipped
    # through (here, the quotes that break out of an attribute) stays text.
    write(tmp_path / "translations/es/LC_MESSAGES/messages.po",
          HEADER + 'msgid "Search the guides"\nmsgstr "Buscar \\"> <b>aquí</b>"\n')
    with pytest.raises(BuildFailed):
        build(content, tmp_path / "dist", tmp_path / "translations", tmp_path / "cache")
    write(tmp_path / "translations/es/LC_MESSAGES/messages.po",
          HEADER + 'msgid "Search the guides"\nmsgstr "Buscar \\"aquí\\""\n')
    build(content, tmp_path / "dist", tmp_path / "translations", tmp_path / "cache")
    html = (tmp_path / "dist/es/index.html").read_text(encoding="utf-8")
    assert 'placeholder="Buscar &#34;aquí&#34;"' in html


def test_review_says_what_is_left_only_where_neither_catalogue_has_it(tmp_path):
    somali = languages.language("so")  # Waymark has no Somali catalogue
    problems = Problems(root=str(tmp_path))
    assert catalogs.review(tmp_path / "translations", somali, problems) == (
        0, len(catalogs.template_ids()))
    assert [str(p) for p in problems.items] == [
        "translations/so/LC_MESSAGES/messages.po: warning: there is no UI catalogue for "
        "Somali: waymark translate so creates it"]
    write(tmp_path / "translations/so/LC_MESSAGES/messages.po",
          HEADER + 'msgid "Sources"\nmsgstr "Ilaha"\n\nmsgid "Search"\nmsgstr ""\n')
    problems = Problems(root=str(tmp_path))
    done, total = catalogs.review(tmp_path / "translations", somali, problems)
    assert done == 1
    assert [str(p) for p in problems.items] == [
        "translations/so/LC_MESSAGES/messages.po:8: warning: 'Search' is not translated yet",
        f"translations/so/LC_MESSAGES/messages.po: warning: {total - 2} UI string(s) are not in "
        f"this catalogue yet: run pybabel update (see TRANSLATING.md)"]
