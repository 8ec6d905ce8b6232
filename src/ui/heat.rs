//! The large heatmap's arithmetic, kept pure so it is tested natively: above
//! [`TABLE_MAX_DOCUMENTS`] the containment matrix is drawn as a picture, one pixel per pair
//! ([`pixels`]), the pointer is mapped back to a pair ([`cell_at`]), and each document's
//! closest match is listed ([`closest`]) as the keyboard's way to the pairs. The table's
//! cells are one Tab stop, the arrow keys moving between them ([`step`]).

/// Up to this many documents the heatmap is a table with one button per pair and its
/// percentage. Above it a table no longer fits a screen, nor helps a reader, and costs too
/// much to render (205 documents made 42,025 buttons and took about a second).
pub const TABLE_MAX_DOCUMENTS: usize = 40;

/// The colour level of a share, as the table's cells use it (`--level`): the square root, so
/// that small shares still show.
pub fn level(share: f32) -> f32 {
    share.clamp(0.0, 1.0).sqrt()
}

/// RGBA pixels of an `n` × `n` picture of `containment` (row-major, row = the document found,
/// column = where): each compared pair in `heat` with the share's [`level`] as its opacity,
/// the diagonal in `diagonal` at one third, pairs not compared transparent.
pub fn pixels(containment: &[Vec<Option<f32>>], n: usize, heat: [u8; 3], diagonal: [u8; 3]) -> Vec<u8> {
    let mut out = vec![0u8; n * n * 4];
    for a in 0..n {
        for b in 0..n {
            let (rgb, alpha) = if a == b {
                (diagonal, 85)
            } else {
                match containment.get(a).and_then(|row| row.get(b)).copied().flatten() {
                    Some(v) => (heat, (level(v) * 255.0).round() as u8),
                    None => continue,
                }
            };
            let at = (a * n + b) * 4;
            out[at..at + 3].copy_from_slice(&rgb);
            out[at + 3] = alpha;
        }
    }
    out
}

/// The (row, column) under the point (`x`, `y`) of a `width` × `height` drawing of `n` × `n`
/// cells, if it is on one.
pub fn cell_at(x: f64, y: f64, width: f64, height: f64, n: usize) -> Option<(usize, usize)> {
    if n == 0 || !(width > 0.0 && height > 0.0) || x < 0.0 || y < 0.0 || x >= width || y >= height {
        return None;
    }
    let at = |v: f64, size: f64| ((v / size * n as f64) as usize).min(n - 1);
    Some((at(y, height), at(x, width)))
}

/// For each document (row), the other document that holds most of it and that share; `None`
/// when it was compared with no other.
pub fn closest(containment: &[Vec<Option<f32>>]) -> Vec<Option<(usize, f32)>> {
    containment
        .iter()
        .enumerate()
        .map(|(a, row)| {
            row.iter().enumerate().filter(|&(b, _)| b != a).filter_map(|(b, v)| v.map(|v| (b, v))).fold(
                None,
                |best: Option<(usize, f32)>, (b, v)| match best {
                    Some((_, w)) if w >= v => best,
                    _ => Some((b, v)),
                },
            )
        })
        .collect()
}

/// Where a key moves the focus in an `n` × `n` table of cells from (`row`, `col`): the
/// arrows one cell (stopping at the edges), Home and End to the row's first and last cell,
/// Page Up and Page Down to the column's. `None` for any other key, which the table leaves to
/// the browser (Tab leaves the table: it is one Tab stop, its cells a roving focus).
pub fn step(row: usize, col: usize, key: &str, n: usize) -> Option<(usize, usize)> {
    let last = n.checked_sub(1)?;
    let (row, col) = (row.min(last), col.min(last));
    Some(match key {
        "ArrowLeft" => (row, col.saturating_sub(1)),
        "ArrowRight" => (row, (col + 1).min(last)),
        "ArrowUp" => (row.saturating_sub(1), col),
        "ArrowDown" => ((row + 1).min(last), col),
        "Home" => (row, 0),
        "End" => (row, last),
        "PageUp" => (0, col),
        "PageDown" => (last, col),
        _ => return None,
    })
}

