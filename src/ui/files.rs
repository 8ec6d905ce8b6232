//! Reading the user's files: size and type checks, text decoding (UTF-16 when it says so or
//! looks so, UTF-8, then Windows-1252), known binary formats named,
//! and, in the browser, HTML article extraction through `DOMParser`.
//!
//! The checks and the decoding are pure and tested natively; a bad file gives a message and
//! never touches what is already loaded.

use super::format::fixed;
use super::state::NewDoc;

/// Largest file accepted, in bytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// How a file's bytes were read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
    Utf16Le,
    Utf16Be,
}

/// Why a file was refused. `Display` gives the message shown next to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    /// Only spaces, tabs and line breaks.
    Blank,
    TooLarge(usize),
    /// Not text; the format when it is a known one ("a PNG image").
    Binary(Option<&'static str>),
    UnsupportedType(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Empty => write!(f, "the file is empty"),
            FileError::Blank => write!(f, "the file holds only spaces and line breaks, no text"),
            FileError::TooLarge(n) => {
                write!(f, "the file is {} MB; the limit is 2 MB", fixed(*n as f64 / (1024.0 * 1024.0), 1))
            }
            FileError::Binary(None) => write!(f, "this looks like a binary file, not text"),
            FileError::Binary(Some(what)) => {
                write!(f, "this is {what}, not text; save or copy the article as plain text first")
            }
            FileError::UnsupportedType(ext) => {
                write!(f, "“.{ext}” files are not supported; use .txt, .md, .html or .htm")
            }
        }
    }
}

/// What kind of file a name is, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
}

/// The kind of file `name` is, or why it is refused. Files without an extension are text.
pub fn kind_of(name: &str) -> Result<FileKind, FileError> {
    let ext = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => return Ok(FileKind::Text),
    };
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Ok(FileKind::Text),
        "html" | "htm" | "xhtml" => Ok(FileKind::Html),
        _ => Err(FileError::UnsupportedType(ext)),
    }
}

/// Decodes a file's bytes: UTF-16 with a byte-order mark (or whose zero bytes say so), else
/// UTF-8 (a BOM is dropped), else Windows-1252. Refuses empty, blank, oversized and binary
/// files (known formats by their signature, else NUL bytes or many control characters).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), FileError> {
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    let (text, encoding) = if let Some(encoding) = utf16(bytes) {
        let body =
            bytes.strip_prefix(b"\xFF\xFE").or_else(|| bytes.strip_prefix(b"\xFE\xFF")).unwrap_or(bytes);
        let units = body.chunks_exact(2).map(|p| match encoding {
            Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
            _ => u16::from_le_bytes([p[0], p[1]]),
        });
        let text: String = char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect();
        if looks_binary(text.as_bytes()) {
            return Err(FileError::Binary(None));
        }
        (text, encoding)
    } else {
        if let Some(format) = known_binary(bytes) {
            return Err(FileError::Binary(Some(format)));
        }
        if looks_binary(bytes) {
            return Err(FileError::Binary(None));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Encoding::Windows1252),
        }
    };
    if text.is_empty() {
        return Err(FileError::Empty);
    }
    if text.trim().is_empty() {
        return Err(FileError::Blank);
    }
    Ok((text, encoding))
}

/// UTF-16 by its byte-order mark, or (without one) because nearly every other byte is zero,
/// as in UTF-16 text that is mostly Latin script.
fn utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(Encoding::Utf16Be);
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count() * 2;
    let (even, odd) = (zeros(0), zeros(1));
    // At least 70% of one parity's bytes are zero and almost none of the other's.
    match (even * 10 >= head.len() * 7, odd * 10 >= head.len() * 7) {
        (false, true) if even * 20 < head.len() => Some(Encoding::Utf16Le),
        (true, false) if odd * 20 < head.len() => Some(Encoding::Utf16Be),
        _ => None,
    }
}

/// The format of a file with a well-known binary signature, worded for a message.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 9] = [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document is one)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document"),
        (b"{\\rtf", "an RTF document"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, what)| what)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x20 && !b"\t\n\r\x0c".contains(&b)).count();
    head.contains(&0) || control * 20 > head.len().max(1)
}

/// One Windows-1252 byte as a char (the five undefined bytes map to U+FFFD).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
        '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// A document name from a file name: the name without its extension.
pub fn stem(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    }
}

