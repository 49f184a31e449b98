"""Cells for spreadsheets: text a spreadsheet would run as a formula is written as text.

A CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel, LibreOffice and
Google Sheets, which run it when the file is opened (``=HYPERLINK("https://evil", "Click")``,
``=cmd|' /C calc'!A0``); a tab or carriage return first hides such a start from a reader. A
document's text is data, never a formula: such a cell is written with an apostrophe before it,
which spreadsheets show as text and do not display. This is the neutralisation OWASP
recommends for CSV injection. Pass ``raw=True`` where the CSV is for a program, not a
spreadsheet, to have every cell exactly as the documents hold it.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["FORMULA_STARTS", "spreadsheet_safe"]

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""


def spreadsheet_safe(value: Any) -> Any:
    """*value*, with an apostrophe before text a spreadsheet would run as a formula; any other
    value as it is.

    >>> [spreadsheet_safe(cell) for cell in ("=1+2", "-3 cases", "Good", -3)]
    ["'=1+2", "'-3 cases", 'Good', -3]
    """
    if type(value) is str and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
