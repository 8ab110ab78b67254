"""What a template reads, kept between builds by the template's text (speed.writer.TemplateMemo):
a template changed since is parsed again, so a page never misses a variable it now shows."""

from jinja2 import Environment, FileSystemLoader
from speed.writer import TemplateMemo, template_reads


def _theme(folder, page_text):
    (folder / "base.html").write_text("<title>{{ SITENAME }}</title>{% block body %}{% endblock %}")
    (folder / "page.html").write_text(page_text)
    return Environment(loader=FileSystemLoader(str(folder)))


def test_a_template_read_from_the_memo_reads_what_parsing_it_finds(tmp_path):
    env = _theme(tmp_path, '{% extends "base.html" %}{% block body %}{{ article.title }}{% endblock %}')
    parsed: dict = {}
    assert template_reads(env.get_template("page.html"), parsed) == {"SITENAME", "article"}
    memo_file = str(tmp_path / "memo.json")
    TemplateMemo.save(memo_file, TemplateMemo.entries(parsed))
    kept = TemplateMemo.load(memo_file)
    assert len(kept) == 2  # each file, by its text
    assert template_reads(_theme(tmp_path, (tmp_path / "page.html").read_text()).get_template("page.html"),
                          kept) == {"SITENAME", "article"}


def test_a_template_changed_since_is_parsed_again_and_its_old_text_forgotten(tmp_path):
    env = _theme(tmp_path, '{% extends "base.html" %}{% block body %}{{ article.title }}{% endblock %}')
    parsed: dict = {}
    template_reads(env.get_template("page.html"), parsed)
    kept = TemplateMemo.load_entries(TemplateMemo.entries(parsed))
    env = _theme(tmp_path, '{% extends "base.html" %}{% block body %}{{ article.title }} {{ related }}{% endblock %}')
    assert template_reads(env.get_template("page.html"), kept) == {"SITENAME", "article", "related"}
    assert sorted(name for name, *_ in TemplateMemo.entries(kept)) == ["base.html", "page.html"]


def test_a_memo_that_cannot_be_read_is_no_memo(tmp_path):
    (tmp_path / "memo.json").write_text('{"not": "ours"}')
    assert TemplateMemo.load(str(tmp_path / "memo.json")) == {}
    assert TemplateMemo.load(str(tmp_path / "missing.json")) == {}
    assert TemplateMemo.load(None) == {}
