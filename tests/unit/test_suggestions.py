"""Suggestions for the directory (authoring.suggestions, authoring.suggestfile): what the content
names that the directory lacks, with hand-made documents and no build."""

from datetime import date, datetime

import yaml

from authoring.suggestfile import as_text, as_yaml
from authoring.suggestions import NAME, NEAR, ORGANISATION, PERSON, find_suggestions
from network.directory import load_directory
from network.errors import ProblemLog
from network.model import Directory, Document, Meeting, Network, Organisation, Person, PersonRef

PEOPLE = {
    "sarah-cutler": Person("sarah-cutler", "Sarah Cutler", initials="SC", organisation="calder-trust"),
    "omar-haddad": Person("omar-haddad", "Omar Haddad", initials="OH", aliases=["Cllr Omar Haddad"]),
    "ottilie-marchbanks": Person("ottilie-marchbanks", "Ottilie Marchbanks", initials="OM", public=False),
}
ORGANISATIONS = {
    "calder-trust": Organisation("calder-trust", "Calder Trust", aliases=["CT"]),
    "northmoor-county-council": Organisation("northmoor-county-council", "Northmoor County Council", aliases=["NCC"]),
}


def _network(*documents: Document) -> Network:
    network = Network(Directory(people=dict(PEOPLE), organisations=dict(ORGANISATIONS)))
    for document in documents:
        network.add(document)
    return network


def _document(name: str, body: str, meeting: Meeting | None = None) -> Document:
    return Document(path=f"content/updates/{name}.md", title=name, date=datetime(2026, 3, 4), category="Updates",
                    body=body, meeting=meeting)


def _minutes(name: str, *guests: str) -> Document:
    meeting = Meeting("calder-trust", datetime(2026, 3, 4, 10), present=[PersonRef("Sarah Cutler", "sarah-cutler")],
                      in_attendance=[PersonRef(guest) for guest in guests])
    return _document(name, "<p>The meeting was quorate.</p>", meeting)


def _by_name(network: Network) -> dict:
    return {suggestion.name: suggestion for suggestion in find_suggestions(network)}


def test_an_unknown_organisation_acronym_in_two_documents_is_suggested():
    found = _by_name(_network(_document("a", "<p>NFRS offered home visits.</p>"),
                              _document("b", "<p>Referrals go to NFRS by e-mail.</p>")))
    assert found["NFRS"].kind == ORGANISATION
    assert [place.path for place in found["NFRS"].places] == ["content/updates/a.md", "content/updates/b.md"]


def test_an_acronym_spelt_out_once_is_suggested_with_its_name():
    found = _by_name(_network(_document("a", "<p>We met the Northmoor Fire and Rescue Service (NFRS) today.</p>")))
    assert found["NFRS"].long_name == "Northmoor Fire and Rescue Service"


def test_an_acronym_in_one_document_only_is_not_enough():
    assert "NFRS" not in _by_name(_network(_document("a", "<p>NFRS offered home visits.</p>")))


def test_a_guest_at_two_meetings_is_suggested_with_their_organisation():
    found = _by_name(_network(_minutes("m1", "Aled Pryce (Northmoor Fire Service)"),
                              _minutes("m2", "Aled Pryce (Northmoor Fire Service)")))
    aled = found["Aled Pryce"]
    assert aled.kind == PERSON and aled.organisation == "Northmoor Fire Service"
    assert "a guest at 2 meetings" in aled.reasons


def test_a_guest_at_one_meeting_only_is_not():
    assert "Aled Pryce" not in _by_name(_network(_minutes("m1", "Aled Pryce"), _minutes("m2", "Jo Bloggs")))


def test_a_misspelt_person_is_a_near_miss_of_the_directory_name():
    found = _by_name(_network(_document("a", "<p>Sarah Cutlar reported on the drop-in.</p>")))
    near = found["Sarah Cutlar"]
    assert near.kind == NEAR and near.close[1].id == "sarah-cutler"
    assert "Sarah Cutlar" in as_text([near]) and "sarah-cutler" in as_text([near])


def test_name_role_at_organisation_gives_a_person_with_role_and_known_organisation():
    body = "<p>Priya Shah, Welfare Rights Adviser at Northmoor County Council, spoke first.</p>"
    priya = _by_name(_network(_document("a", body)))["Priya Shah"]
    assert (priya.kind, priya.role, priya.organisation_id) == (PERSON, "Welfare Rights Adviser",
                                                               "northmoor-county-council")


