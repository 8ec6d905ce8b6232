use wirediff::engine::align::{classify, evidence, Corpus};
use wirediff::engine::similarity::compare;
use wirediff::engine::{Config, Lexicon};
use wirediff::seeds::SEEDS;

#[test]
#[ignore]
fn dump() {
    let config = Config::default();
    let lexicon = Lexicon::shared();
    let texts: Vec<Vec<String>> = SEEDS
        .iter()
        .map(|i| {
            let c = wirediff::engine::clean(i.text, &config.clean);
            wirediff::engine::segment(&c.text).iter().map(|s| c.text[s.start..s.end].to_string()).collect()
        })
        .collect();
    let corpus = Corpus::new(lexicon, &texts, &config.align);
    let min: f32 = std::env::var("MINC").ok().and_then(|x| x.parse().ok()).unwrap_or(0.35);
    for a in 0..5 {
        for b in a + 1..5 {
            for (i, j) in corpus.candidates(a, b, &config.align) {
                let (p, q) = (&corpus.profiles[i], &corpus.profiles[j]);
                let s = compare(lexicon, p, q, &corpus.idf);
                let e = evidence(&s, p, q, &corpus.idf, &config.align);
                if e.left_in_right.max(e.right_in_left) < min {
                    continue;
                }
                let k = classify(&e, p, q, &config.align);
                let ms: Vec<String> = s
                    .matches
                    .iter()
                    .filter(|m| p.tokens[m.left].content)
                    .map(|m| {
                        format!(
                            "{}{}",
                            p.tokens[m.left].norm,
                            match m.kind {
                                wirediff::engine::MatchKind::Exact => "",
                                wirediff::engine::MatchKind::Synonym => "~syn",
                                _ => "~v",
                            }
                        )
                    })
                    .collect();
                println!("{a}.s{} {b}.s{} {} lir {:.2} ril {:.2} content {} claim {} phrase {} pw {:.2} neg {} [{}]\n   < {}\n   > {}", i - corpus.docs[a].start, j - corpus.docs[b].start, k.map_or("-".to_string(), |k| k.as_str().to_uppercase()), e.left_in_right, e.right_in_left, e.content, e.claim, e.phrase, e.phrase_weight, e.negation_mismatch, ms.join(" "), &p.text.chars().take(140).collect::<String>(), &q.text.chars().take(140).collect::<String>());
            }
        }
    }
}
