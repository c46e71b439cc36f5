"""Word lists the geoparser consults to recognise and resolve place names.

Months, titles, name heads, features, free preceders, generic words, locatives and demonyms.
"""

from __future__ import annotations

from geo.places.names import ADMIN1_SUFFIXES, normalize

__all__ = [
    "ADMIN2_WORDS",
    "COMMUNITY_HEADS",
    "DEMONYMS",
    "FEATURE_WORDS",
    "FIRST_NAMES",
    "FREE_PRECEDERS",
    "GENERIC_WORDS",
    "GOVERNMENT_VERBS",
    "LOCATIVES",
    "MEDIA_HEADS",
    "MONTHS_WEEKDAYS",
    "ORG_HEADS",
    "PLACE_HEADS",
    "PLURAL_ADMIN2_HEADS",
    "PLURAL_UNIT_HEADS",
    "RESIDENT_NOUNS",
    "SETTLEMENT_WORDS",
    "STREET_ABBREVIATIONS",
    "STREET_WORDS",
    "THEATRE",
    "TITLES",
    "US_STATE_ABBREVIATIONS",
]

MONTHS_WEEKDAYS = frozenset(
    normalize(w)
    for w in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Christmas",
        "Easter",
        "січень",
        "лютий",
        "березень",
        "квітень",
        "травень",
        "червень",
        "липень",
        "серпень",
        "вересень",
        "жовтень",
        "листопад",
        "грудень",
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ]
)
# Words before a name that make it a person ("President Putin", "Gen. Syrskyi").
TITLES = frozenset(
    [
        "president",
        "presidents",
        "minister",
        "ministers",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "maj",
        "major",
        "sgt",
        "capt",
        "captain",
        "adm",
        "admiral",
        "commander",
        "chancellor",
        "secretary",
        "senator",
        "rep",
        "representative",
        "governor",
        "mayor",
        "premier",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sir",
        "lord",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "chief",
        "director",
        "ceo",
        "judge",
        "deputy",
        "lieutenant",
        "marshal",
        "patriarch",
        "metropolitan",
        "father",
        "saint",
    ]
)
# Capitalised words that may follow a place name without making it an organisation.
PLACE_HEADS = frozenset(
    [
        *ADMIN1_SUFFIXES,
        "oblasts",
        "regions",
        "provinces",
        "governor",
        "mayor",
        "regional",
        "military",
        "administration",
        "city",
        "council",
        "district",
        "districts",
        "raion",
        "raions",
        "okrug",
        "front",
        "direction",
        "axis",
        "sector",
        # OCHA's "Viroliubivka Village", "Kostiantynivka Town": the unit after the name
        "town",
        "village",
        # "in the Krasnohorivka area", "the Krasnohorivka and Vodiane areas" (bulletins)
        "area",
        "areas",
        # "the Lyman and Kupiansk directions": front sectors of a bulletin's list
        "fronts",
        "directions",
        "axes",
        "sectors",
        "offensive",
        "counteroffensive",
        "incursion",
        "operation",
        "border",
        "outskirts",
        "region's",
        "authorities",
        "officials",
        "residents",
        "airport",
        "port",
        "station",
        "railway",
        "bridge",
        "peninsula",
        "forest",
        "forests",
        "woods",
        "hub",
        "corridor",
        "mountains",
        "sea",
        "coast",
        "area",
        "metropolitan",
        "heights",
        "state",
        "county",
        "municipality",
        "hromada",
        # "the Marhanets community", "the Nikopol and Pokrovske communities": English for a
        # hromada, named after its seat
        "community",
        "communities",
        "krai",
        "okrug",
    ]
)
# Words after a name that make it a feature or a unit named after the place, not the place:
# "the Dnipro River", "the Kakhovka dam", "the Azov brigade".
FEATURE_WORDS = frozenset(
    "river rivers canal dam reservoir lake brigade brigades regiment battalion battalions "
    "division corps group steelworks agreement agreements accords format protocol".split()
)
# Words before a name that do not make it part of a longer proper name.
FREE_PRECEDERS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "at",
        "of",
        "from",
        "to",
        "near",
        "into",
        "toward",
        "towards",
        "outside",
        "inside",
        "across",
        "and",
        "or",
        "but",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "occupied",
        "liberated",
        "annexed",
        "russian-occupied",
        "ukrainian-controlled",
        "russian",
        "ukrainian",
        "neighbouring",
        "neighboring",
        "nearby",
    ]
)
# Ukrainian and Russian prepositions, which start many sentences ("У Покровську ...").
FREE_PRECEDERS |= frozenset(
    normalize(w)
    for w in "у в во на під біля поблизу з із від до через за над поруч под возле около из от "
    "после".split()
)
# Admin-1 units of some countries are named by plain adjectives (Ghana's "Western", Zambia's
# "Central"); as words they are far more common than as places.
GENERIC_WORDS = frozenset(
    [
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "capital",
        "coast",
        "coastal",
        "lake",
        "lakes",
        "upper",
        "lower",
        "middle",
        "centre",
        "center",
        "interior",
        "island",
        "islands",
        "mountain",
        "valley",
        "plateau",
        "federal",
        "national",
        "far",
        "city",  # the City of London's short name; in local news, "City Council"
        "gulf",  # Papua New Guinea's Gulf Province; in news, the Persian Gulf or a gulf
    ]
)
# Prepositions that introduce a place: "in Nice", "near Most" (where the word alone would not).
LOCATIVES = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "toward",
        "towards",
        "outside",
        "around",
        "across",
        "via",
        "of",
    ]
)
# The theatre this product is built for (a small prior in resolution, and where near-spellings
# and a settlement's other spellings count).
THEATRE = frozenset(["UA", "RU"])
# A town this big is what its bare name means unless the text says otherwise (a village of the
# same name, an old name): the threshold of "a big town" wherever resolution asks.
BIG_TOWN = 100_000
# The last word of an admin-2 unit's full name ("Laurel County", "Rapides Parish").
ADMIN2_WORDS = frozenset(
    ["county", "parish", "borough", "raion", "district", "hromada", "community", "okrug"]
)
SETTLEMENT_WORDS = frozenset(
    ["city", "town", "village", "settlement", "hamlet", "urban-type", "suburb", "township"]
)
DEMONYMS = {
    "ukrainian": "UA",
    "ukrainians": "UA",
    "russian": "RU",
    "russians": "RU",
    "belarusian": "BY",
    "belarusians": "BY",
    "moldovan": "MD",
    "georgian": "GE",
    "polish": "PL",
    "turkish": "TR",
    "american": "US",
    "americans": "US",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "chinese": "CN",
    "iranian": "IR",
    "north korean": "KP",
    "українськ": "UA",
    "російськ": "RU",
    "украинск": "UA",
    "российск": "RU",
}

