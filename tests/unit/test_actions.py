"""Finding actions and later reports on them in minutes' HTML (pure)."""

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
