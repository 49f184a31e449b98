"""Built-in frameworks and scales, framework rules, comparability, user-defined frameworks."""

from __future__ import annotations

import datetime

import attrs
import pytest

import inspectlib as il
from inspectlib import frameworks, scales
from inspectlib.frameworks import HMICFRS_NCPI_2024, HMICFRS_PEEL_2014, HMICFRS_PEEL_2021

NCPI = "framework 'hmicfrs/ncpi/2024'"


def problems_of(
    inspection: il.Inspection, catalogue: il.catalogue.Catalogue | None = None
) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in il.check(inspection, catalogue=catalogue)]


def with_area(inspection: il.Inspection, index: int, **changes: object) -> il.Inspection:
    areas = list(inspection.graded_areas)
    areas[index] = attrs.evolve(areas[index], **changes)  # type: ignore[arg-type]
    return attrs.evolve(inspection, graded_areas=areas)


# The catalogue ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "framework_id",
    [
        "hmicfrs/peel/2014",
        "hmicfrs/peel/2015",
        "hmicfrs/peel/2018",
        "hmicfrs/peel/2021",
        "hmicfrs/peel/2023",
        "hmicfrs/peel/2025",
        "hmicfrs/ncpi/2024",
        "hmicfrs/fire/2018",
        "hmicfrs/fire/2023",
        "ofsted/schools/2019",
        "ofsted/schools/2024",
        "ofsted/schools/2025",
        "ofsted/childrens-services/2013",
        "cqc/ratings/2014",
        "hmi-probation/ratings",
        "fsa/fhrs/2010",
        "fss/fhis",
    ],
)
def test_every_framework_is_in_the_catalogue_with_its_source(framework_id: str) -> None:
    framework = il.catalogue.BUILTIN.framework(framework_id)

    assert framework.sources
    assert all(source.url or source.title for source in framework.sources)
    assert all(scale.sources for scale in framework.scales)
    assert framework in frameworks.ALL
    assert framework == il.loads(il.dumps(framework), il.Framework)


def test_every_scale_is_in_the_catalogue_with_its_source() -> None:
    assert set(scales.ALL) == set(il.catalogue.BUILTIN.scales.values())
    assert all(scale.sources for scale in scales.ALL)


def test_framework_periods_of_validity() -> None:
    ofsted = il.catalogue.BUILTIN.versions("ofsted/schools")

    assert ["ofsted/schools/2019", "ofsted/schools/2024", "ofsted/schools/2025"] == [
        framework.id for framework in ofsted
    ]
    assert ofsted[1].is_valid_on(datetime.date(2024, 9, 2))
    assert not ofsted[0].is_valid_on(datetime.date(2024, 9, 2))
    assert "2025-11-10" == str(ofsted[2].valid_from)


def test_versions_of_a_programme_in_order() -> None:
    assert [
        "hmicfrs/peel/2014",
        "hmicfrs/peel/2015",
        "hmicfrs/peel/2018",
        "hmicfrs/peel/2021",
        "hmicfrs/peel/2023",
        "hmicfrs/peel/2025",
    ] == [framework.id for framework in il.catalogue.BUILTIN.versions("hmicfrs/peel")]


def test_finding_frameworks_by_inspectorate_and_date() -> None:
    found = il.catalogue.BUILTIN.find(inspectorate="hmicfrs", valid_on=datetime.date(2024, 12, 13))

    assert ["hmicfrs/fire/2023", "hmicfrs/ncpi/2024", "hmicfrs/peel/2023"] == [
        framework.id for framework in found
    ]
    assert ["cqc/ratings/2014"] == [f.id for f in il.catalogue.BUILTIN.find(scale="cqc/four-point")]


def test_unknown_framework_suggests_the_closest() -> None:
    with pytest.raises(il.errors.NotFoundError) as caught:
        il.catalogue.BUILTIN.framework("hmicfrs/ncpi/2025")

    assert (
        "no framework 'hmicfrs/ncpi/2025' in the catalogue; did you mean 'hmicfrs/ncpi/2024'?"
        == str(caught.value)
    )
    assert isinstance(caught.value, LookupError)


