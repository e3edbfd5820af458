//! Hand-written TSV parsing for the three gazetteer files: the places file has ~170k rows and
//! must load within the crate's start-up budget, so rows are split in place and only the kept
//! strings are allocated.

use std::io::Read;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use super::{Country, CountryCode, Gazetteer, GazetteerError, PlaceEntry, Region, RowProblem};

pub(super) struct Source<'a> {
    file: String,
    text: &'a str,
}

impl<'a> Source<'a> {
    pub(super) fn new(file: &str, text: &'a str) -> Source<'a> {
        Source {
            file: file.to_owned(),
            text,
        }
    }
}

pub(super) fn read_all(file: &str, mut r: impl Read) -> Result<Vec<u8>, GazetteerError> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(|e| read_error(file, e))?;
    Ok(bytes)
}

fn read_error(file: &str, e: std::io::Error) -> GazetteerError {
    GazetteerError::Read {
        file: file.to_owned(),
        source: Arc::new(e),
    }
}

/// UTF-8 check that reports the line of the first bad byte.
pub(super) fn utf8(file: &str, bytes: Vec<u8>) -> Result<String, GazetteerError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        GazetteerError::NotUtf8 {
            file: file.to_owned(),
            line,
        }
    })
}

/// Calls `f` for each data row of `text` split into exactly `N` TAB-separated fields, skipping
/// comment (`#`) and blank lines and dropping a trailing CR (files edited on Windows); returns
/// the number of newlines seen. One memchr pass over TAB and LF for the whole text: the places
/// file has ~1.5M fields, and per-line, per-field searching was a third of its load time.
fn rows<'t, const N: usize>(
    file: &str,
    text: &'t str,
    first_line: usize,
    mut f: impl FnMut(Row<'_>, [&'t str; N]) -> Result<(), GazetteerError>,
) -> Result<usize, GazetteerError> {
    let bytes = text.as_bytes();
    let mut fields = [""; N];
    let mut k = 0; // TABs seen on this line
    let mut line = first_line;
    let mut line_start = 0;
    let mut field_start = 0;
    let mut skip = bytes.first() == Some(&b'#');
    let mut end_line = |line: usize,
                        field_start: usize,
                        end: usize,
                        k: usize,
                        fields: &mut [&'t str; N]|
     -> Result<(), GazetteerError> {
        let row = Row { file, line };
        // TAB, LF and CR are ASCII, so every cut below is on a character boundary.
        let last = text.get(field_start..end).unwrap_or("");
        let last = last.strip_suffix('\r').unwrap_or(last);
        if k == 0 && last.is_empty() {
            return Ok(());
        }
        if k + 1 != N {
            return Err(row.err(RowProblem::FieldCount {
                expected: N,
                found: k + 1,
            }));
        }
        fields[N - 1] = last;
        f(row, *fields)
    };
    for pos in memchr::memchr2_iter(b'\t', b'\n', bytes) {
        if bytes[pos] == b'\t' {
            if !skip {
                if k + 1 < N {
                    fields[k] = text.get(field_start..pos).unwrap_or("");
                }
                k += 1;
                field_start = pos + 1;
            }
            continue;
        }
        if !skip {
            end_line(line, field_start, pos, k, &mut fields)?;
        }
        line += 1;
        line_start = pos + 1;
        field_start = pos + 1;
        k = 0;
        skip = bytes.get(pos + 1) == Some(&b'#');
    }
    if !skip && line_start < bytes.len() {
        end_line(line, field_start, bytes.len(), k, &mut fields)?;
    }
    Ok(line - first_line)
}

/// One row being read, for error reporting.
struct Row<'f> {
    file: &'f str,
    line: usize,
}

