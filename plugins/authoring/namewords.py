"""The words that tell what a capitalised name in a text is (authoring.suggestions): an
organisation's, a place, a job title, the start of a sentence, or an acronym everyone knows.

Kept apart from ``network.commonwords``, whose lists decide whether an alias of the directory is
risky: these only decide what `make check` suggests adding to it.
"""

#: Acronyms every reader knows, or words a writer shouts: never an organisation of the directory.
EVERYDAY_ACRONYMS = frozenset("""
AGM AM AOB BBC CEO CV DBS DIY DRAFT EU FAQ FYI GP HR ID II III IT IV NB NHS OK PDF PM PS QA TBA TBC TV
UK UN URL USA VAT VI VII XX
""".split())
#: A capitalised name ending in one of these is a place (a venue, an address), not an entry.
PLACE_WORDS = frozenset("Street Road Lane Avenue Square Hotel House Room Rooms Building Way Close Drive "
                        "Place Gardens Terrace Estate Park Bridge Station Hall".split())
#: A name with one of these is an organisation.
ORGANISATION_WORDS = frozenset("""
Agency Alliance Association Authority Bank Board Charity Church Clinic College Commission Committee
Company Council Department Federation Forum Foundation Fund Group Hub Institute League Mosque Network
Office Partnership Project Service Services Shelter Society Surgery Team Trust Union University
Ltd CIC Centre Center Homes Housing Academy School
""".split())
#: A name starting or ending with one of these is a job title ("Housing Options Manager").
ROLE_WORDS = frozenset("""
Adviser Advisor Advocate Assistant Caseworker Chair Chief Coordinator Councillor Deputy Director Executive
Head Lead Leader Manager Member Nurse Officer President Secretary Trustee Vice Worker
""".split())
#: Capitalised words that start a sentence more often than a name.
STARTERS = frozenset("""
A An And As At But By During Each Every For From He Her His How If In It Its Many Most Mr Mrs Ms Our Over
She So Some The Their There These They This Those To Under We What When Where Which While Who With You
Dear Members Thanks Thank Please Since Also Both All New Next Last First Welcome Item Items Date Action
""".split())