def test_unknown_programme_and_scale_are_refused() -> None:
    with pytest.raises(il.errors.NotFoundError, match="no programme 'hmicfrs/pel'"):
        il.catalogue.BUILTIN.versions("hmicfrs/pel")
    with pytest.raises(il.errors.NotFoundError, match="no grading scale 'cqc/five-point'"):
        il.catalogue.BUILTIN.scale("cqc/five-point")


def test_ofsted_numbered_grades_and_food_hygiene_ratings_parse() -> None:
    assert "Good" == scales.OFSTED_FOUR_POINT.parse("2").label
    assert "5" == scales.FHRS_RATING.parse("Very good").label
    # Sub-scores: lower is better, so 0 is the best grade.
    assert scales.FHRS_HYGIENE.parse("0") > scales.FHRS_HYGIENE.parse("25")


# Aliases --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Working with safeguarding partners", "partnership_working"),
        ("partnership working", "partnership_working"),
        ("risk_assessment_and_referral", "risk_assessment_and_referral"),
        ("Investigating reports of abuse, neglect and exploitation", "investigation"),
    ],
)
def test_report_headings_resolve_to_framework_keys(name: str, key: str) -> None:
    assert key == HMICFRS_NCPI_2024.resolve_area(name).key


def test_an_unknown_area_name_suggests_the_closest() -> None:
    with pytest.raises(il.errors.NotFoundError) as caught:
        HMICFRS_NCPI_2024.resolve_area("partnership work")

    assert (
        "'partnership work' is not an area of framework 'hmicfrs/ncpi/2024'; did you mean "
        "'partnership_working'?"
    ) == str(caught.value)


# Validation against the framework -----------------------------------------------------------


def test_the_seed_validates_against_the_2024_child_protection_framework(
    seed: il.Inspection,
) -> None:
    assert "hmicfrs/ncpi/2024" == seed.framework
    assert [] == problems_of(seed)


def test_a_wrong_area_is_refused_naming_the_framework(seed: il.Inspection) -> None:
    broken = with_area(seed, 0, key="governance", topic="Governance")

    assert [
        ("$.graded_areas[0].key", f"'governance' is not an area of {NCPI}"),
        ("$.graded_areas", f"{NCPI} requires area 'leadership' (Leadership), which is missing"),
    ] == problems_of(broken)


def test_a_grade_of_another_scale_is_refused(seed: il.Inspection) -> None:
    four_point = scales.HMICFRS_FOUR_POINT
    broken = attrs.evolve(
        with_area(seed, 2, judgment=four_point.parse("Good")),
        scales=[scales.HMICFRS_FIVE_POINT, four_point],
    )

    assert [
        (
            "$.graded_areas[2].judgment",
            f"grade 'Good' is on scale 'hmicfrs/four-point', but {NCPI} grades area "
            "'initial_response' on 'hmicfrs/five-point'",
        )
    ] == problems_of(broken)


def test_a_grade_on_the_inspections_first_scale_is_refused_where_the_framework_names_another(
    seed: il.Inspection,
) -> None:
    # The framework's first scale, not the inspection's, is the one an area without a scale
    # of its own is graded on.
    four_point = scales.HMICFRS_FOUR_POINT
    broken = attrs.evolve(
        with_area(seed, 2, judgment=four_point.parse("Good")),
        scales=[four_point, scales.HMICFRS_FIVE_POINT],
    )

    assert [
        (
            "$.graded_areas[2].judgment",
            f"grade 'Good' is on scale 'hmicfrs/four-point', but {NCPI} grades area "
            "'initial_response' on 'hmicfrs/five-point'",
        )
    ] == problems_of(broken)


def test_a_forbidden_ungraded_area_is_refused(seed: il.Inspection) -> None:
    broken = with_area(seed, 4, judgment=il.judgments.UNGRADED)

    assert [
        (
            "$.graded_areas[4].judgment",
            f"{NCPI} does not allow area 'investigation' to be ungraded (non-grades it allows "
            "there: none)",
        )
    ] == problems_of(broken)


