mod seed_docs;
use wirediff::engine::{credits, facts, quotes};

#[test]
#[ignore]
fn dump() {
    let docs = seed_docs::seeds();
    seed_docs::with_docs(&docs, |ds| {
        for d in ds {
            for v in quotes::extract_quotes(d, &Default::default()) {
                println!(
                    "{} {:?} [{:?}/{:?}] frag={} unclosed={} :: {}",
                    v.doc, v.speaker, v.speaker_as_written, v.speaker_source, v.fragment, v.unclosed, v.text
                );
            }
        }
        println!("=== groups");
        for q in quotes::quotes(ds, &Default::default()) {
            if q.variants.len() > 1 {
                println!("{:?} {:?}", q.status, q.speaker);
                for v in &q.variants {
                    println!("   {} quoted={} {}", v.doc, v.quoted, v.text);
                }
                println!("   diff {:?}", q.diff.iter().filter(|o| o.op != "equal").collect::<Vec<_>>());
            }
        }
        println!("=== facts");
        let f = facts::facts(ds, &[], &Default::default());
        for x in &f.items {
            if x.kind != facts::FactKind::Entity {
                println!(
                    "{} {} {:?} {:?} {:?} q={:?} '{}'",
                    x.doc, x.sentence, x.kind, x.value, x.unit, x.qualifier, x.text
                );
            }
        }
        let mut ents: Vec<String> = f
            .items
            .iter()
            .filter(|x| x.kind == facts::FactKind::Entity)
            .map(|x| format!("{}:{}={:?}", x.doc, x.value, x.entity.unwrap()))
            .collect();
        ents.dedup();
        println!("{}", ents.join(" | "));
        for d in &f.divergences {
            println!("DIV {:?} {}", d.kind, d.note);
        }
        println!("=== credits");
        for c in credits::credits(ds, &Default::default()) {
            for x in &c.credits {
                println!(
                    "{} {:?} {} '{}' {:?} {:?}",
                    x.doc, x.kind, x.outlet, x.phrase, x.sentence, x.removed_line
                );
            }
            println!("{} OUTLET {:?} -- {}", c.doc, c.outlet.outlet, c.outlet.note);
        }
    });
}
