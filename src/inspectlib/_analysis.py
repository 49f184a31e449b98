"""Analysis helpers: grade histories, differences between inspections, filtering."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from ._catalogue import Catalogue
from ._field_types import typed_fields
from ._frameworks import Change, compare_grades
from ._inspections import GradedArea, Inspection
from ._judgments import Judgment, grade_of
from ._lifecycle import FindingStatus
from ._organisations import Organisation
from ._scales import Grade
from ._stated_dates import StatedDate, date_bounds, stated_sort_key

__all__ = ["AreaChange", "GradePoint", "InspectionDiff", "diff", "grade_history", "select"]


def _names(organisation: Organisation) -> set[str]:
    return {organisation.name, *(i.value for i in organisation.identifiers)} | (
        {organisation.short_name} if organisation.short_name else set()
    )


def _concerns(inspection: Inspection, organisation: str) -> bool:
    return any(organisation in _names(subject) for subject in inspection.subjects)


def _comparable(
    earlier: Inspection, later: Inspection, first: Judgment, second: Judgment, catalogue: Catalogue
) -> tuple[bool, str, tuple[str, ...]]:
    """Whether two judgments compare, why (or why not), and the frameworks named but not in
    *catalogue*, whose absence left only the scales to go on."""
    first_grade, second_grade = grade_of(first), grade_of(second)
    if first_grade is None or second_grade is None:
        ungraded = [judgment.label for judgment in (first, second) if grade_of(judgment) is None]
        if len(ungraded) == 2:
            return False, f"neither {ungraded[0]!r} nor {ungraded[1]!r} is a grade", ()
        return False, f"{ungraded[0]!r} is not a grade: it does not compare with one", ()
    comparable, reason, missing = _comparable_grades(
        earlier, later, first_grade, second_grade, catalogue
    )
    if first is not first_grade or second is not second_grade:
        reason += " (an inherited or carried-forward rating compares by its grade)"
    return comparable, reason, missing


def _comparable_grades(
    earlier: Inspection, later: Inspection, first: Grade, second: Grade, catalogue: Catalogue
) -> tuple[bool, str, tuple[str, ...]]:
    if first.scale != second.scale:
        return (
            False,
            f"{first.scale.id!r} and {second.scale.id!r} are different scales: grades of "
            "different scales do not compare",
            (),
        )
    if earlier.framework and later.framework and earlier.framework != later.framework:
        missing = tuple(
            framework_id
            for framework_id in (earlier.framework, later.framework)
            if framework_id not in catalogue.frameworks
        )
        if missing:
            named = " and ".join(repr(framework_id) for framework_id in missing)
            verb = "are" if len(missing) == 2 else "is"
            return (
                True,
                f"both on {first.scale.id!r}, but only the scales were compared: {named} {verb} "
                "not in the catalogue, so whether the frameworks' grades compare is unknown",
                missing,
            )
        answer = catalogue.framework(earlier.framework).comparability(
            catalogue.framework(later.framework)
        )
        return answer.comparable, answer.reason, ()
    return True, f"both on {first.scale.id!r}", ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class GradePoint:
    """One judgment in an organisation's history, and whether it compares with the one before.

    .. versionadded:: 0.1.0
    """

    inspection: str
    published: StatedDate
    """When the inspection was published, as precisely as it is known."""
    framework: str | None
    judgment: Judgment
    comparable_with_previous: bool | None
    """``None`` for the first point; else whether it compares with the point before."""
    reason: str | None
    """Why it does or does not compare with the point before."""
    frameworks_missing: tuple[str, ...] = ()
    """The frameworks of this point and the one before that the catalogue does not hold. When
    there are any, the frameworks' own word on comparability could not be read, and
    :attr:`comparable_with_previous` says only that the grades share a scale (the
    :attr:`reason` says so too)."""


def grade_history(
    inspections: Iterable[Inspection],
    organisation: str,
    *,
    area: str | None = None,
    catalogue: Catalogue | None = None,
) -> tuple[GradePoint, ...]:
    """An organisation's judgments over time, oldest first, flagging where they do not compare.

    Args:
        inspections: The inspections to look through.
        organisation: The organisation's name, short name or an identifier's value.
        area: An area key, for that area's judgments; the overall judgment by default.
        catalogue: Where the inspections' frameworks are looked up.

    .. versionadded:: 0.1.0
    """
    from ._builtin import BUILTIN

    catalogue = catalogue or BUILTIN
    found: list[tuple[Inspection, Judgment]] = []
    # Partial dates sort by their first possible day, then their last: no day is made up.
    for inspection in sorted(inspections, key=lambda i: stated_sort_key(i.published)):
        if not _concerns(inspection, organisation):
            continue
        judgment: Judgment | None = inspection.overall
        if area is not None:
            judgment = next((a.judgment for a in inspection.graded_areas if a.key == area), None)
        if judgment is not None:
            found.append((inspection, judgment))
    points = []
    for index, (inspection, judgment) in enumerate(found):
        comparable: bool | None = None
        reason: str | None = None
        missing: tuple[str, ...] = ()
        if index:
            before, earlier = found[index - 1]
            comparable, reason, missing = _comparable(
                before, inspection, earlier, judgment, catalogue
            )
        points.append(
            GradePoint(
                inspection=inspection.id,
                published=inspection.published,
                framework=inspection.framework,
                judgment=judgment,
                comparable_with_previous=comparable,
                reason=reason,
                frameworks_missing=missing,
            )
        )
    return tuple(points)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaChange:
    """An area judged in both inspections, and how its judgment moved.

    ``change`` is ``None`` where the two judgments do not compare; ``reason`` says why.

    .. versionadded:: 0.1.0
    """

    key: str
    before: GradedArea
    after: GradedArea
    change: Change | None
    reason: str
    frameworks_missing: tuple[str, ...] = ()
    """The two inspections' frameworks that the catalogue does not hold; as for
    :attr:`GradePoint.frameworks_missing`."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectionDiff:
    """What changed between two inspections of the same body.

    .. versionadded:: 0.1.0
    """

    changed: tuple[AreaChange, ...]
    """Every area in both, with its change (improved, unchanged, declined) or why none."""
    new: tuple[GradedArea, ...]
    """Areas the later inspection judged and the earlier did not."""
    dropped: tuple[GradedArea, ...]
    """Areas the earlier inspection judged and the later did not."""
    findings_added: tuple[str, ...]
    """Ids of the later inspection's findings."""
    findings_closed: tuple[str, ...]
    """Ids of the earlier inspection's findings the later says were addressed or superseded."""

    def areas(self, change: Change) -> tuple[str, ...]:
        """The keys of the areas that moved as *change* says."""
        return tuple(area.key for area in self.changed if area.change is change)


