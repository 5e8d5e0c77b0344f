"""Dutch formatting of amounts, percentages, numbers and dates, through babel (nl_NL).

Rounding: babel rounds half to even (90,45% -> "90,4%"). We round half up first (ROUND_HALF_UP:
away from zero, so -0,025 -> "€ -0,03"), with `decimal.Decimal.quantize`, the way people and the
agreements round (90,45% -> "90,5%"); babel then only lays out an already rounded number. Floats
are read through `str()`, so 0.9045 is taken as written and not as 0.904499999...
A missing value (None, NaN, NaT) is shown as an en dash. No number makes these raise: a huge
one (1e308, an amount someone typed into an agreement) is laid out with a precision as wide as
it needs, an infinite one as "∞".
"""

import copy
import html
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, format_currency, format_decimal, format_percent

LOCALE = Locale.parse("nl_NL")
MISSING = "–"
_NBSP = "\u00a0"

Number = Decimal | float | int


def euro(x: Number | None, decimals: int = 2) -> str:
    """678.66 -> "€ 678,66"; 1234.5 -> "€ 1.234,50"; -678.66 -> "€ -678,66"."""
    if x is None or is_missing(x):
        return MISSING
    pattern = _with_decimals(LOCALE.currency_formats["standard"], decimals)
    amount = _round_half_up(x, decimals)
    with _wide_enough(amount, decimals):
        text = format_currency(amount, "EUR", format=pattern, currency_digits=False, locale=LOCALE)
    return text.replace(_NBSP, " ")


