"""Actions across meetings: who owns each one, which later report closes it, and the problems an
officer sees on the way. Pure: the minutes' HTML has already been read into found actions and
reports (``minutes.actions``); ``line_of`` finds the source line of words typed in the minutes.
"""

from __future__ import annotations

from network.errors import did_you_mean, did_you_mean_hint
from network.model import Action, ActionUpdate, Entity, Owner
from network.urls import to_rooted

from .actions import GROUP_OWNERS, STATUS_WORDS


class Owners:
    """Resolves the words before ' to ' in an action to people or organisations, through the
    meeting's initials, ids and the name engine (so a name means here what it means in links)."""

    def __init__(self, network, problems, replacement: str):
        self.directory, self.problems, self.replacement = network.directory, problems, replacement

    def resolve(self, word: str, document, number: int, line) -> Owner:
        """``line``: a function giving the source line, read only when a problem is reported."""
        people, organisations, initials = self.directory.people, self.directory.organisations, document.initials
        if initials.get(word) is not None:
            return Owner(word, initials[word])
        if word in initials:  # shared, or a private person's: never resolved to anyone
            holders = sorted(r.person_id for r in document.meeting.attendees()
                             if r.person_id and people[r.person_id].initials == word)
            if len(holders) < 2:
                return Owner(word)
            return self._unresolved(word, document, number, line, "which are the initials of more than one "
                                    f"person at this meeting ({', '.join(holders)})",
                                    "Write the name of the one you mean.")
        if word in people and people[word].public:
            return Owner(people[word].name, Entity("person", word))
        if word in organisations:
            return Owner(organisations[word].name, Entity("organisation", word))
        found = self.directory.names.resolve(word, ("person", "organisation"))
        if found.entity is not None and not self.directory.names.is_private(found.entity):
            return Owner(word, found.entity)
        if found.entity is not None or word == self.replacement:
            return Owner(self.replacement)
        if found.ambiguous:
            both = " and ".join(f"{e.kind} '{e.id}'" for e in found.ambiguous)
            return self._unresolved(word, document, number, line,
                                    f"which is the name of more than one entry ({both})",
                                    "Write the id of the one you mean.")
        if word.casefold() in GROUP_OWNERS or "people" in self.directory.unread:
            return Owner(word)  # (without people.yml, one problem says so, not one per owner)
        usable = [letters for letters, person in initials.items() if person is not None]
        named = self.directory.names.public_names(("person", "organisation"))
        close = did_you_mean(word, [*usable, *named])
        return self._unresolved(word, document, number, line, "who is not at this meeting or in the directory",
                                did_you_mean_hint(close, "Use the initials of someone in the meeting's lists, "
                                                  "a name or an id."))

    def _unresolved(self, word, document, number, line, why, hint) -> Owner:
        self.problems.warning(document.path, f"Action {number} names the owner '{word}', {why}, so it is shown "
                              "as written.", line=line(), key="Action", hint=hint)
        return Owner(word)


class ActionRegister:
    """The actions of every meeting read so far (meetings are added oldest first), each findable
    by its body, meeting date and number, as a later report names it."""

    def __init__(self, owners: Owners, problems, siteurl: str):
        self.owners, self.problems, self.siteurl = owners, problems, siteurl
        self.actions: list[Action] = []
        self._by_key: dict = {}

    def add_meeting(self, document, found, numbers, line_of) -> None:
        """The actions these minutes set, with their owners resolved; a number used twice is warned."""
        seen = set()
        for action, number in zip(found, numbers):
            if number in seen:
                self.problems.warning(document.path, f"there are two actions numbered {number}.",
                                      line=line_of(f"Action {number}"),
                                      hint="Number each action of a meeting once; the second keeps its number "
                                      "in the text but cannot be linked to.")
            seen.add(number)
            owners = [self.owners.resolve(word, document, number, lambda: line_of(action.text[:30]))
                      for word in action.owner_words]
            item = Action(document, number, to_rooted(action.html, document.url, self.siteurl), action.text, owners)
            document.actions.append(item)
            self.actions.append(item)
            self._by_key.setdefault((document.meeting.body, document.date.date(), number), item)
            self._by_key.setdefault((None, document.date.date(), number), item)

    def match(self, document, references, line_of) -> list[tuple]:
        """(report, the action it reports on or None) for each report in these minutes; a report's
        status is recorded on its action. Reports that match nothing, or give no status, are warned."""
        targets = []
        for reference in references:
            target = self._by_key.get((document.meeting.body, reference.meeting_date, reference.number)) or \
                self._by_key.get((None, reference.meeting_date, reference.number))
            targets.append((reference, target))
            if target is None:
                self._warn(document, reference, line_of, f"'Action {reference.number} ({reference.meeting_date})' "
                           "matches no action of an earlier meeting.", "The date in brackets is the date of the "
                           "meeting that set the action; check it and the number.")
            elif reference.status is None:
                self._warn(document, reference, line_of, f"'{reference.word}' is not a status for Action "
                           f"{reference.number} ({reference.meeting_date}); it stays open.",
                           "Start the report with one of: " + ", ".join(sorted(STATUS_WORDS)) + ".")
            else:
                target.updates.append(ActionUpdate(document, reference.word, reference.status, reference.note))
        return targets

    def _warn(self, document, reference, line_of, message: str, hint: str) -> None:
        line = line_of(f"Action {reference.number} ({reference.meeting_date}")
        self.problems.warning(document.path, message, line=line, key="Action", hint=hint)

    def by_owner(self) -> dict[Entity, list[Action]]:
        """Each person's and organisation's actions, oldest meeting first."""
        owned: dict[Entity, list[Action]] = {}
        for action in self.actions:
            for owner in action.owners:
                if owner.entity is not None:
                    owned.setdefault(owner.entity, []).append(action)
        return owned
