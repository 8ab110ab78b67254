"""What names every cache: a change to any plugin file, and nothing else, makes a new code
fingerprint (network.versions)."""

from network.versions import code_fingerprint


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