impl Row<'_> {
    fn err(&self, problem: RowProblem) -> GazetteerError {
        GazetteerError::BadRow {
            file: self.file.to_owned(),
            line: self.line,
            problem,
        }
    }

    fn bad(&self, column: &'static str, value: &str, what: &'static str) -> GazetteerError {
        self.err(RowProblem::BadValue {
            column,
            value: value.to_owned(),
            what,
        })
    }

    fn required<'l>(&self, column: &'static str, v: &'l str) -> Result<&'l str, GazetteerError> {
        // Trimming only when the first byte is blank keeps this off the places' hot path.
        let blank_start = v.as_bytes().first().is_none_or(u8::is_ascii_whitespace);
        if blank_start && v.trim().is_empty() {
            Err(self.err(RowProblem::Empty { column }))
        } else {
            Ok(v)
        }
    }

    fn u32(&self, column: &'static str, v: &str) -> Result<u32, GazetteerError> {
        v.parse()
            .map_err(|_| self.bad(column, v, "non-negative integer"))
    }

    fn opt_u32(&self, column: &'static str, v: &str) -> Result<Option<u32>, GazetteerError> {
        if v.is_empty() {
            Ok(None)
        } else {
            self.u32(column, v).map(Some)
        }
    }

    fn coord(&self, column: &'static str, v: &str, limit: f64) -> Result<f64, GazetteerError> {
        match short_decimal(v).map_or_else(|| v.parse::<f64>(), Ok) {
            Ok(x) if x.is_finite() && x.abs() <= limit => Ok(x),
            _ => Err(self.bad(column, v, "coordinate")),
        }
    }

    fn opt_coord(
        &self,
        column: &'static str,
        v: &str,
        limit: f64,
    ) -> Result<Option<f64>, GazetteerError> {
        if v.is_empty() {
            Ok(None)
        } else {
            self.coord(column, v, limit).map(Some)
        }
    }

    fn code(&self, column: &'static str, v: &str) -> Result<CountryCode, GazetteerError> {
        CountryCode::new(v).ok_or_else(|| self.bad(column, v, "three-letter code"))
    }
}

/// Parses plain decimals of at most 15 digits ("-7.97522") exactly as `str::parse::<f64>` does,
/// several times faster; anything else (exponents, longer numbers) gives `None` for the general
/// parser. Coordinates are a quarter of the places file, and the general parser was one of the
/// largest costs of loading it.
fn short_decimal(v: &str) -> Option<f64> {
    // Exact powers of ten: dividing an exact integer mantissa by one is a single correctly
    // rounded operation, so the result is the double nearest the decimal, as `parse` gives.
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, digits) = match v.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    let (int, frac) = match digits.iter().position(|&c| c == b'.') {
        Some(dot) => (&digits[..dot], &digits[dot + 1..]),
        None => (digits, &digits[..0]),
    };
    let has_dot = int.len() != digits.len();
    if (has_dot && frac.is_empty()) || int.len() + frac.len() > 15 || digits.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    for &c in int.iter().chain(frac) {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(d);
    }
    // `mantissa` < 10^15 < 2^53: exact as a double.
    let x = mantissa as f64 / POW10[frac.len()];
    Some(if negative { -x } else { x })
}

