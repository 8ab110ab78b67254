"""Each test here breaks its own copy of the sample content (the fixture is in tests/conftest.py)."""
