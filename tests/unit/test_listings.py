"""Long lists are cut into parts with the addresses Pelican's pagination uses, and grouped by
year and month in a stable order."""

from datetime import date

import pytest

from network.listings import by_month, by_year, cut_into_parts, newest_first, part_url


def test_a_list_is_cut_into_parts_that_link_to_each_other():
    parts = cut_into_parts(list(range(250)), "themes/housing/2025/", per_page=100)
    assert [len(part.entries) for part in parts] == [100, 100, 50]
    assert [part.url for part in parts] == ["themes/housing/2025/", "themes/housing/2025/page/2/",
                                            "themes/housing/2025/page/3/"]
    assert parts[0].save_as == "themes/housing/2025/index.html"
    assert (parts[0].previous_url, parts[0].next_url) == (None, "themes/housing/2025/page/2/")
    assert (parts[2].previous_url, parts[2].next_url) == ("themes/housing/2025/page/2/", None)
    assert parts[1].entries[0] == 100 and all(part.count == 3 for part in parts)


def test_a_list_that_fits_is_one_part_and_an_empty_one_is_one_empty_part():
    assert [part.entries for part in cut_into_parts([1, 2], "x/", per_page=2)] == [(1, 2)]
    (empty,) = cut_into_parts([], "x/")
    assert empty.entries == () and empty.url == "x/" and empty.next_url is None


def test_a_part_must_hold_something():
    with pytest.raises(ValueError):
        cut_into_parts([1], "x/", per_page=0)


def test_the_first_part_of_the_site_root_list_is_the_root():
    assert part_url("", 1) == "" and part_url("", 2) == "page/2/"


def test_entries_group_by_year_newest_first_and_by_month_in_order():
    days = [date(2024, 12, 30), date(2025, 3, 2), date(2025, 3, 1), date(2023, 1, 1)]
    assert by_year(days, lambda d: d) == [(2025, days[1:3]), (2024, [days[0]]), (2023, [days[3]])]
    assert by_month(days[1:3] + [date(2025, 1, 5)], lambda d: d) == [
        ("March 2025", days[1:3]), ("January 2025", [date(2025, 1, 5)])]


def test_newest_first_breaks_ties_by_title():
    entries = [("b", date(2025, 1, 1)), ("a", date(2025, 1, 1)), ("c", date(2025, 2, 1))]
    assert newest_first(entries, lambda e: e[1], lambda e: e[0]) == [entries[2], entries[1], entries[0]]
