//! Paraphrase-aware word diff inside one link, on top of `similar`.
//!
//! A plain word diff of a rewrite is a wall of red and green. This module labels each run by
//! *how* it changed. Worked example (seeds 000 and 003):
//!
//! ```text
//! left : Zelenskyy has consistently rejected the notion of surrendering territory to Russia.
//! right: Zelensky has been denying any such concessions to stop the war from the beginning.
//! plain: -Zelenskyy +Zelensky  has  -consistently rejected the notion of surrendering territory
//!        +been denying any such concessions  to  -Russia +stop the war from the beginning
//! here : variant(Zelenskyy/Zelensky) equal(has) changed(consistently rejected …/been denying …)
//!        equal(to) changed(Russia/stop the war from the beginning)
//! ```
//! and with a synonym table that relates "rejected"/"denying", that run becomes a `synonym` op.
//!
//! Three passes:
//! 1. `similar`'s Patience diff over case-folded words anchors the exact, in-order runs
//!    (no deadline is passed: `Instant` panics on wasm). Shortcuts with the same result: a
//!    verbatim copy is one run read off its raw words, with no word analysed; where the sides
//!    begin or end alike, one takes the other's tokens there
//!    ([`Lexicon::tokenize_shared_beside`]); equal forms make one run, when the words common to
//!    both sides come in one order the runs are read off directly (`aligned_edits`),
//!    Patience's anchors (words once on a side) are found by counting ids, not hashing them,
//!    and paired without Myers when the common ones come in one order; a gap between anchors
//!    empty on a side needs no Myers either. Words tokenized from text bring their form's id
//!    from the lexicon's word cache, so forms are not hashed again.
//! 2. Inside each gap between anchors, a small weighted LCS pairs words the lexicon relates
//!    (inflection, spelling/number variant, synonym), strongest relation first.
//! 3. Words still unmatched on one side that the lexicon relates to unmatched words on the other
//!    side elsewhere become `moved` (content words start a move; runs extend over exact neighbours).
//!
//! Cost: Patience is O((n+m) log(n+m)) for n, m words; the gap LCS is O(g·h) per gap, skipped
//! above [`DiffConfig::max_gap_cells`]; the move search is O(u·v) over the u, v unmatched words.
//! From text ([`diff_texts`]), the peer benchmark's 1,466 sentence pairs (~25 words a side,
//! 780 of them verbatim) take ~27,000 instructions a pair natively (callgrind, 2026-12-04;
//! ~29,000 before the shared prefix and suffix tokens, ~40,000 before the verbatim shortcut,
//! ~50,000 before `patience` and the reused `Scratch`); the 686 that differ, ~52,000 (~57,000
//! before the shared tokens). What is left is flat: `similar`'s Myers a fifth, the tokenizer's
//! scan and look-ups a quarter, the rest spread over the passes and the output's strings. In
//! wasm (opt-level z) the same pairs run at ~96,000 a second on an AMD EPYC core, ~2.1× as
//! many as diff-match-patch's word mode beside it (README, Current figures); a pair of
//! ~760-word articles takes ~20 M instructions natively, ~1 ms (`make bench-peers`).

use similar::algorithms::{myers, Capture, Compact, DiffHook, NoFinishHook, Replace};
use similar::{capture_diff_slices, Algorithm, DiffOp};

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::lexicon::{word_extent, Lexicon, MatchKind, SharedToken, Token, TokenKind, WordHasher};
use super::report::{DiffSummary, OpKind, Piece, WordOp};
use super::similarity::SentenceProfile;

/// Limits of the word diff.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffConfig {
    /// Gaps with more cells (left words × right words) skip the relation LCS and count as changed.
    pub max_gap_cells: usize,
    /// Moves are searched only when both sides have at most this many unmatched words.
    pub max_move_search: usize,
}

impl Default for DiffConfig {
    fn default() -> Self {
        DiffConfig { max_gap_cells: 4096, max_move_search: 256 }
    }
}

/// The labelled ops of one link and their summary.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkDiff {
    pub ops: Vec<WordOp>,
    pub summary: DiffSummary,
}

/// One word of a link side: which sentence it is in, its span there and the token itself,
/// with the id of its folded form when it has one (0: none, see [`SharedToken::form`]).
#[derive(Clone, Copy)]
struct Word<'a> {
    part: usize,
    start: usize,
    end: usize,
    token: &'a Token,
    form: u32,
}

fn words<'a>(parts: &[&'a SentenceProfile]) -> Vec<Word<'a>> {
    parts
        .iter()
        .enumerate()
        .flat_map(|(part, p)| {
            p.tokens.iter().map(move |token| Word {
                part,
                start: token.start,
                end: token.end,
                token,
                form: 0,
            })
        })
        .collect()
}

/// How a left word relates to a right word after the three passes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pairing {
    /// Matched in order, with this op kind.
    InOrder(usize, OpKind),
    /// Matched out of order.
    Moved(usize),
}

fn op_of(kind: MatchKind) -> OpKind {
    match kind {
        MatchKind::Exact => OpKind::Equal,
        MatchKind::Inflection => OpKind::Inflection,
        MatchKind::Variant | MatchKind::Number => OpKind::Variant,
        MatchKind::Synonym => OpKind::Synonym,
    }
}

fn strength(kind: MatchKind) -> u32 {
    match kind {
        MatchKind::Exact => 8,
        MatchKind::Inflection | MatchKind::Variant | MatchKind::Number => 6,
        MatchKind::Synonym => 4,
    }
}

/// Diffs the words of `left` against `right` (each side one or more sentences of a link).
pub fn diff_link(
    lexicon: &Lexicon,
    left: &[&SentenceProfile],
    right: &[&SentenceProfile],
    config: &DiffConfig,
) -> LinkDiff {
    let (lw, rw) = (words(left), words(right));
    let lt: Vec<&str> = left.iter().map(|p| p.text.as_str()).collect();
    let rt: Vec<&str> = right.iter().map(|p| p.text.as_str()).collect();
    with_scratch(|s| diff_words(s, lexicon, &lw, &rw, &lt, &rt, config))
}

