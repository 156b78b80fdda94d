"""Dates as the reader writes them: the month's name in their language and
the digits their text uses. Babel's date patterns always give Latin digits;
Persian text uses Eastern Arabic-Indic ones (۲۳ نوامبر ۲۰۲۶). Babel knows
each locale's numbering system by name (fa: "arabext") but not its digits,
so the decimal systems of the scripts we meet give their zero here (the
other nine follow it in Unicode).
"""
from functools import lru_cache

from babel import Locale
import flask_babel

ZEROS = {"arab": "٠", "arabext": "۰", "beng": "০", "deva": "०", "mymr": "၀", "tibt": "༠",
         "thai": "๐", "laoo": "໐", "khmr": "០", "guru": "੦", "gujr": "૦", "tamldec": "௦"}


def format_date(value, format="long"):
    """`value` in the current page's language, in its own digits."""
    return flask_babel.format_date(value, format).translate(
        digits(str(flask_babel.get_locale())))


@lru_cache(maxsize=None)
def digits(locale):
    """A str.translate table from Latin digits to the locale's own."""
    zero = ZEROS.get(Locale.parse(locale).default_numbering_system)
    if zero is None:
        return {}
    return str.maketrans("0123456789", "".join(chr(ord(zero) + d) for d in range(10)))