def test_a_missing_required_area_is_refused(seed: il.Inspection) -> None:
    broken = attrs.evolve(seed, graded_areas=seed.graded_areas[:4])

    assert [
        (
            "$.graded_areas",
            f"{NCPI} requires area 'investigation' (Investigation), which is missing",
        )
    ] == problems_of(broken)


def test_an_overall_judgment_is_refused_where_the_framework_has_none(
    seed: il.Inspection,
) -> None:
    broken = attrs.evolve(seed, overall=scales.HMICFRS_FIVE_POINT.parse("good"))

    assert [("$.overall", f"{NCPI} gives no overall judgment")] == problems_of(broken)


def test_the_framework_topic_is_kept_apart_from_the_report_heading(seed: il.Inspection) -> None:
    broken = with_area(seed, 1, topic="Working with safeguarding partners")

    assert [
        (
            "$.graded_areas[1].topic",
            f"{NCPI} calls area 'partnership_working' 'Partnership working', not 'Working with "
            "safeguarding partners' (a report's own wording belongs in label)",
        )
    ] == problems_of(broken)


def test_nesting_must_follow_the_framework(seed: il.Inspection) -> None:
    broken = with_area(seed, 4, parent="leadership")

    assert [
        (
            "$.graded_areas[4].parent",
            f"{NCPI} nests area 'investigation' under None, not 'leadership'",
        )
    ] == problems_of(broken)


def test_carrying_forward_is_refused_where_the_framework_does_not(seed: il.Inspection) -> None:
    broken = with_area(seed, 0, judgment=il.CarriedForward(from_inspection="x"))

    assert [("$.graded_areas[0].judgment", f"{NCPI} does not carry judgments forward")] == (
        problems_of(broken)
    )


def test_an_unknown_framework_is_a_problem(seed: il.Inspection) -> None:
    assert [
        (
            "$.framework",
            "no framework 'hmicfrs/ncpi/2023' in the catalogue; did you mean 'hmicfrs/ncpi/2024'?",
        )
    ] == problems_of(attrs.evolve(seed, framework="hmicfrs/ncpi/2023"))


def test_an_open_framework_accepts_areas_it_does_not_list(seed: il.Inspection) -> None:
    victims = il.GradedArea(
        key="service_for_victims",
        topic="How good is the force's service for victims of crime?",
        judgment=scales.HMICFRS_FIVE_POINT.parse("Adequate"),
    )
    peel = attrs.evolve(
        seed, framework="hmicfrs/peel/2021", graded_areas=(*seed.graded_areas, victims)
    )

    assert [] == problems_of(peel)


def test_cqc_allows_not_rated_and_food_hygiene_allows_exempt() -> None:
    home = il.Organisation(name="A care home", kind=il.OrganisationKind.CARE_LOCATION)
    cqc = il.Organisation(name="Care Quality Commission", kind=il.OrganisationKind.INSPECTORATE)
    good = scales.CQC_FOUR_POINT.parse("Good")
    inspection = il.Inspection(
        id="cqc/example",
        title="A CQC inspection",
        inspectorate=cqc,
        subjects=[home],
        published=datetime.date(2025, 1, 1),
        framework="cqc/ratings/2014",
        scales=[scales.CQC_FOUR_POINT],
        graded_areas=[
            il.GradedArea(key=area.key, topic=area.topic, judgment=good)
            for area in frameworks.CQC_RATINGS.areas
        ],
        overall=il.judgments.NOT_RATED,
    )
    cafe = il.Organisation(name="A cafe", kind=il.OrganisationKind.FOOD_BUSINESS)
    hygiene = il.Inspection(
        id="fhrs/example",
        title="Food hygiene rating",
        inspectorate=cqc,
        subjects=[cafe],
        published=datetime.date(2025, 1, 1),
        framework="fsa/fhrs/2010",
        scales=frameworks.FHRS.scales,
        overall=il.judgments.EXEMPT,
    )

    assert [] == problems_of(inspection)
    assert [] == problems_of(hygiene)
    assert [
        (
            "$.overall",
            "framework 'fsa/fhrs/2010' does not allow the overall judgment to be not_rated "
            "(non-grades it allows there: exempt, awaiting_inspection, awaiting_publication)",
        )
    ] == problems_of(attrs.evolve(hygiene, overall=il.judgments.NOT_RATED))


