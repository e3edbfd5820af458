//! Load cost of the built-in gazetteer. Kept in its own test binary, with a single test, so the
//! resident-memory reading is not disturbed by other tests running in parallel threads.
//!
//! Run `cargo test --release -p griot-lexicon --test gazetteer_perf -- --nocapture` for the
//! figures. Debug builds print them but do not check the budget: unoptimised parsing says
//! nothing about the shipped binary.

use std::time::Instant;

use griot_lexicon::gazetteer::Gazetteer;

/// Resident set size in KiB, from /proc (Linux only; `None` elsewhere).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn builtin_load_fits_the_budget() {
    let rss0 = rss_kib();
    let t0 = Instant::now();
    let gaz = Gazetteer::builtin().expect("built-in gazetteer loads");
    let load = t0.elapsed();
    let rss1 = rss_kib();

    let t1 = Instant::now();
    let hits = gaz.lookup("Bamako").len();
    let index = t1.elapsed();
    let rss2 = rss_kib();

    let delta = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(a), Some(b)) => format!("{:.1} MB", b.saturating_sub(a) as f64 / 1024.0),
        _ => "n/a".to_owned(),
    };
    eprintln!(
        "gazetteer: {} countries, {} regions, {} places, {} alternates",
        gaz.countries().len(),
        gaz.regions().len(),
        gaz.places().len(),
        gaz.places()
            .iter()
            .map(|p| p.alternates().count())
            .sum::<usize>()
    );
    eprintln!(
        "gazetteer: builtin() {:.1} ms, RSS +{}; exact name index {:.1} ms, RSS +{} ({} hits)",
        load.as_secs_f64() * 1e3,
        delta(rss0, rss1),
        index.as_secs_f64() * 1e3,
        delta(rss1, rss2),
        hits
    );

    if cfg!(debug_assertions) {
        return;
    }
    if let (Some(a), Some(b)) = (rss0, rss1) {
        assert!(
            b.saturating_sub(a) <= 100 * 1024,
            "load adds more than 100 MB"
        );
    }
    // The budget is 100 ms; the check allows for a busy 2-core CI machine so it only catches
    // regressions of a different order, not noise.
    assert!(load.as_millis() <= 400, "builtin() took {load:?}");
}
