pub mod bench;
pub mod code;
pub mod eval;
pub mod mentions;
pub mod read;