# Capitalised words that end the name of an organisation, unit, outlet or event, so a place
# name before them ("Luhansk Operational Tactical Group", "Athens Police Department", "Kyiv
# Independent") or after "of" ("University of Alberta") is embedded, not the place itself.
ORG_HEADS = frozenset(
    normalize(w)
    for w in """
    university universities college academy school institute institution museum library
    hospital clinic church cathedral monastery mosque synagogue police department sheriff
    ministry agency service office bureau commission committee council parliament assembly
    duma rada senate congress court tribunal embassy consulate mission government
    administration authority authorities corporation company group holding bank fund
    exchange airlines airways railways railway energy gas oil power telecom
    times post press herald tribune journal gazette daily news independent pravda truth
    telegraph guardian observer chronicle review radio television tv channel broadcasting
    forum conference summit festival games olympics marathon cup league club fc united
    symphony orchestra theatre theater opera ballet zoo brigade brigades regiment battalion
    division corps army navy fleet guard guards forces command operational tactical
    project projects association associations corp inc co foundation society center centre
    alliance federation network partners partnership chamber board trust educators teachers
    workers veterans coalition institute cooperative district schools hospitals clinics
    house legislature airport airports services systems industries
    """.split()
)

# Verbs after a country or capital that make it stand for its government: "Kyiv said",
# "Moscow denied", "Washington imposed sanctions", and its stance: "Kyiv celebrated the
# withdrawal as a victory", "Moscow confirmed the pull-out".
GOVERNMENT_VERBS = frozenset(
    """
    said says say announced announces denied denies accused accuses warned warns rejected
    rejects claimed claims insisted insists demanded demands urged urges condemned condemns
    threatened threatens responded responds retaliated agreed agrees signed signs refused
    refuses wants wanted plans planned hopes hoped believes believed sanctioned imposed
    recognised recognized pledged promised offered approved blamed blames vowed vows
    expelled summoned proposed proposes called calls welcomed welcomes protested
    celebrated celebrates hailed hails praised praises thanked thanks dismissed dismisses
    denounced denounces criticised criticized criticises criticizes slammed slams
    confirmed confirms admitted admits acknowledged acknowledges
    """.split()
)

