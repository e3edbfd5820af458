//! Lemmas (stub until the lookup tables land).

use griot_model::PosTag;
use std::borrow::Cow;

#[derive(Debug, thiserror::Error)]
pub enum LemmaError {
    #[error("lemma table is corrupt: {0}")]
    Corrupt(String),
}

pub struct Lemmatizer;

static STUB: Lemmatizer = Lemmatizer;

impl Lemmatizer {
    pub fn builtin() -> Result<&'static Lemmatizer, LemmaError> {
        Ok(&STUB)
    }

    /// The lemma of `word` read as `tag` (lower-cased; proper nouns keep their case).
    pub fn lemma<'a>(&self, word: &'a str, _tag: PosTag) -> Cow<'a, str> {
        Cow::Owned(word.to_lowercase())
    }
}
