//! The pair view's rows: links in left reading order, each unlinked sentence on its own row
//! beside the nearest link, and the links whose right side is out of order marked as moved.
//! Pure layout over the report's ids; no text is inspected.

use std::collections::HashMap;

use crate::engine::report::{Document, Link, OpKind, Pair, WordOp};

/// The same pair seen from the other side: left and right swapped everywhere (links, shares,
/// word ops; an insertion becomes a deletion), links in the new left's reading order.
pub fn flip(pair: &Pair) -> Pair {
    let mut links: Vec<Link> = pair
        .links
        .iter()
        .map(|l| Link {
            left: l.right.clone(),
            right: l.left.clone(),
            left_in_right: l.right_in_left,
            right_in_left: l.left_in_right,
            conflicts: l
                .conflicts
                .iter()
                .map(|c| crate::engine::report::Conflict { left: c.right.clone(), right: c.left.clone() })
                .collect(),
            diff: flip_ops(&l.diff),
            ..l.clone()
        })
        .collect();
    links.sort_by_key(|l| l.left.first().map(|id| sentence_number(id)));
    Pair {
        left: pair.right.clone(),
        right: pair.left.clone(),
        left_in_right: pair.right_in_left,
        right_in_left: pair.left_in_right,
        links,
        left_unique: pair.right_unique.clone(),
        right_unique: pair.left_unique.clone(),
    }
}

/// A link's word ops seen from the other side, in the new left's reading order: sides
/// swapped, an insertion becomes a deletion, and the ops re-sorted by where their new left
/// piece stands. An op without a new left piece (a word only the new right has) follows the
/// in-order op it followed on that side; moved words stand where the new left has them.
fn flip_ops(ops: &[WordOp]) -> Vec<WordOp> {
    let pos = |p: &Option<crate::engine::report::Piece>| p.as_ref().map(|p| (p.part, p.start));
    let mut anchor = None;
    // (new left position or the anchor's, 0 = at it / 1 = after it, original index)
    type Key = (Option<(usize, usize)>, u8, usize);
    let mut keyed: Vec<(Key, WordOp)> = ops
        .iter()
        .enumerate()
        .map(|(k, op)| {
            let flipped = WordOp {
                kind: match op.kind {
                    OpKind::Inserted => OpKind::Deleted,
                    OpKind::Deleted => OpKind::Inserted,
                    k => k,
                },
                left: op.right.clone(),
                right: op.left.clone(),
            };
            let key = match pos(&flipped.left) {
                Some(p) => {
                    if op.kind != OpKind::Moved {
                        anchor = Some(p);
                    }
                    (Some(p), 0, k)
                }
                None => (anchor, 1, k),
            };
            (key, flipped)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, op)| op).collect()
}

/// The sentence number in an id `"<doc>#s<k>"` (ids without one sort first).
fn sentence_number(id: &str) -> usize {
    id.rsplit_once("#s").and_then(|(_, k)| k.parse().ok()).unwrap_or(0)
}

/// One row of the pair view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// `pair.links[link]`; `moved` when its right side breaks the reading order of the others.
    Link { link: usize, moved: bool },
    /// A left sentence (index in the left document) with no counterpart.
    LeftOnly(usize),
    /// A right sentence (index in the right document) with no counterpart.
    RightOnly(usize),
}

/// Sentence index by id in one document.
pub fn index(doc: &Document) -> HashMap<&str, usize> {
    doc.sentences.iter().enumerate().map(|(k, s)| (s.id.as_str(), k)).collect()
}

