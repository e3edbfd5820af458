pub mod bench;
pub mod eval;
pub mod mentions;
pub mod read;
