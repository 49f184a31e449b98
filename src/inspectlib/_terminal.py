"""Output for terminals: text from documents never reaches one as control sequences.

A document may hold any text, escape sequences included (``"\\x1b]8;;https://evil\\x07"``, an
OSC hyperlink; ``"\\x1b[2J"``, clear the screen; ``"\\u202e"``, which reverses what follows).
Printed as they are, a terminal obeys them. Everything the command line prints passes through
here: in text, such characters are shown escaped as Python writes them (``\\x1b``); in JSON,
as JSON escapes (``\\u001b``), so that the JSON still reads back to the same values.
"""

from __future__ import annotations

import re
from typing import IO, Any, Final

__all__ = ["EscapingBytes", "EscapingText", "for_terminal", "json_for_terminal", "unescaped"]

# C0 controls but line feed and tab, DEL, C1 controls (CSI, OSC... in one byte), the marks and
# overrides that reorder text (the "Trojan Source" characters), and lone surrogates.
_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# In JSON text, C0 controls are escaped already (they cannot stand raw in a string).
_UNSAFE_IN_JSON: Final = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The same characters as UTF-8: each lead byte here begins a character, never continues one.
_UNSAFE_IN_JSON_BYTES: Final = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


def _escaped(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]  # as Python writes it: \\x1b, \\r, \\u202e


def for_terminal(text: str) -> str:
    """*text* with every character that could steer a terminal shown as an escape
    (``\\x1b``, ``\\u202e``); line feeds and tabs are kept.

    >>> for_terminal("a\\x1b[31mred\\u202e")
    'a\\\\x1b[31mred\\\\u202e'
    """
    return _UNSAFE.sub(_escaped, text)


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_for_terminal(text: str) -> str:
    """JSON text with the characters :func:`for_terminal` escapes written as JSON escapes:
    the same JSON values, safe to print."""
    return _UNSAFE_IN_JSON.sub(_json_escaped, text)


def _json_escaped_bytes(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode()):04x}".encode()


class EscapingText:
    """A text stream whose writes pass through :func:`for_terminal`; anything else is the
    wrapped stream's. Its ``buffer`` is an :class:`EscapingBytes`, and bytes written to it
    directly are JSON, escaped as :class:`EscapingBytes` escapes them."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str | bytes) -> int:
        if isinstance(text, bytes):
            # Bytes come from inspectlib's own JSON writers (dump_lines to standard output):
            # escaped as JSON, so that they read back the same.
            self._stream.write(_UNSAFE_IN_JSON_BYTES.sub(_json_escaped_bytes, text).decode())
        else:
            self._stream.write(for_terminal(text))
        return len(text)

    @property
    def buffer(self) -> EscapingBytes:
        return EscapingBytes(self._stream.buffer)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class EscapingBytes:
    """A binary stream of UTF-8 JSON, whose writes escape what :func:`json_for_terminal`
    escapes. Each write must be whole characters, as every JSON document or line is."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write(_UNSAFE_IN_JSON_BYTES.sub(_json_escaped_bytes, bytes(data)))
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def unescaped(stream: IO[str]) -> IO[str]:
    """The stream under an :class:`EscapingText`, for the command line's own control
    characters (the carriage return that redraws a progress line); *stream* itself otherwise."""
    return stream._stream if isinstance(stream, EscapingText) else stream
