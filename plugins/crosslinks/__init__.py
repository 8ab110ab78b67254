"""crosslinks: every person, organisation and theme is a page, and every mention finds it.

Links the names, aliases and acronyms of the directory (and, in minutes, the initials of the
meeting's people) wherever a document's text mentions them, records every mention in inverted
indexes on the network model, and writes the entity pages and their indexes.
"""

from .glue import register  # noqa: F401
