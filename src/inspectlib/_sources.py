"""Where facts come from: sources, and the words people were quoted as saying."""

from __future__ import annotations

import datetime

import attrs

from ._errors import InvalidRecord
from ._field_types import typed_fields
from ._fields import not_blank, to_tuple

__all__ = ["Quote", "Source"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Source:
    """A public document that states a fact.

    Any record that states a fact can cite sources. Two sources that disagree (one says a report
    came out on 3 July, another on 4 July) are both kept, each on the claim it supports.

    A source needs a URL or a title (a printed paper has no URL).

    Args:
        url: Where the document is.
        title: Its title.
        publisher: Who published it (``"HMICFRS"``, ``"Oldham Chronicle"``).
        published: The day it was published, where known.
        accessed: The day it was read.

    .. versionadded:: 0.1.0
    """

    url: str | None = attrs.field(default=None, validator=not_blank)
    title: str | None = attrs.field(default=None, validator=not_blank)
    publisher: str | None = attrs.field(default=None, validator=not_blank)
    published: datetime.date | None = None
    accessed: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.title is None:
            raise InvalidRecord("a Source needs a url or a title")

    def __str__(self) -> str:
        return self.title or self.url or ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Quote:
    """Words a person said, as a source reports them.

    Args:
        speaker: The person's name.
        role: Their role when they said it (``"His Majesty's Inspector of Constabulary"``).
        text: The words, as quoted.
        sources: Where the quote was published.

    .. versionadded:: 0.1.0
    """

    speaker: str = attrs.field(validator=not_blank)
    text: str = attrs.field(validator=not_blank)
    role: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)
