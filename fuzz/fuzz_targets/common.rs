//! Shared by the targets: turning fuzz bytes into text.
#![allow(dead_code)]

/// Separates documents (or the two sides of a pair) in a fuzz input. 0xFF never occurs in
/// UTF-8, so valid text pieces stay valid after the split.
pub const SEP: u8 = 0xFF;

/// The bytes as text: as-is when valid UTF-8 (so the engine sees exactly what the fuzzer
/// wrote), otherwise lossily decoded, as a browser's `TextDecoder` would.
pub fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Up to `max` pieces split at [`SEP`]; the last piece keeps any further separators.
pub fn pieces(data: &[u8], max: usize) -> Vec<&[u8]> {
    data.splitn(max, |&b| b == SEP).collect()
}
