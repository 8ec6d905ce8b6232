//! Language identification (`engine::language`): a table of articles' openings in each
//! language, the seeds, and text too short or too mixed for a verdict.

use wirediff::engine::language::{identify, name, odd_ones_out, MIN_WORDS};

#[test]
fn openings_in_each_language() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "US and Russian officials have secretly drafted a plan to end the nearly four-year-old war in Ukraine, \
             the US media outlet Axios has reported. The plan calls for reducing US military aid to Kiev.",
            Some("en"),
        ),
        (
            "Des responsables américains et russes ont secrètement élaboré un plan pour mettre fin à la guerre en \
             Ukraine, qui dure depuis près de quatre ans, a rapporté le média américain Axios. Le plan prévoit que \
             Kiev cède une partie de son territoire.",
            Some("fr"),
        ),
        (
            "Amerikanische und russische Regierungsvertreter haben heimlich einen Plan ausgearbeitet, der den fast \
             vier Jahre dauernden Krieg in der Ukraine beenden soll, wie das US-Medium Axios berichtet. Der Plan \
             sieht vor, dass die Ukraine einen Teil ihres Gebiets abtritt.",
            Some("de"),
        ),
        (
            "Funcionarios estadounidenses y rusos han elaborado en secreto un plan para poner fin a la guerra en \
             Ucrania, que dura ya casi cuatro años, según informó el medio estadounidense Axios. El plan prevé que \
             Kiev ceda parte de su territorio.",
            Some("es"),
        ),
        (
            "Funzionari americani e russi hanno elaborato in segreto un piano per porre fine alla guerra in Ucraina, \
             che dura da quasi quattro anni, secondo il sito americano Axios. Il piano prevede che Kiev ceda una \
             parte del suo territorio e che l'esercito sia ridotto.",
            Some("it"),
        ),
        (
            "Autoridades americanas e russas elaboraram em segredo um plano para pôr fim à guerra na Ucrânia, que já \
             dura quase quatro anos, segundo o site americano Axios. O plano prevê que Kiev ceda parte do seu \
             território e que o exército seja reduzido.",
            Some("pt"),
        ),
        (
            "Amerikaanse en Russische functionarissen hebben in het geheim een plan opgesteld om de bijna vier jaar \
             durende oorlog in Oekraïne te beëindigen, zo meldt het Amerikaanse medium Axios. Het plan houdt in dat \
             Kyiv een deel van zijn grondgebied afstaat.",
            Some("nl"),
        ),
        (
            "Американские и российские официальные лица тайно разработали план по прекращению войны на Украине, \
             которая длится почти четыре года, сообщило американское издание Axios. План предусматривает, что Киев \
             уступит часть своей территории.",
            Some("ru"),
        ),
        (
            "Американські та російські посадовці таємно розробили план завершення війни в Україні, яка триває майже \
             чотири роки, повідомило американське видання Axios. План передбачає, що Київ поступиться частиною \
             своєї території.",
            Some("uk"),
        ),
        (
            "Αμερικανοί και Ρώσοι αξιωματούχοι εκπόνησαν μυστικά ένα σχέδιο για τον τερματισμό του πολέμου στην \
             Ουκρανία, που διαρκεί σχεδόν τέσσερα χρόνια, σύμφωνα με το Axios.",
            Some("el"),
        ),
        ("美国和俄罗斯官员秘密起草了一项计划，以结束乌克兰近四年的战争。据美国媒体Axios报道，该计划要求基辅割让部分领土，并大幅削减军队规模，同时放弃加入北约的目标。", Some("zh")),
        ("アメリカとロシアの当局者は、ウクライナでの戦争を終わらせるための計画を秘密裏に作成したと、アメリカのメディアが報じました。計画ではキーウが領土の一部を譲ることになっています。", Some("ja")),
        // Too few words for a verdict: a headline, a list of names.
        ("Le plan de paix", None),
        ("Witkoff Rubio Zelensky Putin Dmitriev Umerov Leavitt Peskov", None),
        // English and French sentence by sentence: neither holds 1.5 times the other's hits.
        (
            "The plan was drafted by the envoy. Le plan a été rédigé par l'envoyé. It calls for the army to \
             shrink. Il prévoit que l'armée soit réduite.",
            None,
        ),
        // Figures and names only.
        ("2025 2026 900,000 600,000 20% $3 1.5 7,000 28 11 19 4 2 Witkoff Rubio 3", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(identify(text), *want, "{text}");
    }
}

#[test]
fn the_seeds_are_english() {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(identify(&text), Some("en"), "{}", path.display());
    }
}

#[test]
fn the_words_read_are_bounded() {
    // A French opening decides, whatever follows past the words read.
    let french = "Le plan a été élaboré par l'envoyé spécial, et il prévoit que Kiev cède une partie de son territoire. ";
    let mut text = french.repeat(200);
    text.push_str(&"The plan was drafted by the envoy and it calls for the army to shrink. ".repeat(2_000));
    assert_eq!(identify(&text), Some("fr"));
    // Too few words: no verdict, however French they are.
    let plain =
        "le plan a été élaboré par le ministre et il prévoit que la ville cède une partie de son territoire";
    let few: Vec<&str> = plain.split(' ').take(MIN_WORDS - 1).collect();
    assert_eq!(identify(&few.join(" ")), None);
    let enough: Vec<&str> = plain.split(' ').take(MIN_WORDS).collect();
    assert_eq!(identify(&enough.join(" ")), Some("fr"));
}

#[test]
fn names_of_the_codes() {
    assert_eq!(name("fr"), "French");
    assert_eq!(name("uk"), "Ukrainian");
    assert_eq!(name("xx"), "xx");
}

type Library = &'static [Option<&'static str>];
type Odd = (&'static str, &'static [usize]);

#[test]
fn the_odd_ones_out_of_a_library() {
    let cases: &[(Library, Option<Odd>)] = &[
        (&[Some("en"), Some("en"), Some("fr"), None, Some("en")], Some(("en", &[2]))),
        // Unknown languages are never flagged.
        (&[Some("en"), None, None], None),
        (&[Some("en"), Some("en")], None),
        (&[], None),
        // A tie goes to the language met first.
        (&[Some("fr"), Some("en")], Some(("fr", &[1]))),
        (&[Some("de"), Some("fr"), Some("fr"), Some("de"), Some("ru")], Some(("de", &[1, 2, 4]))),
    ];
    for (languages, want) in cases {
        let got = odd_ones_out(languages);
        assert_eq!(got.as_ref().map(|(m, v)| (*m, v.as_slice())), *want, "{languages:?}");
    }
}