# Comparability --------------------------------------------------------------------------------


def test_peel_2014_and_2021_grades_do_not_compare_and_say_why() -> None:
    answer = HMICFRS_PEEL_2014.comparability(HMICFRS_PEEL_2021)

    assert not answer
    assert (
        "'hmicfrs/peel/2014' grades on 'hmicfrs/four-point' (4 points) and 'hmicfrs/peel/2021' "
        "on 'hmicfrs/five-point' (5 points): different scales, and the inspectorate states "
        "they are not comparable"
    ) == answer.reason


def test_comparability_is_stated_not_inferred_from_the_scale() -> None:
    # PEEL 2021/22 and 2023-25 share the five-point scale; HMICFRS says they do not compare.
    answer = HMICFRS_PEEL_2021.comparability(frameworks.HMICFRS_PEEL_2023)

    assert not answer
    assert (
        "'hmicfrs/peel/2021' and 'hmicfrs/peel/2023' grade on the same scale "
        "('hmicfrs/five-point'), but the inspectorate states the cycles are not comparable"
    ) == answer.reason
    assert (
        "'hmicfrs/peel/2023' and 'hmicfrs/peel/2021' grade on the same scale "
        "('hmicfrs/five-point'), but the inspectorate states the cycles are not comparable"
    ) == frameworks.HMICFRS_PEEL_2023.comparability(HMICFRS_PEEL_2021).reason


def test_a_shared_scale_with_nothing_stated_does_not_compare() -> None:
    answer = frameworks.HMICFRS_PEEL_2023.comparability(frameworks.HMICFRS_PEEL_2025)

    assert not answer
    assert (
        "'hmicfrs/peel/2023' and 'hmicfrs/peel/2025' grade on the same scale "
        "('hmicfrs/five-point'), but nothing states that their grades compare"
    ) == answer.reason


def test_different_scales_with_nothing_stated_say_so() -> None:
    answer = frameworks.HMICFRS_FIRE_2018.comparability(frameworks.HMICFRS_FIRE_2023)

    assert (
        "'hmicfrs/fire/2018' grades on 'hmicfrs/four-point' (4 points) and "
        "'hmicfrs/fire/2023' on 'hmicfrs/five-point' (5 points): different scales"
    ) == answer.reason


def test_a_framework_cannot_both_compare_and_not_compare() -> None:
    with pytest.raises(il.InvalidRecord) as caught:
        attrs.evolve(HMICFRS_PEEL_2021, comparable_with=["hmicfrs/peel/2014"])

    assert (
        "framework 'hmicfrs/peel/2021' says its grades both compare and do not compare with "
        "'hmicfrs/peel/2014'"
    ) == str(caught.value)


def test_frameworks_the_inspectorate_calls_comparable_compare() -> None:
    before, after = frameworks.OFSTED_SCHOOLS_2019, frameworks.OFSTED_SCHOOLS_2024

    assert after.comparability(before)
    assert before.comparability(after).comparable
    assert (
        "the inspectorate states that 'ofsted/schools/2024' and 'ofsted/schools/2019' grades "
        "compare"
    ) == after.comparability(before).reason
    assert HMICFRS_NCPI_2024.comparability(HMICFRS_NCPI_2024)


