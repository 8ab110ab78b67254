"""Finding actions and later reports on them in minutes' HTML (minutes.actions, pure)."""

from datetime import date

import pytest

from minutes.actions import annotate, find_actions, number_actions, owner_words, status_of

HTML = """<h2>4. Housing</h2>
<p>4.1 <strong>LD</strong> reported on move-on.</p>
<p><strong>Action 1:</strong> LD and <a href="/people/mk/">MK</a> to circulate the protocol.</p>
<p><strong>Action 2</strong>: To invite SD to the next meeting.</p>
<ul>
<li>Action: All members to send comments by 30 June.</li>
<li>Actions arising are listed below.</li>
</ul>
<p>4.2 Action 7: CCC to confirm funding.</p>
<p>2.1 Action 3 (2024-06-12): done. The paper went out in July.</p>
<p><strong>Action 5 (2024-06-12):</strong> carried forward to September.</p>
<p>Action 6 (2024-06-12): mostly finished.</p>
<p>The action plan: agreed.</p>
"""


def test_actions_in_their_written_forms():
    actions, _ = find_actions(HTML)
    assert [a.number for a in actions] == [1, 2, None, 7]
    assert actions[0].text == "LD and MK to circulate the protocol."
    assert '<a href="/people/mk/">MK</a>' in actions[0].html  # links kept for the register
    assert [a.owner_words for a in actions] == [["LD", "MK"], [], ["All members"], ["CCC"]]


def test_unnumbered_actions_take_the_next_free_number():
    actions, _ = find_actions(HTML)
    assert number_actions(actions) == [1, 2, 3, 7]


def test_reports_on_earlier_actions():
    _, references = find_actions(HTML)
    assert [(r.number, str(r.meeting_date), r.status) for r in references] == [
        (3, "2024-06-12", "done"), (5, "2024-06-12", "open"), (6, "2024-06-12", None)]
    assert references[0].note == "The paper went out in July."
    assert references[1].word == "carried forward"
    assert references[2].word == "mostly finished"


def test_owner_words():
    assert owner_words("LD, MK & SO to draft it") == ["LD", "MK", "SO"]
    assert owner_words("Laura Dent to write to the council") == ["Laura Dent"]
    assert owner_words("To write to the council") == []
    assert owner_words("The group agreed. Members to note") == []


def test_status_words():
    assert status_of("Completed in May.")[1] == "done"
    assert status_of("withdrawn: no longer needed")[1] == "dropped"
    assert status_of("in progress")[1] == "open"
    assert status_of("doneish")[1] is None


def test_annotate_adds_anchors_badges_and_back_links():
    actions, references = find_actions(HTML)
    numbers = number_actions(actions)
    result = annotate(HTML, [(a, n, f"<b>badge {n}</b>") for a, n in zip(actions, numbers)],
                      [(references[0], '<a href="#back">back</a>')])
    assert '<p id="action-1" class="action"><strong>Action 1:</strong>' in result
    assert '<li id="action-3" class="action">Action: All members' in result
    assert "the protocol. <b>badge 1</b></p>" in result
    assert "went out in July. <a href=\"#back\">back</a></p>" in result
    assert result.count('class="action"') == 4


def numbers_and_texts(html):
    actions, _ = find_actions(html)
    return [(a.number, a.text) for a in actions]


@pytest.mark.parametrize("html", [
    "<p>ACTION 4: AA to write.</p>", "<p><b>Action 4</b>: AA to write.</p>",
    "<p><em>Action 4:</em> AA to write.</p>", "<p>action 4 : AA to write.</p>",
    "<p>4.2. Action 4: AA to write.</p>", "<p>  3 <strong>Action 4:</strong>AA to write.</p>",
    "<p>Action 4:</b> AA to write.</p>",
])
def test_every_written_form_of_an_action_label_is_found(html):
    assert numbers_and_texts(html) == [(4, "AA to write.")]


@pytest.mark.parametrize("html", ["<p>Action 4 AA to write.</p>", "<p>Actions: none.</p>",
                                  "<p>No action: none.</p>", "<div>Action 4: AA to write.</div>",
                                  "<h3>Action 4: AA to write.</h3>"])
def test_text_that_only_looks_like_an_action_is_not_one(html):
    assert find_actions(html) == ([], [])


def test_the_action_text_is_plain_and_its_html_keeps_the_markup():
    actions, _ = find_actions('<p class="x">Action:  AA &amp; BB  to <em>read</em>\n the  plan. </p>')
    (found,) = actions
    assert found.text == "AA & BB to read the plan."
    assert found.html == "AA &amp; BB  to <em>read</em>\n the  plan."
    assert found.owner_words == ["AA", "BB"]


def test_a_loose_list_item_is_found_once_through_its_paragraph():
    html = "<ul>\n<li>\n<p>Action 1: AA to call.</p>\n</li>\n<li>Action 2: BB to write.\n<ul><li>detail</li></ul></li></ul>"
    actions, _ = find_actions(html)
    assert [(a.number, a.text) for a in actions] == [(1, "AA to call."), (2, "BB to write.")]
    assert html[actions[0].start:actions[0].end] == "<p>Action 1: AA to call."
    assert html[actions[1].start:actions[1].end] == "<li>Action 2: BB to write.\n"


def test_an_item_without_its_closing_tag_runs_to_the_end():
    html = "<p>Action 1: AA to call back"
    (found,), _ = find_actions(html)
    assert (found.text, found.end) == ("AA to call back", len(html))


def test_a_report_with_an_impossible_date_is_neither_a_report_nor_a_new_action():
    assert find_actions("<p>Action 3 (2024-02-30): done.</p>") == ([], [])
    _, references = find_actions("<p>Action 3 (2024-02-30): done.</p><p>Action 4 (2024-06-12): done.</p>")
    assert [r.number for r in references] == [4]


