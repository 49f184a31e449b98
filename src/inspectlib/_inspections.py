"""The inspection report, and the graded areas it is made of."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable

import attrs

from ._deadlines import Deadline, Response, ResponseRule
from ._evidence import Evidence
from ._expectations import Expectation, Expecting, Records
from ._extensions import NO_EXTENSIONS, Extensions, freeze_extensions
from ._field_types import typed_fields
from ._fields import not_blank, not_empty, to_tuple
from ._findings import Finding, FindingKind
from ._judgments import Judgment
from ._lifecycle import FindingStatus, FindingUpdate, finding_status, open_findings
from ._organisations import Organisation
from ._partial_dates import PartialDate
from ._scales import GradingScale
from ._sources import Quote, Source
from ._stated_dates import StatedDate, date_bounds, to_partial_date, to_stated_date
from ._verdicts import Checked

__all__ = ["GradedArea", "Inspection", "Period", "RelatedReport", "Relation"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Period:
    """A span of time whose ends may be known only to a month, a season or a year.

    Each end is a :class:`PartialDate`; a :class:`datetime.date` is taken too, as by every
    field that holds a date, and held as the one-day partial date it is
    (``PartialDate.from_date``), which is what a document reads back. ``str()`` names a period
    of one day once: ``"5 November 2013"``.

    Validation reports a period that certainly ends before it starts.

    .. versionadded:: 0.1.0
    """

    start: PartialDate = attrs.field(converter=to_partial_date)
    end: PartialDate = attrs.field(converter=to_partial_date)

    def __str__(self) -> str:
        if self.start == self.end and self.start.to_date() is not None:
            return self.start.describe()
        return f"{self.start.describe()} to {self.end.describe()}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class GradedArea:
    """One area of an inspection and the judgment it was given.

    Args:
        key: A stable key, unique within the inspection: the framework's own numbering where it
            has one (``"2.1"``), otherwise snake_case (``"partnership_working"``).
        topic: The area's name in the framework (``"Partnership working"``).
        label: The report's own heading for it, where that differs
            (``"Working with safeguarding partners"``). Reports and frameworks word areas
            differently; both are kept.
        judgment: The grade, or the typed reason there is none.
        summary: The report's summary of the area.
        parent: The key of the area this one is nested in (``"2"`` for ``"2.1"``).
        sources: Where the judgment is published.
        extensions: Other tools' own data, under namespaced keys (``"yourtool:note"``).
        judged: The judgment's own date, where it differs from the report's: regulators date
            each rating separately, and pillars may be published on different days. As
            precisely as the source states it.
        report: The id or URL of the report that gave the judgment, where that is not the
            inspection holding it.

    .. versionadded:: 0.1.0
    """

    key: str = attrs.field(validator=not_blank)
    topic: str = attrs.field(validator=not_blank)
    judgment: Judgment
    label: str | None = attrs.field(default=None, validator=not_blank)
    summary: str | None = attrs.field(default=None, validator=not_blank)
    parent: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)
    extensions: Extensions = attrs.field(default=NO_EXTENSIONS, converter=freeze_extensions)
    judged: StatedDate | None = attrs.field(default=None, converter=to_stated_date)
    report: str | None = attrs.field(default=None, validator=not_blank)

    @property
    def heading(self) -> str:
        """The report's wording where known, else the framework's."""
        return self.label or self.topic


class Relation(enum.Enum):
    """How a record relates to another report: a vocabulary of links that carry meaning.

    Every link reads "this record *relation* the target": an inspection that
    ``REINSPECTION_OF`` another is the re-inspection of it.

    .. versionadded:: 0.1.0
    """

    FOLLOWS_UP = "follows_up"
    """This record checks what became of the target's findings: any follow-up, where no more
    specific relation below applies. Its ``finding_updates`` may speak of the target's
    findings."""
    REINSPECTION_OF = "reinspection_of"
    """This record is a fresh inspection of the same body under the same programme, made
    because of the target's outcome (a re-inspection after an inadequate judgment)."""
    EARLIER_INSPECTION = "earlier_inspection"
    """The target is an earlier inspection of the same body, cited for context; this record
    does not follow it up."""
    POST_INSPECTION_REVIEW_OF = "post_inspection_review_of"
    """This record is a review, after the target's publication, of the progress made on the
    target's findings (HMICFRS's post-inspection reviews); it may record ``finding_updates``."""
    REVISIT_OF_CAUSE_OF_CONCERN = "revisit_of_cause_of_concern"
    """This record revisits one or more causes of concern of the target and says whether they
    were addressed; it may record ``finding_updates``."""
    PUBLISHED_ALONGSIDE = "published_alongside"
    """The target was published together with this record as one release (a national report
    alongside the force reports it draws on)."""
    SUPERSEDES = "supersedes"
    """This record replaces the target: a corrected or reissued version of the same report."""
    PART_OF = "part_of"
    """This record is one part of the target, a larger piece of work such as a commissioned
    inspection or a thematic programme."""

    @property
    def follows_up(self) -> bool:
        """Whether a record so related may record updates on the target's findings."""
        return self in _FOLLOWING_UP

    @property
    def target_is_earlier(self) -> bool:
        """Whether the target was necessarily published before this record."""
        return self in _TARGET_EARLIER