/// The labelled word diff of two plain texts, each taken as one part (a sentence or a whole
/// article): tokenize both, then [`diff_link`]'s passes. The entry point of the peer benchmark
/// (`wirediff bench diff`, `make bench-peers`).
pub fn diff_texts(lexicon: &Lexicon, left: &str, right: &str, config: &DiffConfig) -> LinkDiff {
    fn word(t: &SharedToken) -> Word<'_> {
        Word { part: 0, start: t.start, end: t.end, token: &t.token, form: t.form }
    }
    if left == right {
        // A verbatim copy (over half of the links between wire copy and its reprints) is one
        // equal run from the first word to the last, and the raw words say where those are:
        // no word is analysed or looked up.
        if let Some((start, end)) = word_extent(left) {
            return verbatim(left, start, end);
        }
    }
    let lt = lexicon.tokenize_shared(left);
    let lw: Vec<Word> = lt.iter().map(word).collect();
    if left == right {
        // Tokenizing is deterministic, so one side's words are the other's.
        return with_scratch(|s| diff_words(s, lexicon, &lw, &lw, &[left], &[right], config));
    }
    let rt = lexicon.tokenize_shared_beside(right, left, &lt);
    let rw: Vec<Word> = rt.iter().map(word).collect();
    with_scratch(|s| diff_words(s, lexicon, &lw, &rw, &[left], &[right], config))
}

/// What [`diff_words`] gives two copies of `text` whose words span `start..end`: one equal op.
fn verbatim(text: &str, start: usize, end: usize) -> LinkDiff {
    let piece = || Some(Piece { part: 0, start, end, text: text[start..end].to_string() });
    LinkDiff {
        ops: vec![WordOp { kind: OpKind::Equal, left: piece(), right: piece() }],
        summary: summary_of(&[2, 0, 0, 0, 0]),
    }
}

/// Ids of the words' folded forms, equal exactly when the forms are, numbered from 0 in order
/// of first occurrence (left, then right): `similar` then compares integers, not strings.
/// When every word has its form's id from the lexicon (words tokenized from text), the ids are
/// renumbered through `slots`, indexed by that id, and no form is hashed again.
fn form_ids<'a>(lw: &[Word<'a>], rw: &[Word<'a>], l: &mut Vec<u32>, r: &mut Vec<u32>, slots: &mut Vec<u32>) {
    l.clear();
    r.clear();
    let (mut all, mut top) = (true, 0);
    for w in lw.iter().chain(rw) {
        all &= w.form != 0;
        top = top.max(w.form);
    }
    if all {
        // slots[form] is the dense id + 1 of a form met in this pair, 0 otherwise; the slots
        // set here are cleared again below.
        if slots.len() <= top as usize {
            slots.resize(top as usize + 1, 0);
        }
        let mut next = 0;
        for (words, ids) in [(lw, &mut *l), (rw, &mut *r)] {
            for w in words {
                let slot = &mut slots[w.form as usize];
                if *slot == 0 {
                    next += 1;
                    *slot = next;
                }
                ids.push(*slot - 1);
            }
        }
        for w in lw.iter().chain(rw) {
            slots[w.form as usize] = 0;
        }
        return;
    }
    let mut ids: HashMap<&'a str, u32, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(lw.len() + rw.len(), BuildHasherDefault::default());
    let mut id = |w: &Word<'a>| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(&*w.token.norm).or_insert(next)
    };
    l.extend(lw.iter().map(&mut id));
    r.extend(rw.iter().map(&mut id));
}

/// Whether both sides have the same folded forms in the same order (the same token, shared
/// with the lexicon's word cache, is compared by address first).
fn same_forms(lw: &[Word], rw: &[Word]) -> bool {
    lw.len() == rw.len()
        && lw.iter().zip(rw).all(|(a, b)| std::ptr::eq(a.token, b.token) || a.token.norm == b.token.norm)
}

