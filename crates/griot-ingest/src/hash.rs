//! The document content hash.

/// BLAKE3 of the clean text, first 128 bits as 32 lowercase hex characters.
///
/// 128 bits keeps ids short enough to read in logs while collisions stay out of reach for any
/// corpus this tool will see.
pub fn content_hash(clean_text: &str) -> String {
    let hex = blake3::hash(clean_text.as_bytes()).to_hex();
    hex[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_32_hex_chars_and_deterministic() {
        let h = content_hash("Mali");
        assert_eq!(h.len(), 32);
        assert!(h
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(h, content_hash("Mali"));
        assert_ne!(h, content_hash("Mali."));
    }
}
