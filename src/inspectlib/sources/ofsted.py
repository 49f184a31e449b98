"""Ofsted's open data: the state-funded schools inspections management information, and the
outcomes of its inspections of local authority children's services (ILACS).

>>> from inspectlib.sources import ofsted
>>> records = ofsted.read("schools.csv")  # doctest: +SKIP

CSV and ODS files are read, a row at a time. Every generation of the schools file is read: the
common inspection framework (2015 to 2019, grades 1 to 4, a title row above the header), the
education inspection framework (from September 2019, "most recent" and "all inspections"
files), the year from 2 September 2024 without an overall grade, and the report cards from 10
November 2025 with a date per judgement.
One row gives one inspection record, plus one for each earlier inspection the row describes (the
previous full inspection, the latest OEIF graded inspection, the latest ungraded inspection),
linked to one another as :attr:`~inspectlib.Relation.EARLIER_INSPECTION`.

Every column lands somewhere: identity and grades in typed fields, every other column under
``ofsted:<column name, verbatim>`` in the ``extensions`` of the record it describes.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from inspectlib._builtin import BUILTIN
from inspectlib._errors import InvalidRecord, NotFoundError
from inspectlib._extensions import (
    NO_EXTENSIONS,
    Extensions,
    InvalidExtension,
    JSONValue,
    freeze_extensions,
)
from inspectlib._fast_records import assembler
from inspectlib._frameworks import Framework
from inspectlib._frozen import FrozenDict
from inspectlib._inspections import GradedArea, Inspection, Period, RelatedReport, Relation
from inspectlib._judgments import NOT_APPLICABLE, NOT_JUDGED, UNGRADED, Judgment, NonGrade
from inspectlib._organisations import Identifier, Organisation, OrganisationKind
from inspectlib._partial_dates import PartialDate, describe_day
from inspectlib._scales import Grade, GradingScale
from inspectlib._sources import Source
from inspectlib._surface import offer_only
from inspectlib._validation import check
from inspectlib.scales import OFSTED_FOUR_POINT, OFSTED_REPORT_CARD, OFSTED_SAFEGUARDING

from ._ods import ZIP_MAGIC, OdsTable, sheet_rows
from ._ods import content as ods_content
from ._shared import (
    CsvTable,
    SourceError,
    SourceInput,
    deliver,
    file_error,
    opened,
    refuse_compressed,
    row_located,
    shown,
)
from ._values import NULLS, ValueProblem, day, head_of, one_of, slug, text

__all__ = ["NAMESPACE", "OFSTED", "read", "read_childrens_services", "read_schools"]

NAMESPACE: Final = "ofsted"
"""The prefix of the extension keys this importer writes: ``"ofsted:<field>"``.

.. versionadded:: 0.1.0
"""

OFSTED: Final = Organisation(
    name="Office for Standards in Education, Children's Services and Skills",
    short_name="Ofsted",
    kind=OrganisationKind.INSPECTORATE,
)
"""Ofsted, the inspectorate of every record these importers make.

.. versionadded:: 0.1.0
"""

# Grades -----------------------------------------------------------------------------------

_FOUR_POINT_CODES: Final[dict[str, Judgment]] = {
    "1": OFSTED_FOUR_POINT.parse("Outstanding"),
    "2": OFSTED_FOUR_POINT.parse("Good"),
    "3": OFSTED_FOUR_POINT.parse("Requires improvement"),
    "4": OFSTED_FOUR_POINT.parse("Inadequate"),
    # The files' codes for "no judgement" and "does not apply"; never grades.
    "9": NOT_JUDGED,
    "8": NOT_APPLICABLE,
}
_NOT_JUDGED_TEXT: Final = "not judged"


def _four_point(value: str) -> Judgment:
    judgment = _FOUR_POINT_CODES.get(value)
    if judgment is None:
        if value.casefold() == _NOT_JUDGED_TEXT:
            return NOT_JUDGED
        raise ValueProblem(
            "is not an Ofsted grade: expected 1 (Outstanding), 2 (Good), 3 (Requires "
            "improvement), 4 (Inadequate), 8 (does not apply), 9 (no judgement) or NULL"
        )
    return judgment


def _on_scale(scale: GradingScale) -> Any:
    by_key = {grade.key: grade for grade in scale.grades}

    def parse(value: str) -> Judgment:
        if value.casefold() == _NOT_JUDGED_TEXT:
            return NOT_JUDGED
        grade = by_key.get(value.casefold().replace(" ", "_"))
        if grade is None:
            raise ValueProblem(
                f"is not a grade of {scale.id!r}: expected one of "
                + ", ".join(repr(label) for label in scale.labels)
                + ", 'Not judged' or NULL"
            )
        return grade

    return parse


_REPORT_CARD = _on_scale(OFSTED_REPORT_CARD)
_SAFEGUARDING_STANDARDS = _on_scale(OFSTED_SAFEGUARDING)

_YES_NO: Final = ("Yes", "No")
_CATEGORIES: Final = ("Special measures", "Serious weaknesses", "SM", "SWK")
"""Categories of concern, in full and as the report-card files code them."""

# Columns ----------------------------------------------------------------------------------


@attrs.frozen
class _Area:
    """A graded area's column, and where its judgment lands."""

    columns: tuple[str, ...]  # the spellings the files have used, newest first
    key: str
    topic: str
    parse: Any
    report_card: bool = False
    judged: tuple[str, ...] = ()  # the column of the judgment's own date
    # The judgement's own wording where the column adds the inspection it is of ("Previous
    # quality of education"): the label of an earlier inspection's area, which is its own.
    wording: str | None = None