/// Lays out `pair` between `left` and `right`.
pub fn rows(pair: &Pair, left: &Document, right: &Document) -> Vec<Row> {
    let (li, ri) = (index(left), index(right));
    let first = |ids: &[String], ix: &HashMap<&str, usize>| {
        ids.iter().filter_map(|id| ix.get(id.as_str())).min().copied()
    };
    let left_pos: Vec<Option<usize>> = pair.links.iter().map(|l| first(&l.left, &li)).collect();
    let right_pos: Vec<Option<usize>> = pair.links.iter().map(|l| first(&l.right, &ri)).collect();
    let kept = in_order(&right_pos);

    // Left-driven order: each link at its first left sentence, unlinked left sentences between.
    let mut link_at: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut in_link = vec![false; left.sentences.len()];
    for (k, l) in pair.links.iter().enumerate() {
        link_at.entry(left_pos[k].unwrap_or(0)).or_default().push(k);
        for id in &l.left {
            if let Some(&s) = li.get(id.as_str()) {
                in_link[s] = true;
            }
        }
    }
    let mut out = Vec::new();
    for s in 0..left.sentences.len().max(1) {
        for &k in link_at.get(&s).map(Vec::as_slice).unwrap_or(&[]) {
            out.push(Row::Link { link: k, moved: !kept[k] });
        }
        if in_link.get(s) == Some(&false) {
            out.push(Row::LeftOnly(s));
        }
    }

    // Each unlinked right sentence goes after the in-order link just before it on the right.
    let mut right_linked = vec![false; right.sentences.len()];
    for l in &pair.links {
        for id in &l.right {
            if let Some(&s) = ri.get(id.as_str()) {
                right_linked[s] = true;
            }
        }
    }
    let mut inserted: Vec<(usize, usize)> = Vec::new(); // (row position to insert before, sentence)
    for s in (0..right.sentences.len()).filter(|&s| !right_linked[s]) {
        let anchor = out
            .iter()
            .enumerate()
            .filter_map(|(pos, row)| match *row {
                Row::Link { link, moved: false } => right_pos[link].filter(|&r| r < s).map(|r| (r, pos)),
                _ => None,
            })
            .max();
        inserted.push((anchor.map_or(0, |(_, pos)| pos + 1), s));
    }
    for (shift, (pos, s)) in inserted.into_iter().enumerate() {
        out.insert((pos + shift).min(out.len()), Row::RightOnly(s));
    }
    out
}

