"""Which action and which meeting goes on which page of the register and the meetings page, without
a build (minutes.registerpages, minutes.meetingpages): a summary that never grows, every entry on
its year's page, parts of at most the page size, and one address for each register row."""

from datetime import date, datetime, timezone

from minutes.meetingpages import recent_by_body, twelve_months_before, year_parts
from minutes.registerpages import ActionPages
from network.model import Action, ActionUpdate, Directory, Document, Meeting, Network, Organisation

ORGANISATIONS = {"steering-group": Organisation("steering-group", "Steering Group"),
                 "ops": Organisation("ops", "Operations Group")}


def _minutes(year, month, day, body="steering-group"):
    starts = datetime(year, month, day, 10, tzinfo=timezone.utc)
    name = f"{year}-{month:02}-{day:02}-{body}"
    return Document(path=f"content/minutes/{name}.md", title=f"Minutes {name}", category="Minutes", date=starts,
                    key=f"minutes/{name}.md", url=f"minutes/{name}/", meeting=Meeting(body, starts))


def _network(documents):
    network = Network(Directory(organisations=ORGANISATIONS))
    network.documents = sorted(documents, key=lambda d: d.date, reverse=True)
    return network


def _register():
    """2024: one steering meeting (one action done later); 2025: steering and ops meetings."""
    old, steering, ops = _minutes(2024, 6, 12), _minutes(2025, 2, 12), _minutes(2025, 5, 22, body="ops")
    network = _network([old, steering, ops])
    done = Action(old, 1, "", "old done")
    done.updates.append(ActionUpdate(steering, "done", "done"))
    network.actions = [done, Action(old, 2, "", "old open"), Action(steering, 1, "", "s1"),
                       Action(steering, 2, "", "s2"), Action(ops, 1, "", "o1")]
    return network


def _rows(part):
    return [(section.body_id, row_list.label, row["action"].text, row_list.continued)
            for section in part.sections for row_list in section.lists for row in row_list.rows]


def test_every_action_is_on_its_years_page_by_body_open_then_closed():
    network = _register()
    parts = ActionPages(network, per_page=100).year_parts()
    assert [(p.year, p.part.url) for p in parts] == [(2025, "actions/2025/"), (2024, "actions/2024/")]
    assert _rows(parts[0]) == [("ops", "Open", "o1", False), ("steering-group", "Open", "s1", False),
                               ("steering-group", "Open", "s2", False)]
    assert _rows(parts[1]) == [("steering-group", "Open", "old open", False),
                               ("steering-group", "Closed", "old done", False)]
    assert (parts[1].open_count, parts[1].closed_count) == (1, 1)
    assert parts[0].years == ((2025, "actions/2025/"), (2024, "actions/2024/"))


def test_a_long_year_is_cut_into_parts_and_each_row_has_its_parts_address():
    network = _register()
    pages = ActionPages(network, per_page=2)
    parts = [p for p in pages.year_parts() if p.year == 2025]
    assert [p.part.url for p in parts] == ["actions/2025/", "actions/2025/page/2/"]
    assert _rows(parts[1]) == [("steering-group", "Open", "s2", True)]
    assert parts[1].sections[0].anchor is None and parts[0].sections[1].anchor == "body-steering-group"
    s2 = network.actions[3]
    assert pages.row_url(s2) == "actions/2025/page/2/#2025-02-12-steering-group-action-2"
    assert pages.first_row_url([s2, network.actions[2]]) == "actions/2025/#2025-02-12-steering-group-action-1"
    assert pages.first_row_url([]) is None


def test_the_summary_counts_per_body_and_year_and_shows_the_newest_open_actions():
    network = _register()
    summary = ActionPages(network, per_page=2).summary(latest=2)
    assert [(b["body_id"], b["open"], b["closed"]) for b in summary["bodies"]] == [("ops", 1, 0),
                                                                                   ("steering-group", 3, 1)]
    assert [(y["year"], y["url"], y["open"], y["closed"]) for y in summary["years"]] == [
        (2025, "actions/2025/", 3, 0), (2024, "actions/2024/", 1, 1)]
    assert [(r["name"], r["url"]) for r in summary["years"][0]["bodies"]] == [
        ("Operations Group", "actions/2025/#body-ops"), ("Steering Group", "actions/2025/#body-steering-group")]
    assert [row["action"].text for row in summary["latest_open"]] == ["o1", "s1"]
    assert summary["latest_open"][1]["url"] == "actions/2025/#2025-02-12-steering-group-action-1"
    assert (summary["open_count"], summary["total_count"]) == (4, 5)


def test_the_meetings_page_shows_twelve_months_or_the_newest_when_fewer():
    documents = [_minutes(2024, 6, 12), _minutes(2025, 2, 12), _minutes(2025, 5, 22, body="ops"),
                 _minutes(2025, 12, 1)]
    network = _network(documents)
    past = recent_by_body(network, date(2025, 12, 1), latest=2)
    assert past["twelve_months"] and past["since"] == date(2024, 12, 1)
    assert [(body_id, [d.date.month for d in group]) for _, body_id, group in past["bodies"]] == [
        ("ops", [5]), ("steering-group", [12, 2])]
    fewer = recent_by_body(network, date(2026, 6, 1), latest=2)
    assert not fewer["twelve_months"]
    assert [(body_id, [d.date.month for d in group]) for _, body_id, group in fewer["bodies"]] == [
        ("ops", [5]), ("steering-group", [12])]
    assert past["years"] == [(2025, "meetings/2025/", 3), (2024, "meetings/2024/", 1)]
    assert twelve_months_before(date(2024, 2, 29)) == date(2023, 2, 28)


def test_every_past_meeting_is_on_its_years_page_by_body_in_parts():
    documents = [_minutes(2025, 2, 12), _minutes(2025, 5, 22, body="ops"), _minutes(2025, 9, 1),
                 _minutes(2024, 6, 12)]
    parts = year_parts(_network(documents), per_page=2)
    shown = [(p.part.url, [(g.body_id, [d.date.month for d in g.meetings], g.continued) for g in p.bodies])
             for p in parts]
    assert shown == [("meetings/2025/", [("ops", [5], False), ("steering-group", [9], False)]),
                     ("meetings/2025/page/2/", [("steering-group", [2], True)]),
                     ("meetings/2024/", [("steering-group", [6], False)])]
    assert parts[0].count == 3 and parts[0].years == ((2025, "meetings/2025/"), (2024, "meetings/2024/"))
