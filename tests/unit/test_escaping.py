"""Text is escaped where it meets HTML: by the templates, and by the Python that builds HTML."""

import json
from datetime import datetime, timezone
from types import SimpleNamespace

from jinja2 import DictLoader, Environment
from markupsafe import Markup

from crosslinks.structured import to_script
from minutes.glue import rooted_html
from sitetheme.views import DocumentLists, escapes_template, escaping_key

TYPED = 'Fish & Chips "Night" <script>alert("x")</script>'


def test_html_and_xml_templates_escape_what_they_print_and_text_templates_do_not():
    templates = {name: "{{ value }}|{{ html }}" for name in ("page.html", "feed.xml", "email.txt", "email.css")}
    env = Environment(loader=DictLoader(templates), autoescape=escapes_template)
    values = {"value": TYPED, "html": Markup("<em>ours</em>")}
    escaped = 'Fish &amp; Chips &#34;Night&#34; &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;|<em>ours</em>'
    assert env.get_template("page.html").render(values) == escaped
    assert env.get_template("feed.xml").render(values) == escaped
    assert env.get_template("email.txt").render(values) == f"{TYPED}|<em>ours</em>"
    assert env.get_template("email.css").render(values) == f"{TYPED}|<em>ours</em>"
    assert env.from_string("{{ value }}").render(values).startswith("Fish &amp;")


def test_compiled_templates_are_kept_apart_for_each_way_of_escaping():
    keys = {escaping_key(escapes_template), escaping_key(True), escaping_key(False)}
    assert len(keys) == 3
    assert escaping_key(escapes_template) == escaping_key(escapes_template)


def test_json_ld_cannot_end_its_script_element_and_reads_back_as_typed():
    script = to_script({"headline": TYPED + " </SCRIPT> <!-- \u2028"})
    assert isinstance(script, Markup)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["headline"] == TYPED + " </SCRIPT> <!-- \u2028"


def test_a_document_list_escapes_every_text_it_shows():
    doc = SimpleNamespace(title=TYPED, url='updates/x/?a=1&b="2"', category="Up<dates>",
                          summary='<p>We said "no" &amp; <b>left</b> &lt;script&gt;</p>',
                          date=datetime(2025, 3, 1, tzinfo=timezone.utc))
    html = DocumentLists()([doc], "..")
    assert isinstance(html, Markup)
    assert '<a href="../updates/x/?a=1&amp;b=&quot;2&quot;">' in html
    assert '>Fish &amp; Chips "Night" &lt;script&gt;alert("x")&lt;/script&gt;</a>' in html
    assert '<span class="category-label">Up&lt;dates&gt;</span>' in html
    assert '<div class="document-summary">We said "no" &amp; left &lt;script&gt;</div>' in html
    assert "<script>" not in html


def test_an_actions_html_is_kept_as_html_with_its_links_moved():
    html = rooted_html('<a href="/people/x/">LD</a> to write', "../..")
    assert isinstance(html, Markup)
    assert html == '<a href="../../people/x/">LD</a> to write'


def test_a_web_address_with_quotes_spaces_or_angle_brackets_is_refused_with_its_line():
    from network.directory import load_directory
    from network.errors import ProblemLog

    people = ('- id: jo\n  name: Jo\n  url: "https://x.example/\\"><script>alert(1)</script>"\n'
              "- id: kim\n  name: Kim\n  url: https://x.example/a b\n"
              "- id: amy\n  name: Amy\n  url: \"https://x.example/St_Aidan's?a=1&b=2\"\n")
    log = ProblemLog()
    directory = load_directory({"people.yml": people, "organisations.yml": None, "themes.yml": None},
                               "content/directory", log)
    errors = [problem.format() for problem in log.errors]
    assert len(errors) == 2, errors
    assert errors[0].startswith("content/directory/people.yml, line 3, key 'url': "
                                "'https://x.example/\"><script>alert(1)</script>' is not a web address.")
    assert "no spaces, double quotes or < >" in errors[0]
    assert errors[1].startswith("content/directory/people.yml, line 6, key 'url': 'https://x.example/a b'")
    assert directory.people["amy"].url == "https://x.example/St_Aidan's?a=1&b=2"  # escaped where it is shown
