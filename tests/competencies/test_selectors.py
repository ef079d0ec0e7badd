"""framework_tree: the competency map in a fixed number of queries."""

from competencies.selectors import framework_tree
from tests import factories


class TestFrameworkTree:
    def test_areas_competencies_and_levels_in_three_queries(
        self, programme, django_assert_num_queries
    ):
        with django_assert_num_queries(3):
            areas = framework_tree(framework=programme)
            tree = [
                (
                    area.code,
                    [
                        (c.code, [lv.level for lv in c.proficiency_levels.all()])
                        for c in area.competencies.all()
                    ],
                )
                for area in areas
            ]
        assert tree == [
            ("basic", [("B1", [1, 2, 3]), ("B2", [1, 2, 3]), ("B3", [1, 2, 3])]),
            ("digital", [("D1", [1, 2, 3]), ("D2", [1, 2, 3]), ("D3", [1, 2, 3])]),
        ]

    def test_query_count_does_not_grow_with_size(
        self, programme, django_assert_num_queries
    ):
        area = programme.areas.get(code="digital")
        for _n in range(20):
            factories.make_competency(area=area)
        with django_assert_num_queries(3):
            for area in framework_tree():
                for competency in area.competencies.all():
                    list(competency.proficiency_levels.all())

    def test_one_framework_or_all(self, programme):
        other = factories.make_area(code="pilot-area")
        assert [a.code for a in framework_tree(framework=programme)] == [
            "basic",
            "digital",
        ]
        assert other.code in [a.code for a in framework_tree()]
