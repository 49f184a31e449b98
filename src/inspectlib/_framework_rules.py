"""The rules an inspection keeps because of the framework it was made under.

Every message names the framework, so that a reader knows which rulebook was applied.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._errors import Problem
from ._frameworks import Framework, FrameworkArea, ScoreBands, not_an_area
from ._inspections import Inspection
from ._judgments import CarriedForward, Inherited, Judgment, NonGrade, graded_at
from ._messages import listed, shown
from ._scales import Grade

__all__ = ["framework_problems"]


def framework_problems(inspection: Inspection, framework: Framework) -> Iterator[Problem]:
    """Every way *inspection* departs from *framework*, in document order."""
    name = f"framework {framework.id!r}"
    yield from _area_problems(inspection, framework, name)
    yield from _overall_problems(inspection, framework, name)
    if framework.finding_kinds:
        kinds = dict.fromkeys(framework.finding_kinds)
        for index, finding in enumerate(inspection.findings):
            if finding.kind not in kinds:
                yield Problem(
                    f"$.findings[{index}].kind",
                    f"{name} makes no findings of kind {finding.kind.value!r}; its kinds: "
                    + listed(kind.value for kind in kinds),
                )


def _area_problems(inspection: Inspection, framework: Framework, name: str) -> Iterator[Problem]:
    """The graded areas against the framework's: each known, named and nested as it says,
    judged as it allows, and none it requires missing."""
    seen: set[str] = set()
    for index, area in enumerate(inspection.graded_areas):
        here = f"$.graded_areas[{index}]"
        seen.add(area.key)
        expected = framework.find_area(area.key)
        if expected is None:
            if framework.closed:
                yield Problem(f"{here}.key", not_an_area(framework, area.key))
            continue
        if area.topic != expected.topic:
            yield Problem(
                f"{here}.topic",
                f"{name} calls area {shown(area.key)} {shown(expected.topic)}, "
                f"not {shown(area.topic)} "
                "(a report's own wording belongs in label)",
            )
        if area.parent != expected.parent:
            yield Problem(
                f"{here}.parent",
                f"{name} nests area {shown(area.key)} under {shown(expected.parent)}, "
                f"not {shown(area.parent)}",
            )
        yield from _judgment_problems(area.judgment, f"{here}.judgment", framework, expected)

    for expected in framework.areas:
        if expected.required and expected.key not in seen:
            yield Problem(
                "$.graded_areas",
                f"{name} requires area {expected.key!r} ({expected.topic}), which is missing",
            )


def _overall_problems(inspection: Inspection, framework: Framework, name: str) -> Iterator[Problem]:
    if inspection.overall is None:
        if framework.overall and not framework.overall_optional:
            yield Problem("$.overall", f"{name} gives an overall judgment, which is missing")
    elif not framework.overall:
        yield Problem("$.overall", f"{name} gives no overall judgment")
    else:
        yield from _judgment_problems(inspection.overall, "$.overall", framework, None)
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
        f"framework {framework.id!r} rates scores of {shown} (total {sum(values)}, highest "
        f"{max(values)}) as {rating!r}, not {overall.label!r}",
    )


def _judgment_problems(
    judgment: Judgment, path: str, framework: Framework, area: FrameworkArea | None
) -> Iterator[Problem]:
    name = f"framework {framework.id!r}"
    what = "the overall judgment" if area is None else f"area {shown(area.key)}"
    allowed = framework.overall_non_grades if area is None else area.non_grades
    if isinstance(judgment, NonGrade):
        if judgment.kind not in allowed:
            permitted = listed(kind.value for kind in dict.fromkeys(allowed)) or "none"
            yield Problem(
                path,
                f"{name} does not allow {what} to be {judgment.kind.value} "
                f"(non-grades it allows there: {permitted})",
            )
        return
    if isinstance(judgment, CarriedForward) and not framework.carried_forward:
        yield Problem(path, f"{name} does not carry judgments forward")
        return
    if isinstance(judgment, Inherited) and not framework.inherited:
        yield Problem(
            path, f"{name} does not accept ratings inherited from a predecessor registration"
        )
        return
    grade, at = graded_at(judgment, path)
    if grade is None:
        return
    scale = framework.scales[0] if area is None else framework.scale_of(area)
    if grade.scale is not scale and grade.scale != scale:
        yield Problem(
            at,
            f"grade {shown(grade.label)} is on scale {grade.scale.id!r}, but {name} grades "
            f"{what} on {scale.id!r}",
        )