def test_a_report_in_a_loose_list_is_found_once():
    html = "<ul>\n<li>\n<p>Action 3 (2024-06-12): done.</p>\n</li>\n<li>\n<p>Action 4 (2024-06-12): open.</p>\n</li>\n</ul>"
    _, references = find_actions(html)
    assert [(r.number, html[r.start:r.start + 3]) for r in references] == [(3, "<p>"), (4, "<p>")]


def test_a_report_names_its_action_date_word_and_note_in_plain_text():
    html = "<ol><li>5.1 <strong>Action 12 (2024-06-12)</strong>: <em>Withdrawn</em> &mdash; no longer needed.</li></ol>"
    _, (reference,) = find_actions(html)
    assert (reference.number, reference.meeting_date, reference.word, reference.status, reference.note) == (
        12, date(2024, 6, 12), "Withdrawn", "dropped", "no longer needed.")
    assert html[reference.start:reference.end] == html[4:-10]


def test_unnumbered_actions_skip_every_number_already_used():
    actions, _ = find_actions("<p>Action: A to x.</p><p>Action 1: B to x.</p><p>Action: C to x.</p>"
                              "<p>Action 2: D to x.</p><p>Action: E to x.</p>")
    assert number_actions(actions) == [3, 1, 4, 2, 5]
    assert number_actions(find_actions("<p>Action: A to x.</p><p>Action: B to x.</p>")[0]) == [1, 2]


@pytest.mark.parametrize("text,owners", [
    ("AA/BB + CC & DD to meet", ["AA", "BB", "CC", "DD"]),
    ("Calder City Council and Housing Trust to agree", ["Calder City Council", "Housing Trust"]),
    ("A, B, C, D, E, F, G, H to meet", ["A", "B", "C", "D", "E", "F", "G", "H"]),
    ("A, B, C, D, E, F, G, H, I to meet", []),
    ("to circulate the paper", []),
    ("AA to", []), ("AA to  ", []),
    ("x" * 91 + " to meet", []), ("x" * 90 + " to meet", ["x" * 90]),
    ("AA todo list", []), ("TO: AA to call", []),
])
def test_who_owns_an_action(text, owners):
    assert owner_words(text) == owners


@pytest.mark.parametrize("rest,expected", [
    ("Done", ("Done", "done", "")),
    ("DONE; paper sent", ("DONE", "done", "paper sent")),
    ("No longer needed - merged", ("No longer needed", "dropped", "merged")),
    ("to be reviewed, in May", ("to be reviewed", "open", "in May")),
    ("<em>carried forward</em> to June", ("carried forward", "open", "to June")),
    ("closedown. Soon", ("closedown", None, "Soon")),
    ("Done. Xavier Ash sent it", ("Done", "done", "Xavier Ash sent it")),
    ("Nearly. Xavier Ash is on it", ("Nearly", None, "Xavier Ash is on it")),
    ("Nearly there; see paper", ("Nearly there", None, "see paper")),
    ("Nearly there — see paper", ("Nearly there", None, "see paper")),
    ("Nearly there", ("Nearly there", None, "")),
])
def test_the_status_word_and_the_note_after_it(rest, expected):
    assert status_of(rest) == expected


def test_an_owner_whose_name_begins_with_to_is_still_an_owner():
    assert owner_words("Tom Ash and Tower Hamlets Council to meet") == ["Tom Ash", "Tower Hamlets Council"]
    assert owner_words("To invite SD to the next meeting") == []


def test_annotate_keeps_attributes_and_leaves_reports_without_a_link_alone():
    html = '<h2>Housing</h2><p class="lead">Action 1: AA to x.  </p>\n<p>Action 1 (2024-06-12): done.</p>\n<p>tail</p>'
    actions, references = find_actions(html)
    result = annotate(html, [(actions[0], 9, "[open]")], [(references[0], "")])
    assert result == ('<h2>Housing</h2><p class="lead" id="action-9" class="action">Action 1: AA to x. [open]</p>\n'
                      "<p>Action 1 (2024-06-12): done.</p>\n<p>tail</p>")


def test_annotate_works_through_the_page_in_order_whatever_order_it_is_given():
    html = "<p>Action 1 (2024-06-12): done.</p><p>Action: AA to x.</p><p>Action 2 (2024-06-12): done.</p>"
    actions, references = find_actions(html)
    result = annotate(html, [(actions[0], 1, "[B]")], [(references[1], "[2]"), (references[0], "[1]")])
    assert result == ("<p>Action 1 (2024-06-12): done. [1]</p><p id=\"action-1\" class=\"action\">Action: AA to x. "
                      "[B]</p><p>Action 2 (2024-06-12): done. [2]</p>")


def test_a_back_link_follows_the_report_text_not_the_space_before_a_nested_list():
    html = "<ul><li>Action 1 (2024-06-12): done.\n<ul><li>detail</li></ul></li></ul>"
    _, references = find_actions(html)
    assert annotate(html, [], [(references[0], "[1]")]) == (
        "<ul><li>Action 1 (2024-06-12): done. [1]<ul><li>detail</li></ul></li></ul>")


def test_an_action_in_a_self_closed_tag_gets_its_id_inside_the_tag():
    html = "<p />Action 1: AA to x.</p>"
    actions, _ = find_actions(html)
    result = annotate(html, [(actions[0], 1, "[open]")], [])
    opening = result[:result.index(">") + 1]
    assert "/" not in opening and opening.endswith(' id="action-1" class="action">')
    assert result.endswith(">Action 1: AA to x. [open]</p>")