/// The exact diff of `left` and `right` (dense ids, as from [`form_ids`]) when the words that
/// occur on both sides come in the same order on both, each as often: then every other word
/// occurs on one side only, the common words' pairing is the only longest common subsequence,
/// and no run of one-sided words can slide onto a common neighbour, so Patience would return
/// these ops too (equal runs, and each stretch between them deleted, inserted or replaced;
/// checked against it in the tests). "… said on Thursday" / "… said late on Thursday" is one;
/// so are 287 of the 647 changed sentence pairs of the peer benchmark. O(n + m) instead of
/// Patience's hashing and Myers passes. `None` when the common words differ in order or count.
fn aligned_edits(left: &[u32], right: &[u32], sides: &mut Vec<u8>) -> Option<Vec<DiffOp>> {
    // Which side each id occurs on (bit 1: left, bit 2: right); ids are below n + m.
    sides.clear();
    sides.resize(left.len() + right.len(), 0);
    for &id in left {
        *sides.get_mut(id as usize)? |= 1;
    }
    for &id in right {
        *sides.get_mut(id as usize)? |= 2;
    }
    let common = |id: u32| sides[id as usize] == 3;
    if !left.iter().copied().filter(|&id| common(id)).eq(right.iter().copied().filter(|&id| common(id))) {
        return None;
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < left.len() || j < right.len() {
        // Common words pair up in order (the filtered sequences are equal).
        let (i0, j0) = (i, j);
        while i < left.len() && j < right.len() && common(left[i]) && common(right[j]) {
            i += 1;
            j += 1;
        }
        if i > i0 {
            ops.push(DiffOp::Equal { old_index: i0, new_index: j0, len: i - i0 });
        }
        let (i0, j0) = (i, j);
        while i < left.len() && !common(left[i]) {
            i += 1;
        }
        while j < right.len() && !common(right[j]) {
            j += 1;
        }
        match (i - i0, j - j0) {
            (0, 0) => {}
            (old_len, 0) => ops.push(DiffOp::Delete { old_index: i0, old_len, new_index: j0 }),
            (0, new_len) => ops.push(DiffOp::Insert { old_index: i0, new_index: j0, new_len }),
            (old_len, new_len) => {
                ops.push(DiffOp::Replace { old_index: i0, old_len, new_index: j0, new_len })
            }
        }
    }
    Some(ops)
}

/// [`patience`]'s buffers, kept between diffs: per id, its count on a side; per side, its
/// anchors (ids once on it) and their positions.
#[derive(Default)]
struct Anchors {
    counts: Vec<u8>,
    left: Vec<u32>,
    left_at: Vec<usize>,
    right: Vec<u32>,
    right_at: Vec<usize>,
}

/// `similar`'s Patience diff of dense ids (as from [`form_ids`]), with the same ops as
/// `capture_diff_slices(Algorithm::Patience, left, right)` (checked against it in the tests).
/// Patience anchors on the ids that occur once on a side; `similar` finds them with a hash map
/// per side and a sort, which took a seventh of a changed sentence pair's time in wasm. Dense
/// ids are below n + m, so counting them in an array finds them in O(n + m). The Myers passes
/// over the anchors and between them, and the `Compact` + `Replace` + `Capture` chain, are
/// `similar`'s own. When both sides have 512 words or more, `similar` diffs them whole: its
/// Patience may take a shortcut for long, nearly disjoint sides that this does not repeat.
fn patience(left: &[u32], right: &[u32], anchors: &mut Anchors) -> Vec<DiffOp> {
    const LONG: usize = 512;
    let bound = left.len() + right.len();
    if left.len().min(right.len()) >= LONG || left.iter().chain(right).any(|&id| id as usize >= bound) {
        return capture_diff_slices(Algorithm::Patience, left, right);
    }
    let mut d = Compact::new(Replace::new(Capture::new()), left, right);
    let Ok(()) = patience_into(&mut d, left, right, anchors);
    d.into_inner().into_inner().into_ops()
}

fn patience_into<D: DiffHook>(
    d: &mut D,
    left: &[u32],
    right: &[u32],
    anchors: &mut Anchors,
) -> Result<(), D::Error> {
    let (n, m) = (left.len(), right.len());
    if n == 0 || m == 0 {
        if m > 0 {
            d.insert(0, 0, m)?;
        } else if n > 0 {
            d.delete(0, n, 0)?;
        }
        return d.finish();
    }
    if left == right {
        d.equal(0, 0, n)?;
        return d.finish();
    }
    // Each side's ids that occur once on it, in order, and where they are.
    let Anchors { counts, left: left_ids, left_at, right: right_ids, right_at } = anchors;
    counts.resize(n + m, 0);
    // (Plain loops: at opt-level "z" iterator adapters and closures are calls.)
    fn unique(side: &[u32], counts: &mut [u8], ids: &mut Vec<u32>, at: &mut Vec<usize>) {
        counts.fill(0);
        for &id in side {
            let c = &mut counts[id as usize];
            *c = c.saturating_add(1);
        }
        ids.clear();
        at.clear();
        for (i, &id) in side.iter().enumerate() {
            if counts[id as usize] == 1 {
                ids.push(id);
                at.push(i);
            }
        }
    }
    unique(left, counts, left_ids, left_at);
    unique(right, counts, right_ids, right_at);
    let mut hook = Anchored { d, left, right, left_at, right_at, i: 0, j: 0 };
    // When the anchors on both sides (each side's ids are distinct) come in one order, the
    // longest common subsequence is all of them, and it is the only one: Myers pairs exactly
    // those, in order (as in most rewrites: words added or dropped, none moved). Below 256
    // anchors in all, `similar`'s Myers is exact (its cost heuristics start at 256 edits).
    if left_ids.len() + right_ids.len() < 256 {
        // `counts` holds the right side's counts: 1 marks a right anchor; 3 marks one that is
        // a left anchor too.
        for &id in left_ids.iter() {
            if counts[id as usize] == 1 {
                counts[id as usize] = 3;
            }
        }
        // The position of the first common anchor from `k` on (`ids.len()` if none).
        fn next_common(ids: &[u32], counts: &[u8], mut k: usize) -> usize {
            while k < ids.len() && counts[ids[k] as usize] != 3 {
                k += 1;
            }
            k
        }
        let (ln, rn) = (left_ids.len(), right_ids.len());
        let (mut a, mut b) = (next_common(left_ids, counts, 0), next_common(right_ids, counts, 0));
        while a < ln && b < rn && left_ids[a] == right_ids[b] {
            (a, b) = (next_common(left_ids, counts, a + 1), next_common(right_ids, counts, b + 1));
        }
        if a == ln && b == rn {
            let (mut a, mut b) = (next_common(left_ids, counts, 0), next_common(right_ids, counts, 0));
            while a < ln {
                DiffHook::equal(&mut hook, a, b, 1)?;
                (a, b) = (next_common(left_ids, counts, a + 1), next_common(right_ids, counts, b + 1));
            }
            return DiffHook::finish(&mut hook);
        }
    }
    myers_of(&mut hook, left_ids, 0..left_ids.len(), right_ids, 0..right_ids.len())
}

/// `similar`'s Myers with no deadline, behind one hook type: each hook type is another copy of
/// Myers in the wasm (~7 KB raw, ~1 KB gzipped), and calling the hook through `dyn` costs
/// nothing measurable.
fn myers_of<E>(
    d: &mut dyn Hook<E>,
    left: &[u32],
    left_range: std::ops::Range<usize>,
    right: &[u32],
    right_range: std::ops::Range<usize>,
) -> Result<(), E> {
    myers::diff_deadline(&mut Dyn(d), left, left_range, right, right_range, None)
}

/// [`DiffHook`]'s calls, as a trait that can be used as `dyn` (`DiffHook` requires `Sized`).
trait Hook<E> {
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), E>;
    fn delete(&mut self, old: usize, old_len: usize, new: usize) -> Result<(), E>;
    fn insert(&mut self, old: usize, new: usize, new_len: usize) -> Result<(), E>;
    fn replace(&mut self, old: usize, old_len: usize, new: usize, new_len: usize) -> Result<(), E>;
    fn finish(&mut self) -> Result<(), E>;
}

impl<D: DiffHook> Hook<D::Error> for D {
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), D::Error> {
        DiffHook::equal(self, old, new, len)
    }
    fn delete(&mut self, old: usize, old_len: usize, new: usize) -> Result<(), D::Error> {
        DiffHook::delete(self, old, old_len, new)
    }
    fn insert(&mut self, old: usize, new: usize, new_len: usize) -> Result<(), D::Error> {
        DiffHook::insert(self, old, new, new_len)
    }
    fn replace(&mut self, old: usize, old_len: usize, new: usize, new_len: usize) -> Result<(), D::Error> {
        DiffHook::replace(self, old, old_len, new, new_len)
    }
    fn finish(&mut self) -> Result<(), D::Error> {
        DiffHook::finish(self)
    }
}

struct Dyn<'a, E>(&'a mut dyn Hook<E>);

