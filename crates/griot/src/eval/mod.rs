//! `griot eval`: scores against gold-standard files (format in `../shared/README.md`).

pub mod events;
pub mod gold;
pub mod mentions;
