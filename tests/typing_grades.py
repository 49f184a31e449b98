"""What a type checker must refuse about grades: checked by mypy (CI runs it on tests/), never
run. Each refused line carries a ``type: ignore``; were the refusal to go, mypy's strict mode
would report the ignore as unused, and the check would fail."""

from __future__ import annotations

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT

good = HMICFRS_FIVE_POINT.parse("Good")
adequate = HMICFRS_FIVE_POINT.parse("Adequate")

# Grades order against grades.
better: bool = good > adequate
at_most: bool = adequate <= good

# Nothing else orders against a grade, on either side.
_ = good < 3  # type: ignore[operator]
_ = 3 < good  # type: ignore[operator]
_ = good >= "Good"  # type: ignore[operator]
_ = good < il.judgments.UNGRADED  # type: ignore[operator]
_ = il.judgments.UNGRADED < good  # type: ignore[operator]
_ = il.CarriedForward(grade=good) > good  # type: ignore[operator]
_ = il.judgments.UNGRADED <= il.judgments.NOT_RATED  # type: ignore[operator]

# compare_grades takes grades only.
il.frameworks.compare_grades(il.judgments.UNGRADED, good)  # type: ignore[arg-type]
