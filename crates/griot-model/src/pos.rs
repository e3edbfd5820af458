//! The Penn Treebank part-of-speech tag set, as griot prints it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

macro_rules! pos_tags {
    ($($variant:ident => $text:literal),+ $(,)?) => {
        /// A Penn Treebank tag. Punctuation tags follow the Treebank conventions
        /// (`,` `.` `:` `` `` `` `''` `-LRB-` `-RRB-` `$` `#`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum PosTag { $($variant),+ }

        impl PosTag {
            /// Every tag, in declaration order (the order is the tag's `u8` value).
            pub const ALL: &'static [PosTag] = &[$(PosTag::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(PosTag::$variant => $text),+ }
            }
        }

        impl FromStr for PosTag {
            type Err = UnknownTag;
            fn from_str(s: &str) -> Result<Self, UnknownTag> {
                match s {
                    $($text => Ok(PosTag::$variant),)+
                    _ => Err(UnknownTag(s.to_string())),
                }
            }
        }
    };
}

pos_tags! {
    CC => "CC", CD => "CD", DT => "DT", EX => "EX", FW => "FW", IN => "IN",
    JJ => "JJ", JJR => "JJR", JJS => "JJS", LS => "LS", MD => "MD",
    NN => "NN", NNS => "NNS", NNP => "NNP", NNPS => "NNPS", PDT => "PDT", POS => "POS",
    PRP => "PRP", PRPS => "PRP$", RB => "RB", RBR => "RBR", RBS => "RBS", RP => "RP",
    SYM => "SYM", TO => "TO", UH => "UH",
    VB => "VB", VBD => "VBD", VBG => "VBG", VBN => "VBN", VBP => "VBP", VBZ => "VBZ",
    WDT => "WDT", WP => "WP", WPS => "WP$", WRB => "WRB",
    Comma => ",", Period => ".", Colon => ":", OpenQuote => "``", CloseQuote => "''",
    LRB => "-LRB-", RRB => "-RRB-", Dollar => "$", Hash => "#",
}

/// A tag name that is not in the Penn set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown part-of-speech tag {0:?}")]
pub struct UnknownTag(pub String);

impl PosTag {
    pub fn from_index(i: usize) -> Option<PosTag> {
        Self::ALL.get(i).copied()
    }

    pub fn is_noun(self) -> bool {
        matches!(self, PosTag::NN | PosTag::NNS | PosTag::NNP | PosTag::NNPS)
    }

    pub fn is_proper_noun(self) -> bool {
        matches!(self, PosTag::NNP | PosTag::NNPS)
    }

    pub fn is_verb(self) -> bool {
        matches!(
            self,
            PosTag::VB | PosTag::VBD | PosTag::VBG | PosTag::VBN | PosTag::VBP | PosTag::VBZ
        )
    }

    /// A verb form that can head a clause on its own: past, present, or a modal.
    pub fn is_finite(self) -> bool {
        matches!(self, PosTag::VBD | PosTag::VBZ | PosTag::VBP | PosTag::MD)
    }

    pub fn is_adjective(self) -> bool {
        matches!(self, PosTag::JJ | PosTag::JJR | PosTag::JJS)
    }

    pub fn is_adverb(self) -> bool {
        matches!(self, PosTag::RB | PosTag::RBR | PosTag::RBS | PosTag::WRB)
    }

    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            PosTag::Comma
                | PosTag::Period
                | PosTag::Colon
                | PosTag::OpenQuote
                | PosTag::CloseQuote
                | PosTag::LRB
                | PosTag::RRB
                | PosTag::Hash
        )
    }
}

impl fmt::Display for PosTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for PosTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for PosTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_round_trips_through_its_name_and_index() {
        for (i, tag) in PosTag::ALL.iter().enumerate() {
            assert_eq!(tag.as_str().parse::<PosTag>(), Ok(*tag));
            assert_eq!(PosTag::from_index(i), Some(*tag));
            assert_eq!(*tag as usize, i);
        }
        assert_eq!(PosTag::ALL.len(), 45);
        assert!("NP".parse::<PosTag>().is_err());
    }
}