def test_grades_across_scales_compare_only_through_a_stated_mapping() -> None:
    old = scales.HMICFRS_FOUR_POINT.parse("Requires improvement")
    new = scales.HMICFRS_FIVE_POINT.parse("Adequate")

    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        il.frameworks.compare_grades(old, new)
    assert (
        "'Requires improvement' on 'hmicfrs/four-point' and 'Adequate' on 'hmicfrs/five-point' "
        "do not compare: grades of different scales say different things. Pass a GradeMapping "
        "to compare them on terms you state."
    ) == str(caught.value)

    mapping = il.frameworks.GradeMapping(
        source=scales.HMICFRS_FOUR_POINT,
        target=scales.HMICFRS_FIVE_POINT,
        pairs={
            "outstanding": "outstanding",
            "good": "good",
            "requires_improvement": "requires_improvement",
            "inadequate": "inadequate",
        },
        rationale="Same labels kept; Adequate has no counterpart.",
    )
    assert il.frameworks.Change.IMPROVED == il.frameworks.compare_grades(old, new, mapping=mapping)
    assert il.frameworks.Change.UNCHANGED == il.frameworks.compare_grades(new, new)
    assert il.frameworks.Change.DECLINED == il.frameworks.compare_grades(
        new, scales.HMICFRS_FIVE_POINT.parse("inadequate")
    )


def test_a_mapping_must_cover_its_source_scale() -> None:
    with pytest.raises(ValueError, match="the mapping leaves out requires_improvement, inadequate"):
        il.frameworks.GradeMapping(
            source=scales.HMICFRS_FOUR_POINT,
            target=scales.HMICFRS_FIVE_POINT,
            pairs={"outstanding": "outstanding", "good": "good"},
            rationale="incomplete",
        )


# User-defined frameworks ----------------------------------------------------------------------


def test_users_define_serialize_and_validate_their_own_framework(seed: il.Inspection) -> None:
    audit = il.GradingScale(
        id="council/assurance",
        name="Internal audit assurance",
        labels=("Substantial", "Reasonable", "Limited", "No assurance"),
    )
    scheme = il.Framework(
        id="council/audit/2025",
        programme="council/audit",
        name="Council internal audit",
        inspectorate="Internal Audit",
        scales=[audit],
        valid_from=il.PartialDate.parse("April 2025"),
        areas=[il.frameworks.FrameworkArea(key="controls", topic="Controls")],
        overall=True,
    )
    loaded = il.loads(il.dumps(scheme), il.Framework)
    catalogue = il.catalogue.BUILTIN.with_frameworks(loaded)
    report = attrs.evolve(
        seed,
        framework="council/audit/2025",
        scales=[audit],
        graded_areas=[
            il.GradedArea(key="controls", topic="Controls", judgment=audit.parse("limited"))
        ],
        overall=audit.parse("reasonable"),
    )

    assert scheme == loaded
    assert [] == problems_of(report, catalogue)
    assert report == il.loads(
        il.dumps(report, catalogue=catalogue), il.Inspection, catalogue=catalogue
    )
    with pytest.raises(il.ValidationError, match="no framework 'council/audit/2025'"):
        il.validate(report)


def test_a_framework_refuses_inconsistent_areas() -> None:
    with pytest.raises(ValueError, match="names parent '9', which is not one of its areas"):
        attrs.evolve(
            HMICFRS_NCPI_2024,
            areas=[
                *HMICFRS_NCPI_2024.areas,
                il.frameworks.FrameworkArea(key="9.1", topic="X", parent="9"),
            ],
        )
    with pytest.raises(ValueError, match="repeats area keys: leadership"):
        attrs.evolve(
            HMICFRS_NCPI_2024, areas=[*HMICFRS_NCPI_2024.areas, HMICFRS_NCPI_2024.areas[0]]
        )


# Overall judgments and rating rules ----------------------------------------------------------


def _care_home_inspection(overall: il.Judgment | None) -> il.Inspection:
    good = scales.CQC_FOUR_POINT.parse("Good")
    return il.Inspection(
        id="cqc/example",
        title="A CQC inspection",
        inspectorate=il.Organisation(name="CQC", kind=il.OrganisationKind.INSPECTORATE),
        subjects=[il.Organisation(name="A care home", kind=il.OrganisationKind.CARE_LOCATION)],
        published=datetime.date(2025, 1, 1),
        framework="cqc/ratings/2014",
        scales=[scales.CQC_FOUR_POINT],
        graded_areas=[
            il.GradedArea(key=area.key, topic=area.topic, judgment=good)
            for area in frameworks.CQC_RATINGS.areas
        ],
        overall=overall,
    )


