"""A broken UI catalogue is reported with its line, and never half-compiled."""
from babel import Locale

from helpers import write
from waymark import catalogs
from waymark.config import Language
from waymark.errors import Problems

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
ES = Language("es", "español", "Spanish", "ltr", Locale.parse("es"))


def compile_es(tmp_path, body):
    write(tmp_path / "translations/es/LC_MESSAGES/messages.po", HEADER + body)
    problems = Problems(root=str(tmp_path))
    catalogs.compile_all(tmp_path / "translations", [ES], tmp_path / "mo", problems)
    compiled = (tmp_path / "mo/es/LC_MESSAGES/messages.mo").exists()
    return [str(p) for p in problems.items], compiled


def test_good_catalogue_compiles(tmp_path):
    problems, compiled = compile_es(tmp_path, 'msgid "Sources"\nmsgstr "Fuentes"\n')
    assert problems == [] and compiled


def test_missing_quote_names_the_line(tmp_path):
    problems, compiled = compile_es(tmp_path, 'msgid "Sources"\nmsgstr "Fuentes\n')
    assert problems == ['translations/es/LC_MESSAGES/messages.po:6: error: this text must be '
                        'in double quotes, with any " inside written as \\"']
    assert not compiled


def test_stray_line_names_the_line(tmp_path):
    problems, _ = compile_es(tmp_path, 'msgid "Sources"\nmsgstr "Fuentes"\nFuentes\n')
    assert problems == ['translations/es/LC_MESSAGES/messages.po:7: error: cannot read this '
                        'line: expected msgid, msgstr or a "quoted" continuation']


def test_duplicate_message(tmp_path):
    problems, _ = compile_es(tmp_path, 'msgid "Sources"\nmsgstr "Fuentes"\n\n'
                                       'msgid "Sources"\nmsgstr "Origen"\n')
    assert problems == ['translations/es/LC_MESSAGES/messages.po:8: error: msgid "Sources" '
                        'is given twice (first on line 5)']


def test_renamed_placeholder_is_an_error(tmp_path):
    problems, compiled = compile_es(
        tmp_path, 'msgid "Read the %(source)s original"\nmsgstr "Leer el original en %(fuente)s"\n')
    assert problems == ["translations/es/LC_MESSAGES/messages.po:5: error: the translation of "
                        "'Read the %(source)s original' must keep the placeholders %(source)s, "
                        "but has %(fuente)s"]
    assert not compiled