def _eif_areas(prefix: str = "", capitalise: bool = False) -> tuple[_Area, ...]:
    def area(column: str, key: str, topic: str) -> _Area:
        if not prefix:
            return _Area((column,), key, topic, _four_point)
        prefixed = prefix + (column if capitalise else column[0].lower() + column[1:])
        return _Area((prefixed,), key, topic, _four_point, wording=column)

    return (
        area("Quality of education", "quality_of_education", "Quality of education"),
        area("Behaviour and attitudes", "behaviour_and_attitudes", "Behaviour and attitudes"),
        area("Personal development", "personal_development", "Personal development"),
        area(
            "Effectiveness of leadership and management",
            "leadership_and_management",
            "Leadership and management",
        ),
        area("Early years provision (where applicable)", "early_years", "Early years provision"),
        area("Sixth form provision (where applicable)", "sixth_form", "Sixth form provision"),
    )


_CIF_AREAS: Final = (
    _Area(("Outcomes for pupils",), "outcomes_for_pupils", "Outcomes for pupils", _four_point),
    _Area(
        ("Quality of teaching, learning and assessment",),
        "quality_of_teaching_learning_and_assessment",
        "Quality of teaching, learning and assessment",
        _four_point,
    ),
    _Area(
        ("Personal development, behaviour and welfare",),
        "personal_development_behaviour_and_welfare",
        "Personal development, behaviour and welfare",
        _four_point,
    ),
    _Area(
        (
            "16 to 19 study programmes (where applicable)",
            "16 - 19 study programmes",
            "16-19 study programmes",
        ),
        "sixteen_to_nineteen_study_programmes",
        "16 to 19 study programmes",
        _four_point,
    ),
)
_CIF_KEYS: Final = frozenset(area.key for area in _CIF_AREAS)


def _report_card_area(column: str, key: str, topic: str, parse: Any = _REPORT_CARD) -> _Area:
    # The dates were announced as "- date of grade"; the files write "- date of judgement".
    return _Area(
        (column,),
        key,
        topic,
        parse,
        report_card=True,
        judged=(f"{topic} - date of judgement", f"{topic} - date of grade"),
    )


_REPORT_CARD_AREAS: Final = (
    _report_card_area(
        "Safeguarding standards", "safeguarding", "Safeguarding standards", _SAFEGUARDING_STANDARDS
    ),
    _report_card_area("Inclusion", "inclusion", "Inclusion"),
    _report_card_area(
        "Curriculum and teaching", "curriculum_and_teaching", "Curriculum and teaching"
    ),
    _report_card_area("Achievement", "achievement", "Achievement"),
    _report_card_area(
        "Attendance and behaviour", "attendance_and_behaviour", "Attendance and behaviour"
    ),
    _report_card_area(
        "Personal development and wellbeing",
        "personal_development_and_well_being",
        "Personal development and wellbeing",
    ),
    _report_card_area("Early years (where applicable)", "early_years", "Early years"),
    # The files' "post-16 provision" is the framework's sixth form.
    _report_card_area("Post-16 provision (where applicable)", "sixth_form", "Post-16 provision"),
    _report_card_area(
        "Leadership and governance", "leadership_and_governance", "Leadership and governance"
    ),
)


@attrs.frozen
class _Block:
    """The columns that describe one inspection of a row: the latest, or an earlier one."""

    name: str
    number: tuple[str, ...]
    published: tuple[str, ...] = ()
    start: tuple[str, ...] = ()
    end: tuple[str, ...] = ()
    relates: tuple[str, ...] = ()
    urn_at: tuple[str, ...] = ()
    laestab_at: tuple[str, ...] = ()
    name_at: tuple[str, ...] = ()
    overall: tuple[str, ...] = ()
    areas: tuple[_Area, ...] = ()
    ungraded: bool = False
    # Columns of this inspection kept in its extensions, each checked against known values
    # where the values are a closed set (None: free text).
    kept: tuple[tuple[str, tuple[str, ...] | None], ...] = ()