def pct(fraction: Number | None, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.903 -> "90,3%"; 0.9 -> "90,0%"."""
    if fraction is None or is_missing(fraction):
        return MISSING
    pattern = _with_decimals(LOCALE.percent_formats[None], decimals)
    rounded = _round_half_up(fraction, decimals + 2)
    with _wide_enough(rounded, decimals + 2):
        return format_percent(rounded, format=pattern, locale=LOCALE)


def num(x: Number | None, decimals: int = 0) -> str:
    """12345 -> "12.345"; 2.5 with decimals=1 -> "2,5"."""
    if x is None or is_missing(x):
        return MISSING
    pattern = _with_decimals(LOCALE.decimal_formats[None], decimals)
    rounded = _round_half_up(x, decimals)
    with _wide_enough(rounded, decimals):
        return format_decimal(rounded, format=pattern, locale=LOCALE)


def datum(d: date | None) -> str:
    """date(2023, 1, 1) -> "01-01-2023"."""
    if d is None or is_missing(d):
        return MISSING
    return format_date(d, "dd-MM-yyyy", locale=LOCALE)


def datum_lang(d: date | None) -> str:
    """date(2023, 1, 1) -> "1 januari 2023"."""
    if d is None or is_missing(d):
        return MISSING
    return format_date(d, "d MMMM y", locale=LOCALE)


def aantal_woningen(n: int | None) -> str:
    """1 -> "1 woning"; 37 -> "37 woningen"; 1234 -> "1.234 woningen"."""
    if n is None or is_missing(n):
        return MISSING
    return f"{num(n)} {'woning' if n == 1 else 'woningen'}"


def _with_decimals(pattern: NumberPattern, decimals: int) -> NumberPattern:
    """The locale's own pattern with exactly `decimals` digits after the comma."""
    result = copy.copy(pattern)
    result.frac_prec = (decimals, decimals)
    return result


def _round_half_up(x: Number, decimals: int) -> Decimal:
    exact = x if isinstance(x, Decimal) else Decimal(str(x))
    if not exact.is_finite():
        return exact  # babel writes "∞"
    with _wide_enough(exact, decimals):
        rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded  # no "-0,00"


def _wide_enough(x: Decimal, decimals: int):
    """A decimal context with room for every digit of ``x`` and ``decimals`` after the comma
    (the default 28 digits make quantize raise from 1e26 on)."""
    digits = x.adjusted() + 1 if x.is_finite() and not x.is_zero() else 1
    return localcontext(prec=max(28, digits + decimals + 2))


def is_missing(x: object) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # a list or array is not one value
        return False


def signed(x: float | int) -> str:
    """A change with its sign: "+3", "−2" (a real minus sign), "0"."""
    if x > 0:
        return f"+{num(x)}"
    if x < 0:
        return f"−{num(-x)}"
    return "0"


def readable(
    frame: pd.DataFrame,
    euros: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    yes_no: tuple[str, ...] = (),
    counts: tuple[str, ...] = (),
) -> pd.DataFrame:
    """A table as a person reads it on screen: amounts as "€ 984,98", dates as "31-12-2024",
    flags as ja/nee, counts as "1.234", empty cells as "–"; other columns as they are."""
    out = frame.copy()
    for name, shown in (
        *((c, euro) for c in euros),
        *((c, lambda d: datum(as_day(d))) for c in dates),
        *((c, lambda v: MISSING if is_missing(v) else ("ja" if v else "nee")) for c in yes_no),
        *((c, num) for c in counts),
    ):
        if name in out.columns:
            out[name] = [shown(v) for v in out[name].tolist()]
    return out


def as_day(value) -> date | None:
    """A date, datetime or Timestamp as a date (None for a missing one)."""
    if value is None or is_missing(value):
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def meervoud(n: int, enkel: str, meer: str) -> str:
    """1 -> "1 bestand", 2 -> "2 bestanden": the count with the right form of the word."""
    return f"{num(n)} {enkel if n == 1 else meer}"


# ---- text from users and files, shown as text --------------------------------------------------

# an underscore inside a word (basis_aantal) makes no emphasis, so only one at a word's edge
_MARKDOWN = re.compile(r"([\\`*\[\]<>#!$~|{}]|(?<!\w)_|_(?!\w))")


def plain(text: object) -> str:
    """Text a user or a file wrote, made safe to put inside what Streamlit renders as markdown
    (``st.markdown``, ``st.warning``, ``st.caption``, headers, labels): every character markdown
    or Streamlit gives a meaning is escaped, so ``![x](http://host/a.png)`` shows as written and
    is no picture, ``[Log in](http://…)`` no link, ``:red[x]`` no colour, ``$x$`` no formula;
    line breaks become spaces and a leading ``-``, ``+``, ``=`` or ``1.`` is escaped (no heading
    or list can begin), and ``http://`` or ``www.`` is no link. Parentheses and colons stay as
    they are (without brackets they make nothing), so "kolom D (Netto huur): …" reads as is.
    The one place every page passes such text through; tables and the options of a select
    need none, a figure needs :func:`figure_text`."""
    if text is None or is_missing(text):
        return MISSING
    escaped = _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))
    escaped = escaped.replace("://", "\\://")  # no bare link either
    escaped = re.sub(r"^([-+=])", r"\\\1", escaped)
    escaped = re.sub(r"^(\d+)\.", r"\1\\.", escaped)
    return re.sub(r"(?i)\b(www)\.", r"\1\\.", escaped)


class FigureText(str):
    """Text already made safe for a figure by :func:`figure_text`, perhaps with the figure's own
    line breaks (``<br>``, :func:`prestatie.charts.style.wrap`): passed through unchanged."""


def figure_text(text: object) -> FigureText:
    """Text a user or a file wrote (an agreement's omschrijving, a corporation or kern name, a
    column header), made safe to put in a plotly figure: a title, an axis or legend name, a
    category, an annotation, hover text. plotly.js draws a subset of HTML there (``<b>``,
    ``<br>``, ``<a href=…>`` as a live link), so ``&``, ``<`` and ``>`` are written as the
    entities plotly shows as those characters; Dutch letters and € stay as they are. Text that
    is safe already (a :class:`FigureText`) is returned as it is, so escaping twice does no
    harm; a missing value is the en dash."""
    if isinstance(text, FigureText):
        return text
    if text is None or is_missing(text):
        return FigureText(MISSING)
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return FigureText(escaped)


def figure_texts(values) -> list[FigureText]:
    """:func:`figure_text` of each value (a column of names, a list)."""
    return [figure_text(v) for v in values]


def from_figure_text(text: object) -> str:
    """The text as written again, from what a figure holds (for a PowerPoint chart, which
    shows its text as text): the entities back to characters, the figure's ``<br>`` a space."""
    return html.unescape(re.sub(r"<br\s*/?>", " ", str(text)))
