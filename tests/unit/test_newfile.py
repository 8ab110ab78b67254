"""A new document for `make new` (authoring.newfile), from a hand-made model: no build."""

from datetime import date, datetime, time

import pytest
import yaml

from authoring.newfile import (Refusal, clean_title, file_name, find_body, folder_of, minutes_file, open_actions,
                               plain_file)
from network.model import (Action, ActionUpdate, Directory, Document, Meeting, Network, Organisation, Person,
                           PersonRef)

TODAY = date(2026, 12, 1)


def _network() -> Network:
    directory = Directory(
        people={"ann-ash": Person("ann-ash", "Ann Ash"), "bo-birch": Person("bo-birch", "Bo Birch"),
                "cy-cole": Person("cy-cole", "Cy Cole", public=False)},
        organisations={"steering": Organisation("steering", "Steering Group", aliases=["SG"]),
                       "ops": Organisation("ops", "Operations Group")})
    network = Network(directory)
    older = _minutes("2026-03-04", Meeting("steering", datetime(2026, 3, 4, 14), venue="Room 1"))
    last = _minutes("2026-09-16", Meeting(
        "steering", datetime(2026, 9, 16, 14), ends=time(16, 30), venue="Room 1", next_venue="Room 2",
        chair=PersonRef("Ann Ash", "ann-ash"), minutes_by=PersonRef("Bo Birch", "bo-birch"),
        present=[PersonRef("Ann Ash", "ann-ash"), PersonRef("Cy Cole", "cy-cole")],
        in_attendance=[PersonRef('Jo "JB" Bloggs (Acme)')], apologies=[PersonRef("Di Dee")],
        next_meeting=datetime(2027, 1, 20, 14)))
    other = _minutes("2026-10-01", Meeting("ops", datetime(2026, 10, 1, 10)))
    network.meetings_by_body = {"steering": [last, older], "ops": [other]}
    done = Action(older, 1, "", "AA to write.")
    done.updates.append(ActionUpdate(last, "done", "done"))
    ongoing = Action(older, 2, "", "BB to phone.")
    ongoing.updates.append(ActionUpdate(last, "ongoing", "open"))
    network.actions = [Action(last, 1, "", "AA and CC to draft the plan."), done, ongoing,
                       Action(other, 1, "", "Ops to meet.")]
    return network


def _minutes(day: str, meeting: Meeting) -> Document:
    return Document(path=f"content/minutes/{day}.md", title=day, date=meeting.starts, category="Minutes",
                    meeting=meeting)


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_the_file_name_is_the_date_and_the_title_as_an_id():
    assert file_name(TODAY, 'Say "hi" / Café: 50%', "update") == "2026-12-01-say-hi-cafe-50.md"
    assert file_name(TODAY, "会议", "minutes") == "2026-12-01-minutes.md"
    assert len(file_name(TODAY, "word " * 40, "update")) <= len("2026-12-01-.md") + 60


def test_titles_types_and_bodies_are_checked_in_words():
    with pytest.raises(Refusal, match="Give the document a title"):
        clean_title("   ")
    with pytest.raises(Refusal, match="Did you mean 'briefing'"):
        folder_of("briefng")
    assert find_body(_network(), "SG") == find_body(_network(), "Steering Group") == "steering"
    with pytest.raises(Refusal, match="Did you mean 'steering'.*Bodies with minutes: ops, steering"):
        find_body(_network(), "steerin")


def test_an_update_is_a_draft_whose_title_reads_back_as_typed():
    title = 'A "quoted": title # with <script> and \\ backslash'
    new = plain_file("update", title, TODAY, _network())
    fm = _front_matter(new.text)
    assert (new.folder, fm["title"], fm["date"], fm["status"]) == ("updates", title, TODAY, "draft")


def test_open_actions_are_the_registers_open_ones_of_that_body_oldest_first():
    network = _network()
    assert [(a.document.date.day, a.number) for a in open_actions(network, "steering")] == [(4, 2), (16, 1)]


def test_minutes_start_from_the_bodys_last_meeting():
    new = minutes_file("Steering Group, January", TODAY, "steering", _network())
    fm = _front_matter(new.text)
    meeting = fm["meeting"]
    assert new.name == "2027-01-20-steering-group-january.md" and fm["date"] == "2027-01-20 14:00"
    assert (meeting["venue"], meeting["ends"], meeting["chair"], meeting["minutes_by"]) == (
        "Room 2", "16:30", "ann-ash", "bo-birch")
    assert meeting["present"] == ["cy-cole", "Di Dee"] and meeting["apologies"] == []
    assert meeting["in_attendance"] == ['Jo "JB" Bloggs (Acme)']
    assert "2.1 Action 2 (2026-03-04): open. BB to phone." in new.text
    assert "2.2 Action 1 (2026-09-16): open. AA and CC to draft the plan." in new.text
    assert "AA to write" not in new.text and "Ops to meet" not in new.text


def test_minutes_of_a_body_without_minutes_start_today_with_nothing_open():
    network = _network()
    network.meetings_by_body = {}
    network.actions = []
    new = minutes_file("First meeting", TODAY, "ops", network)
    fm = _front_matter(new.text)
    assert new.name == "2026-12-01-first-meeting.md" and fm["meeting"]["body"] == "ops"
    assert "No actions are open." in new.text
