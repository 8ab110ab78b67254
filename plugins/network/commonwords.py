"""Words that are names and ordinary words at once: the build warns when a one-word alias is one.

A one-word alias of a person ("June", "Will", "Baker") is linked only in documents where the person
is present (see ``names.py``); these lists only decide whether the officer is told that the alias
is risky. They are the names a partnership's directory is likely to hold that a writer also uses
as plain words, with capitals at the start of a sentence or always (months, weekdays).
"""

MONTHS = frozenset("january february march april may june july august september october november december".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Given names, short forms and surnames that are everyday English words.
ORDINARY = frozenset("""
able ace amber angel april art ash autumn baker banks barker bell bill birch bishop black bliss
blossom bob bond bone bourne bowler brand brook brooks brown buck bush butcher butler carol carter
cash chance chase cherry church clay cliff coal cook cooper crane cross crystal dale daisy dawn day
dean dell destiny dot dove drew duke dusty earl east england faith fern field fields finch fisher
fleming ford forest fox frank free friend frost fuller gay gene ginger glen gold golden good goody
grace grant gray green grey guy hale hall hardy harmony hart hawk hay hazel heath heather hill holly
honey hope house hunter iris ivy jack jade jay jet jewel joy judge july june just keen king knight
lake lamb lance lane law lee lily lord love low lucky major march mark marsh mason master may
meadow melody merry miles mill miller mills min misty moon moore morning moss nash newman nick
north olive page paris park parker pat patience pearl penny pepper pierce pike pine piper poppy
pope porter power price prince queen rain ray read reed rich ridge rivers robin rock rocky rose
ross ruby rush rusty sage sandy savage scott sharp shaw shepherd short silver skip sky slater smith
snow sonny spark sparrow spring stark starr steel sterling stone storm street strong summer sunny
swan sweet taylor temple thatcher tiger tucker turner vale violet wade walker ward warren waters
webb west white wild will willow win winter wise wolf wood woods wren wright young
""".split())


def ordinary_kind(word: str) -> str | None:
    """'a month', 'a weekday' or 'an ordinary English word', or None."""
    lowered = word.casefold()
    if lowered in MONTHS:
        return "the name of a month"
    if lowered in WEEKDAYS:
        return "the name of a day of the week"
    if lowered in ORDINARY:
        return "an ordinary English word"
    return None