_FOLLOWING_UP = frozenset(
    {
        Relation.FOLLOWS_UP,
        Relation.REINSPECTION_OF,
        Relation.POST_INSPECTION_REVIEW_OF,
        Relation.REVISIT_OF_CAUSE_OF_CONCERN,
    }
)
_TARGET_EARLIER = _FOLLOWING_UP | {Relation.EARLIER_INSPECTION, Relation.SUPERSEDES}


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class RelatedReport:
    """A link from a record to another report: an inspection, a commissioned inspection or a
    programme it follows up, replaces or belongs to, or an earlier report it cites.

    An earlier report that exists for this library only as a citation ("the 2014 inspection")
    is named by its title, its date as the citation gives it, and its URL where known.

    Args:
        relation: How the two relate.
        target: The identifier of the other record (an inspection's ``id``), or its URL.
        title: The other report's title.
        date: When the other report was published, as precisely as the source states it
            (``PartialDate.parse("2014")``).
        url: Where the other report is published, when *target* is an identifier.

    It was ``RelatedDocument`` before 0.1.0: a document is a JSON document of the format.

    .. versionadded:: 0.1.0
    """

    relation: Relation
    target: str = attrs.field(validator=not_blank)
    title: str | None = attrs.field(default=None, validator=not_blank)
    date: StatedDate | None = attrs.field(default=None, converter=to_stated_date)
    url: str | None = attrs.field(default=None, validator=not_blank)


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Inspection(Expecting, Checked):
    """An inspection report: who inspected whom, under which framework, and what they found.

    Build one with keyword arguments, check its cross-field rules with
    :func:`inspectlib.validate`, and change it with :func:`attrs.evolve`, which returns a copy
    whose fields are checked one by one; validate the copy again for the cross-field rules.

    Args:
        id: A stable identifier (``"hmicfrs/ncpi/2024/greater-manchester"``).
        title: The report's title.
        inspectorate: The inspectorate that leads the inspection.
        subjects: The organisations inspected; joint inspections cover several.
        published: When the report was published: the day, or as much of it as the sources
            state (``PartialDate.parse("July 2015")``).
        scales: The grading scales the report's grades are on.
        framework: The identifier of the framework (programme and version) it was made under.
        supporting_inspectorates: Other inspectorates that took part.
        fieldwork: When the inspectors did their fieldwork.
        graded_areas: The areas, in the report's order, parents before their sub-areas.
        overall: The overall judgment, where the framework gives one; ``None`` where it gives
            none (a non-grade is a judgment, never ``None``).
        findings: Strengths, areas for improvement, causes of concern, recommendations.
        evidence: Evidence about the inspection as a whole (findings carry their own).
        quotes: What people were quoted as saying about it.
        sources: Where the report and the facts about it are published.
        related: Links to related reports.
        responses: Published responses to the report, each under a :class:`ResponseRule`.
        finding_updates: What this report says became of the findings of the inspections it
            follows up (a post-inspection review's verdicts).
        extensions: Other tools' own data, under namespaced keys (``"yourtool:note"``).
        none_found: Kinds of finding the report states it found none of ("no causes of
            concern"), as distinct from findings not recorded here.
        expectations: Every statement of when the report would be published, in the order
            they were made: the last is the one in force.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    title: str = attrs.field(validator=not_blank)
    inspectorate: Organisation
    subjects: tuple[Organisation, ...] = attrs.field(converter=to_tuple, validator=not_empty)
    published: StatedDate = attrs.field(converter=to_stated_date)
    scales: tuple[GradingScale, ...] = attrs.field(default=(), converter=to_tuple)
    framework: str | None = attrs.field(default=None, validator=not_blank)
    supporting_inspectorates: tuple[Organisation, ...] = attrs.field(default=(), converter=to_tuple)
    fieldwork: Period | None = None
    graded_areas: tuple[GradedArea, ...] = attrs.field(default=(), converter=to_tuple)
    overall: Judgment | None = None
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=to_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=to_tuple)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=to_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)
    related: tuple[RelatedReport, ...] = attrs.field(default=(), converter=to_tuple)
    responses: tuple[Response, ...] = attrs.field(default=(), converter=to_tuple)
    finding_updates: tuple[FindingUpdate, ...] = attrs.field(default=(), converter=to_tuple)
    extensions: Extensions = attrs.field(default=NO_EXTENSIONS, converter=freeze_extensions)
    none_found: tuple[FindingKind, ...] = attrs.field(default=(), converter=to_tuple)
    expectations: tuple[Expectation, ...] = attrs.field(default=(), converter=to_tuple)

    def _publication(self, records: Records | None) -> StatedDate | None:
        return self.published

    def area(self, key: str) -> GradedArea:
        """The graded area with *key*.

        Raises:
            KeyError: The inspection has no such area.
        """
        for area in self.graded_areas:
            if area.key == key:
                return area
        raise KeyError(key)

    def findings_of(self, kind: FindingKind) -> tuple[Finding, ...]:
        """The findings of one kind, in the report's order."""
        return tuple(finding for finding in self.findings if finding.kind is kind)

    def deadlines(self, rules: Iterable[ResponseRule] | None = None) -> tuple[Deadline, ...]:
        """The response deadlines that apply to this report, soonest first, with responses
        where recorded. A report known only to the month or the year has a range of possible
        last days for each (``Deadline.earliest_due`` to ``Deadline.latest_due``).

        Args:
            rules: The rules to apply; by default those of :mod:`inspectlib.deadlines`.

        .. versionadded:: 0.1.0
        """
        from .deadlines import ALL

        found = []
        for rule in ALL if rules is None else rules:
            if rule.applies(
                inspectorate=self.inspectorate, subjects=self.subjects, framework=self.framework
            ):
                response = next((r for r in self.responses if r.rule == rule.id), None)
                first, last = date_bounds(self.published)
                found.append(
                    Deadline(
                        rule=rule,
                        earliest_due=None if first is None else rule.due(first),
                        latest_due=rule.due(last),
                        response=response,
                    )
                )
        return tuple(sorted(found, key=_deadline_order))

    def finding_status(
        self, finding_id: str, on: datetime.date, updates: Iterable[FindingUpdate] = ()
    ) -> FindingStatus | None:
        """What had become of one of this report's findings on *on*, as *updates* tell it.

        Pass the ``finding_updates`` of the reports that follow this one up, and any others.

        Raises:
            KeyError: The report has no finding with that id.

        .. versionadded:: 0.1.0
        """
        finding = next((f for f in self.findings if f.id == finding_id), None)
        if finding is None:
            raise KeyError(finding_id)
        return finding_status(self.id, finding, self.published, on, updates)

    def open_findings(
        self, on: datetime.date, updates: Iterable[FindingUpdate] = ()
    ) -> tuple[Finding, ...]:
        """The areas for improvement, causes of concern and recommendations of this report
        still open on *on*, as *updates* tell it.

        .. versionadded:: 0.1.0
        """
        return open_findings(self.id, self.findings, self.published, on, updates)


def _deadline_order(deadline: Deadline) -> tuple[datetime.date, datetime.date]:
    return deadline.earliest_due or datetime.date.min, deadline.latest_due
