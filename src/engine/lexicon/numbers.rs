//! Numbers: "900,000" = 900000, "20 percent" = "20%" = "20 per cent", "$1.8 billion" = 1.8e9,
//! "twelve" = 12, "two million" = 2e6.

/// Parses digits with thousands separators and one decimal point: "900,000" → 900000,
/// "2.5" → 2.5, "1,800.50" → 1800.5. Returns `None` for anything else ("1,80", "2.5.1").
pub fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty() || !int.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    if !groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let mut clean: String = groups.concat();
    if let Some(f) = frac {
        clean.push('.');
        clean.push_str(f);
    }
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The value of a number word: "one" … "twenty", "thirty" … "ninety", "dozen".
pub fn word_value(word: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("zero", 0.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("dozen", 12.0),
    ];
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// The multiplier of a scale word: "hundred" → 100, "million"/"mln"/"m" (after a number) → 1e6,
/// "billion"/"bn" → 1e9, "trillion" → 1e12, "thousand"/"k" → 1e3.
pub fn scale_value(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "millions" | "mln" | "m" => Some(1e6),
        "billion" | "billions" | "bn" | "b" => Some(1e9),
        "trillion" | "trillions" | "tn" => Some(1e12),
        _ => None,
    }
}

/// The words that turn the preceding number into a percentage.
pub fn is_percent_word(word: &str) -> bool {
    matches!(word, "percent" | "pct" | "percentage")
}

/// The canonical key of a value: the shortest decimal form, "%" appended for percentages.
/// 900000 → "900000", 1.8e9 → "1800000000", 20 % → "20%".
pub fn canonical(value: f64, percent: bool) -> String {
    let mut s = if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{}", value as i64)
    } else {
        let s = format!("{value:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if percent {
        s.push('%');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        let table = [
            ("900,000", Some(900000.0)),
            ("900000", Some(900000.0)),
            ("2.5", Some(2.5)),
            ("1,800.50", Some(1800.5)),
            ("1,80", None),
            ("2.5.1", None),
            ("12a", None),
            ("", None),
            (",000", None),
        ];
        for (input, want) in table {
            assert_eq!(parse_digits(input), want, "{input}");
        }
    }

    #[test]
    fn words_and_keys() {
        assert_eq!(word_value("twelve"), Some(12.0));
        assert_eq!(word_value("twelfth"), None);
        assert_eq!(scale_value("billion"), Some(1e9));
        assert_eq!(canonical(1.8 * 1e9, false), "1800000000");
        assert_eq!(canonical(20.0, true), "20%");
        assert_eq!(canonical(2.5, false), "2.5");
    }
}
