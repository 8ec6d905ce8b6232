//! The views and their URL hashes: `#/overview`, `#/pair/<left>/<right>[/<passage>]`,
//! `#/synopsis`, `#/quotes`, `#/facts`, `#/cleaning`. A link or a reload restores the view.

/// One view of the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Overview,
    /// Two documents side by side, optionally scrolled to a passage (`"p3"`).
    Pair {
        left: String,
        right: String,
        passage: Option<String>,
    },
    Synopsis,
    Quotes,
    Facts,
    Cleaning,
}

impl Route {
    /// The route a hash names; anything unknown is the overview.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<String> = path.split('/').map(decode).collect();
        match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["synopsis"] => Route::Synopsis,
            ["quotes"] => Route::Quotes,
            ["facts"] => Route::Facts,
            ["cleaning"] => Route::Cleaning,
            ["pair", left, right] if !left.is_empty() && !right.is_empty() => {
                Route::Pair { left: left.to_string(), right: right.to_string(), passage: None }
            }
            ["pair", left, right, passage] if !left.is_empty() && !right.is_empty() => Route::Pair {
                left: left.to_string(),
                right: right.to_string(),
                passage: (!passage.is_empty()).then(|| passage.to_string()),
            },
            _ => Route::Overview,
        }
    }

    /// The hash for this route, with ids percent-encoded.
    pub fn hash(&self) -> String {
        match self {
            Route::Overview => "#/overview".into(),
            Route::Pair { left, right, passage: None } => {
                format!("#/pair/{}/{}", encode(left), encode(right))
            }
            Route::Pair { left, right, passage: Some(p) } => {
                format!("#/pair/{}/{}/{}", encode(left), encode(right), encode(p))
            }
            Route::Synopsis => "#/synopsis".into(),
            Route::Quotes => "#/quotes".into(),
            Route::Facts => "#/facts".into(),
            Route::Cleaning => "#/cleaning".into(),
        }
    }

    /// The tab this route belongs to, for the navigation bar.
    pub fn tab(&self) -> &'static str {
        match self {
            Route::Overview => "overview",
            Route::Pair { .. } => "pair",
            Route::Synopsis => "synopsis",
            Route::Quotes => "quotes",
            Route::Facts => "facts",
            Route::Cleaning => "cleaning",
        }
    }
}

/// Percent-encodes everything but unreserved URL characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes and invalid UTF-8 are kept or replaced, never fatal.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |k: usize| bytes.get(k).and_then(|&c| (c as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(l: &str, r: &str, p: Option<&str>) -> Route {
        Route::Pair { left: l.into(), right: r.into(), passage: p.map(Into::into) }
    }

    #[test]
    fn hashes_parse_to_routes() {
        let cases = [
            ("", Route::Overview),
            ("#/overview", Route::Overview),
            ("#/nope", Route::Overview),
            ("#/synopsis", Route::Synopsis),
            ("#/quotes", Route::Quotes),
            ("#/facts", Route::Facts),
            ("#/cleaning", Route::Cleaning),
            ("#/pair/a.txt/b.txt", pair("a.txt", "b.txt", None)),
            ("#/pair/a.txt/b.txt/p3", pair("a.txt", "b.txt", Some("p3"))),
            ("#/pair/my%20doc/b", pair("my doc", "b", None)),
            ("#/pair//b", Route::Overview),
            ("#/pair/a", Route::Overview),
            ("#/pair/%zz/%E2%80%94", pair("%zz", "—", None)),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
        }
    }

    #[test]
    fn every_route_survives_a_round_trip() {
        let routes = [
            Route::Overview,
            Route::Synopsis,
            Route::Quotes,
            Route::Facts,
            Route::Cleaning,
            pair("000_6d56e44ee70418c7.txt", "user 1/ü #2", Some("p0")),
            pair("a", "b", None),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.hash()), route, "{}", route.hash());
        }
    }
}
