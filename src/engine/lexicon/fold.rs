//! Character folding: curly quotes, primes and dash variants become their plain ASCII forms.

/// Folds one character: ’ ‘ ‛ ′ ʼ → `'`, “ ” „ ″ « » → `"`, ‐ ‑ ‒ – — ― − → `-`, no-break and
/// other Unicode spaces → ` `. Everything else is returned unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => c,
    }
}

/// Folds a whole string with [`fold_char`] and lower-cases it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = fold_char(c);
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// [`fold`], without a copy when folding changes nothing: ASCII with no capital and no
/// backtick (the only ASCII char [`fold_char`] changes), as most words after a number are.
pub fn folded(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`') {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(fold(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_and_case() {
        let table = [
            ("Kyiv’s", "kyiv's"),
            ("“Peace”", "\"peace\""),
            ("US‑backed", "us-backed"),
            ("2014–2022", "2014-2022"),
            ("a — b", "a - b"),
            ("20\u{a0}percent", "20 percent"),
            ("ÉTAT", "état"),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "{input}");
            assert_eq!(folded(input), want, "{input}");
        }
        for ascii in ["percent", "Percent", "1.8bn", "1.8BN", "don`t", "a-b c"] {
            assert_eq!(folded(ascii), fold(ascii), "{ascii}");
        }
    }
}