def diff(
    earlier: Inspection, later: Inspection, *, catalogue: Catalogue | None = None
) -> InspectionDiff:
    """What changed from *earlier* to *later*: areas up, down, unchanged, new and dropped, and
    findings added and closed.

    .. versionadded:: 0.1.0
    """
    from ._builtin import BUILTIN

    catalogue = catalogue or BUILTIN
    before = {area.key: area for area in earlier.graded_areas}
    after = {area.key: area for area in later.graded_areas}
    changed = []
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            continue
        first, second = old.judgment, new.judgment
        comparable, reason, missing = _comparable(earlier, later, first, second, catalogue)
        change = None
        first_grade, second_grade = grade_of(first), grade_of(second)
        if comparable and first_grade is not None and second_grade is not None:
            change = compare_grades(first_grade, second_grade)
        changed.append(
            AreaChange(
                key=key,
                before=old,
                after=new,
                change=change,
                reason=reason,
                frameworks_missing=missing,
            )
        )
    closed_states = (FindingStatus.ADDRESSED, FindingStatus.SUPERSEDED)
    closed = [
        update.finding
        for update in later.finding_updates
        if update.inspection == earlier.id and update.status in closed_states
    ]
    return InspectionDiff(
        changed=tuple(changed),
        new=tuple(area for key, area in after.items() if key not in before),
        dropped=tuple(area for key, area in before.items() if key not in after),
        findings_added=tuple(finding.id for finding in later.findings),
        findings_closed=tuple(dict.fromkeys(closed)),
    )


def select(
    inspections: Iterable[Inspection],
    *,
    inspectorate: str | None = None,
    framework: str | None = None,
    organisation: str | None = None,
    published_from: datetime.date | None = None,
    published_to: datetime.date | None = None,
    grade: Grade | None = None,
) -> tuple[Inspection, ...]:
    """The inspections that match every criterion given.

    Args:
        inspections: The inspections to filter.
        inspectorate: The inspectorate's short name or name, ignoring case.
        framework: A framework id, or a programme id (``"hmicfrs/peel"``) for all its versions.
        organisation: An inspected organisation's name, short name or identifier.
        published_from: The first publication day to keep.
        published_to: The last publication day to keep. An inspection known only to the
            month or the year is kept only when it was certainly published within the range.
        grade: A grade given overall or to any area.

    .. versionadded:: 0.1.0
    """
    found = []
    for inspection in inspections:
        body = inspection.inspectorate
        if inspectorate is not None and inspectorate.casefold() not in {
            body.name.casefold(),
            (body.short_name or "").casefold(),
        }:
            continue
        if framework is not None and not (
            inspection.framework == framework
            or (inspection.framework or "").startswith(framework + "/")
        ):
            continue
        if organisation is not None and not _concerns(inspection, organisation):
            continue
        first, last = date_bounds(inspection.published)
        if published_from is not None and (first is None or first < published_from):
            continue
        if published_to is not None and last > published_to:
            continue
        if grade is not None:
            judgments = [inspection.overall, *(a.judgment for a in inspection.graded_areas)]
            if grade not in judgments:
                continue
        found.append(inspection)
    return tuple(found)