# Common given names in the reporting (English, Ukrainian, Russian, in their usual Latin
# spellings). A capitalised word after one is a surname, even in a byline or headline where
# capitals say little: "Daria Koval", "Olena Belova".
FIRST_NAMES = frozenset(
    normalize(w)
    for w in """
    aleksandr aleksei alexander alexandra alexei alexey alina alla anastasia anastasiia anatoliy
    andrei andrew andrii andriy andriy anna anton antonina artem arseniy bohdan boris borys
    dana daria dariya darya denis denys dmitri dmitry dmytro eduard elena elizaveta evgeny
    fedir fyodor galina gennady georgiy halyna hanna heorhiy ihor igor ilya inna irina iryna
    ivan kateryna katerina kira konstantin kostiantyn kseniia ksenia larysa leonid lesia liudmyla
    lyudmila maksym maria mariia marina maryna maxim mikhail mykhailo mykola natalia natalya
    nataliia nikita nikolai nina oksana oleg oleh oleksandr oleksandra oleksii oleksiy olena
    olga olha pavel pavlo petro petr petro polina roman ruslan serhii serhiy sergei sergey
    sofia stanislav svetlana svitlana taras tetiana tatiana tatyana valentyn valeriy vasyl
    vasily viktor viktoria viktoriia vitali vitaliy vitalii vladimir vladyslav volodymyr
    vyacheslav yana yaroslav yevhen yevgeny yulia yuliia yuri yuriy zoya
    adam alan albert alice amanda amy andrea angela anne anthony barbara ben benjamin brian
    carl carol catherine chad charles charlotte chris christian christine christopher daniel david
    deborah dennis donald dorothy edward elizabeth emily emma eric frank gary george gregory
    harry helen henry jack james jane janet jason jeff jeffrey jennifer jessica joe john
    jonathan joseph joshua julia justin karen kate kathleen kenneth kevin larry laura linda
    lisa lloyd margaret mark martha mary matthew michael michelle nancy nicholas patricia paul
    peter rachel rebecca richard robert ronald ryan sam samuel sandra sarah scott sharon
    stephen steven susan thomas timothy tom tony victoria walter william
    aaron adrian alex alexis andy angel arthur barry beth betty bill billy bob bobby brad
    bradley brandon brenda bruce bryan carlos chuck cindy claire colin craig dale dan danny
    darren dave derek diane don doug douglas dylan ed eddie ellen evan felix fred gavin
    gordon graham greg hannah heather ian jake jamie jared jean jenny jerry jesse jill jim
    jimmy joan joel jon jose josh juan judy karl katie keith kelly ken kim kyle
    leah lee leo liam lucas luis luke manuel marco marcus maria mario marty matt megan
    melissa mike miles mitch molly nathan neil nick noah oliver owen pam pat patrick phil
    philip ralph randy ray rick rob robin rod roger ron ross roy russell ruth sally sean
    seth shane simon stan steve stuart ted terry tim todd travis trevor troy vince wayne
    wendy zach
    """.split()
)

# Plural unit words after a list of names make every name in it a unit: "Donetsk and Luhansk
# oblasts", "the Kherson, Zaporizhzhia and Donetsk regions".
PLURAL_UNIT_HEADS = frozenset(["oblasts", "regions", "provinces", "states"])
# The same for admin-2 units, each plural with the word that makes a name a unit: "Sudzhansky
# and Korenevsky districts" are the Sudzhansky district and the Korenevsky district.
# A hromada's head words after its seat's or its own name: "the X community", "the Y hromada".
COMMUNITY_HEADS = frozenset(["community", "communities", "hromada"])
PLURAL_ADMIN2_HEADS = {
    "districts": "district",
    "raions": "raion",
    "hromadas": "hromada",
    "communities": "community",
    "okrugs": "okrug",
    "counties": "county",
    "parishes": "parish",
    "boroughs": "borough",
}

# US states as newspapers abbreviate them after a town ("Long Island, N.Y.", "Raleigh, N.C.",
# "Pasadena, Calif."; AP style, and USPS codes): only read so after "Town, ".
US_STATE_ABBREVIATIONS = {
    **{
        a: code
        for code, forms in {
            "AL": "Ala", "AZ": "Ariz", "AR": "Ark", "CA": "Calif", "CO": "Colo", "CT": "Conn",
            "DE": "Del", "FL": "Fla", "GA": "Ga", "IL": "Ill", "IN": "Ind", "KS": "Kan Kans",
            "KY": "Ky", "LA": "La", "MD": "Md", "MA": "Mass", "MI": "Mich", "MN": "Minn",
            "MS": "Miss", "MO": "Mo", "MT": "Mont", "NE": "Neb Nebr", "NV": "Nev",
            "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
            "OK": "Okla", "OR": "Ore", "PA": "Pa", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
            "TN": "Tenn", "TX": "Tex", "VT": "Vt", "VA": "Va", "WA": "Wash", "WV": "W.Va",
            "WI": "Wis", "WY": "Wyo",
        }.items()
        for a in forms.split()
    },
}  # fmt: skip

# The last word of a street's name ("Orchard Street", "Governors Parkway"). Not "Way" or
# "Court": "United Way", "Supreme Court" are organisations.
STREET_WORDS = frozenset(
    "street avenue road drive boulevard lane parkway highway pike trail terrace".split()
)
# Written with a full stop after a name ("Orchard St., Alexandria"); before one, "St." is a
# saint ("St. Louis").
STREET_ABBREVIATIONS = frozenset("st ave rd blvd ln pkwy hwy dr".split())

# Heads of names of newspapers, agencies and broadcasters: their town's name is the famous
# one whatever the story is about ("New York Times" in a story about Kharkiv).
MEDIA_HEADS = frozenset(
    normalize(w)
    for w in """
    times post press herald tribune journal gazette daily news independent pravda truth
    telegraph guardian observer chronicle review radio television tv channel broadcasting
    """.split()
)

# Nouns a town's name modifies in local news ("Charleston police", "Gainesville residents"):
# after one, a capitalised word opening a sentence is the town, not a common word.
RESIDENT_NOUNS = frozenset(
    """
    police officers officials residents resident man woman men women teen boy girl family
    families mayor council commissioners firefighters deputies schools businesses leaders
    voters native natives area
    """.split()
)