def test_a_framework_with_an_overall_judgment_requires_it() -> None:
    assert [
        ("$.overall", "framework 'cqc/ratings/2014' gives an overall judgment, which is missing")
    ] == problems_of(_care_home_inspection(None))
    assert [] == problems_of(_care_home_inspection(scales.CQC_FOUR_POINT.parse("Good")))


def test_a_framework_may_say_its_overall_judgment_may_be_absent() -> None:
    optional = attrs.evolve(
        frameworks.CQC_RATINGS, id="example/cqc-optional/1", overall_optional=True
    )
    catalogue = il.catalogue.BUILTIN.with_frameworks(optional)
    inspection = attrs.evolve(_care_home_inspection(None), framework=optional.id)

    assert [] == problems_of(inspection, catalogue)


def _food_inspection(overall: str, **scores: str) -> il.Inspection:
    fhrs = frameworks.FHRS
    return il.Inspection(
        id="fhrs/example",
        title="Food hygiene rating",
        inspectorate=il.Organisation(name="A council", kind=il.OrganisationKind.LOCAL_AUTHORITY),
        subjects=[il.Organisation(name="A cafe", kind=il.OrganisationKind.FOOD_BUSINESS)],
        published=datetime.date(2025, 1, 1),
        framework=fhrs.id,
        scales=fhrs.scales,
        graded_areas=[
            il.GradedArea(
                key=key,
                topic=fhrs.area(key).topic,
                judgment=fhrs.scale_of(fhrs.area(key)).parse(score),
            )
            for key, score in scores.items()
        ],
        overall=scales.FHRS_RATING.parse(overall),
    )


@pytest.mark.parametrize(
    ("rating", "hygiene", "structural", "management"),
    [
        ("5", "5", "5", "5"),  # total 15, none above 5
        ("4", "10", "0", "5"),  # one score of 10 caps the rating at 4
        ("4", "5", "5", "10"),  # total 20
        ("3", "10", "10", "10"),  # total 30, none above 10
        ("2", "15", "10", "10"),  # a 15 caps the rating at 2
        ("1", "20", "10", "20"),  # total 50, none above 20
        ("0", "25", "0", "0"),  # a 25 leaves only 0
        ("0", "20", "20", "20"),  # total above 50
    ],
)
def test_food_hygiene_ratings_follow_from_the_scores(
    rating: str, hygiene: str, structural: str, management: str
) -> None:
    inspection = _food_inspection(
        rating, hygiene=hygiene, structural=structural, confidence_in_management=management
    )

    assert [] == problems_of(inspection)


def test_a_food_hygiene_rating_that_contradicts_the_scores_is_flagged() -> None:
    inspection = _food_inspection("5", hygiene="10", structural="0", confidence_in_management="5")

    assert [
        (
            "$.overall",
            "framework 'fsa/fhrs/2010' rates scores of hygiene 10, structural 0, "
            "confidence_in_management 5 (total 15, highest 10) as '4', not '5'",
        )
    ] == problems_of(inspection)


def test_a_rating_without_all_its_scores_is_not_checked_against_them() -> None:
    # Real records often carry a rating without scores: nothing to contradict.
    assert [] == problems_of(_food_inspection("5", hygiene="25"))
    assert [] == problems_of(_food_inspection("0"))


def test_an_overall_rule_must_fit_its_framework() -> None:
    rule = frameworks.FHRS.overall_rule
    assert rule is not None
    cases = [
        (
            {"overall": False},
            "the overall rule of framework 'fsa/fhrs/2010' rates an overall judgment the "
            "framework does not give",
        ),
        (
            {"overall_rule": attrs.evolve(rule, bands=[il.frameworks.ScoreBand(rating="6")])},
            "the overall rule of framework 'fsa/fhrs/2010' gives '6', which is not a grade of "
            "'fhrs/rating'",
        ),
        (
            {"overall_rule": attrs.evolve(rule, areas=["hygiene", "cleanliness"])},
            "the overall rule of framework 'fsa/fhrs/2010' scores area 'cleanliness', which is "
            "not one of its areas",
        ),
    ]
    for changes, message in cases:
        with pytest.raises(il.InvalidRecord) as caught:
            attrs.evolve(frameworks.FHRS, **changes)  # type: ignore[arg-type]
        assert message == str(caught.value)
    with pytest.raises(il.InvalidRecord) as caught:
        attrs.evolve(rule, bands=[])
    assert "a score-band rule needs at least one band" == str(caught.value)