/// Turns a file's name and bytes into a document or a message. `html_to_text` extracts an HTML
/// page's (title, text); it is `DOMParser` in the browser.
pub fn import(
    name: &str,
    bytes: &[u8],
    html_to_text: impl Fn(&str) -> Option<(String, String)>,
) -> Result<NewDoc, (String, String)> {
    let fail = |why: String| (name.to_string(), why);
    let kind = kind_of(name).map_err(|e| fail(e.to_string()))?;
    let (text, encoding) = decode(bytes).map_err(|e| fail(e.to_string()))?;
    let note = Some(match encoding {
        Encoding::Utf8 => "read as UTF-8".to_string(),
        Encoding::Windows1252 => "not valid UTF-8: read as Windows-1252".to_string(),
        Encoding::Utf16Le => "read as UTF-16 (little-endian)".to_string(),
        Encoding::Utf16Be => "read as UTF-16 (big-endian)".to_string(),
    });
    let (title, text) = match kind {
        FileKind::Text => (String::new(), text),
        FileKind::Html => {
            html_to_text(&text).ok_or_else(|| fail("this HTML page could not be read".into()))?
        }
    };
    if text.trim().is_empty() {
        return Err(fail("no article text was found in it".into()));
    }
    Ok(NewDoc { title, outlet: String::new(), text, source: name.to_string(), note })
}

