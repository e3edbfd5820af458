//! What the coder's integration tests share: the built-in lexicon, loaded once, and read
//! documents (a sentence, or the seed article bundled in `examples/`).

use griot_coder::Lexicon;
use griot_ingest::{load_path, IngestOptions, Loaded};
use griot_model::Document;
use griot_text::Reader;
use std::path::Path;
use std::sync::OnceLock;

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::load(&[]).expect("built-in lexicon loads"))
}

/// `text` as a read document published on `date`.
pub fn read(text: &str, date: Option<&str>) -> Document {
    let mut doc = Document {
        text: text.to_string(),
        date: date.map(String::from),
        ..Default::default()
    };
    Reader::builtin().expect("reader").read(&mut doc);
    doc
}

/// The seed article, ingested and read, published on `date`.
pub fn read_seed(date: Option<&str>) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/mali-coup-plot.txt");
    let mut docs = load_path(&path, &IngestOptions::default()).expect("seed loads");
    let Some(Loaded::Doc(doc)) = docs.pop() else {
        panic!("seed is a document")
    };
    let mut doc = *doc;
    doc.date = date.map(String::from);
    Reader::builtin().expect("reader").read(&mut doc);
    doc
}
