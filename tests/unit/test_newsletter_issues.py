"""Which newsletter issues there are and what each holds, without a build (newsletter.issues):
periods and their labels, which documents go in, the lead story, the preheader, the limit."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from network.model import Action, ActionUpdate, Directory, Document, Meeting, Network, Upcoming
from newsletter.issues import Note, period_bounds, period_key, period_label, select_issues

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 1, 1, tzinfo=LONDON)


def doc(title, when, category="Updates", draft=False):
    return Document(path=f"content/x/{title}.md", title=title, date=when, category=category,
                    key=f"updates/{title}.md", draft=draft)


def net(*documents):
    result = Network(Directory())
    for document in sorted(documents, key=lambda d: d.date, reverse=True):
        result.add(document)
    return result


def issues(network, period="month", notes=None, limit=25, categories=("Updates", "Briefings", "Minutes"),
           now=NOW):
    return select_issues(network, period=period, zone=LONDON, now=now, sitename="CVMP",
                         categories=list(categories), notes=notes or {}, limit=limit)


@pytest.mark.parametrize("month,quarter", [(1, "q1"), (3, "q1"), (4, "q2"), (6, "q2"), (7, "q3"), (10, "q4"),
                                           (12, "q4")])
def test_each_month_belongs_to_its_quarter(month, quarter):
    assert period_key(datetime(2025, month, 15), "quarter") == f"2025-{quarter}"
    assert period_key(datetime(2025, month, 15), "month") == f"2025-{month:02d}"


@pytest.mark.parametrize("key,start,end", [
    ("2025-q1", (2025, 1, 1), (2025, 4, 1)), ("2025-q2", (2025, 4, 1), (2025, 7, 1)),
    ("2025-q3", (2025, 7, 1), (2025, 10, 1)), ("2025-q4", (2025, 10, 1), (2026, 1, 1)),
    ("2025-01", (2025, 1, 1), (2025, 2, 1)), ("2025-11", (2025, 11, 1), (2025, 12, 1)),
    ("2025-12", (2025, 12, 1), (2026, 1, 1)),
])
def test_a_period_runs_from_its_first_day_to_the_next_periods_first_day(key, start, end):
    first, after = period_bounds(key, LONDON)
    assert first == datetime(*start, tzinfo=LONDON) and after == datetime(*end, tzinfo=LONDON)
    assert first.tzinfo is LONDON and after.tzinfo is LONDON


def test_period_labels_read_as_words():
    assert period_label("2025-q3") == "Quarter 3, 2025"
    assert period_label("2025-09") == "September 2025"
    assert period_label("2026-01") == "January 2026"


def test_issues_are_newest_first_and_skip_drafts_and_documents_after_now():
    network = net(doc("aug", datetime(2025, 8, 4, tzinfo=LONDON)),
                  doc("sep", datetime(2025, 9, 4, tzinfo=LONDON)),
                  doc("sep-draft", datetime(2025, 9, 5, tzinfo=LONDON), draft=True),
                  doc("oct-future", datetime(2025, 10, 5, tzinfo=LONDON)))
    found = issues(network, now=datetime(2025, 10, 1, tzinfo=LONDON))
    assert [(i.key, [d.title for d in i.documents]) for i in found] == [("2025-09", ["sep"]), ("2025-08", ["aug"])]


def test_a_document_dated_exactly_now_is_in_its_issue():
    when = datetime(2025, 9, 4, 12, tzinfo=LONDON)
    assert [i.key for i in issues(net(doc("sep", when)), now=when)] == ["2025-09"]


def test_an_issue_knows_its_period_label_and_bounds():
    (issue,) = issues(net(doc("a", datetime(2025, 8, 4, tzinfo=LONDON))), period="quarter")
    assert issue.key == "2025-q3" and issue.label == "Quarter 3, 2025"
    assert issue.start == datetime(2025, 7, 1, tzinfo=LONDON) and issue.end == datetime(2025, 10, 1, tzinfo=LONDON)
    assert issue.title == "CVMP: Quarter 3, 2025" and issue.intro_html == "" and issue.note is None


def test_the_default_preheader_counts_the_documents_and_names_the_first_three():
    days = [doc(f"Item {d}", datetime(2025, 9, d, tzinfo=LONDON)) for d in (1, 2, 3, 4)]
    (issue,) = issues(net(*days))
    assert issue.preheader == "4 new documents in September 2025: Item 4; Item 3; Item 2"
    (single,) = issues(net(days[0]))
    assert single.preheader == "1 new document in September 2025: Item 1"


def test_the_default_preheader_is_cut_at_150_characters():
    long = doc("A" * 200, datetime(2025, 9, 1, tzinfo=LONDON))
    (issue,) = issues(net(long))
    assert len(issue.preheader) == 150 and issue.preheader.startswith("1 new document in September 2025: AAA")


def test_the_editors_note_gives_title_preheader_intro_and_lead():
    docs = [doc(name, datetime(2025, 9, d, tzinfo=LONDON), cat)
            for name, d, cat in (("first", 1, "Minutes"), ("second", 2, "Briefings"), ("third", 3, "Updates"))]
    note = Note("2025-09", "content/newsletters/2025-09.md", "Autumn news", "In short", "<p>Hello</p>",
                ["second", "no-such-file", "first"])
    (issue,) = issues(net(*docs), notes={"2025-09": note})
    assert (issue.title, issue.preheader, issue.intro_html, issue.note) == ("Autumn news", "In short",
                                                                            "<p>Hello</p>", note)
    assert [d.title for d in issue.lead] == ["second", "first"]  # in the note's order; unknown names skipped
    assert issue.sections == [("Updates", [docs[2]])]


def test_the_note_names_its_lead_documents_by_file_name_whatever_their_folder_or_dots():
    report = doc("report", datetime(2025, 9, 1, tzinfo=LONDON))
    report.key = "briefings/2025/q3/report.v2.md"
    other = doc("other", datetime(2025, 9, 2, tzinfo=LONDON))
    other.key = "other.md"
    note = Note("2025-09", "n.md", lead=["report.v2", "other"])
    (issue,) = issues(net(report, other), notes={"2025-09": note})
    assert issue.lead == [report, other]


def test_a_note_without_title_or_preheader_keeps_the_defaults():
    note = Note("2025-09", "n.md", intro_html="<p>Hi</p>")
    (issue,) = issues(net(doc("only", datetime(2025, 9, 1, tzinfo=LONDON))), notes={"2025-09": note})
    assert issue.title == "CVMP: September 2025"
    assert issue.preheader == "1 new document in September 2025: only"
    assert issue.intro_html == "<p>Hi</p>" and [d.title for d in issue.lead] == ["only"]


def test_a_note_for_another_period_is_not_used():
    note = Note("2025-08", "n.md", "August news", "Aug", "<p>Aug</p>")
    (issue,) = issues(net(doc("only", datetime(2025, 9, 1, tzinfo=LONDON))), notes={"2025-08": note})
    assert issue.title == "CVMP: September 2025" and issue.note is None


def test_without_an_update_the_newest_document_leads():
    docs = [doc("old", datetime(2025, 9, 1, tzinfo=LONDON), "Minutes"),
            doc("new", datetime(2025, 9, 9, tzinfo=LONDON), "Briefings")]
    (issue,) = issues(net(*docs))
    assert [d.title for d in issue.lead] == ["new"]
    (issue,) = issues(net(*docs), categories=())
    assert [d.title for d in issue.lead] == ["new"]


def test_sections_follow_the_category_order_and_unknown_categories_come_last():
    docs = [doc("m", datetime(2025, 9, 1, tzinfo=LONDON), "Minutes"),
            doc("odd", datetime(2025, 9, 2, tzinfo=LONDON), "Odds and ends"),
            doc("b", datetime(2025, 9, 3, tzinfo=LONDON), "Briefings"),
            doc("lead", datetime(2025, 9, 4, tzinfo=LONDON), "Updates")]
    (issue,) = issues(net(*docs))
    assert [c for c, _ in issue.sections] == ["Briefings", "Minutes", "Odds and ends"]


def test_the_limit_counts_the_lead_and_the_rest_is_counted_as_more():
    docs = [doc(f"d{d}", datetime(2025, 9, d, tzinfo=LONDON)) for d in range(1, 7)]
    (issue,) = issues(net(*docs), limit=4)
    assert len(issue.documents) == 4 and issue.more == 2
    (issue,) = issues(net(*docs), limit=6)
    assert len(issue.documents) == 6 and issue.more == 0


def test_a_lead_longer_than_the_limit_lists_nothing_else():
    docs = [doc(f"d{d}", datetime(2025, 9, d, tzinfo=LONDON)) for d in range(1, 5)]
    note = Note("2025-09", "n.md", lead=["d1", "d2", "d3"])
    (issue,) = issues(net(*docs), notes={"2025-09": note}, limit=2)
    assert [d.title for d in issue.lead] == ["d1", "d2", "d3"]
    assert issue.sections == [] and issue.more == 1



# What each issue says about meetings and actions, as things stood at the end of its period.

def minutes(body, when, next_meeting=None, text="", venue="Room 1", next_venue="", has_time=True):
    meeting = Meeting(body=body, starts=when.replace(tzinfo=None), venue=venue, next_meeting=next_meeting,
                      next_meeting_has_time=has_time, next_meeting_text=text, next_venue=next_venue)
    return Document(path=f"content/minutes/{body}-{when:%Y%m%d}.md", title=f"{body} {when:%B}", date=when,
                    category="Minutes", key=f"minutes/{body}-{when:%Y%m%d}.md", meeting=meeting)


def action(document, number, closed_in=None, status="done"):
    result = Action(document, number, html="x", text="x")
    if closed_in is not None:
        result.updates.append(ActionUpdate(closed_in, status, status))
    return result


def by_key(found):
    return {issue.key: issue for issue in found}


def test_each_issue_lists_the_meetings_still_to_come_at_the_end_of_its_period():
    july = minutes("steering", datetime(2025, 7, 9, tzinfo=LONDON), datetime(2025, 9, 10, 14), next_venue="Hall")
    sept = minutes("steering", datetime(2025, 9, 10, tzinfo=LONDON), datetime(2025, 11, 12, 14))
    found = by_key(issues(net(july, sept)))
    (coming,) = found["2025-07"].upcoming
    assert (coming.body, coming.starts, coming.venue, coming.source) == (
        "steering", datetime(2025, 9, 10, 14, tzinfo=LONDON), "Hall", july)
    assert coming.has_time is True
    (coming,) = found["2025-09"].upcoming  # the September minutes set the next date
    assert coming.starts == datetime(2025, 11, 12, 14, tzinfo=LONDON) and coming.venue == "Room 1"


def test_a_meeting_already_past_at_the_end_of_the_period_is_not_listed():
    past = minutes("steering", datetime(2025, 7, 9, tzinfo=LONDON), datetime(2025, 7, 30, 14))
    later = minutes("ops", datetime(2025, 7, 10, tzinfo=LONDON), datetime(2025, 8, 30, 14))
    assert issues(net(past))[0].upcoming == []
    assert [u.body for u in issues(net(past, later))[0].upcoming] == ["ops"]


def test_a_meeting_on_the_first_day_of_the_next_period_is_still_to_come():
    july = minutes("steering", datetime(2025, 7, 9, tzinfo=LONDON), datetime(2025, 8, 1), has_time=False)
    (issue,) = issues(net(july))
    assert [(u.starts, u.has_time) for u in issue.upcoming] == [(datetime(2025, 8, 1, tzinfo=LONDON), False)]


def test_meetings_to_be_confirmed_come_after_dated_ones_and_bodies_without_a_next_meeting_are_left_out():
    docs = [minutes("forum", datetime(2025, 7, 1, tzinfo=LONDON), text="to be confirmed"),
            minutes("ops", datetime(2025, 7, 2, tzinfo=LONDON), datetime(2025, 10, 1)),
            minutes("panel", datetime(2025, 7, 3, tzinfo=LONDON)),
            minutes("steering", datetime(2025, 7, 4, tzinfo=LONDON), datetime(2025, 9, 1))]
    (issue,) = issues(net(*docs))
    assert [(u.body, u.starts and u.starts.month) for u in issue.upcoming] == [
        ("steering", 9), ("ops", 10), ("forum", None)]


def test_minutes_published_after_the_period_do_not_change_its_issue():
    july = minutes("steering", datetime(2025, 7, 9, tzinfo=LONDON), datetime(2025, 9, 10, 14))
    august = minutes("steering", datetime(2025, 8, 1, tzinfo=LONDON), datetime(2025, 12, 1, 14))
    found = by_key(issues(net(july, august)))
    assert [u.source for u in found["2025-07"].upcoming] == [july]
    assert [u.source for u in found["2025-08"].upcoming] == [august]


def test_the_sites_own_next_meeting_is_reused_when_it_comes_from_the_same_minutes():
    july = minutes("steering", datetime(2025, 7, 9, tzinfo=LONDON), datetime(2025, 9, 10, 14))
    network = net(july)
    known = Upcoming("steering", july, datetime(2025, 9, 10, 14, tzinfo=LONDON), True,
                     datetime(2025, 9, 10, 16, tzinfo=LONDON), "Room 1")
    stale = Upcoming("steering", minutes("steering", datetime(2025, 6, 1, tzinfo=LONDON)), None)
    network.upcoming = [known]
    assert issues(network)[0].upcoming[0] is known  # with its end time, which the minutes alone lack
    network.upcoming = [stale]
    (coming,) = issues(network)[0].upcoming
    assert coming is not stale and coming.ends is None and coming.source is july


def test_open_actions_count_what_was_set_and_not_yet_closed_by_the_end_of_each_period():
    june = minutes("steering", datetime(2025, 6, 10, tzinfo=LONDON))
    july = minutes("steering", datetime(2025, 7, 10, tzinfo=LONDON))
    sept = minutes("steering", datetime(2025, 9, 10, tzinfo=LONDON))
    network = net(june, july, sept)
    network.actions = [action(june, 1, closed_in=july), action(june, 2, closed_in=sept, status="dropped"),
                       action(june, 3), action(july, 1, closed_in=sept, status="open"), action(sept, 1)]
    found = by_key(issues(network))
    assert [(k, found[k].open_actions) for k in ("2025-06", "2025-07", "2025-09")] == [
        ("2025-06", 3), ("2025-07", 3), ("2025-09", 3)]
    network.actions = network.actions[:2]
    found = by_key(issues(network))
    assert [found[k].open_actions for k in ("2025-06", "2025-07", "2025-09")] == [2, 1, 0]


def test_an_action_set_at_midnight_starting_the_next_period_is_not_counted():
    june = minutes("steering", datetime(2025, 6, 10, tzinfo=LONDON))
    july = minutes("steering", datetime(2025, 7, 1, tzinfo=LONDON))
    network = net(june, july)
    network.actions = [action(july, 1)]
    assert by_key(issues(network))["2025-06"].open_actions == 0