def test_an_overall_rule_scores_only_areas_graded_in_numbers() -> None:
    rule = il.frameworks.ScoreBands(
        areas=["safe"], bands=[il.frameworks.ScoreBand(rating="Good", max_total=5)]
    )

    with pytest.raises(il.InvalidRecord) as caught:
        attrs.evolve(frameworks.CQC_RATINGS, overall_rule=rule)

    assert (
        "the overall rule of framework 'cqc/ratings/2014' scores area 'safe', whose scale "
        "'cqc/four-point' is not graded in numbers"
    ) == str(caught.value)


def test_score_bands_give_the_first_band_whose_bounds_hold() -> None:
    rule = frameworks.FHRS.overall_rule
    assert rule is not None

    assert "5" == rule.rating_for((0, 0, 0))
    assert "4" == rule.rating_for((10, 0, 0))
    assert "0" == rule.rating_for((25, 25, 30))
    assert None is il.frameworks.ScoreBands(
        areas=["a"], bands=[il.frameworks.ScoreBand(rating="x", max_each=1)]
    ).rating_for((2,))


# The catalogue's area lists ------------------------------------------------------------------


def test_report_cards_grade_safeguarding_met_or_not_met_and_nothing_else() -> None:
    report_cards = frameworks.OFSTED_SCHOOLS_2025
    met = scales.OFSTED_SAFEGUARDING.parse("Met")
    expected = scales.OFSTED_REPORT_CARD.parse("Expected standard")
    areas = [
        il.GradedArea(
            key=area.key,
            topic=area.topic,
            judgment=met if area.key == "safeguarding" else expected,
        )
        for area in report_cards.areas
        if area.required
    ]
    school = il.Inspection(
        id="ofsted/example",
        title="A school's report card",
        inspectorate=il.Organisation(name="Ofsted", kind=il.OrganisationKind.INSPECTORATE),
        subjects=[il.Organisation(name="A school", kind=il.OrganisationKind.SCHOOL)],
        published=datetime.date(2026, 1, 20),
        framework=report_cards.id,
        scales=report_cards.scales,
        graded_areas=areas,
    )

    assert [] == problems_of(school)
    assert [
        (
            "$.graded_areas[1].judgment",
            "grade 'Met' is on scale 'ofsted/safeguarding', but framework "
            "'ofsted/schools/2025' grades area 'inclusion' on 'ofsted/report-card'",
        ),
        (
            "$.graded_areas[0].judgment",
            "grade 'Expected standard' is on scale 'ofsted/report-card', but framework "
            "'ofsted/schools/2025' grades area 'safeguarding' on 'ofsted/safeguarding'",
        ),
    ] == sorted(
        problems_of(with_area(with_area(school, 1, judgment=met), 0, judgment=expected)),
        reverse=True,
    )
    assert [
        ("$.overall", "framework 'ofsted/schools/2025' gives no overall judgment"),
    ] == problems_of(attrs.evolve(school, overall=expected))


def test_fire_round_three_is_closed_on_its_eleven_areas() -> None:
    fire = frameworks.HMICFRS_FIRE_2023

    assert fire.closed
    assert not fire.overall
    assert 11 == len(fire.areas)
    assert (
        "preventing_fires_and_other_risks"
        == fire.resolve_area("Preventing fires and other risks").key
    )


def test_peel_2015_marks_its_ungraded_questions() -> None:
    peel = frameworks.HMICFRS_PEEL_2015
    ungraded = [
        area.key for area in peel.areas if il.judgments.NonGradeKind.UNGRADED in area.non_grades
    ]

    assert ["legitimacy.2", "leadership", "leadership.1", "leadership.2", "leadership.3"] == (
        ungraded
    )
    assert "legitimacy" == peel.area("legitimacy.2").parent