fn list(v: &str) -> Vec<String> {
    v.split('|')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn opt_string(v: &str) -> Option<String> {
    (!v.is_empty()).then(|| v.to_owned())
}

fn too_many(file: &str, what: &'static str, max: u64) -> GazetteerError {
    GazetteerError::TooMany {
        file: file.to_owned(),
        what,
        max,
    }
}

struct CountryTables {
    countries: Vec<Country>,
    by_iso3: FxHashMap<CountryCode, u16>,
    by_iso2: FxHashMap<[u8; 2], u16>,
    by_cameo: FxHashMap<CountryCode, u16>,
}

fn parse_countries(src: &Source<'_>) -> Result<CountryTables, GazetteerError> {
    let file = src.file.as_str();
    let mut countries = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut by_iso3 = FxHashMap::default();
    let mut by_iso2 = FxHashMap::default();
    rows::<16>(file, src.text, 1, |row, fields| {
        let [iso2, iso3, name, official, aliases, adjectives, people, capital, capital_id, capital_lat, capital_lon, lat, lon, geonames_id, cameo, legacy] =
            fields;
        let line = row.line;
        let idx = u16::try_from(countries.len())
            .map_err(|_| too_many(file, "countries", u64::from(u16::MAX) + 1))?;
        let iso2_key = match iso2.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => [a, b],
            _ => return Err(row.bad("iso2", iso2, "two-letter upper-case code")),
        };
        let code = row.code("iso3", iso3)?;
        if code != iso3 {
            return Err(row.bad("iso3", iso3, "three-letter upper-case code"));
        }
        if let Some(&first) = by_iso3.get(&code) {
            return Err(row.err(RowProblem::Duplicate {
                what: "iso3",
                value: iso3.to_owned(),
                first_line: lines[usize::from(first)],
            }));
        }
        if let Some(&first) = by_iso2.get(&iso2_key) {
            return Err(row.err(RowProblem::Duplicate {
                what: "iso2",
                value: iso2.to_owned(),
                first_line: lines[usize::from(first)],
            }));
        }
        by_iso3.insert(code, idx);
        by_iso2.insert(iso2_key, idx);
        let cameo = opt_string(cameo);
        let cameo_legacy = list(legacy);
        for c in cameo.iter().chain(&cameo_legacy) {
            row.code("cameo", c)?;
        }
        countries.push(Country {
            iso2: iso2.to_owned(),
            iso3: iso3.to_owned(),
            name: row.required("name", name)?.to_owned(),
            official_name: if official.is_empty() { name } else { official }.to_owned(),
            aliases: list(aliases),
            adjectives: list(adjectives),
            people: list(people),
            capital: opt_string(capital),
            capital_geonames_id: row.opt_u32("capital_geonames_id", capital_id)?,
            capital_lat: row.opt_coord("capital_lat", capital_lat, 90.0)?,
            capital_lon: row.opt_coord("capital_lon", capital_lon, 180.0)?,
            lat: row.opt_coord("lat", lat, 90.0)?,
            lon: row.opt_coord("lon", lon, 180.0)?,
            geonames_id: row.opt_u32("geonames_id", geonames_id)?,
            cameo,
            cameo_legacy,
        });
        lines.push(line);
        Ok(())
    })?;
    // ISO codes first, so a CAMEO code can never shadow a country's own ISO code.
    let mut by_cameo: FxHashMap<CountryCode, u16> = by_iso3.clone();
    for (i, c) in countries.iter().enumerate() {
        let idx = u16::try_from(i).unwrap_or(u16::MAX);
        for code in c.cameo.iter().chain(&c.cameo_legacy) {
            let Some(key) = CountryCode::new(code) else {
                continue; // validated above
            };
            match by_cameo.get(&key) {
                Some(&other) if other != idx => {
                    return Err(GazetteerError::BadRow {
                        file: file.to_owned(),
                        line: lines[i],
                        problem: RowProblem::Duplicate {
                            what: "CAMEO code",
                            value: code.clone(),
                            first_line: lines[usize::from(other)],
                        },
                    });
                }
                _ => {
                    by_cameo.insert(key, idx);
                }
            }
        }
    }
    Ok(CountryTables {
        countries,
        by_iso3,
        by_iso2,
        by_cameo,
    })
}

fn parse_regions(
    src: &Source<'_>,
    by_iso3: &FxHashMap<CountryCode, u16>,
) -> Result<Vec<Region>, GazetteerError> {
    let file = src.file.as_str();
    let mut regions = Vec::new();
    rows::<9>(file, src.text, 1, |row, fields| {
        let [country, admin1, iso_code, name, kind, aliases, geonames_id, lat, lon] = fields;
        let code = row.code("country", country)?;
        if !by_iso3.contains_key(&code) {
            return Err(row.err(RowProblem::UnknownCountry(country.to_owned())));
        }
        if u32::try_from(regions.len()).is_err() {
            return Err(too_many(file, "regions", u64::from(u32::MAX)));
        }
        regions.push(Region {
            name: row.required("name", name)?.to_owned(),
            aliases: list(aliases),
            country: code,
            admin1: admin1.to_owned(),
            iso_code: opt_string(iso_code),
            kind: opt_string(kind),
            geonames_id: row.opt_u32("geonames_id", geonames_id)?,
            lat: row.opt_coord("lat", lat, 90.0)?,
            lon: row.opt_coord("lon", lon, 180.0)?,
        });
        Ok(())
    })?;
    Ok(regions)
}