_LATEST = _Block(
    "latest",
    number=("Inspection number of latest full inspection", "Inspection number"),
    published=("Publication date",),
    start=("Inspection start date",),
    end=("Inspection end date",),
    relates=("Does the latest full inspection relate to the URN of the current school?",),
    urn_at=("URN at time of latest full inspection",),
    laestab_at=("LAESTAB at time of latest full inspection",),
    name_at=("School name at time of latest full inspection",),
    overall=("Overall effectiveness",),
    areas=(*_eif_areas(), *_CIF_AREAS, *_REPORT_CARD_AREAS),
    kept=(
        ("Category of concern", _CATEGORIES),
        ("Most recent category of concern", _CATEGORIES),
        ("Safeguarding is effective?", _YES_NO),
        ("Safeguarding is effective", _YES_NO),
        ("Is safeguarding effective?", _YES_NO),
        ("Did the latest ungraded inspection convert to a graded inspection?", _YES_NO),
    ),
)
_PREVIOUS = _Block(
    "previous",
    number=("Previous full inspection number", "Previous inspection number"),
    published=("Previous publication date",),
    start=("Previous inspection start date",),
    end=("Previous inspection end date",),
    relates=("Does the previous full inspection relate to the URN of the current school?",),
    urn_at=("URN at time of previous full inspection",),
    laestab_at=("LAESTAB at time of previous full inspection",),
    name_at=("School name at time of previous full inspection",),
    overall=("Previous full inspection overall effectiveness", "Previous overall effectiveness"),
    areas=_eif_areas("Previous "),
    kept=(
        ("School type at time of previous full inspection", None),
        ("Previous category of concern", _CATEGORIES),
        ("Previous safeguarding is effective?", _YES_NO),
        ("Previous safeguarding is effective", _YES_NO),
    ),
)
_SECTION_8 = _Block(
    "latest section 8",
    number=("Latest section 8 inspection number since last full inspection",),
    published=("Section 8 inspection publication date",),
    start=("Date of latest section 8 inspection",),
    relates=("Does the section 8 inspection relate to the URN of the current school?",),
    urn_at=("URN at time of the section 8 inspection",),
    laestab_at=("LAESTAB at time of the section 8 inspection",),
    name_at=("School name at time of the latest section 8 inspection",),
    ungraded=True,
    kept=(
        ("School type at time of the latest section 8 inspection", None),
        ("Section 8 inspection overall outcome", None),
        ("Did the latest section 8 inspection convert to a full inspection?", _YES_NO),
    ),
)
_OEIF = _Block(
    "latest OEIF graded",
    number=("Inspection number of latest OEIF graded inspection",),
    published=("Publication date of latest OEIF graded inspection",),
    start=("Inspection start date of latest OEIF graded inspection",),
    relates=("Does the latest OEIF graded inspection relate to the URN of the current school?",),
    urn_at=("URN at time of latest OEIF graded inspection",),
    laestab_at=("LAESTAB at time of latest OEIF graded inspection",),
    name_at=("School name at time of latest OEIF graded inspection",),
    overall=("Latest OEIF overall effectiveness",),
    areas=_eif_areas("Latest OEIF "),
    kept=(
        ("Inspection type of latest OEIF graded inspection", None),
        ("Inspection type grouping of latest OEIF graded inspection", None),
        ("Event type grouping of latest OEIF graded inspection", None),
        ("School type at time of latest OEIF graded inspection", None),
        ("Latest OEIF category of concern", _CATEGORIES),
        # Two spaces after "OEIF", as the files write it.
        ("Latest OEIF  safeguarding is effective?", _YES_NO),
        ("Latest OEIF safeguarding is effective?", _YES_NO),
    ),
)
_UNGRADED = _Block(
    "latest ungraded",
    number=("Latest ungraded inspection number",),
    published=("Ungraded inspection publication date",),
    start=("Date of latest ungraded inspection",),
    relates=("Does the ungraded inspection relate to the URN of the current school?",),
    urn_at=("URN at time of the ungraded inspection",),
    laestab_at=("LAESTAB at time of the ungraded inspection",),
    name_at=("School name at time of the ungraded inspection",),
    ungraded=True,
    kept=(
        ("School type at time of the ungraded inspection", None),
        ("Ungraded inspection overall outcome", None),
    ),
)
_BLOCKS: Final = (_LATEST, _PREVIOUS, _SECTION_8, _OEIF, _UNGRADED)
_WEB_LINK: Final = (
    "Web link",
    "Web Link (opens in new window)",
    "Web link (opens in new window)",
    "Web Link",
)
# Free text of the latest inspection, kept in its extensions as written.
_LATEST_TEXT: Final = (
    "Outcomes for ungraded and monitoring inspections",
    "Outcomes for legacy monitoring inspections",
    "Outcomes for short inspections that did not convert",
)
_SCHOOL_TYPE_AT_LATEST: Final = "School type at time of latest full inspection"

_SCHOOLS_FRAMEWORKS: Final = {
    "2019": BUILTIN.framework("ofsted/schools/2019"),
    "2024": BUILTIN.framework("ofsted/schools/2024"),
    "2025": BUILTIN.framework("ofsted/schools/2025"),
}
_EIF_FROM: Final = datetime.date(2019, 9, 1)
_NO_OVERALL_FROM: Final = datetime.date(2024, 9, 2)


class _RowProblem(Exception):
    """A value of a row the importer does not know: the column, the value, what is wrong."""

    def __init__(self, column: str, value: str | None, message: str) -> None:
        super().__init__(message)
        self.column, self.value, self.message = column, value, message


@attrs.frozen
class _Column:
    name: str
    index: int
    key: str = attrs.field(
        default=attrs.Factory(lambda self: _key(self.name), takes_self=True), eq=False
    )
    """Its key in extensions: ``ofsted:<name>``."""


def _first(header: dict[str, int], names: Iterable[str]) -> _Column | None:
    for name in names:
        index = header.get(name)
        if index is not None:
            return _Column(name, index)
    return None


_MEMO_SIZE: Final = 4096
"""How many distinct values of one column a file's memo keeps (a bound: past it, a value is
read again each time it recurs)."""


@attrs.frozen
class _BoundArea:
    """A graded area's columns in one file, with what the file's values were read as: a
    judgment column holds a handful of distinct values, so each is parsed once a file."""

    area: _Area
    column: _Column
    judged: _Column | None
    # Raw cell -> its judgment; only values that parse are kept, so at most the scale's
    # spellings (bounded all the same: casings of a label are many).
    judgments: dict[str, Judgment] = attrs.field(factory=dict, eq=False, repr=False)
    # (framework id, raw cell, date judged) -> the graded area built for them.
    graded: dict[tuple[str | None, str, datetime.date | None], GradedArea] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def judgment(self, value: str) -> Judgment:
        """The judgment a cell (not empty) holds: one look-up once the value has been seen."""
        judgment = self.judgments.get(value)
        if judgment is None:
            try:
                judgment = self.area.parse(value)
            except ValueProblem as problem:
                raise _RowProblem(self.column.name, value, str(problem)) from None
            if len(self.judgments) < _MEMO_SIZE:
                self.judgments[value] = judgment
        return judgment