def test_known_names_aliases_initials_private_people_and_common_words_are_never_suggested():
    body = ("<p>Sarah Cutler and Cllr Omar Haddad reported. CT and NCC agreed; SC and OH will report. "
            "Ottilie Marchbanks reported too, and Ottilie Marchbank asked a question.</p>"
            "<p>Grace Day was on Monday. March April May. The Calder Trust thanked NCC.</p>"
            "<p>The Ottilie Marchbanks Memorial Fund gave a grant. The Ottilie Marchbank Foundation too.</p>")
    found = _by_name(_network(_document("a", body), _document("b", body), _document("c", body)))
    assert not {"Sarah Cutler", "Omar Haddad", "CT", "NCC", "SC", "OH", "Ottilie Marchbanks",
                "Ottilie Marchbank", "Grace Day", "March April May", "Calder Trust"} & set(found)
    assert not any("Ottilie" in name or "Marchbank" in name for name in found)


def test_a_name_never_runs_from_a_heading_into_the_next_paragraph():
    body = "<h2>Calder Trust</h2><p>Northmoor Food Bank reported.</p>"
    found = _by_name(_network(_document("a", body), _document("b", body)))
    assert "Northmoor Food Bank" in found and not any(name.startswith("Calder Trust ") for name in found)


def test_two_people_joined_by_and_are_two_names_and_an_organisation_stays_whole():
    body = "<p>Aled Pryce and Jo Bloggs reported that the Border and Settlement Agency agreed.</p>"
    found = _by_name(_network(_document("a", body), _document("b", body)))
    assert {"Aled Pryce", "Jo Bloggs", "Border and Settlement Agency"} <= set(found)


def test_a_shorter_name_inside_a_longer_one_is_not_suggested_twice():
    body = "<p>The Calderbridge Civic Centre Trust met. The Civic Centre Trust agreed.</p>"
    found = _by_name(_network(_document("a", body), _document("b", body)))
    assert "Calderbridge Civic Centre Trust" in found and "Civic Centre Trust" not in found


def test_a_name_in_markup_stays_text_in_the_yaml():
    body = "<p>Jo &lt;script&gt;Bloggs, Chair at Acme &quot;Trust&quot; Ltd, spoke.</p>"
    suggestions = find_suggestions(_network(_document("a", "<p>Ann O'Neil: said hello</p>"),
                                            _minutes("m1", 'Jo "Jay" Bloggs: <script>'),
                                            _minutes("m2", 'Jo "Jay" Bloggs: <script>'), _document("b", body)))
    text = as_yaml(suggestions, date(2026, 12, 1))
    entries = yaml.safe_load(text)
    assert {"id": "jo-jay-bloggs-script", "name": 'Jo "Jay" Bloggs: <script>'} in entries


def test_the_yaml_is_entries_the_directory_reads_without_a_problem():
    documents = [_document("a", "<p>Priya Shah, Welfare Rights Adviser at Northmoor County Council, spoke. "
                                "The Northmoor Fire and Rescue Service (NFRS) and the Calder Trust Youth Project "
                                "met.</p>"), _document("b", "<p>The Calder Trust Youth Project met again.</p>")]
    text = as_yaml(find_suggestions(_network(*documents)), date(2026, 12, 1), taken={"nfrs"})
    people, organisations = text.split("# ---- for content/directory/organisations.yml ----")
    log = ProblemLog()
    directory = load_directory({"people.yml": people.replace("organisation: ", "# "),
                                "organisations.yml": "- id: calder-trust\n  name: Calder Trust\n" + organisations,
                                }, "suggested", log)
    assert [p.format() for p in log.errors] == []
    assert directory.people["priya-shah"].role == "Welfare Rights Adviser"
    assert directory.organisations["calder-trust-youth-project"].part_of == "calder-trust"
    fire = directory.organisations["northmoor-fire-and-rescue-service"]
    assert fire.aliases == ["NFRS"]


def test_each_group_has_a_heading_and_kinds_are_in_order():
    documents = [_document(n, "<p>Sarah Cutlar reported. NFRS met. Tanner Yard Collective met. "
                              "Room Nine Collective met.</p><p>Blue Harbour Festival was busy.</p>")
                 for n in ("a", "b", "c")]
    suggestions = find_suggestions(_network(*documents))
    kinds = [s.kind for s in suggestions]
    assert kinds == sorted(kinds, key=[NEAR, PERSON, ORGANISATION, NAME].index)
    assert NAME in kinds and NEAR in kinds
    text = as_text(suggestions)
    assert text.index("Near-misses") < text.index("Organisations not in the directory") < text.index("Other names")