def test_the_scottish_scheme_has_pass_and_eat_safe_and_its_statuses() -> None:
    assert ["Pass and Eat Safe", "Pass", "Improvement required"] == list(
        scales.FHIS_PASS_IMPROVEMENT.labels
    )
    assert scales.FHIS_PASS_IMPROVEMENT.parse("pass and eat safe") > (
        scales.FHIS_PASS_IMPROVEMENT.parse("Pass")
    )
    assert {il.judgments.NonGradeKind.EXEMPT, il.judgments.NonGradeKind.AWAITING_INSPECTION} <= set(
        frameworks.FHIS.overall_non_grades
    )


def test_compare_grades_refuses_a_non_grade_saying_why() -> None:
    good = scales.HMICFRS_FIVE_POINT.parse("Good")

    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        il.frameworks.compare_grades(il.judgments.UNGRADED, good)  # type: ignore[arg-type]
    assert (
        "cannot compare 'Ungraded' with 'Good' on scale 'hmicfrs/five-point': 'Ungraded' is not "
        "a grade; only grades of the same scale compare" == str(caught.value)
    )
    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        il.frameworks.compare_grades(good, il.CarriedForward(from_inspection="x", grade=good))  # type: ignore[arg-type]
    assert (
        "cannot compare 'Good' on scale 'hmicfrs/five-point' with 'Good (carried forward)': "
        "'Good (carried forward)' is not a grade; only grades of the same scale compare"
        == str(caught.value)
    )


def test_compare_grades_refuses_what_is_no_judgment() -> None:
    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        il.frameworks.compare_grades(scales.HMICFRS_FIVE_POINT.parse("Good"), "Good")  # type: ignore[arg-type]

    assert "compare_grades takes two grades, got str 'Good'" == str(caught.value)


def test_cqc_accepts_a_rating_inherited_from_a_predecessor_and_food_hygiene_does_not() -> None:
    predecessor = il.Organisation(name="The home", kind=il.OrganisationKind.CARE_LOCATION)
    inherited = il.Inherited(
        grade=scales.CQC_FOUR_POINT.parse("Inadequate"),
        predecessor=predecessor,
        rated=il.PartialDate.of_year(2022),
    )

    assert frameworks.CQC_RATINGS.inherited
    assert [] == problems_of(_care_home_inspection(inherited))

    rating = il.Inherited(grade=scales.FHRS_RATING.parse("3"), predecessor=predecessor)
    assert [
        (
            "$.overall",
            "framework 'fsa/fhrs/2010' does not accept ratings inherited from a predecessor "
            "registration",
        )
    ] == problems_of(attrs.evolve(_food_inspection("3"), overall=rating))


def test_cqc_and_food_hygiene_take_the_statuses_their_data_gives() -> None:
    unrated = attrs.evolve(
        _care_home_inspection(il.judgments.NO_PUBLISHED_RATING),
        graded_areas=[
            il.GradedArea(key=area.key, topic=area.topic, judgment=il.judgments.NO_PUBLISHED_RATING)
            for area in frameworks.CQC_RATINGS.areas
        ],
    )

    assert [] == problems_of(unrated)
    assert [] == problems_of(_care_home_inspection(il.judgments.INSPECTED_NOT_RATED))
    assert [] == problems_of(
        attrs.evolve(_food_inspection("3"), overall=il.judgments.AWAITING_PUBLICATION)
    )
    assert il.judgments.NonGradeKind.AWAITING_PUBLICATION in frameworks.FHIS.overall_non_grades


@pytest.mark.parametrize("framework", frameworks.ALL, ids=lambda framework: framework.id)
def test_every_comparability_reason_is_one_sentence(framework: il.Framework) -> None:
    for other in frameworks.ALL:
        reason = framework.comparability(other).reason

        assert reason
        assert ";" not in reason
        assert ". " not in reason
        assert "\n" not in reason


@pytest.mark.parametrize("framework", frameworks.ALL, ids=lambda framework: framework.id)
def test_every_built_in_framework_cites_a_page(framework: il.Framework) -> None:
    assert any(source.url for source in framework.sources)