#[cfg(target_arch = "wasm32")]
pub use browser::{html_to_text, read_all};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DomParser, Node, SupportedType};
    use yew::Callback;

    use super::{import, FileError, MAX_BYTES};
    use crate::ui::state::NewDoc;

    type Outcome = Result<NewDoc, (String, String)>;

    /// Reads every file, then sends all outcomes at once, in the files' order. Oversized files
    /// are refused before they are read. (`Blob.arrayBuffer()`'s promise, not gloo's
    /// `FileReader` callbacks: 1 KB less page wasm.)
    pub fn read_all(files: Vec<web_sys::File>, done: Callback<Vec<Outcome>>) {
        let n = files.len();
        let results: Rc<RefCell<Vec<Option<Outcome>>>> = Rc::new(RefCell::new(vec![None; n]));
        let finish = {
            let results = results.clone();
            move |k: usize, outcome: Outcome| {
                results.borrow_mut()[k] = Some(outcome);
                if results.borrow().iter().all(Option::is_some) {
                    done.emit(results.borrow_mut().drain(..).flatten().collect());
                }
            }
        };
        for (k, file) in files.into_iter().enumerate() {
            let name = file.name();
            let size = file.size() as usize;
            if size > MAX_BYTES {
                finish(k, Err((name, FileError::TooLarge(size).to_string())));
                continue;
            }
            // One of the two runs. Both are handed to JavaScript for good: the one never
            // called keeps its few bytes (a name and a counter) for the page's lifetime.
            let (read, failed) = (finish.clone(), finish.clone());
            let failed_name = name.clone();
            let on_read = Closure::once(move |buffer: JsValue| {
                read(k, import(&name, &js_sys::Uint8Array::new(&buffer).to_vec(), html_to_text));
            });
            let on_fail = Closure::once(move |_: JsValue| {
                failed(k, Err((failed_name, "the browser could not read it".to_string())));
            });
            let _ = file.array_buffer().then2(&on_read, &on_fail);
            on_read.forget();
            on_fail.forget();
        }
    }

    /// Elements whose text is never article text.
    const DROP: &str = "script,style,noscript,template,iframe,object,embed,svg,nav,footer,header,aside,form,button,figure>img";
    /// Elements that end a line of text.
    const BLOCKS: [&str; 18] = [
        "P",
        "DIV",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "LI",
        "BLOCKQUOTE",
        "PRE",
        "BR",
        "TR",
        "SECTION",
        "ARTICLE",
        "FIGCAPTION",
        "DT",
        "DD",
    ];

    /// The article text of an HTML page: parsed inertly by `DOMParser` (scripts never run), with
    /// scripts, styles, navigation, headers, footers and asides dropped; `<article>` or
    /// `<main>` when present, else the body. Returns (title, text).
    pub fn html_to_text(html: &str) -> Option<(String, String)> {
        let parser = DomParser::new().ok()?;
        let doc = parser.parse_from_string(html, SupportedType::TextHtml).ok()?;
        let dropped = doc.query_selector_all(DROP).ok()?;
        for k in 0..dropped.length() {
            if let Some(node) = dropped.item(k) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
        let root: Node = match doc.query_selector("article").ok().flatten() {
            Some(e) => e.into(),
            None => match doc.query_selector("main").ok().flatten() {
                Some(e) => e.into(),
                None => doc.body()?.into(),
            },
        };
        let mut text = String::new();
        walk(&root, &mut text);
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let title = doc
            .query_selector("h1")
            .ok()
            .flatten()
            .and_then(|h| h.text_content())
            .unwrap_or_else(|| doc.title());
        Some((title.split_whitespace().collect::<Vec<_>>().join(" "), lines.join("\n\n")))
    }

    fn walk(node: &Node, out: &mut String) {
        let children = node.child_nodes();
        for k in 0..children.length() {
            let Some(child) = children.item(k) else { continue };
            match child.node_type() {
                Node::TEXT_NODE => {
                    let t = child.text_content().unwrap_or_default();
                    let collapsed = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !collapsed.is_empty() {
                        if t.starts_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) {
                            out.push(' ');
                        }
                        out.push_str(&collapsed);
                        if t.ends_with(char::is_whitespace) {
                            out.push(' ');
                        }
                    }
                }
                Node::ELEMENT_NODE => {
                    let name = child.dyn_ref::<web_sys::Element>().map(|e| e.tag_name()).unwrap_or_default();
                    let block = BLOCKS.contains(&name.to_ascii_uppercase().as_str());
                    if block {
                        out.push('\n');
                    }
                    walk(&child, out);
                    if block {
                        out.push('\n');
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case<'a> = (&'a [u8], Result<(&'a str, Encoding), FileError>);

    #[test]
    fn decoding_table() {
        let cases: [Case; 15] = [
            (b"Plain text.", Ok(("Plain text.", Encoding::Utf8))),
            ("Kyiv \u{2014} “quoted”".as_bytes(), Ok(("Kyiv — “quoted”", Encoding::Utf8))),
            (b"\xEF\xBB\xBFWith BOM", Ok(("With BOM", Encoding::Utf8))),
            (b"caf\xE9 \x93quoted\x94 \x80 5", Ok(("café “quoted” € 5", Encoding::Windows1252))),
            (b"", Err(FileError::Empty)),
            (b" \n\t\r\n", Err(FileError::Blank)),
            (b"\xFF\xFE", Err(FileError::Empty)),
            (
                b"PK\x03\x04\x00\x00binary",
                Err(FileError::Binary(Some("a ZIP archive (a .docx or .odt document is one)"))),
            ),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Err(FileError::Binary(Some("a PNG image")))),
            (b"\x01\x02\x03\x04\x05\x06text", Err(FileError::Binary(None))),
            (b"\xFF\xFEc\x00a\x00f\x00\xE9\x00 \x00\x3E\xD8\x00\xDD", Ok(("café 🤀", Encoding::Utf16Le))),
            (b"\xFE\xFF\x00c\x00a\x00f\x00\xE9", Ok(("café", Encoding::Utf16Be))),
            (b"N\x00e\x00w\x00s\x00 \x00i\x00t\x00e\x00m\x00", Ok(("News item", Encoding::Utf16Le))),
            (b"\x00N\x00e\x00w\x00s\x00 \x00i\x00t\x00e\x00m", Ok(("News item", Encoding::Utf16Be))),
            (b"\xFF\xFE \x00\n\x00", Err(FileError::Blank)),
        ];
        for (bytes, want) in cases {
            let got = decode(bytes);
            assert_eq!(got, want.map(|(t, e)| (t.to_string(), e)), "{bytes:?}");
        }
    }

    #[test]
    fn large_files_are_refused_with_their_size() {
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(decode(&big), Err(FileError::TooLarge(MAX_BYTES + 1)));
        assert_eq!(FileError::TooLarge(3 * 1024 * 1024).to_string(), "the file is 3.0 MB; the limit is 2 MB");
        assert!(decode(&vec![b'a'; MAX_BYTES]).is_ok());
    }

    #[test]
    fn importing_names_the_encoding_and_refuses_what_it_cannot_read() {
        let no_html = |_: &str| None;
        let doc = import("story.txt", b"caf\xE9 opens", no_html).unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.note.as_deref()),
            ("café opens", Some("not valid UTF-8: read as Windows-1252"))
        );
        assert_eq!(import("a.txt", b"ok", no_html).unwrap().note.as_deref(), Some("read as UTF-8"));
        assert_eq!(
            import("a.png", b"x", no_html),
            Err(("a.png".into(), "“.png” files are not supported; use .txt, .md, .html or .htm".into()))
        );
        assert_eq!(import("e.txt", b"", no_html), Err(("e.txt".into(), "the file is empty".into())));
        assert_eq!(import("p.html", b"<p>x</p>", no_html).unwrap_err().1, "this HTML page could not be read");
        let page = |_: &str| Some(("Title".to_string(), "Body text.".to_string()));
        let doc = import("p.html", b"<p>x</p>", page).unwrap();
        assert_eq!((doc.title.as_str(), doc.text.as_str()), ("Title", "Body text."));
        let blank = |_: &str| Some(("T".to_string(), " ".to_string()));
        assert_eq!(import("p.htm", b"<p></p>", blank).unwrap_err().1, "no article text was found in it");
    }

    #[test]
    fn kinds_by_extension() {
        let cases = [
            ("a.txt", Ok(FileKind::Text)),
            ("notes.MD", Ok(FileKind::Text)),
            ("page.html", Ok(FileKind::Html)),
            ("PAGE.HTM", Ok(FileKind::Html)),
            ("README", Ok(FileKind::Text)),
            (".profile", Ok(FileKind::Text)),
            ("photo.png", Err(FileError::UnsupportedType("png".into()))),
        ];
        for (name, want) in cases {
            assert_eq!(kind_of(name), want, "{name}");
        }
        assert_eq!(stem("story.final.txt"), "story.final");
        assert_eq!(stem("README"), "README");
    }
}