/// A CSS hex colour (`#1f3a5f` or `#abc`, spaces around allowed) as RGB.
pub fn parse_hex(css: &str) -> Option<[u8; 3]> {
    let hex = css.trim().strip_prefix('#')?;
    let digit = |k: usize, len: usize| u8::from_str_radix(hex.get(k * len..(k + 1) * len)?, 16).ok();
    match hex.len() {
        6 => Some([digit(0, 2)?, digit(1, 2)?, digit(2, 2)?]),
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_carry_the_share_as_opacity() {
        let m = vec![vec![Some(1.0), Some(0.25), None], vec![Some(0.0), Some(1.0), Some(1.0)], vec![None; 3]];
        let p = pixels(&m, 3, [10, 20, 30], [1, 2, 3]);
        assert_eq!(p.len(), 36);
        let px = |a: usize, b: usize| p[(a * 3 + b) * 4..(a * 3 + b) * 4 + 4].to_vec();
        assert_eq!(px(0, 0), vec![1, 2, 3, 85], "the diagonal");
        assert_eq!(px(0, 1), vec![10, 20, 30, 128], "√0.25 = 0.5");
        assert_eq!(px(0, 2), vec![0, 0, 0, 0], "not compared");
        assert_eq!(px(1, 0), vec![10, 20, 30, 0]);
        assert_eq!(px(1, 2), vec![10, 20, 30, 255]);
        assert_eq!(px(2, 2), vec![1, 2, 3, 85], "a short row still has its diagonal");
        assert!(pixels(&[], 0, [0; 3], [0; 3]).is_empty());
    }

    #[test]
    fn the_pointer_maps_to_a_cell() {
        let cases = [
            ((0.0, 0.0), Some((0, 0))),
            ((299.9, 0.0), Some((0, 2))),
            ((150.0, 299.0), Some((2, 1))),
            ((100.0, 99.9), Some((0, 1))),
            ((300.0, 10.0), None),
            ((-1.0, 10.0), None),
        ];
        for ((x, y), want) in cases {
            assert_eq!(cell_at(x, y, 300.0, 300.0, 3), want, "({x}, {y})");
        }
        assert_eq!(cell_at(1.0, 1.0, 0.0, 300.0, 3), None);
        assert_eq!(cell_at(1.0, 1.0, 300.0, 300.0, 0), None);
    }

    #[test]
    fn closest_is_the_largest_other_share() {
        let m = vec![
            vec![Some(1.0), Some(0.2), Some(0.7)],
            vec![Some(0.9), Some(1.0), None],
            vec![None, None, Some(1.0)],
        ];
        assert_eq!(closest(&m), vec![Some((2, 0.7)), Some((0, 0.9)), None]);
    }

    #[test]
    fn keys_move_the_focus_within_the_table() {
        let cases = [
            ((0, 0), "ArrowRight", Some((0, 1))),
            ((0, 0), "ArrowLeft", Some((0, 0))),
            ((0, 0), "ArrowUp", Some((0, 0))),
            ((1, 2), "ArrowDown", Some((2, 2))),
            ((4, 4), "ArrowDown", Some((4, 4))),
            ((4, 4), "ArrowRight", Some((4, 4))),
            ((2, 3), "ArrowUp", Some((1, 3))),
            ((2, 3), "ArrowLeft", Some((2, 2))),
            ((2, 3), "Home", Some((2, 0))),
            ((2, 3), "End", Some((2, 4))),
            ((2, 3), "PageUp", Some((0, 3))),
            ((2, 3), "PageDown", Some((4, 3))),
            ((2, 3), "Enter", None),
            ((2, 3), "Tab", None),
            ((9, 9), "ArrowLeft", Some((4, 3))),
        ];
        for ((row, col), key, want) in cases {
            assert_eq!(step(row, col, key, 5), want, "({row}, {col}) {key}");
        }
        assert_eq!(step(0, 0, "ArrowRight", 0), None, "an empty table");
    }

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex(" #1f3a5f"), Some([0x1f, 0x3a, 0x5f]));
        assert_eq!(parse_hex("#abc"), Some([0xaa, 0xbb, 0xcc]));
        for bad in ["", "#", "1f3a5f", "#1f3a5", "#zzzzzz", "rgb(1, 2, 3)", "#ééé"] {
            assert_eq!(parse_hex(bad), None, "{bad}");
        }
    }
}
