"""newsletter: a monthly digest that survives every inbox, built from the same content.

One issue per month (or quarter) with published documents: the editor's note from
content/newsletters/YYYY-MM.md, the period's documents by category, meetings coming up and open
actions. Each issue is written as a web page, email.html (CSS inlined by css-inline, table
layout, Outlook conditional comments), email.txt and email.eml (multipart/alternative). The feed
newsletter/feed.xml carries each finished issue's e-mail as an RSS item, for the services that
send a feed's new items by e-mail.
"""

from .glue import register  # noqa: F401
