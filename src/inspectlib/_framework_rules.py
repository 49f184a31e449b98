"""The rules an inspection keeps because of the framework it was made under.

Every message names the framework, so that a reader knows which rulebook was applied.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._errors import Problem
from ._frameworks import Framework, FrameworkArea, ScoreBands, not_an_area
from ._inspections import Inspection
from ._judgments import CarriedForward, Inherited, Judgment, NonGrade, step_to_grade
from ._messages import listed, shown
from ._scales import Grade

__all__ = ["framework_problems"]


def framework_problems(inspection: Inspection, framework: Framework) -> Iterator[Problem]:
    """Every way *inspection* departs from *framework*, in document order."""
    yield from _area_problems(inspection, framework)
    yield from _overall_problems(inspection, framework)
    if framework.finding_kinds and inspection.findings:
        kinds = dict.fromkeys(framework.finding_kinds)
        for index, finding in enumerate(inspection.findings):
            if finding.kind not in kinds:
                yield Problem(
                    f"$.findings[{index}].kind",
                    f"{_name(framework)} makes no findings of kind {finding.kind.value!r}; "
                    "its kinds: " + listed(kind.value for kind in kinds),
                )


def _area_problems(inspection: Inspection, framework: Framework) -> Iterator[Problem]:
    """The graded areas against the framework's: each known, named and nested as it says,
    judged as it allows, and none it requires missing."""
    seen: set[str] = set()
    for index, area in enumerate(inspection.graded_areas):
        seen.add(area.key)
        expected = framework.find_area(area.key)
        if expected is None:
            if framework.closed:
                yield Problem(f"$.graded_areas[{index}].key", not_an_area(framework, area.key))
            continue
        if area.topic != expected.topic:
            yield Problem(
                f"$.graded_areas[{index}].topic",
                f"{_name(framework)} calls area {shown(area.key)} {shown(expected.topic)}, "
                f"not {shown(area.topic)} "
                "(a report's own wording belongs in label)",
            )
        if area.parent != expected.parent:
            yield Problem(
                f"$.graded_areas[{index}].parent",
                f"{_name(framework)} nests area {shown(area.key)} under {shown(expected.parent)}, "
                f"not {shown(area.parent)}",
            )
        judgment = area.judgment
        if (
            type(judgment) is Grade
            and expected.scale is None
            and judgment.scale is framework.scales[0]
        ):
            # The usual case, a grade on the framework's first scale, which an area with no
            # scale of its own is graded on (Framework.scale_of): the rule holds, no call made.
            continue
        for step, message in _judgment_problems(judgment, framework, expected):
            yield Problem(f"$.graded_areas[{index}].judgment{step}", message)

    for expected in framework.areas:
        if expected.required and expected.key not in seen:
            yield Problem(
                "$.graded_areas",
                f"{_name(framework)} requires area {expected.key!r} ({expected.topic}), "
                "which is missing",
            )


def _overall_problems(inspection: Inspection, framework: Framework) -> Iterator[Problem]:
    if inspection.overall is None:
        if framework.overall and not framework.overall_optional:
            yield Problem(
                "$.overall", f"{_name(framework)} gives an overall judgment, which is missing"
            )
    elif not framework.overall:
        yield Problem("$.overall", f"{_name(framework)} gives no overall judgment")
    else:
        for step, message in _judgment_problems(inspection.overall, framework, None):
            yield Problem(f"$.overall{step}", message)
        if framework.overall_rule is not None:
            yield from _rule_problems(inspection, framework, framework.overall_rule)


def _rule_problems(
    inspection: Inspection, framework: Framework, rule: ScoreBands
) -> Iterator[Problem]:
    """The overall rating against the rating the framework's rule gives the area scores.

    Only a graded overall judgment with every scored area graded on its own scale is checked:
    a missing score or a non-grade leaves nothing to compute, and a grade on the wrong scale
    is reported on its own.
    """
    overall = inspection.overall
    if not isinstance(overall, Grade) or overall.scale != framework.scales[0]:
        return
    wanted = set(rule.areas)
    scores: dict[str, int] = {}
    for area in inspection.graded_areas:
        if area.key in wanted and area.key not in scores:
            expected = framework.find_area(area.key)
            judgment = area.judgment
            if (
                expected is None
                or not isinstance(judgment, Grade)
                or judgment.scale != framework.scale_of(expected)
            ):
                return
            scores[area.key] = int(judgment.label)
    if len(scores) < len(wanted):
        return
    values = tuple(scores[key] for key in rule.areas)
    rating = rule.rating_for(values)
    if rating is None or framework.scales[0].parse(rating) == overall:
        return
    shown = ", ".join(f"{key} {scores[key]}" for key in rule.areas)
    yield Problem(
        "$.overall",
        f"{_name(framework)} rates scores of {shown} (total {sum(values)}, highest "
        f"{max(values)}) as {rating!r}, not {overall.label!r}",
    )


def _judgment_problems(
    judgment: Judgment, framework: Framework, area: FrameworkArea | None
) -> tuple[tuple[str, str], ...]:
    """What is wrong with one judgment under *framework*, as the step below the judgment's path
    and the message; nothing is built for a judgment the framework allows."""
    if isinstance(judgment, Grade):  # a grade is allowed by kind: only its scale is checked
        grade = judgment
    elif isinstance(judgment, NonGrade):
        allowed = framework.overall_non_grades if area is None else area.non_grades
        if judgment.kind not in allowed:
            permitted = listed(kind.value for kind in dict.fromkeys(allowed)) or "none"
            return (
                (
                    "",
                    f"{_name(framework)} does not allow {_what(area)} to be "
                    f"{judgment.kind.value} (non-grades it allows there: {permitted})",
                ),
            )
        return ()
    else:
        if isinstance(judgment, CarriedForward) and not framework.carried_forward:
            return (("", f"{_name(framework)} does not carry judgments forward"),)
        if isinstance(judgment, Inherited) and not framework.inherited:
            return (
                (
                    "",
                    f"{_name(framework)} does not accept ratings inherited from a "
                    "predecessor registration",
                ),
            )
        if judgment.grade is None:  # carried forward with no grade stated
            return ()
        grade = judgment.grade
    scale = framework.scales[0] if area is None else framework.scale_of(area)
    if grade.scale is not scale and grade.scale != scale:
        return (
            (
                step_to_grade(judgment),
                f"grade {shown(grade.label)} is on scale {grade.scale.id!r}, but framework "
                f"{framework.id!r} grades {_what(area)} on {scale.id!r}",
            ),
        )
    return ()


def _name(framework: Framework) -> str:
    """How every message names the framework: made only for a message."""
    return f"framework {framework.id!r}"


def _what(area: FrameworkArea | None) -> str:
    return "the overall judgment" if area is None else f"area {shown(area.key)}"