impl<E> DiffHook for Dyn<'_, E> {
    type Error = E;
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), E> {
        self.0.equal(old, new, len)
    }
    fn delete(&mut self, old: usize, old_len: usize, new: usize) -> Result<(), E> {
        self.0.delete(old, old_len, new)
    }
    fn insert(&mut self, old: usize, new: usize, new_len: usize) -> Result<(), E> {
        self.0.insert(old, new, new_len)
    }
    fn replace(&mut self, old: usize, old_len: usize, new: usize, new_len: usize) -> Result<(), E> {
        self.0.replace(old, old_len, new, new_len)
    }
    fn finish(&mut self) -> Result<(), E> {
        self.0.finish()
    }
}

/// What `similar`'s Patience does with each anchor pair Myers finds: the equal run up to the
/// anchor, then Myers on the stretch before it; at the end, Myers on the rest.
struct Anchored<'a, D> {
    d: &'a mut D,
    left: &'a [u32],
    right: &'a [u32],
    left_at: &'a [usize],
    right_at: &'a [usize],
    i: usize,
    j: usize,
}

impl<D: DiffHook> DiffHook for Anchored<'_, D> {
    type Error = D::Error;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), D::Error> {
        for (a, b) in (old..old + len).zip(new..new + len) {
            let (to_i, to_j) = (self.left_at[a], self.right_at[b]);
            let (i0, j0) = (self.i, self.j);
            while self.i < to_i && self.j < to_j && self.left[self.i] == self.right[self.j] {
                self.i += 1;
                self.j += 1;
            }
            if self.i > i0 {
                self.d.equal(i0, j0, self.i - i0)?;
            }
            // A gap empty on a side gets the op Myers would give it, without Myers' set-up
            // (most anchors follow one another); so does such a rest in `finish`.
            match (to_i - self.i, to_j - self.j) {
                (0, 0) => {}
                (0, len) => self.d.insert(self.i, self.j, len)?,
                (len, 0) => self.d.delete(self.i, len, self.j)?,
                _ => {
                    let mut gap = NoFinishHook::new(&mut *self.d);
                    myers_of(&mut gap, self.left, self.i..to_i, self.right, self.j..to_j)?;
                }
            }
            (self.i, self.j) = (to_i, to_j);
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), D::Error> {
        let (left, right) = (self.left, self.right);
        match (left.len() - self.i, right.len() - self.j) {
            (0, 0) => {}
            (0, len) => self.d.insert(self.i, self.j, len)?,
            (len, 0) => self.d.delete(self.i, len, self.j)?,
            _ => return myers_of(&mut *self.d, left, self.i..left.len(), right, self.j..right.len()),
        }
        self.d.finish()
    }
}

/// [`diff_words`]' working vectors, kept from one diff to the next (cleared, not freed): a
/// sentence pair's diff is short, and allocating and freeing them was a tenth of it in wasm.
#[derive(Default)]
struct Scratch {
    left_pair: Vec<Option<Pairing>>,
    right_taken: Vec<bool>,
    right_moved: Vec<bool>,
    gaps: Vec<(usize, usize, usize, usize)>,
    free_left: Vec<usize>,
    free_right: Vec<usize>,
    merged: Vec<RawOp>,
    left_ids: Vec<u32>,
    right_ids: Vec<u32>,
    /// [`form_ids`]' table, all zeros between diffs.
    form_slots: Vec<u32>,
    anchors: Anchors,
    lcs: Lcs,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Runs `f` with the thread's [`Scratch`] (a fresh one if it is in use, which a diff never
/// leaves it), then frees the scratch if a long pair grew it.
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            let out = f(&mut scratch);
            if scratch.left_pair.capacity() + scratch.right_taken.capacity() > 1 << 16 {
                *scratch = Scratch::default();
            }
            out
        }
        Err(_) => f(&mut Scratch::default()),
    })
}

fn diff_words(
    scratch: &mut Scratch,
    lexicon: &Lexicon,
    lw: &[Word],
    rw: &[Word],
    left: &[&str],
    right: &[&str],
    config: &DiffConfig,
) -> LinkDiff {
    let Scratch {
        left_pair,
        right_taken,
        right_moved,
        gaps,
        free_left,
        free_right,
        merged,
        left_ids,
        right_ids,
        form_slots,
        anchors,
        lcs,
    } = scratch;
    left_pair.clear();
    left_pair.resize(lw.len(), None);
    right_taken.clear();
    right_taken.resize(rw.len(), false);
    right_moved.clear();
    right_moved.resize(rw.len(), false);
    gaps.clear();
    merged.clear();

    // Pass 1: exact anchors in order. When the folded forms are the same throughout,
    // Patience would find one equal run: skip it (and the ids).
    let ops = if same_forms(lw, rw) {
        vec![DiffOp::Equal { old_index: 0, new_index: 0, len: lw.len() }]
    } else {
        form_ids(lw, rw, left_ids, right_ids, form_slots);
        aligned_edits(left_ids, right_ids, &mut anchors.counts)
            .unwrap_or_else(|| patience(left_ids, right_ids, anchors))
    };
    for op in &ops {
        match *op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    left_pair[old_index + k] = Some(Pairing::InOrder(new_index + k, OpKind::Equal));
                    right_taken[new_index + k] = true;
                }
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                gaps.push((old_index, old_index + old_len, new_index, new_index + new_len))
            }
            // Lone deletions and insertions: a later pass may still find a move.
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }

    // Pass 2: related words inside each replaced gap, in order.
    for &(l0, l1, r0, r1) in gaps.iter() {
        let (n, m) = (l1 - l0, r1 - r0);
        if n.saturating_mul(m) > config.max_gap_cells {
            continue;
        }
        related_lcs(lexicon, &lw[l0..l1], &rw[r0..r1], lcs);
        for &(i, j, kind) in &lcs.out {
            left_pair[l0 + i] = Some(Pairing::InOrder(r0 + j, op_of(kind)));
            right_taken[r0 + j] = true;
        }
    }

    // Pass 3: moves among the words still unmatched.
    free_left.clear();
    free_left.extend((0..lw.len()).filter(|&i| left_pair[i].is_none()));
    free_right.clear();
    free_right.extend((0..rw.len()).filter(|&j| !right_taken[j]));
    if free_left.len() <= config.max_move_search && free_right.len() <= config.max_move_search {
        for &i in free_left.iter() {
            let a = lw[i].token;
            if left_pair[i].is_some() || !(a.content || a.kind == TokenKind::Number) {
                continue;
            }
            let Some(&j) = free_right.iter().find(|&&j| {
                !right_taken[j] && rw[j].token.content && lexicon.relate(a, rw[j].token).is_some()
            }) else {
                continue;
            };
            left_pair[i] = Some(Pairing::Moved(j));
            right_taken[j] = true;
            right_moved[j] = true;
            // Extend the move over exact neighbours on both sides ("military aid").
            for dir in [-1isize, 1] {
                let (mut ii, mut jj) = (i as isize + dir, j as isize + dir);
                while ii >= 0 && jj >= 0 && (ii as usize) < lw.len() && (jj as usize) < rw.len() {
                    let (iu, ju) = (ii as usize, jj as usize);
                    if left_pair[iu].is_some() || right_taken[ju] || lw[iu].token.norm != rw[ju].token.norm {
                        break;
                    }
                    left_pair[iu] = Some(Pairing::Moved(ju));
                    right_taken[ju] = true;
                    right_moved[ju] = true;
                    ii += dir;
                    jj += dir;
                }
            }
        }
    }

    walk(left_pair, right_moved, right_taken, lw, rw, |op| merge_into(merged, op, lw, rw));
    let summary = summarize(merged, lw, rw, lexicon);
    let ops = merged.iter().map(|op| to_word_op(op, lw, rw, left, right)).collect();
    LinkDiff { ops, summary }
}