/// The places of one stretch of the file (a gzip member, or the whole file).
struct Chunk {
    places: Vec<PlaceEntry>,
    /// Line of each place within the stretch, for duplicate-id errors found after merging.
    lines: Vec<u32>,
    /// Newlines in the stretch: how far the next stretch's line numbers are shifted.
    newlines: usize,
}

impl Chunk {
    fn with_capacity(rows: usize) -> Chunk {
        Chunk {
            places: Vec::with_capacity(rows),
            lines: Vec::with_capacity(rows),
            newlines: 0,
        }
    }

    /// Parses whole lines of text that follow what the chunk has read so far.
    fn parse(
        &mut self,
        file: &str,
        text: &str,
        by_iso3: &FxHashMap<CountryCode, u16>,
    ) -> Result<(), GazetteerError> {
        let (places, lines) = (&mut self.places, &mut self.lines);
        let newlines = rows::<9>(file, text, self.newlines + 1, |row, fields| {
            let [id, name, ascii, alternates, lat, lon, country, admin1, population] = fields;
            let geonames_id = row.u32("geonames_id", id)?;
            let name = row.required("name", name)?;
            let code = row.code("country", country)?;
            if !by_iso3.contains_key(&code) {
                return Err(row.err(RowProblem::UnknownCountry(country.to_owned())));
            }
            let lat = row.coord("lat", lat, 90.0)?;
            let lon = row.coord("lon", lon, 180.0)?;
            let population = if population.is_empty() {
                0
            } else {
                row.u32("population", population)?
            };
            let place = PlaceEntry::from_parts(
                geonames_id,
                [name, ascii, alternates, admin1],
                lat,
                lon,
                code,
                population,
            )
            .ok_or_else(|| row.bad("alternates", "(64 KiB or more)", "place row length"))?;
            places.push(place);
            lines.push(u32::try_from(row.line).unwrap_or(u32::MAX));
            Ok(())
        })?;
        self.newlines += newlines;
        Ok(())
    }
}

/// Reads places from a stream in blocks, parsing each block's complete lines while they are
/// still in cache: inflating the whole file first and parsing after would page in and zero
/// 12 MB of fresh memory for nothing. Line numbers count from the stream's start.
fn parse_place_stream(
    file: &str,
    mut input: impl Read,
    size_hint: usize,
    by_iso3: &FxHashMap<CountryCode, u16>,
) -> Result<Chunk, GazetteerError> {
    const BLOCK: usize = 256 * 1024;
    // ~70 bytes a row; reserving avoids regrowth copies of a 10 MB vector.
    let mut chunk = Chunk::with_capacity(size_hint / 64);
    let mut buf = vec![0u8; BLOCK];
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            // A line longer than the buffer: let it grow to hold the whole line.
            buf.resize(buf.len() * 2, 0);
        }
        let n = loop {
            match input.read(&mut buf[filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_error(file, e)),
            }
        };
        filled += n;
        let end = if n == 0 {
            filled
        } else {
            match memchr::memrchr(b'\n', &buf[..filled]) {
                Some(at) => at + 1,
                None => continue,
            }
        };
        let text = std::str::from_utf8(&buf[..end]).map_err(|e| {
            let before = &buf[..e.valid_up_to()];
            GazetteerError::NotUtf8 {
                file: file.to_owned(),
                line: chunk.newlines + 1 + memchr::memchr_iter(b'\n', before).count(),
            }
        })?;
        chunk.parse(file, text, by_iso3)?;
        buf.copy_within(end..filled, 0);
        filled -= end;
        if n == 0 {
            return Ok(chunk);
        }
    }
}

/// Moves an error's line numbers from stretch-relative to file-relative.
fn shift_lines(e: GazetteerError, by: usize) -> GazetteerError {
    match e {
        GazetteerError::BadRow {
            file,
            line,
            problem,
        } => GazetteerError::BadRow {
            file,
            line: line + by,
            problem: match problem {
                RowProblem::Duplicate {
                    what,
                    value,
                    first_line,
                } => RowProblem::Duplicate {
                    what,
                    value,
                    first_line: first_line + by,
                },
                other => other,
            },
        },
        GazetteerError::NotUtf8 { file, line } => GazetteerError::NotUtf8 {
            file,
            line: line + by,
        },
        other => other,
    }
}

