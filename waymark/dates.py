"""Dates as the reader writes them: the month's name in their language and
the digits their text uses. Babel's date patterns always give Latin digits;
Persian text uses Eastern Arabic-Indic ones (۲۳ نوامبر ۲۰۲۶), which Babel's
number formats know as the locale's default numbering system.
"""
from functools import lru_cache

from babel.numbers import format_decimal
import flask_babel


def format_date(value, format="long"):
    """`value` in the current page's language, in its own digits."""
    locale = flask_babel.get_locale()
    return flask_babel.format_date(value, format).translate(_digits(str(locale)))


@lru_cache(maxsize=None)
def _digits(locale):
    table = {str(d): format_decimal(d, locale=locale, numbering_system="default")
             for d in range(10)}
    return str.maketrans({latin: own for latin, own in table.items() if latin != own})
