"""network: our content format and the one model of the network.

Adds a reader for Markdown with YAML front matter, loads the directory (people, organisations,
themes), checks every document's references against it, withholds private names, and makes the
one Network model every other plugin reads (``assemble.build_model``, called by the pipeline).
Also holds what every plugin shares: what a build knows (``build``), the description of a page
(``pages``) and the base of the generators that describe them (``generator``). Any content error
stops the build with one report that names file, line, key and a fix.
"""

from .glue import register  # noqa: F401