/// Byte ranges of the gzip members listed in the first header's "GR" extra subfield (written
/// by scripts/gen-gazetteer.py), or `None` for any other input, which is then read in one
/// piece. Every range is checked to start like a gzip member; a wrong index cannot cause
/// wrong data, only a decompression error, since each member carries its own CRC.
fn member_ranges(bytes: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    const FEXTRA: u8 = 0x04;
    if bytes.len() < 12 || bytes[..3] != [0x1f, 0x8b, 8] || bytes[3] & FEXTRA == 0 {
        return None;
    }
    let xlen = usize::from(u16::from_le_bytes([bytes[10], bytes[11]]));
    let mut extra = bytes.get(12..12 + xlen)?;
    while extra.len() >= 4 {
        let len = usize::from(u16::from_le_bytes([extra[2], extra[3]]));
        let data = extra.get(4..4 + len)?;
        if extra[..2] == *b"GR" {
            let word = |k: usize| -> Option<usize> {
                let b = data.get(4 * k..4 * k + 4)?;
                usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
            };
            let n = word(0)?;
            if n == 0 || data.len() != 4 * (n + 1) {
                return None;
            }
            let mut starts = (1..=n).map(word).collect::<Option<Vec<usize>>>()?;
            starts.push(bytes.len());
            if starts[0] != 0 {
                return None;
            }
            let mut ranges = Vec::with_capacity(n);
            for w in starts.windows(2) {
                let ok = w[0] < w[1] && bytes.get(w[0]..w[0] + 3) == Some(&[0x1f, 0x8b, 8][..]);
                if !ok {
                    return None;
                }
                ranges.push(w[0]..w[1]);
            }
            return Some(ranges);
        }
        extra = &extra[4 + len..];
    }
    None
}

