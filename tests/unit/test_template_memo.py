"""What a template reads, kept between builds by the template's text (speed.writer.TemplateMemo):
a template changed since is parsed again, so a page never misses a variable it now shows."""

from jinja2 import Environment, FileSystemLoader
from speed.writer import TemplateMemo, template_reads

PAGE = '{% extends "base.html" %}{% block body %}{{ article.title }}{% endblock %}'


def _theme(folder, page_text, **syntax):
    (folder / "base.html").write_text("<title>{{ SITENAME }}</title>{% block body %}{% endblock %}")
    (folder / "page.html").write_text(page_text)
    return Environment(loader=FileSystemLoader(str(folder)), **syntax)


def _build(folder, env, memo_file):
    """What one build does: load the memo, judge the page's template, save what it used."""
    known = TemplateMemo.load(memo_file)
    reads = template_reads(env.get_template("page.html"), known)
    TemplateMemo.save(memo_file, TemplateMemo.entries(known))
    return reads


def test_a_template_read_from_the_memo_reads_what_parsing_it_finds(tmp_path):
    memo_file = str(tmp_path / "memo.json")
    assert _build(tmp_path, _theme(tmp_path, PAGE), memo_file) == {"SITENAME", "article"}
    assert len(TemplateMemo.load(memo_file)) == 2  # each file, by its text
    assert _build(tmp_path, _theme(tmp_path, PAGE), memo_file) == {"SITENAME", "article"}


def test_a_template_changed_between_builds_is_parsed_again_and_its_old_text_forgotten(tmp_path):
    memo_file = str(tmp_path / "memo.json")
    _build(tmp_path, _theme(tmp_path, PAGE), memo_file)
    for number in range(3):  # each build edits the page template again
        changed = PAGE.replace("{% endblock %}", f"{{{{ related_{number} }}}}{{% endblock %}}")
        assert _build(tmp_path, _theme(tmp_path, changed), memo_file) == {"SITENAME", "article", f"related_{number}"}
    assert sorted(name for (_, name, _) in TemplateMemo.load(memo_file)) == ["base.html", "page.html"]


def test_what_the_helper_used_is_kept_and_what_neither_process_used_is_dropped(tmp_path):
    memo_file = str(tmp_path / "memo.json")
    _build(tmp_path, _theme(tmp_path, PAGE), memo_file)
    (tmp_path / "list.html").write_text('{% extends "base.html" %}{% block body %}{{ articles }}{% endblock %}')
    env = _theme(tmp_path, PAGE.replace("article.title", "article.summary"))  # the page template changed
    main = TemplateMemo.load(memo_file)
    helper = dict(main)  # forked with the memo as loaded
    template_reads(env.get_template("page.html"), main)
    template_reads(env.get_template("list.html"), helper)
    main.update(TemplateMemo.load_entries(TemplateMemo.entries(helper)))  # what the helper sends back
    saved = TemplateMemo.entries(main)
    assert sorted(name for name, *_ in saved) == ["base.html", "list.html", "page.html"]


def test_the_syntax_a_template_is_read_with_counts(tmp_path):
    memo_file = str(tmp_path / "memo.json")
    text = '{% extends "base.html" %}{% block body %}{{ article }} <% if shown %><% endif %>{% endblock %}'
    assert _build(tmp_path, _theme(tmp_path, text), memo_file) == {"SITENAME", "article"}
    other = _theme(tmp_path, text, block_start_string="<%", block_end_string="%>")
    assert "shown" in template_reads(other.get_template("page.html"), TemplateMemo.load(memo_file))


def test_a_memo_that_cannot_be_read_is_no_memo(tmp_path):
    memo = tmp_path / "memo.json"
    for text in ('{"not": "ours"}', "[" * 100_000 + "]" * 100_000, '[[1, "d", [], []], ["a", "d", [2], []]]',
                 "not json"):
        memo.write_text(text)
        assert TemplateMemo.load(str(memo)) == {}
    assert TemplateMemo.load(str(tmp_path / "missing.json")) == {}
    assert TemplateMemo.load(None) == {}
