pub mod bench;
pub mod mentions;
pub mod read;