/// Which positions belong to one longest increasing run (the rest are "moved"). O(n²).
fn in_order(pos: &[Option<usize>]) -> Vec<bool> {
    let n = pos.len();
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if let (Some(a), Some(b)) = (pos[j], pos[i]) {
                if a < b && best[j] + 1 > best[i] {
                    best[i] = best[j] + 1;
                    prev[i] = j;
                }
            }
        }
    }
    let mut keep = vec![false; n];
    let mut k = (0..n).filter(|&i| pos[i].is_some()).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
    while let Some(i) = k {
        keep[i] = true;
        k = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::report::{DiffSummary, Link, LinkKind, Sentence};

    fn doc(name: &str, n: usize) -> Document {
        let sentences =
            (0..n).map(|k| Sentence { id: format!("{name}#s{k}"), ..Sentence::default() }).collect();
        Document { id: name.into(), sentences, ..Document::default() }
    }

    fn link(l: &[usize], r: &[usize]) -> Link {
        Link {
            left: l.iter().map(|k| format!("a#s{k}")).collect(),
            right: r.iter().map(|k| format!("b#s{k}")).collect(),
            kind: LinkKind::Paraphrase,
            score: 0.5,
            left_in_right: 0.5,
            right_in_left: 0.5,
            conflicts: vec![],
            diff: vec![],
            summary: DiffSummary::default(),
        }
    }

    #[test]
    fn rows_follow_the_left_and_place_right_only_sentences_after_their_neighbour() {
        use Row::*;
        let (a, b) = (doc("a", 4), doc("b", 5));
        let pair = Pair { links: vec![link(&[0], &[1]), link(&[2, 3], &[3])], ..Pair::default() };
        let want = vec![
            RightOnly(0),
            Link { link: 0, moved: false },
            RightOnly(2),
            LeftOnly(1),
            Link { link: 1, moved: false },
            RightOnly(4),
        ];
        assert_eq!(rows(&pair, &a, &b), want);
    }

    #[test]
    fn a_link_against_the_reading_order_is_moved() {
        let (a, b) = (doc("a", 3), doc("b", 3));
        let pair =
            Pair { links: vec![link(&[0], &[1]), link(&[1], &[2]), link(&[2], &[0])], ..Pair::default() };
        let moved: Vec<bool> = rows(&pair, &a, &b)
            .into_iter()
            .filter_map(|r| match r {
                Row::Link { moved, .. } => Some(moved),
                _ => None,
            })
            .collect();
        assert_eq!(moved, vec![false, false, true]);
    }

    #[test]
    fn flipping_swaps_sides_and_reorders_links_by_the_new_left() {
        use crate::engine::report::Piece;
        let piece = |t: &str| Some(Piece { part: 0, start: 0, end: t.len(), text: t.into() });
        let mut a = link(&[0], &[2]);
        a.diff = vec![WordOp { kind: OpKind::Inserted, left: None, right: piece("new") }];
        let pair = Pair {
            left: "a".into(),
            right: "b".into(),
            left_in_right: 0.2,
            right_in_left: 0.6,
            links: vec![a, link(&[1], &[0])],
            left_unique: vec!["a#s2".into()],
            right_unique: vec!["b#s1".into()],
        };
        let f = flip(&pair);
        assert_eq!(
            (f.left.as_str(), f.right.as_str(), f.left_in_right, f.right_in_left),
            ("b", "a", 0.6, 0.2)
        );
        assert_eq!(f.links[0].left, vec!["b#s0"], "links follow the new left's order");
        assert_eq!(f.links[1].right, vec!["a#s0"]);
        assert_eq!(f.links[1].diff, vec![WordOp { kind: OpKind::Deleted, left: piece("new"), right: None }]);
        assert_eq!(
            (f.left_unique.clone(), f.right_unique.clone()),
            (pair.right_unique.clone(), pair.left_unique.clone())
        );
        assert_eq!(flip(&f), pair);
    }

    #[test]
    fn a_flipped_diff_reads_in_the_new_left_order() {
        use crate::engine::report::Piece;
        let at = |start: usize, t: &str| Some(Piece { part: 0, start, end: start + t.len(), text: t.into() });
        let op = |kind, left, right| WordOp { kind, left, right };
        // left: "aid was cut sharply"; right: "sharply cut aid now" (moves and one insertion).
        let ops = vec![
            op(OpKind::Moved, at(0, "aid"), at(14, "aid")),
            op(OpKind::Deleted, at(4, "was"), None),
            op(OpKind::Equal, at(8, "cut"), at(8, "cut")),
            op(OpKind::Moved, at(12, "sharply"), at(0, "sharply")),
            op(OpKind::Inserted, None, at(18, "now")),
        ];
        let flipped = flip_ops(&ops);
        let read: Vec<(OpKind, &str)> = flipped
            .iter()
            .map(|o| (o.kind, o.left.as_ref().or(o.right.as_ref()).map_or("", |p| p.text.as_str())))
            .collect();
        assert_eq!(
            read,
            vec![
                (OpKind::Inserted, "was"),
                (OpKind::Moved, "sharply"),
                (OpKind::Equal, "cut"),
                (OpKind::Moved, "aid"),
                (OpKind::Deleted, "now"),
            ]
        );
        // The new left pieces stand in reading order.
        let starts: Vec<usize> = flipped.iter().filter_map(|o| o.left.as_ref().map(|p| p.start)).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    }

    #[test]
    fn every_flipped_seed_diff_reads_in_its_left_order() {
        let inputs: Vec<crate::engine::Input> = crate::seeds::SEEDS
            .iter()
            .map(|s| crate::engine::Input { id: s.name.to_string(), text: s.text.to_string() })
            .collect();
        let report = crate::engine::analyze(&inputs, &crate::engine::Config::default());
        let mut checked = 0;
        for pair in &report.pairs {
            for (side, p) in [("as given", pair.clone()), ("flipped", flip(pair))] {
                for l in &p.links {
                    let lefts: Vec<(usize, usize)> =
                        l.diff.iter().filter_map(|o| o.left.as_ref().map(|x| (x.part, x.start))).collect();
                    assert!(lefts.windows(2).all(|w| w[0] < w[1]), "{side} {:?}: {lefts:?}", l.left);
                    checked += 1;
                }
            }
        }
        assert!(checked >= 20, "{checked} links checked");
    }

    #[test]
    fn empty_documents_give_no_rows() {
        assert_eq!(rows(&Pair::default(), &doc("a", 0), &doc("b", 0)), vec![]);
        assert_eq!(
            rows(&Pair::default(), &doc("a", 0), &doc("b", 2)),
            vec![Row::RightOnly(0), Row::RightOnly(1)]
        );
    }
}
