"""minutes: what a meeting decided, who owes what, and what comes next.

Renders the `meeting:` block of minutes as a header with attendance; finds numbered actions and
later reports on them ("Action 3 (2024-06-12): done"); writes the actions register (/actions/),
the meetings page (/meetings/) and iCalendar files of the meetings of the last twelve months and
the next ones (/meetings.ics, and one per body: /meetings/<body>.ics); and
fills the model with who attended which meeting and who owns which action.
"""

from .glue import register  # noqa: F401
