"""A minimal importer built on the shared helpers, as a publisher's module would be: it reads
a CSV with columns id, name, published and note, and is registered by the tests that use it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import inspectlib as il
from inspectlib.sources import SourceError, SourceInput
from inspectlib.sources._shared import CsvTable, deliver, namespaced, opened

NAMESPACE = "fake"
_INSPECTORATE = il.Organisation(name="Fake inspectorate", kind=il.OrganisationKind.INSPECTORATE)


def read(
    source: SourceInput, *, errors: list[SourceError] | None = None, encoding: str | None = None
) -> Iterator[il.Inspection]:
    return deliver(_results(source, encoding), errors)


def _results(source: SourceInput, encoding: str | None) -> Iterator[il.Inspection | SourceError]:
    with opened(source) as (stream, name):
        table = CsvTable(stream, name, required=["id", "name", "published"], encoding=encoding)
        for row in table.rows():
            if isinstance(row, SourceError):
                yield row
                continue
            item = row.located(name)
            text = row.values["published"]
            try:
                published = datetime.date.fromisoformat(text)
            except ValueError:
                item.add(("published",), text, f"{text!r} is not a date (YYYY-MM-DD)")
            if item.problems:
                yield item.error()
                continue
            extra = {k: v for k, v in row.values.items() if k not in ("id", "name", "published")}
            yield il.Inspection(
                id=f"fake/{row.values['id']}",
                title=row.values["name"],
                inspectorate=_INSPECTORATE,
                subjects=[il.Organisation(name=row.values["name"], kind=il.OrganisationKind.OTHER)],
                published=published,
                extensions=namespaced(NAMESPACE, {k: v for k, v in extra.items() if v}),
            )