@attrs.frozen
class _Kept:
    """A column kept in extensions, in one file: checked against its known values (None: free
    text), each distinct value checked once a file."""

    column: _Column
    known: tuple[str, ...] | None
    checked: dict[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    def value(self, value: str) -> str:
        """A cell (stripped, not empty) as it is kept: an ISO day for a date."""
        checked = self.checked.get(value)
        if checked is None:
            checked = _check(self.column, value, self.known)
            assert checked is not None
            if len(self.checked) < _MEMO_SIZE:
                self.checked[value] = checked
        return checked


@attrs.frozen
class _BoundBlock:
    block: _Block
    number: _Column
    published: _Column | None
    start: _Column | None
    end: _Column | None
    relates: _Column | None
    urn_at: _Column | None
    laestab_at: _Column | None
    name_at: _Column | None
    overall: _Column | None
    areas: tuple[_BoundArea, ...]
    kept: tuple[_Kept, ...]


def _bind(block: _Block, header: dict[str, int]) -> _BoundBlock | None:
    number = _first(header, block.number)
    if number is None:
        return None
    areas = []
    for area in block.areas:
        column = _first(header, area.columns)
        if column is not None:
            areas.append(_BoundArea(area, column, _first(header, area.judged)))
    kept = []
    for name, known in block.kept:
        column = _first(header, (name,))
        if column is not None:
            kept.append(_Kept(column, _known(name, known)))
    return _BoundBlock(
        block,
        number,
        _first(header, block.published),
        _first(header, block.start),
        _first(header, block.end),
        _first(header, block.relates),
        _first(header, block.urn_at),
        _first(header, block.laestab_at),
        _first(header, block.name_at),
        _first(header, block.overall),
        tuple(areas),
        tuple(kept),
    )


def _cell(row: Sequence[str], column: _Column | None) -> str | None:
    if column is None:
        return None
    value = row[column.index].strip()  # text(), without a call: this runs for every cell
    return None if value in NULLS else value


# A file's dates repeat from row to row: each is read once (a bounded cache; a date that is
# not one raises, and is not kept).
_day: Final = functools.lru_cache(maxsize=8192)(day)
_iso_day: Final = functools.lru_cache(maxsize=8192)(lambda value: day(value).isoformat())
_describe_day: Final = functools.lru_cache(maxsize=8192)(describe_day)


def _date(row: Sequence[str], column: _Column | None) -> datetime.date | None:
    value = _cell(row, column)
    if value is None or column is None:
        return None
    try:
        return _day(value)
    except ValueProblem as problem:
        raise _RowProblem(column.name, value, str(problem)) from None


_A_DATE: Final = ("<a date>",)
"""The "known values" of a column that holds dates: kept as ISO days, so that a CSV file's
``13/09/2023`` and a spreadsheet's date cell say the same."""


def _known(name: str, known: tuple[str, ...] | None) -> tuple[str, ...] | None:
    return _A_DATE if known is None and " date" in name.casefold() else known


def _check(column: _Column, value: str | None, known: tuple[str, ...] | None) -> str | None:
    if value is None or known is None:
        return value
    try:
        if known is _A_DATE:
            return _iso_day(value)
        return one_of(value, known)
    except ValueProblem as problem:
        raise _RowProblem(column.name, value, str(problem)) from None


def _key(column: str) -> str:
    return f"{NAMESPACE}:{column}"


def _cells_of(kept: Iterable[_Kept]) -> tuple[tuple[str, int, _Kept | None], ...]:
    return tuple(
        (item.column.key, item.column.index, None if item.known is None else item) for item in kept
    )


class _SchoolsColumns:
    """One schools management information file's columns, bound once to its header.

    :meth:`records` turns each row into records. Use :func:`read_schools`, which finds the
    header, reads the rows and says where a bad value is.
    """

    def __init__(self, header: Sequence[str]) -> None:
        self.header = tuple(name.strip() for name in header)
        positions: dict[str, int] = {}
        for index, name in enumerate(self.header):
            positions.setdefault(name, index)
        self.width = len(self.header)
        missing = [
            name
            for name, present in (
                ("URN", "URN" in positions),
                ("School name", "School name" in positions),
                ("Inspection number", _first(positions, _LATEST.number) is not None),
                ("Publication date", "Publication date" in positions),
            )
            if not present
        ]
        if missing:
            raise ValueError(
                "not an Ofsted schools management information header: no column "
                + ", ".join(repr(name) for name in missing)
            )
        self.urn = positions["URN"]
        self.school_name = positions["School name"]
        self.laestab = positions.get("LAESTAB")
        self.web_link = _first(positions, _WEB_LINK)
        bound_blocks = [bound for block in _BLOCKS if (bound := _bind(block, positions))]
        # An earlier inspection the file gives no publication date for is named, not recorded:
        # the latest links to it by its number, and its other columns stay with the latest.
        self.blocks = tuple(
            bound for bound in bound_blocks if bound.published or bound.block is _LATEST
        )
        self.cited = tuple(bound.number for bound in bound_blocks if bound not in self.blocks)
        used = {self.urn, self.school_name, self.laestab, *(c.index for c in self.cited)}
        if self.web_link is not None:
            used.add(self.web_link.index)
        for bound in self.blocks:
            if bound.block is _LATEST:
                continue  # the latest inspection keeps every column no block claims
            for column in self._typed_columns(bound):
                used.add(column.index)
            for kept in bound.kept:
                used.add(kept.column.index)
        latest = self.blocks[0]
        for column in self._typed_columns(latest):
            used.add(column.index)
        checked = {kept.column.index: kept.known for kept in latest.kept}
        self.latest_kept = tuple(
            _Kept(_Column(name, index), _known(name, checked.get(index)))
            for index, name in enumerate(self.header)
            if index not in used and positions[name] == index
        )
        # Each block's kept cells as (key, position, checker): free text (no checker) is kept
        # with no call a cell.
        self.kept_cells = {
            bound.block.name: _cells_of(self.latest_kept if bound.block is _LATEST else bound.kept)
            for bound in self.blocks
        }
        # Every key an inspection's extensions can have, checked once for the file (their
        # names, and their number against the limit of values): then each row's extensions,
        # text under some of those keys, are frozen as they are.
        try:
            freeze_extensions(dict.fromkeys(_key(name) for name in self.header))
        except InvalidExtension:
            self._keys_checked = False
        else:
            self._keys_checked = True

    def _frozen(self, extensions: dict[str, JSONValue]) -> Extensions:
        if not extensions:
            return NO_EXTENSIONS
        if self._keys_checked:
            return FrozenDict(extensions)
        return freeze_extensions(extensions)  # says what is wrong, with the key

    @staticmethod
    def _typed_columns(bound: _BoundBlock) -> Iterator[_Column]:
        for column in (
            bound.number,
            bound.published,
            bound.start,
            bound.end,
            bound.relates,
            bound.urn_at,
            bound.laestab_at,
            bound.name_at,
            bound.overall,
        ):
            if column is not None:
                yield column
        for area in bound.areas:
            yield area.column
            if area.judged is not None:
                yield area.judged

    def records(self, row: Sequence[str]) -> list[Inspection]:
        """The records of one row: its latest inspection first, then the earlier ones.

        A school not yet inspected (no inspection number) has none.

        Raises:
            _RowProblem: A value is unknown or malformed, or a record would not be valid.
        """
        if len(row) != self.width:
            raise _RowProblem(
                "",
                None,
                f"the row has {len(row)} fields, the header {self.width}",
            )
        urn = _urn(text(row[self.urn]))
        name = text(row[self.school_name])
        if name is None:
            raise _RowProblem("School name", None, "is empty")
        laestab = None if self.laestab is None else text(row[self.laestab])
        if laestab is not None and not (laestab.isdigit() and laestab.isascii()):
            raise _RowProblem("LAESTAB", laestab, "is not a LAESTAB (digits)")
        # Built without __init__: the name is text that is not blank, the ids digits.
        school = _NEW_ORGANISATION(
            name=name,
            kind=OrganisationKind.SCHOOL,
            identifiers=_identity(urn, laestab),
        )
        found: list[dict[str, Any]] = []
        for bound in self.blocks:
            fields = self._inspection(row, bound, school, urn)
            if fields is None:
                if bound.block is _LATEST:
                    return []  # never inspected: the row describes no inspection
                continue
            found.append(fields)
        for column in self.cited:
            number = text(row[column.index])
            if number is not None:
                link = RelatedReport(
                    relation=Relation.EARLIER_INSPECTION, target=_inspection_id(column, number)
                )
                found[0]["related"].append(link)
        _link(found)
        records = []
        for fields in found:
            column, number = fields.pop(_NUMBER)
            fields["related"] = tuple(fields["related"])
            record = _NEW_INSPECTION(**fields)
            problems = check(record)
            if problems:
                raise _RowProblem(
                    column,
                    number,
                    "makes an invalid record: " + "; ".join(str(problem) for problem in problems),
                )
            records.append(record)
        return records

    def _inspection(
        self, row: Sequence[str], bound: _BoundBlock, school: Organisation, urn: str
    ) -> dict[str, Any] | None:
        """The fields of the inspection *bound* describes, or ``None`` where the row names no
        such inspection; the records are built once the row's inspections are linked."""
        number = _cell(row, bound.number)
        if number is None:
            return None
        inspection_id = _inspection_id(bound.number, number)
        latest = bound.block is _LATEST
        published = _date(row, bound.published)
        start = _date(row, bound.start)
        end = _date(row, bound.end)
        if published is None:
            where = bound.published.name if bound.published else bound.block.published[0]
            raise _RowProblem(where, None, f"the {bound.block.name} inspection has no date")
        subject = _subject(row, bound, school, urn)
        extensions = self._kept(row, bound)
        if latest and subject is not school:
            # The row's own school is the successor of the one inspected: keep its name and
            # LAESTAB (its URN is the successor's identifier).
            extensions[_key("School name")] = school.name
            extensions[_key("LAESTAB")] = school.identifier("dfe_laestab")
        judged = _Judged(row, bound, extensions)
        framework = judged.framework(start or published)
        areas, scales = judged.areas(framework)
        overall = _overall(row, bound, judged, framework, areas, scales, extensions)

        sources: tuple[Source, ...] = ()
        if latest and self.web_link is not None:
            url = _cell(row, self.web_link)
            if url is not None:
                sources = (Source(url=url, publisher="Ofsted"),)
        title = f"Ofsted inspection of {subject.name}"
        if start is not None:
            title += f", {_describe_day(start)}"
        return {
            "id": inspection_id,
            "title": title,
            "inspectorate": OFSTED,
            "subjects": (subject,),
            "published": published,
            "fieldwork": None if start is None or end is None else _period(start, end),
            "scales": tuple(scales),
            "framework": None if framework is None else framework.id,
            "graded_areas": tuple(areas),
            "overall": overall,
            "sources": sources,
            "related": [],
            "extensions": self._frozen(_extensions_with_start(extensions, bound, start, end)),
            _NUMBER: (bound.number.name, number),
        }

    def _kept(self, row: Sequence[str], bound: _BoundBlock) -> dict[str, JSONValue]:
        """The columns of the inspection kept in its extensions, checked where their values
        are a closed set or dates."""
        extensions: dict[str, JSONValue] = {}
        for key, index, kept in self.kept_cells[bound.block.name]:
            value = row[index].strip()  # _cell(), inlined: the hot loop
            if value in NULLS:
                extensions[key] = None
            else:
                extensions[key] = value if kept is None else kept.value(value)
        return extensions


def _urn(urn: str | None) -> str:
    """The row's URN, which every row has: digits."""
    if urn is None:
        raise _RowProblem("URN", None, "is empty")
    if not urn.isdigit() or not urn.isascii():
        raise _RowProblem("URN", urn, "is not a URN (digits)")
    return urn


class _Judged:
    """The judgments of the areas of one inspection of a row, as the row gives them."""

    __slots__ = ("cif", "graded", "judgments", "report_card")

    def __init__(
        self, row: Sequence[str], bound: _BoundBlock, extensions: dict[str, JSONValue]
    ) -> None:
        self.judgments: list[tuple[_BoundArea, str, Judgment, datetime.date | None]] = []
        self.report_card = self.cif = self.graded = False
        for bound_area in bound.areas:
            value = row[bound_area.column.index].strip()  # _cell(), inlined: the hot loop
            if value in NULLS:
                continue
            area = bound_area.area
            judgment = bound_area.judgment(value)
            if judgment is NOT_APPLICABLE:
                # The school has no such provision: no area, and the code is kept.
                extensions[bound_area.column.key] = value
                continue
            judged = _date(row, bound_area.judged)  # a date that is not one is refused here
            self.judgments.append((bound_area, value, judgment, judged))
            self.report_card = self.report_card or area.report_card
            self.cif = self.cif or area.key in _CIF_KEYS
            self.graded = self.graded or not isinstance(judgment, NonGrade)

    def framework(self, when: datetime.date) -> Framework | None:
        """The framework of a graded inspection on *when*, by its areas and its date."""
        if not self.graded or self.cif:
            return None
        if self.report_card:
            return _SCHOOLS_FRAMEWORKS["2025"]
        if when >= _NO_OVERALL_FROM:
            return _SCHOOLS_FRAMEWORKS["2024"]
        if when >= _EIF_FROM:
            return _SCHOOLS_FRAMEWORKS["2019"]
        return None

    def areas(self, framework: Framework | None) -> tuple[list[GradedArea], list[GradingScale]]:
        """The graded areas, named as *framework* names them, and the scales of their grades."""
        areas: list[GradedArea] = []
        scales: list[GradingScale] = []
        framework_id = None if framework is None else framework.id
        for bound_area, value, judgment, judged in self.judgments:
            # Areas mostly share one scale: the last one found is compared first.
            if (
                isinstance(judgment, Grade)
                and (not scales or judgment.scale is not scales[-1])
                and all(judgment.scale is not s for s in scales)
            ):
                scales.append(judgment.scale)
            # The same area judged the same recurs row after row, and records are immutable:
            # one is built once and shared, found by the cells' own text.
            memo = bound_area.graded
            graded = memo.get((framework_id, value, judged))
            if graded is None:
                key, topic = _named_by(framework, bound_area.area)
                heading = bound_area.area.wording or bound_area.column.name
                graded = GradedArea(
                    key=key,
                    topic=topic,
                    label=None if heading == topic else heading,
                    judgment=judgment,
                    judged=judged,
                )
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[(framework_id, value, judged)] = graded
            areas.append(graded)
        return areas, scales


def _overall(
    row: Sequence[str],
    bound: _BoundBlock,
    judged: _Judged,
    framework: Framework | None,
    areas: list[GradedArea],
    scales: list[GradingScale],
    extensions: dict[str, JSONValue],
) -> Judgment | None:
    """The overall judgment: the overall column's grade where the framework gives one, else
    none, or "ungraded" for an inspection that graded nothing."""
    overall: Judgment | None = None
    code = _cell(row, bound.overall)
    if code is not None and bound.overall is not None:
        try:
            overall = _four_point(code)
        except ValueProblem as problem:
            raise _RowProblem(bound.overall.name, code, str(problem)) from None
        if isinstance(overall, NonGrade) or (framework is not None and not framework.overall):
            # "No judgement": where the inspection graded nothing it was ungraded; where its
            # framework gives no overall grade, there is none. The code is kept.
            extensions[_key(bound.overall.name)] = code
            overall = None if judged.graded else UNGRADED
        elif isinstance(overall, Grade) and all(overall.scale is not s for s in scales):
            scales.append(overall.scale)
    if overall is None and not judged.graded and (bound.block.ungraded or not areas):
        overall = UNGRADED
    return overall


def _inspection_id(column: _Column, number: str) -> str:
    # Older files write some numbers with an "ITS" prefix and some without; one inspection has
    # one id either way.
    digits = number.removeprefix("ITS")
    if not (digits.isdigit() and digits.isascii()):
        raise _RowProblem(column.name, number, "is not an inspection number")
    return f"ofsted/inspection/{digits}"


def _named_by(framework: Framework | None, area: _Area) -> tuple[str, str]:
    """The area's key and topic as its framework names them, where the framework knows it."""
    if framework is None:
        return area.key, area.topic
    named = _NAMED.get((framework.id, area.key))
    if named is None:
        expected = framework.find_area(area.key)
        if expected is None:
            try:
                expected = framework.resolve_area(area.topic)
            except NotFoundError:
                expected = None
        named = (area.key, area.topic) if expected is None else (expected.key, expected.topic)
        _NAMED[(framework.id, area.key)] = named
    return named


_NAMED: dict[tuple[str, str], tuple[str, str]] = {}
"""Each area's key and topic in each built-in framework, looked up once (a bounded table: the
importer's areas by the built-in frameworks)."""


@functools.lru_cache(maxsize=4096)
def _period(start: datetime.date, end: datetime.date) -> Period:
    """Fieldwork from *start* to *end*; many inspections share their days, and periods are
    immutable, so one is built once and shared."""
    return Period(start=PartialDate.from_date(start), end=PartialDate.from_date(end))


def _extensions_with_start(
    extensions: dict[str, JSONValue],
    bound: _BoundBlock,
    start: datetime.date | None,
    end: datetime.date | None,
) -> dict[str, JSONValue]:
    # Fieldwork needs both ends; a start date alone is kept, as an ISO day.
    if start is not None and end is None and bound.start is not None:
        extensions[_key(bound.start.name)] = start.isoformat()
    return extensions


def _identity(urn: str, laestab: str | None) -> tuple[Identifier, ...]:
    """A school's identifiers, from a URN and a LAESTAB already checked to be digits."""
    urn_id = _NEW_IDENTIFIER(scheme="ofsted_urn", value=urn)
    if laestab is None:
        return (urn_id,)
    return (urn_id, _NEW_IDENTIFIER(scheme="dfe_laestab", value=laestab))


# Records are built without __init__ where every value is checked on the way in (see
# _SchoolsColumns); the tests hold them equal to records built through __init__.
_NEW_INSPECTION: Final = assembler(Inspection)
_NEW_ORGANISATION: Final = assembler(Organisation)
_NEW_IDENTIFIER: Final = assembler(Identifier)


def _subject(
    row: Sequence[str], bound: _BoundBlock, school: Organisation, urn: str
) -> Organisation:
    """The school as it was when inspected: the current one, or its predecessor."""
    relates_cell = _cell(row, bound.relates)
    urn_at = _cell(row, bound.urn_at)
    if relates_cell in _SAME_SCHOOL and (urn_at is None or urn_at == urn):
        return school  # the common case, in two look-ups (the URN is checked already)
    relates = _check(bound.relates, relates_cell, _YES_NO) if bound.relates else None
    if urn_at is not None and not (urn_at.isdigit() and urn_at.isascii()):
        assert bound.urn_at is not None
        raise _RowProblem(bound.urn_at.name, urn_at, "is not a URN (digits)")
    if (relates is None or relates.casefold() == "yes") and (urn_at is None or urn_at == urn):
        return school
    if urn_at is None:
        assert bound.relates is not None
        raise _RowProblem(
            bound.relates.name, relates, "says another school was inspected, but not which URN"
        )
    laestab_at = _cell(row, bound.laestab_at)
    if laestab_at is not None and not (laestab_at.isdigit() and laestab_at.isascii()):
        assert bound.laestab_at is not None
        raise _RowProblem(bound.laestab_at.name, laestab_at, "is not a LAESTAB (digits)")
    # Built without __init__: the name is text that is not blank, the ids digits.
    return _NEW_ORGANISATION(
        name=_cell(row, bound.name_at) or school.name,
        kind=OrganisationKind.SCHOOL,
        identifiers=_identity(urn_at, laestab_at),
        successors=(_NEW_IDENTIFIER(scheme="ofsted_urn", value=urn),),
    )


_SAME_SCHOOL: Final = frozenset({None, "Yes"})
"""The "relate to the URN of the current school" cells that say it does, as written."""

_NUMBER: Final = "_number"
"""Where the fields of an inspection not yet built keep the column and text of its number."""


def _link(found: list[dict[str, Any]]) -> None:
    """Link the row's latest inspection and the earlier ones it describes, by their dates: each
    names the ones published before it as earlier inspections. The same inspection named twice
    (an ungraded inspection that is also the latest) is recorded once."""
    if len(found) < 2:
        return
    latest = found[0]
    seen = {latest["id"]}
    kept = [latest]
    for other in found[1:]:
        if other["id"] in seen:
            continue
        seen.add(other["id"])
        kept.append(other)
        if other["published"] <= latest["published"]:
            latest["related"].append(_earlier(other))
        else:
            other["related"].append(_earlier(latest))
    found[:] = kept


def _earlier(fields: dict[str, Any]) -> RelatedReport:
    return RelatedReport(
        relation=Relation.EARLIER_INSPECTION,
        target=fields["id"],
        title=fields["title"],
        date=fields["published"],
    )


# Children's services ------------------------------------------------------------------------

_ILACS_GRADES: Final[dict[str, Grade]] = {
    "outstanding": OFSTED_FOUR_POINT.parse("Outstanding"),
    "good": OFSTED_FOUR_POINT.parse("Good"),
    "requires improvement to be good": OFSTED_FOUR_POINT.parse("Requires improvement"),
    "inadequate": OFSTED_FOUR_POINT.parse("Inadequate"),
}
_NOT_YET_INSPECTED: Final = "not yet inspected"
_ILACS_AREAS: Final = (
    ("The impact of leaders on social work practice with children and families", "leadership"),
    (
        "The experiences and progress of children who need help and protection",
        "help_and_protection",
    ),
    ("The experiences and progress of children in care", "children_in_care"),
    ("The experiences and progress of care leavers", "care_leavers"),
)
_ILACS_REQUIRED: Final = (
    "Local authority name",
    "Inspection date",
    "Publication date",
    "Overall effectiveness",
)


class _ChildrensServicesColumns:
    """The ILACS outcomes sheet's columns, bound once to its header."""

    def __init__(self, header: Sequence[str]) -> None:
        self.header = tuple(name.strip() for name in header)
        positions = {name: index for index, name in reversed(list(enumerate(self.header)))}
        missing = [name for name in _ILACS_REQUIRED if name not in positions]
        if missing:
            raise ValueError(
                "not an Ofsted children's services outcomes header: no column "
                + ", ".join(repr(name) for name in missing)
            )
        self.width = len(self.header)
        self.name = positions["Local authority name"]
        self.inspected = positions["Inspection date"]
        self.published = positions["Publication date"]
        self.overall = positions["Overall effectiveness"]
        self.web_link = _first(positions, _WEB_LINK)
        self.areas = tuple(
            (_Column(column, positions[column]), key)
            for column, key in _ILACS_AREAS
            if column in positions
        )
        used = {self.name, self.published, self.overall, *(c.index for c, _ in self.areas)}
        if self.web_link is not None:
            used.add(self.web_link.index)
        self.kept = tuple(
            _Column(name, index)
            for index, name in enumerate(self.header)
            if index not in used and positions[name] == index
        )

    def records(self, row: Sequence[str]) -> list[Inspection]:
        if len(row) != self.width:
            raise _RowProblem("", None, f"the row has {len(row)} fields, the header {self.width}")
        name = text(row[self.name])
        if name is None:
            raise _RowProblem("Local authority name", None, "is empty")
        inspected_text = text(row[self.inspected])
        if inspected_text is None or inspected_text.casefold() == _NOT_YET_INSPECTED:
            return []  # no inspection to record
        inspected = _date(row, _Column("Inspection date", self.inspected))
        published = _date(row, _Column("Publication date", self.published))
        if published is None or inspected is None:
            raise _RowProblem("Publication date", None, "the inspection has no publication date")
        overall = self._grade(row, _Column("Overall effectiveness", self.overall))
        areas = []
        for column, key in self.areas:
            grade = self._grade(row, column)
            if grade is not None:
                areas.append(GradedArea(key=key, topic=column.name, judgment=grade))
        sources: tuple[Source, ...] = ()
        if self.web_link is not None and (url := text(row[self.web_link.index])) is not None:
            sources = (Source(url=url, publisher="Ofsted"),)
        record = Inspection(
            id=f"ofsted/ilacs/{slug(name)}/{inspected.isoformat()}",
            title=f"Ofsted inspection of {name} local authority children's services",
            inspectorate=OFSTED,
            subjects=(Organisation(name=name, kind=OrganisationKind.LOCAL_AUTHORITY),),
            published=published,
            scales=(OFSTED_FOUR_POINT,) if overall is not None or areas else (),
            graded_areas=tuple(areas),
            overall=overall,
            sources=sources,
            extensions={
                c.key: _check(c, text(row[c.index]), _known(c.name, None)) for c in self.kept
            },
        )
        problems = check(record)
        if problems:
            raise _RowProblem(
                "Local authority name",
                name,
                "makes an invalid record: " + "; ".join(str(problem) for problem in problems),
            )
        return [record]

    @staticmethod
    def _grade(row: Sequence[str], column: _Column) -> Grade | None:
        value = text(row[column.index])
        if value is None:
            return None
        grade = _ILACS_GRADES.get(value.casefold())
        if grade is None:
            raise _RowProblem(
                column.name,
                value,
                "is not an Ofsted children's services judgement: expected one of 'Outstanding', "
                "'Good', 'Requires improvement to be good', 'Inadequate'",
            )
        return grade


# Reading ----------------------------------------------------------------------------------

_SCHOOLS_REQUIRED: Final = ("URN", "School name")
_ILACS_MARK: Final = "Local authority name"


def _results(
    source: SourceInput, want: str | None, encoding: str | None, sheet: str | None
) -> Iterator[Inspection | SourceError]:
    with opened(source) as (stream, name):
        head, stream = head_of(stream, 64 * 1024)
        refuse_compressed(head, name)
        choices = [_SCHOOLS_REQUIRED, _ILACS_REQUIRED[:2]]
        if want == "schools":
            choices[1] = _SCHOOLS_REQUIRED
        elif want == "childrens_services":
            choices[0] = _ILACS_REQUIRED[:2]
        if head.startswith(ZIP_MAGIC):
            with ods_content(stream, name) as xml:
                ods = OdsTable(
                    sheet_rows(xml, name), name, choices=choices, sheets=(sheet,) if sheet else ()
                )
                kind = "schools" if choices[ods.choice] is _SCHOOLS_REQUIRED else "ilacs"
                yield from _table_results(ods, kind, name)
            return
        if want is None:
            # The children's services sheet names local authorities and has no URN column.
            is_ilacs = _ILACS_MARK.encode() in head and b"URN" not in head
            want = "childrens_services" if is_ilacs else "schools"
        required = _SCHOOLS_REQUIRED if want == "schools" else _ILACS_REQUIRED[:2]
        with CsvTable(stream, name, required=required, encoding=encoding) as table:
            yield from _table_results(table, "schools" if want == "schools" else "ilacs", name)


def _table_results(
    table: CsvTable | OdsTable, kind: str, name: str
) -> Iterator[Inspection | SourceError]:
    columns: _SchoolsColumns | _ChildrensServicesColumns
    try:
        columns = (
            _SchoolsColumns(table.header)
            if kind == "schools"
            else _ChildrensServicesColumns(table.header)
        )
    except ValueError as error:
        raise file_error(name, str(error), line=table.header_line) from None
    for row in table.cell_rows():
        if isinstance(row, SourceError):
            yield row
            continue
        line, cells = row
        try:
            records = columns.records(cells)
        except InvalidRecord as error:  # a value no check foresaw: still located
            item = row_located(name, line)
            item.add((), None, str(error))
            yield item.error()
            continue
        except _RowProblem as problem:
            item = row_located(name, line)
            message = problem.message
            if problem.value is not None:
                message = f"{shown(problem.value)} {message}"
            item.add((problem.column,) if problem.column else (), problem.value, message)
            yield item.error()
            continue
        yield from records


def read(
    source: SourceInput,
    *,
    errors: list[SourceError] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Inspection]:
    """Read an Ofsted management information file, one record at a time: a schools file, or
    the children's services outcomes, told apart by their columns.

    Args:
        source: A path, or a file opened in binary mode: CSV, or ODS (told by its first
            bytes). A CSV file's encoding is found (UTF-8 with or without a byte order mark,
            or Windows-1252); the header row is looked for below any title rows.
        errors: Without it, the first bad row raises. With a list, each bad row's
            :class:`~inspectlib.sources.SourceError` is appended and reading goes on.
        encoding: The encoding of a CSV file, where you know it better than the detection.
        sheet: The sheet of an ODS file to read (``"D2_Most_recent_inspections"``); by
            default the first whose header the importer knows.

    Returns:
        The records, each built and validated as its row is read.

    Raises:
        SourceError: A row holds a value the importer does not know, or the file has no
            header row it recognises; the error names the file, the row, the column and the
            value.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, None, encoding, sheet), errors)


def read_schools(
    source: SourceInput,
    *,
    errors: list[SourceError] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Inspection]:
    """Read a state-funded schools inspections management information file (any generation),
    one record at a time. See :func:`read`.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, "schools", encoding, sheet), errors)


def read_childrens_services(
    source: SourceInput,
    *,
    errors: list[SourceError] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Inspection]:
    """Read the outcomes of Ofsted's inspections of local authority children's services
    (ILACS), one record at a time. See :func:`read`.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, "childrens_services", encoding, sheet), errors)


offer_only(__name__, __all__)
