"""network: our content format and the one model of the network.

Adds a reader for Markdown with YAML front matter, loads the directory (people, organisations,
themes), checks every document's references against it, and publishes the resulting Network
to every other plugin through the ``network_ready`` signal and ``context["network"]``. Any
content error stops the build with one report that names file, line, key and a fix.
"""

from .glue import main_writing, network_ready, register  # noqa: F401
