"""What names every cache: a change to any plugin file, and nothing else, makes a new code
fingerprint (network.versions)."""

from network.versions import code_fingerprint, code_of


def test_any_change_to_a_plugin_file_changes_the_fingerprint(tmp_path):
    plugins = tmp_path / "plugins"
    (plugins / "mine").mkdir(parents=True)
    module = plugins / "mine" / "helpers.py"
    module.write_text("def helper_a():\n    return 1\n")
    first = code_fingerprint([str(plugins)])
    assert code_fingerprint([str(plugins)]) == first  # the same code, the same name
    (plugins / "mine" / "__pycache__").mkdir()
    (plugins / "mine" / "__pycache__" / "helpers.cpython-311.pyc").write_bytes(b"compiled")
    assert code_fingerprint([str(plugins)]) == first  # compiled files are not code we wrote
    module.write_text("def helper_b():\n    return 1\n")
    assert code_fingerprint([str(plugins)]) != first
    (plugins / "mine" / "new.py").write_text("")
    assert code_fingerprint([str(plugins)]) not in (first, code_fingerprint([str(plugins / "mine")]))


def test_a_run_works_out_its_code_once_and_the_next_run_again(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "helpers.py").write_text("def helper_a():\n    return 1\n")
    settings = {"PLUGIN_PATHS": [str(plugins)]}
    first = code_of(settings)
    assert first == code_fingerprint([str(plugins)])
    (plugins / "helpers.py").write_text("def helper_b():\n    return 1\n")
    # This run imported the first code: it is still what builds, whatever the file says now.
    assert code_of(settings) == first
    assert code_of({"PLUGIN_PATHS": [str(plugins)]}) != first  # the next run reads its settings afresh
