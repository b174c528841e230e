//! Native tests of the import report's sentences: tags named by their names (never their ids), and what a teacher's starter pack changes in the tag set (added, renamed, removed, locked), in English and Spanish.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::*;
use marginalia::domain::annotation::tags::{Tag, TagId, TagSet};
use marginalia::domain::format::import::{plan_import, FileSummary, ImportFile, ImportPlan, Merged, TagChanges};
use marginalia::domain::format::import_report::summary_lines;
use marginalia::domain::format::pack;
use marginalia::domain::i18n::{Lang, Texts, EN, ES};

fn named(id: &str, name: &str) -> Tag {
    Tag { name: name.to_string(), ..tag(id, "#009e73") }
}

/// The teacher's tag set: Claim renamed Thesis, Quote kept, Policy shift gone, two new tags
/// whose ids are not their names.
fn teachers_tags() -> TagSet {
    let mut tags = TagSet::default();
    tags.tags[0].name = "Thesis".into();
    tags.tags.retain(|t| t.id != TagId::new("policy-shift"));
    tags.tags.push(named("evidence", "Evidence"));
    tags.tags.push(named("loaded-language", "Loaded language"));
    tags
}

fn plan(files: &[(&str, &str)]) -> ImportPlan {
    let files: Vec<ImportFile> = files.iter().map(|(name, text)| ImportFile { name, bytes: text.as_bytes() }).collect();
    plan_import(&article(), &TagSet::default(), &Merged::new(), &files)
}

fn summary(plan: &ImportPlan, i: usize) -> &FileSummary {
    plan.reports[i].outcome.as_ref().unwrap_or_else(|e| panic!("rejected: {e}"))
}

fn lines(plan: &ImportPlan, i: usize, t: &Texts) -> Vec<String> {
    let lang = if std::ptr::eq(t, &ES) { Lang::Es } else { Lang::En };
    summary_lines(summary(plan, i), t, lang.hand_in())
}

#[test]
fn a_starter_pack_says_what_it_changes_in_the_tag_set_by_name() {
    let doc = article();
    let starter = pack::starter(&doc, &teachers_tags(), true, "", &info());
    let plan = plan(&[("starter.marginalia.json", &starter)]);
    assert_eq!(
        summary(&plan, 0).tag_changes,
        TagChanges {
            added: vec!["Evidence".into(), "Loaded language".into()],
            renamed: vec![("Claim".into(), "Thesis".into())],
            removed: vec!["Policy shift".into()],
        }
    );
    let cases: [(&Texts, [&str; 5]); 2] = [
        (
            &EN,
            [
                "Marginalia pack: 0 new, 0 merged, 0 duplicates skipped, 0 not placed.",
                "A starter pack from your teacher: its tag set becomes the article's. The tag set is locked.",
                "New tags: Evidence, Loaded language.",
                "Renamed tags: Claim → Thesis.",
                "Removed tags: Policy shift.",
            ],
        ),
        (
            &ES,
            [
                "",
                "Un paquete inicial de tu docente: su conjunto de etiquetas pasa a ser el del artículo. El conjunto de etiquetas está bloqueado.",
                "Etiquetas nuevas: Evidence, Loaded language.",
                "Etiquetas renombradas: Claim → Thesis.",
                "Etiquetas quitadas: Policy shift.",
            ],
        ),
    ];
    for (t, want) in cases {
        let got = lines(&plan, 0, t);
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (line, want) in got.iter().zip(want) {
            if !want.is_empty() {
                assert_eq!(line, want);
            }
        }
        let all = got.join(" ");
        assert!(!all.contains("loaded-language") && !all.contains("policy-shift"), "an id shown: {all}");
    }
}

#[test]
fn a_pack_names_its_new_tags_by_name_and_an_unchanged_set_says_nothing() {
    let doc = article();
    let annotation = ann(&doc, 1, "council voted", &["loaded-language"], "", 0);
    let tags = {
        let mut tags = TagSet::default();
        tags.tags.push(named("loaded-language", "Loaded language"));
        tags
    };
    let with_tag = pack_of(&doc, &tags, [&annotation]);
    let plain = pack_of(&doc, &TagSet::default(), [&ann(&doc, 2, "Residents said", &["claim"], "", 0)]);
    let plan = plan(&[("ana.marginalia.json", &with_tag), ("ben.marginalia.json", &plain)]);
    assert_eq!(
        lines(&plan, 0, &EN),
        ["Marginalia pack: 1 new, 0 merged, 0 duplicates skipped, 0 not placed.", "New tags: Loaded language."]
    );
    assert_eq!(lines(&plan, 1, &EN), ["Marginalia pack: 1 new, 0 merged, 0 duplicates skipped, 0 not placed."]);
    assert!(summary(&plan, 1).tag_changes.is_empty());
}

#[test]
fn a_starter_pack_of_another_article_changes_no_tags() {
    let other = other_article();
    let starter = pack::starter(&other, &teachers_tags(), true, "", &info());
    let plan = plan(&[("starter.marginalia.json", &starter)]);
    assert!(summary(&plan, 0).tag_changes.is_empty());
    let text = lines(&plan, 0, &EN).join(" ");
    assert!(!text.contains("tags:"), "{text}");
    assert!(text.contains("different version"), "{text}");
}

#[test]
fn tag_changes_between_two_sets() {
    let before = TagSet::default();
    assert!(TagChanges::between(&before, &before).is_empty());
    let changes = TagChanges::between(&before, &teachers_tags());
    assert_eq!(changes.added, ["Evidence", "Loaded language"]);
    assert_eq!(changes.renamed, [("Claim".to_string(), "Thesis".to_string())]);
    assert_eq!(changes.removed, ["Policy shift"]);
    let back = TagChanges::between(&teachers_tags(), &before);
    assert_eq!(back.added, ["Policy shift"]);
    assert_eq!(back.removed, ["Evidence", "Loaded language"]);
}