/// Parses the places file (plain or gzip) into chunks in file order. A gzip file with a member
/// index is inflated and parsed on one worker per core, each taking every n-th member, so a
/// 2-core machine does not juggle more threads than it has.
fn place_chunks(
    file: &str,
    bytes: &[u8],
    by_iso3: &FxHashMap<CountryCode, u16>,
) -> Vec<Result<Chunk, GazetteerError>> {
    // Text deflates about 2.4:1 here.
    let inflated_size = |n: usize| n.saturating_mul(5) / 2;
    let ranges = match member_ranges(bytes) {
        Some(ranges) if ranges.len() > 1 => ranges,
        _ if bytes.starts_with(&[0x1f, 0x8b]) => {
            let input = flate2::bufread::MultiGzDecoder::new(bytes);
            return vec![parse_place_stream(
                file,
                input,
                inflated_size(bytes.len()),
                by_iso3,
            )];
        }
        _ => return vec![parse_place_stream(file, bytes, bytes.len(), by_iso3)],
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(ranges.len());
    let mut slots: Vec<Option<Result<Chunk, GazetteerError>>> =
        (0..ranges.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let ranges = &ranges;
                s.spawn(move || {
                    (w..ranges.len())
                        .step_by(workers)
                        .map(|k| {
                            let member = &bytes[ranges[k].clone()];
                            let input = flate2::bufread::GzDecoder::new(member);
                            let size = inflated_size(member.len());
                            (k, parse_place_stream(file, input, size, by_iso3))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            // A worker that panicked leaves its slots empty; they are reported below.
            if let Ok(done) = h.join() {
                for (k, chunk) in done {
                    slots[k] = Some(chunk);
                }
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.unwrap_or_else(|| {
                Err(read_error(
                    file,
                    std::io::Error::other("a places reader thread failed"),
                ))
            })
        })
        .collect()
}

fn merge_places(
    file: &str,
    chunks: Vec<Result<Chunk, GazetteerError>>,
) -> Result<(Vec<PlaceEntry>, Option<Vec<u32>>), GazetteerError> {
    let total = chunks
        .iter()
        .map(|c| c.as_ref().map_or(0, |c| c.places.len()))
        .sum();
    let mut places: Vec<PlaceEntry> = Vec::with_capacity(total);
    let mut lines: Vec<u32> = Vec::with_capacity(total);
    let mut offset = 0usize;
    for chunk in chunks {
        let chunk = chunk.map_err(|e| shift_lines(e, offset))?;
        places.extend(chunk.places);
        let by = u32::try_from(offset).unwrap_or(u32::MAX);
        lines.extend(chunk.lines.iter().map(|l| l.saturating_add(by)));
        offset += chunk.newlines;
    }
    if u32::try_from(places.len()).is_err() {
        return Err(too_many(file, "places", u64::from(u32::MAX)));
    }
    if places
        .windows(2)
        .all(|w| w[0].geonames_id < w[1].geonames_id)
    {
        return Ok((places, None));
    }
    // User files need not be in id order; `place()` then searches through a sorted index.
    let mut order: Vec<u32> = (0..places.len() as u32).collect();
    order.sort_by_key(|&i| places[i as usize].geonames_id);
    for w in order.windows(2) {
        let (a, b) = (w[0] as usize, w[1] as usize);
        if places[a].geonames_id == places[b].geonames_id {
            // The stable sort keeps file order among equal ids, so `b` is the later row.
            return Err(GazetteerError::BadRow {
                file: file.to_owned(),
                line: lines[b] as usize,
                problem: RowProblem::Duplicate {
                    what: "geonames_id",
                    value: places[b].geonames_id.to_string(),
                    first_line: lines[a] as usize,
                },
            });
        }
    }
    Ok((places, Some(order)))
}

pub(super) fn load(
    countries: Source<'_>,
    regions: Source<'_>,
    places_file: &str,
    places: &[u8],
) -> Result<Gazetteer, GazetteerError> {
    let tables = parse_countries(&countries)?;
    // Regions are read on this thread while the places workers run.
    let (regions, chunks) = std::thread::scope(|s| {
        let places = s.spawn(|| place_chunks(places_file, places, &tables.by_iso3));
        let regions = parse_regions(&regions, &tables.by_iso3);
        (regions, places.join())
    });
    let chunks = chunks.unwrap_or_else(|_| {
        vec![Err(read_error(
            places_file,
            std::io::Error::other("the places reader thread failed"),
        ))]
    });
    let regions = regions?;
    let (places, places_by_id) = merge_places(places_file, chunks)?;
    Ok(Gazetteer {
        countries: tables.countries,
        regions,
        places,
        by_iso3: tables.by_iso3,
        by_iso2: tables.by_iso2,
        by_cameo: tables.by_cameo,
        places_by_id,
        exact: OnceLock::new(),
        folded: OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::short_decimal;

    #[test]
    fn short_decimal_matches_the_standard_parser_bit_for_bit() {
        // A deterministic spread of coordinates with 0-7 decimals, both signs.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let decimals = (x % 8) as usize;
            let whole = (x >> 8) % 181;
            let frac = (x >> 20) % 10u64.pow(decimals as u32);
            let sign = if x & 1 == 0 { "" } else { "-" };
            let s = if decimals == 0 {
                format!("{sign}{whole}")
            } else {
                format!("{sign}{whole}.{frac:0decimals$}")
            };
            let expected: f64 = s.parse().unwrap();
            assert_eq!(
                short_decimal(&s).map(f64::to_bits),
                Some(expected.to_bits()),
                "{s}"
            );
        }
    }

    #[test]
    fn short_decimal_leaves_other_forms_to_the_standard_parser() {
        for s in [
            "",
            "-",
            ".",
            "1.",
            "1e5",
            "+1",
            "1.2.3",
            "12345678901234567",
            "nan",
            " 1",
        ] {
            assert_eq!(short_decimal(s), None, "{s:?}");
        }
        assert_eq!(short_decimal(".5"), Some(0.5));
        assert_eq!(short_decimal("-0"), Some(-0.0));
    }
}