/// [`related_lcs`]' table and result, kept between gaps and diffs.
#[derive(Default)]
struct Lcs {
    /// How each left word relates to each right word (row-major).
    rel: Vec<Option<MatchKind>>,
    dp: Vec<u32>,
    /// Pairs (i, j, kind) in increasing i and j.
    out: Vec<(usize, usize, MatchKind)>,
}

/// A weighted LCS over the lexicon's relation: pairs (i, j, kind) in increasing i and j, into
/// `lcs.out`.
fn related_lcs(lexicon: &Lexicon, left: &[Word], right: &[Word], Lcs { rel, dp, out }: &mut Lcs) {
    out.clear();
    let (n, m) = (left.len(), right.len());
    if n == 0 || m == 0 {
        return;
    }
    rel.clear();
    rel.extend((0..n * m).map(|k| {
        let (a, b) = (left[k / m].token, right[k % m].token);
        // Function words pair only when identical; content words by any relation.
        if !(a.content || a.kind == TokenKind::Number) && a.norm != b.norm {
            return None;
        }
        lexicon.relate(a, b)
    }));
    let w = m + 1;
    dp.clear();
    dp.resize((n + 1) * (m + 1), 0);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = dp[(i + 1) * w + j].max(dp[i * w + j + 1]);
            let take = rel[i * m + j].map_or(0, |k| strength(k) + dp[(i + 1) * w + j + 1]);
            dp[i * w + j] = skip.max(take);
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if let Some(k) = rel[i * m + j] {
            if dp[i * w + j] == strength(k) + dp[(i + 1) * w + j + 1] {
                out.push((i, j, k));
                i += 1;
                j += 1;
                continue;
            }
        }
        if dp[(i + 1) * w + j] >= dp[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// A token-level op: kind plus token index ranges on each side.
#[derive(Clone, Debug, PartialEq)]
struct RawOp {
    kind: OpKind,
    left: Option<(usize, usize)>,
    right: Option<(usize, usize)>,
}

/// Walks both sides in left order, emitting token-level ops. A run of in-order pairs of one
/// kind, contiguous on both sides and within one sentence on each, is emitted as one op: the
/// op [`merge_into`] would join from its one-word ops (one call instead of one a word).
fn walk(
    left_pair: &[Option<Pairing>],
    right_moved: &[bool],
    right_taken: &[bool],
    lw: &[Word],
    rw: &[Word],
    mut emit: impl FnMut(RawOp),
) {
    let (n, m) = (left_pair.len(), right_moved.len());
    let in_order_right = |j: usize| right_taken[j] && !right_moved[j];
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n {
            if let Some(Pairing::Moved(t)) = left_pair[i] {
                emit(RawOp { kind: OpKind::Moved, left: Some((i, i + 1)), right: Some((t, t + 1)) });
                i += 1;
                continue;
            }
        }
        if j < m && right_moved[j] {
            j += 1;
            continue;
        }
        if let (true, Some(Some(Pairing::InOrder(t, kind)))) = (j < m, left_pair.get(i)) {
            if *t == j {
                let (i0, j0, kind) = (i, j, *kind);
                i += 1;
                j += 1;
                while i < n
                    && j < m
                    && left_pair[i] == Some(Pairing::InOrder(j, kind))
                    && !right_moved[j]
                    && lw[i].part == lw[i - 1].part
                    && rw[j].part == rw[j - 1].part
                {
                    i += 1;
                    j += 1;
                }
                emit(RawOp { kind, left: Some((i0, i)), right: Some((j0, j)) });
                continue;
            }
        }
        let i0 = i;
        while i < n && left_pair[i].is_none() {
            i += 1;
        }
        let j0 = j;
        while j < m && !in_order_right(j) && !right_moved[j] {
            j += 1;
        }
        match (i > i0, j > j0) {
            (true, true) => emit(RawOp { kind: OpKind::Changed, left: Some((i0, i)), right: Some((j0, j)) }),
            (true, false) => emit(RawOp { kind: OpKind::Deleted, left: Some((i0, i)), right: None }),
            (false, true) => emit(RawOp { kind: OpKind::Inserted, left: None, right: Some((j0, j)) }),
            (false, false) => {
                // Out of step (cannot happen with monotone in-order pairs); advance to stay total.
                if i < n {
                    emit(RawOp { kind: OpKind::Deleted, left: Some((i, i + 1)), right: None });
                    i += 1;
                } else if j < m {
                    emit(RawOp { kind: OpKind::Inserted, left: None, right: Some((j, j + 1)) });
                    j += 1;
                }
            }
        }
    }
}

/// Appends `op` to `out`, joined with the last op when both are of one kind and contiguous on
/// both sides within one sentence; a run that crosses a sentence boundary is split there.
fn merge_into(out: &mut Vec<RawOp>, op: RawOp, lw: &[Word], rw: &[Word]) {
    let joins = |a: Option<(usize, usize)>, b: Option<(usize, usize)>, ws: &[Word]| match (a, b) {
        (None, None) => true,
        (Some((_, ae)), Some((bs, _))) => ae == bs && ws[ae - 1].part == ws[bs].part,
        _ => false,
    };
    if let Some(last) = out.last_mut() {
        if last.kind == op.kind && joins(last.left, op.left, lw) && joins(last.right, op.right, rw) {
            last.left = last.left.zip(op.left).map(|(a, b)| (a.0, b.1));
            last.right = last.right.zip(op.right).map(|(a, b)| (a.0, b.1));
            return;
        }
    }
    let crosses = |r: Option<(usize, usize)>, ws: &[Word]| {
        r.is_some_and(|(s, e)| e > s && ws[s].part != ws[e - 1].part)
    };
    if crosses(op.left, lw) || crosses(op.right, rw) {
        out.extend(split_at_parts(op, lw, rw));
    } else {
        out.push(op);
    }
}

fn split_at_parts(op: RawOp, lw: &[Word], rw: &[Word]) -> Vec<RawOp> {
    let pieces = |r: Option<(usize, usize)>, ws: &[Word]| -> Vec<Option<(usize, usize)>> {
        match r {
            None => vec![None],
            Some((s, e)) => {
                let mut v = Vec::new();
                let mut a = s;
                for k in s + 1..=e {
                    if k == e || ws[k].part != ws[a].part {
                        v.push(Some((a, k)));
                        a = k;
                    }
                }
                v
            }
        }
    };
    let (lp, rp) = (pieces(op.left, lw), pieces(op.right, rw));
    let n = lp.len().max(rp.len());
    (0..n)
        .map(|k| RawOp {
            kind: op.kind,
            left: lp.get(k).copied().flatten(),
            right: rp.get(k).copied().flatten(),
        })
        .filter(|o| o.left.is_some() || o.right.is_some())
        .map(|mut o| {
            // A changed run split unevenly leaves one-sided tails.
            if o.kind == OpKind::Changed {
                o.kind = match (o.left.is_some(), o.right.is_some()) {
                    (true, false) => OpKind::Deleted,
                    (false, true) => OpKind::Inserted,
                    _ => OpKind::Changed,
                };
            }
            o
        })
        .collect()
}

fn piece(range: Option<(usize, usize)>, ws: &[Word], parts: &[&str]) -> Option<Piece> {
    let (s, e) = range?;
    let (first, last) = (ws.get(s)?, ws.get(e.checked_sub(1)?)?);
    let text = parts.get(first.part)?.get(first.start..last.end).unwrap_or_default();
    Some(Piece { part: first.part, start: first.start, end: last.end, text: text.to_string() })
}

fn to_word_op(op: &RawOp, lw: &[Word], rw: &[Word], left: &[&str], right: &[&str]) -> WordOp {
    WordOp { kind: op.kind, left: piece(op.left, lw, left), right: piece(op.right, rw, right) }
}

/// Shares of all words on both sides, by category, summing to 100 (largest remainder). In a
/// move, only the same words count as "moved": "devised" there for "drafted" here is a
/// synonym swap that also moved and counts as one, "Russia" for "Russian" a minor edit
/// (`lw`, `rw`: the words; `lexicon` relates them as the diff did).
fn summarize(ops: &[RawOp], lw: &[Word], rw: &[Word], lexicon: &Lexicon) -> DiffSummary {
    let len = |r: Option<(usize, usize)>| r.map_or(0, |(s, e)| e - s);
    let mut counts = [0usize; 5];
    for op in ops {
        let slot = match op.kind {
            OpKind::Equal => 0,
            OpKind::Inflection | OpKind::Variant => 1,
            OpKind::Synonym => 2,
            OpKind::Moved => 3,
            OpKind::Changed | OpKind::Inserted | OpKind::Deleted => 4,
        };
        if let (OpKind::Moved, Some((l0, l1)), Some((r0, r1))) = (op.kind, op.left, op.right) {
            if l1 - l0 == r1 - r0 {
                for (a, b) in
                    lw[l0.min(lw.len())..l1.min(lw.len())].iter().zip(&rw[r0.min(rw.len())..r1.min(rw.len())])
                {
                    let slot = match lexicon.relate(a.token, b.token).map(op_of) {
                        Some(OpKind::Inflection | OpKind::Variant) => 1,
                        Some(OpKind::Synonym) => 2,
                        _ => 3,
                    };
                    counts[slot] += 2;
                }
                continue;
            }
        }
        counts[slot] += len(op.left) + len(op.right);
    }
    summary_of(&counts)
}

/// The summary of word counts by category (verbatim, minor edits, synonym swaps, moved, new
/// wording).
fn summary_of(counts: &[usize; 5]) -> DiffSummary {
    let pct = percentages(counts);
    let names = ["verbatim", "minor edits", "synonym swaps", "moved", "new wording"];
    let display = if counts.iter().sum::<usize>() == 0 {
        "no words".to_string()
    } else {
        // "62% verbatim, 21% synonym swaps": written digit by digit, no formatting machinery.
        let mut display = String::with_capacity(64);
        for (&p, name) in pct.iter().zip(names).filter(|(p, _)| **p > 0) {
            if !display.is_empty() {
                display.push_str(", ");
            }
            if p >= 100 {
                display.push('1');
            }
            if p >= 10 {
                display.push(char::from(b'0' + (p / 10) % 10));
            }
            display.push(char::from(b'0' + p % 10));
            display.push_str("% ");
            display.push_str(name);
        }
        display
    };
    DiffSummary {
        verbatim: pct[0],
        minor: pct[1],
        synonym: pct[2],
        moved: pct[3],
        new_wording: pct[4],
        display,
    }
}

/// Integer percentages of `counts` that sum to exactly 100 (or all 0 for no words).
fn percentages(counts: &[usize; 5]) -> [u8; 5] {
    let total: usize = counts.iter().sum();
    let mut out = [0u8; 5];
    if total == 0 {
        return out;
    }
    let mut rem = [(0usize, 0usize); 5];
    let mut given = 0usize;
    for (k, &c) in counts.iter().enumerate() {
        let exact = c * 100;
        out[k] = (exact / total) as u8;
        given += exact / total;
        rem[k] = (exact % total, k);
    }
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, k) in rem.iter().take(100 - given) {
        out[k] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &str, b: &str) -> LinkDiff {
        let lex = Lexicon::shared();
        let (pa, pb) = (SentenceProfile::new(lex, a), SentenceProfile::new(lex, b));
        diff_link(lex, &[&pa], &[&pb], &DiffConfig::default())
    }

    fn render(d: &LinkDiff) -> String {
        d.ops
            .iter()
            .map(|op| {
                let l = op.left.as_ref().map_or("", |p| p.text.as_str());
                let r = op.right.as_ref().map_or("", |p| p.text.as_str());
                match op.kind {
                    OpKind::Equal => format!("={l}"),
                    OpKind::Deleted => format!("-{l}"),
                    OpKind::Inserted => format!("+{r}"),
                    k => format!("{}({l}|{r})", k.as_str()),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identical_is_all_equal() {
        let d = run("Russia presently holds about 20 percent.", "Russia presently holds about 20 percent.");
        assert_eq!(render(&d), "=Russia presently holds about 20 percent");
        assert_eq!(d.summary.verbatim, 100);
        assert_eq!(d.summary.display, "100% verbatim");
    }

    /// `diff_texts(t, t)` through the tokenizer and every pass, without the verbatim shortcut.
    fn verbatim_in_full(text: &str) -> LinkDiff {
        let lexicon = Lexicon::shared();
        let tokens = lexicon.tokenize_shared(text);
        let words: Vec<Word> = tokens
            .iter()
            .map(|t| Word { part: 0, start: t.start, end: t.end, token: &t.token, form: t.form })
            .collect();
        with_scratch(|s| diff_words(s, lexicon, &words, &words, &[text], &[text], &DiffConfig::default()))
    }

    #[test]
    fn a_verbatim_copy_without_tokens_is_the_full_diff() {
        let texts = [
            "Russia presently holds about 20 percent.",
            "\u{201c}Ending the war,\u{201d} he said \u{2014} 20 %",
            "It rose 20%.",
            "It rose 20 %",
            "It rose twenty-five percent",
            "Two hundred thousand",
            "the United States and the U.S.",
            "U.S.",
            "Zelenskyy\u{2019}s plan, Kyiv\u{2026}",
            "didn't 1,2,3 2.5 900,000 ",
            "abc %",
            "%",
            "",
            "   \n\t ",
            "\u{2014} \u{2026} \u{201c}\u{201d}",
            "\u{1f600} emoji \u{1f600}",
            "caf\u{e9} na\u{ef}ve \u{c9}cole",
        ];
        for text in texts {
            assert_eq!(
                diff_texts(Lexicon::shared(), text, text, &DiffConfig::default()),
                verbatim_in_full(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_verbatim_copy_of_any_text_is_the_full_diff(text in "(\\PC|[0-9%., ]){0,60}") {
            proptest::prop_assert_eq!(
                diff_texts(Lexicon::shared(), &text, &text, &DiffConfig::default()),
                verbatim_in_full(&text)
            );
        }
    }

    #[test]
    fn insert_delete_change() {
        let d = run("The plan was drawn up in secret.", "The plan was quietly drawn up by envoys.");
        assert_eq!(render(&d), "=The plan was +quietly =drawn up changed(in secret|by envoys)");
    }

    #[test]
    fn moved_run() {
        let d = run(
            "On Thursday, Peskov said no talks were held.",
            "Peskov said no talks were held on Thursday.",
        );
        let r = render(&d);
        assert!(
            r.contains("moved(On Thursday|on Thursday)") || r.contains("moved(Thursday|Thursday)"),
            "{r}"
        );
        assert!(r.contains("=Peskov said no talks were held"), "{r}");
    }

    #[test]
    fn only_the_same_words_moved_count_as_moved() {
        // "cancelled" moved as it is; "talks" moved and came back as "negotiations": a synonym
        // swap that moved counts as a synonym swap, not as words kept in another place.
        let d = run(
            "The talks were cancelled on Thursday, Peskov said.",
            "Peskov said on Thursday that officials cancelled negotiations.",
        );
        let r = render(&d);
        assert!(r.contains("moved(talks|negotiations)") && r.contains("moved(cancelled|cancelled)"), "{r}");
        assert!(!r.contains("synonym("), "the only synonyms are the moved ones: {r}");
        // 16 words: "talks" / "negotiations" 2 (synonym swaps), "cancelled" ×2 and "Peskov
        // said" ×2 6 (moved).
        assert_eq!((d.summary.synonym, d.summary.moved), (13, 37), "{}", d.summary.display);
    }

    #[test]
    fn percentages_sum_to_100() {
        for counts in [[1, 1, 1, 0, 0], [3, 0, 0, 0, 7], [0, 0, 0, 0, 0], [2, 2, 2, 2, 2], [1, 0, 0, 0, 2]] {
            let p = percentages(&counts);
            let total: u32 = p.iter().map(|&x| x as u32).sum();
            assert!(total == 100 || counts.iter().all(|&c| c == 0), "{counts:?} {p:?}");
        }
    }

    #[test]
    fn diff_texts_equals_diff_link_on_one_sentence_each() {
        let lex = Lexicon::shared();
        let pairs = [
            (
                "Zelenskyy has consistently rejected the notion of surrendering territory to Russia.",
                "Zelensky has been denying any such concessions to stop the war from the beginning.",
            ),
            (
                "The plan would cut Ukraine's army from 900,000 to 600,000 personnel.",
                "Ukraine's army would be cut to 600,000 troops from 850,000 under the plan.",
            ),
            ("", "Only one side has words."),
        ];
        for (a, b) in pairs {
            let (pa, pb) = (SentenceProfile::new(lex, a), SentenceProfile::new(lex, b));
            let want = diff_link(lex, &[&pa], &[&pb], &DiffConfig::default());
            assert_eq!(diff_texts(lex, a, b, &DiffConfig::default()), want, "{a} / {b}");
        }
    }

    #[test]
    fn pieces_point_into_the_sentences() {
        let lex = Lexicon::shared();
        let a = SentenceProfile::new(lex, "Kiev would have to cede territory.");
        let b1 = SentenceProfile::new(lex, "Kiev would cede land.");
        let b2 = SentenceProfile::new(lex, "Territory goes to Moscow.");
        let d = diff_link(lex, &[&a], &[&b1, &b2], &DiffConfig::default());
        for op in &d.ops {
            if let Some(p) = &op.left {
                assert_eq!(&a.text[p.start..p.end], p.text);
            }
            if let Some(p) = &op.right {
                let t = [&b1, &b2][p.part];
                assert_eq!(&t.text[p.start..p.end], p.text);
            }
        }
        assert!(d.ops.iter().any(|o| o.right.as_ref().is_some_and(|p| p.part == 1)));
    }

    /// Adjacent equal runs joined: how `similar` splits a run does not matter to the passes.
    fn joined(ops: Vec<DiffOp>) -> Vec<DiffOp> {
        let mut out: Vec<DiffOp> = Vec::new();
        for op in ops {
            if let (Some(DiffOp::Equal { len, .. }), DiffOp::Equal { len: more, .. }) = (out.last_mut(), op) {
                *len += more;
                continue;
            }
            out.push(op);
        }
        out
    }

    /// Dense ids in order of first occurrence, as `form_ids` gives.
    fn dense(left: &[u32], right: &[u32]) -> (Vec<u32>, Vec<u32>) {
        let mut ids = HashMap::new();
        let mut id = |v: &u32| {
            let next = ids.len() as u32;
            *ids.entry(*v).or_insert(next)
        };
        (left.iter().map(&mut id).collect(), right.iter().map(&mut id).collect())
    }

    /// Pseudo-random numbers below `n`, the same on every run.
    fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    #[test]
    fn aligned_edits_agree_with_patience() {
        // Small alphabets make repeated words, the case where alignments could differ.
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let (mut shaped, mut other) = (0, 0);
        for _ in 0..80_000 {
            let alphabet = 2 + next(6);
            let (mut l, mut r) = (Vec::new(), Vec::new());
            for _ in 0..1 + next(4) {
                // A common run, then an edit: words mostly of their own side, sometimes shared.
                let run: Vec<u32> = (0..next(5)).map(|_| next(alphabet) as u32).collect();
                l.extend(&run);
                r.extend(&run);
                l.extend((0..next(4)).map(|_| next(alphabet) as u32 + 100 * (next(5) > 0) as u32));
                r.extend((0..next(4)).map(|_| next(alphabet) as u32 + 200 * (next(5) > 0) as u32));
            }
            let (l, r) = dense(&l, &r);
            let want = joined(capture_diff_slices(Algorithm::Patience, &l, &r));
            match aligned_edits(&l, &r, &mut Vec::new()) {
                Some(ops) => {
                    shaped += 1;
                    assert_eq!(joined(ops), want, "{l:?} / {r:?}");
                }
                None => other += 1,
            }
        }
        assert!(shaped > 10_000 && other > 10_000, "{shaped} {other}");
    }

    #[test]
    fn patience_of_dense_ids_is_similars() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for round in 0..60_000 {
            // Small alphabets repeat words (few anchors); large ones give many.
            let alphabet = 1 + next(if round % 3 == 0 { 40 } else { 6 });
            let (n, m) = (next(30) as usize, next(30) as usize);
            let mut l: Vec<u32> = (0..n).map(|_| next(alphabet) as u32).collect();
            let mut r: Vec<u32> = (0..m).map(|_| next(alphabet) as u32).collect();
            if round % 5 == 0 {
                // Shared edges: the case where uniqueness over the whole sides matters.
                let edge: Vec<u32> = (0..next(4)).map(|_| next(alphabet) as u32).collect();
                l.splice(0..0, edge.iter().copied());
                r.splice(0..0, edge.iter().copied());
                l.extend(&edge);
                r.extend(&edge);
            }
            let (l, r) = dense(&l, &r);
            assert_eq!(
                patience(&l, &r, &mut Anchors::default()),
                capture_diff_slices(Algorithm::Patience, &l, &r),
                "{l:?} / {r:?}"
            );
        }
    }

    #[test]
    fn a_diff_does_not_depend_on_the_diffs_before_it() {
        // The working vectors are reused: left longer or shorter, or freed after a long pair.
        let pair =
            ("Zelenskyy has consistently rejected the notion.", "Zelensky has been denying any such notion.");
        let want = run(pair.0, pair.1);
        let long = "word ".repeat(40_000);
        let others = [
            ("a b c d e f g h i j k l m n o p", "p o n m l k j i h g f e d c b a"),
            (long.as_str(), "word word"),
            ("", "x"),
        ];
        for (a, b) in others {
            run(a, b);
            assert_eq!(run(pair.0, pair.1), want, "after {:.20} / {:.20}", a, b);
        }
    }

    #[test]
    fn form_ids_from_the_lexicon_are_the_forms_hashed() {
        // Words tokenized from text carry their form's id from the word cache; renumbering
        // those must give the ids that hashing the forms gives (form 0 takes that path).
        let lex = Lexicon::shared();
        let seeds: Vec<String> = std::fs::read_dir("seeds")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let sentences: Vec<&str> = seeds.iter().flat_map(|s| s.split(['.', '\n'])).collect();
        let extra =
            ["US and us, U.S. and the United States", "20 percent, 20% and twenty", "Russia's russia RUSSIA"];
        let all: Vec<&str> = sentences.iter().copied().chain(extra).collect();
        let mut checked = 0;
        for (a, b) in all.iter().zip(all.iter().skip(1).chain(extra.iter().rev())) {
            let (ta, tb) = (lex.tokenize_shared(a), lex.tokenize_shared(b));
            fn word(t: &SharedToken, form: bool) -> Word<'_> {
                Word {
                    part: 0,
                    start: t.start,
                    end: t.end,
                    token: &t.token,
                    form: if form { t.form } else { 0 },
                }
            }
            let (mut want_l, mut want_r, mut got_l, mut got_r, mut slots) = Default::default();
            let (pa, pb): (Vec<_>, Vec<_>) =
                (ta.iter().map(|t| word(t, false)).collect(), tb.iter().map(|t| word(t, false)).collect());
            form_ids(&pa, &pb, &mut want_l, &mut want_r, &mut slots);
            let (la, lb): (Vec<_>, Vec<_>) =
                (ta.iter().map(|t| word(t, true)).collect(), tb.iter().map(|t| word(t, true)).collect());
            assert!(la.iter().chain(&lb).all(|w| w.form != 0), "{a} / {b}");
            form_ids(&la, &lb, &mut got_l, &mut got_r, &mut slots);
            assert_eq!((&got_l, &got_r), (&want_l, &want_r), "{a} / {b}");
            assert!(slots.iter().all(|&s| s == 0), "the table is left clear");
            checked += 1;
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn empty_sides() {
        assert_eq!(run("", "").summary.display, "no words");
        assert_eq!(render(&run("", "Hello there")), "+Hello there");
        assert_eq!(render(&run("Hello there", "")), "-Hello there");
    }
}
