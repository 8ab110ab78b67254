"""A deterministic synthetic corpus shaped like real partnership content, for the benchmark.

    python benchmarks/corpus.py --documents 1000 --entities 1000 --seed 7 --out benchmarks/work/c1000

Same seed, same files. Documents are updates, briefings and minutes (with attendance, initials
and numbered actions); their text names people, organisations (by name and acronym) and themes
drawn from a generated directory, among ordinary sentences.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
from datetime import date, timedelta

FIRST = ("Aisha Ben Carys Dev Elif Femi Gwen Hamza Ines Jonah Kiri Lena Malik Nia Omar Priya Quinn Rosa "
         "Sami Tamsin Umar Vera Wyn Xena Yusuf Zara Alun Bronwen Cai Dara Emeka Farah Gethin Hana Ivo "
         "Jess Kofi Leila Mateo Nell").split()
LAST = ("Abbott Baines Chowdhury Dlamini Evans Farrow Garside Hughes Iqbal Jarvis Kaur Lindqvist Mensah "
        "Nowak Okoro Pryce Quayle Rahman Sutcliffe Thorne Umeh Varga Whitely Yeboah Zielinski Armitage "
        "Brennan Castell Dobson Ellery Fenwick Greaves Haworth Ilkley Jagger Kershaw Lister Marsden "
        "Naylor Oldroyd").split()
PLACES = ("Ashby Brackenford Caldergate Dunmoor Elmswick Fellside Greystone Holmbeck Irwell Kettleby "
          "Lowfold Marrick Netherby Oxwell Pendle Quarmby Rishworth Stainland Thornfield Upperby").split()
ORG_KINDS = (("Council", "Local authority"), ("Refugee Forum", "Charity"), ("Law Centre", "Law centre"),
             ("Health Trust", "Health"), ("Housing Association", "Housing provider"),
             ("College", "Education"), ("Food Bank", "Charity"), ("Community Trust", "Funder"))
THEMES = ("housing homelessness esol employment legal-advice asylum-support destitution resettlement "
          "health children-young-people community-cohesion mental-health digital-inclusion transport "
          "hate-crime").split()
FILLER = (
    "We agreed to look again at the figures before the next round of funding.",
    "The group noted the pressure on caseworkers over the winter months.",
    "Members asked for a short paper setting out the options and their costs.",
    "Attendance at the drop-in has doubled since the spring.",
    "A volunteer rota is now in place for the evening sessions.",
    "The referral pathway will be tested with two partners before it is shared widely.",
    "Feedback from people using the service was overwhelmingly positive.",
    "There is still no date for the national guidance to be published.",
)


def _directory(rng: random.Random, entities: int):
    n_themes = min(len(THEMES), max(5, entities // 60))
    n_orgs = max(10, entities * 3 // 10)
    n_people = max(10, entities - n_orgs - n_themes)
    orgs, used = [], set()
    for i in range(n_orgs):
        place, (suffix, kind) = PLACES[i % len(PLACES)], ORG_KINDS[(i // len(PLACES)) % len(ORG_KINDS)]
        name = f"{place} {suffix}" if i < len(PLACES) * len(ORG_KINDS) else f"{place} {suffix} {i}"
        acronym = "".join(w[0] for w in name.split() if w[0].isalpha()).upper() + (str(i) if i >= 60 else "")
        if acronym in used:
            acronym = f"{acronym}{i}"
        used.add(acronym)
        orgs.append({"id": f"org-{i}", "name": name, "aliases": [acronym], "kind": kind})
    people = []
    for i in range(n_people):
        first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        name = f"{first} {last}" + ("" if i < len(FIRST) * len(LAST) else f" {i}")
        person = {"id": f"person-{i}", "name": name, "initials": f"{first[0]}{last[0]}",
                  "organisation": rng.choice(orgs)["id"], "role": "Officer"}
        if i % 10 == 3:  # a one-word alias, linked only where its person is present
            person["aliases"] = [first]
        if i % 50 == 7:  # a private person: one document in 25 types such a name, and it is withheld
            person["public"] = False
        people.append(person)
    themes = [{"id": t, "name": t.replace("-", " ").capitalize(), "aliases": [t.replace("-", " ")]}
              for t in THEMES[:n_themes]]
    return people, orgs, themes


def _yaml_list(entries) -> str:
    lines = []
    for entry in entries:
        first = True
        for key, value in entry.items():
            if isinstance(value, bool):
                text = "true" if value else "false"
            elif isinstance(value, list):
                text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
            else:
                text = f'"{value}"'
            lines.append(f"{'- ' if first else '  '}{key}: {text}")
            first = False
    return "\n".join(lines) + "\n"


def _sentence(rng, people, orgs, themes):
    person, org, theme = rng.choice(people), rng.choice(orgs), rng.choice(themes)
    org_name = org["aliases"][0] if rng.random() < 0.5 else org["name"]
    return rng.choice((
        f"{person['name']} from {org_name} reported on {theme['aliases'][0]} work this month.",
        f"I met with {org_name} to discuss {theme['aliases'][0]} and the joint bid.",
        f"{person['name']} will share the {theme['aliases'][0]} briefing with members.",
    ))


def _minutes(rng: random.Random, front: list[str], day: date, people: list[dict], named: tuple) -> list[str]:
    """A meeting of org-0: its front matter added to ``front``, and its numbered items with actions."""
    attendees = rng.sample(people, 8)
    by_initials = {}
    for person in attendees:
        by_initials.setdefault(person["initials"], person)
    front[1] = f"date: {day.isoformat()} 14:00"
    front += ["meeting:", "  body: org-0", "  venue: \"Room 1\"", '  ends: "16:00"',
              f"  chair: {attendees[0]['id']}",
              "  present: [" + ", ".join(p["id"] for p in attendees[1:6]) + "]",
              "  apologies: [" + ", ".join(p["id"] for p in attendees[6:]) + "]",
              '  next_meeting: "to be confirmed"']
    speakers = list(by_initials)
    paragraphs = []
    for item in range(1, 6):
        paragraphs.append(f"## {item}. Item {item}")
        for para in range(1, 4):
            who = rng.choice(speakers)
            paragraphs.append(f"{item}.{para} **{who}** said that {rng.choice(FILLER).lower()} "
                              + _sentence(rng, *named))
        paragraphs.append(f"**Action {item}:** {rng.choice(speakers)} to {rng.choice(FILLER).lower()}")
    return paragraphs


def _update(rng: random.Random, named: tuple) -> list[str]:
    """An update or briefing: four sections of three paragraphs."""
    paragraphs = []
    for section in range(4):
        paragraphs.append(f"## Section {section + 1}")
        for _ in range(3):
            paragraphs.append(" ".join([rng.choice(FILLER), _sentence(rng, *named),
                                        rng.choice(FILLER), _sentence(rng, *named)]))
    return paragraphs


def generate(out: str, documents: int, entities: int, seed: int = 7) -> str:
    """Write the corpus's content folder under ``out``; return its path."""
    rng = random.Random(seed)
    content = os.path.join(out, "content")
    shutil.rmtree(content, ignore_errors=True)
    for folder in ("updates", "briefings", "minutes", "pages", "directory"):
        os.makedirs(os.path.join(content, folder))
    people, orgs, themes = _directory(rng, entities)
    public = [p for p in people if p.get("public", True)]
    private = [p for p in people if not p.get("public", True)]
    for name, entries in (("people.yml", people), ("organisations.yml", orgs), ("themes.yml", themes)):
        with open(os.path.join(content, "directory", name), "w", encoding="utf-8") as handle:
            handle.write(_yaml_list(entries))
    with open(os.path.join(content, "pages", "about.md"), "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: About\n---\nA synthetic partnership for the benchmark.\n")
    start = date(2016, 1, 1)
    for i in range(documents):
        day = start + timedelta(days=i * 3650 // max(documents, 1))
        roll = rng.random()
        folder = "updates" if roll < 0.6 else "briefings" if roll < 0.85 else "minutes"
        tags = rng.sample(themes, 2)
        front = [f"title: \"{folder.capitalize()[:-1]} {i}: {tags[0]['name']}\"", f"date: {day.isoformat()}",
                 f"themes: [{tags[0]['id']}, {tags[1]['id']}]",
                 f"organisations: [{rng.choice(orgs)['id']}]"]
        if folder == "minutes":
            paragraphs = _minutes(rng, front, day, people, (public, orgs, themes))
        else:
            paragraphs = _update(rng, (public, orgs, themes))
        if private and i % 25 == 0:  # now and then a writer names someone private, and it is withheld
            paragraphs.append(f"We thank {rng.choice(private)['name']} for volunteering at the drop-in.")
        path = os.path.join(content, folder, f"{day.isoformat()}-{folder}-{i}.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(paragraphs) + "\n")
    return content


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    print(generate(args.out, args.documents, args.entities, args.seed))


def edit_one_update(content: str, size: int, sentence: str) -> str:
    """Add ``sentence`` to one update (the same one in every run); return its path."""
    updates = os.path.join(content, "updates")
    path = os.path.join(updates, sorted(os.listdir(updates))[size // 10 % 7])
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\n{sentence}\n")
    return path


if __name__ == "__main__":
    main()

