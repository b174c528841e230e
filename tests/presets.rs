//! Native tests of tag-set presets: keys pinned when saved, the file written and read back (and every bad or newer file refused with its reason), the stored value, the session's save, apply (one undoable step), delete and import, with new articles starting from the preset chosen last, and the preset a teacher's starter pack leaves (and its undo).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::*;
use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use marginalia::domain::format::import::ImportFile;
use marginalia::domain::i18n::{PRESETS_EN, PRESETS_ES};
use marginalia::domain::session::kv::{KeyValue, MemoryKv};
use marginalia::domain::session::{Session, SessionError};
use marginalia::domain::storage::presets::{
    self, from_file, to_file, Preset, PresetError, Presets, MAX_NAME, MAX_PRESETS,
};
use marginalia::domain::storage::{self, DecodeError};
use serde_json::{json, Value};

/// The teacher's set from the issue: Opinion (`o`), Direct quote (`q`), Evidence and Loaded
/// language by position (3 and 4), with help texts and underlines.
fn teachers_set() -> TagSet {
    let tag = |id: &str, name: &str, colour: &str, underline, key: Option<char>| Tag {
        id: TagId::new(id),
        name: name.into(),
        colour: colour.into(),
        underline,
        description: format!("Help for {name} <b>not markup</b>"),
        hotkey: key,
    };
    TagSet {
        tags: vec![
            tag("opinion", "Opinion", "#e69f00", UnderlineStyle::Solid, Some('o')),
            tag("direct-quote", "Direct quote", "#56b4e9", UnderlineStyle::Double, Some('q')),
            tag("evidence", "Evidence", "#009e73", UnderlineStyle::Dotted, None),
            tag("loaded", "Loaded language", "#d55e00", UnderlineStyle::Wavy, None),
        ],
    }
}

fn keys(set: &TagSet) -> Vec<Option<char>> {
    (0..set.tags.len()).map(|i| set.hotkey_at(i)).collect()
}

#[test]
fn a_preset_pins_the_keys_the_person_saw() {
    type Keys = Vec<Option<char>>;
    let table: &[(Keys, Keys)] = &[
        (vec![Some('o'), Some('q'), None, None], vec![Some('o'), Some('q'), Some('3'), Some('4')]),
        (vec![None, None, None, None], vec![Some('1'), Some('2'), Some('3'), Some('4')]),
        // Digit 1 is another tag's key: the first tag had none, and keeps none.
        (vec![None, Some('1'), None, None], vec![None, Some('1'), Some('3'), Some('4')]),
    ];
    for (set_keys, pinned) in table {
        let mut set = teachers_set();
        for (tag, key) in set.tags.iter_mut().zip(set_keys) {
            tag.hotkey = *key;
        }
        let preset = Preset::new("  Debate  ", &set);
        assert_eq!(preset.name, "Debate");
        assert_eq!(preset.tags.tags.iter().map(|t| t.hotkey).collect::<Vec<_>>(), *pinned);
        assert_eq!(keys(&preset.tags), keys(&set), "the same keys pick the same tags");
        // Moving a pinned set around keeps every key.
        let mut moved = preset.tags.clone();
        moved.tags.rotate_left(1);
        let mut want = keys(&preset.tags);
        want.rotate_left(1);
        assert_eq!(keys(&moved), want);
    }
}

#[test]
fn a_presets_file_round_trips_everything_a_tag_has() {
    let list = vec![Preset::new("Debate", &teachers_set()), Preset::new("Defaults", &TagSet::default())];
    let text = to_file(&list);
    assert!(text.starts_with("{\n  \"format\": \"marginalia-tag-presets\",\n  \"version\": 1,"), "{text}");
    assert_eq!(from_file(&text), Ok(list.clone()));
    assert_eq!(to_file(&from_file(&text).unwrap()), text, "re-export is byte-identical");
    assert_eq!(presets::file_name(&list[..1]), "debate.tag-presets.json");
    assert_eq!(presets::file_name(&list), "tag-presets.tag-presets.json");
}

#[test]
fn bad_and_newer_presets_files_are_refused_with_their_reason() {
    let good: Value = serde_json::from_str(&to_file(&[Preset::new("Debate", &teachers_set())])).unwrap();
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v.to_string()
    };
    let bad = |result: Result<Vec<Preset>, PresetError>, needle: &str| match result {
        Err(PresetError::Bad(why)) => assert!(why.contains(needle), "{why:?} lacks {needle:?}"),
        other => panic!("expected a bad file naming {needle:?}, got {other:?}"),
    };
    assert_eq!(from_file("not json"), Err(PresetError::NotPresets));
    assert_eq!(from_file("<html><script>alert(1)</script></html>"), Err(PresetError::NotPresets));
    assert_eq!(from_file(&with(&|v| v["format"] = json!("marginalia-pack"))), Err(PresetError::NotPresets));
    assert_eq!(from_file(&with(&|v| v["version"] = json!(2))), Err(PresetError::Newer(2)));
    bad(from_file(&with(&|v| v["version"] = json!("one"))), "version");
    bad(from_file(&with(&|v| v["presets"][0]["tags"][1]["colour"] = json!("red"))), "colour");
    bad(from_file(&with(&|v| v["presets"][0]["tags"] = json!([]))), "1 to");
    bad(from_file(&with(&|v| v["presets"][0]["tags"][1]["id"] = json!("opinion"))), "twice");
    bad(from_file(&with(&|v| v["presets"][0]["name"] = json!("  "))), "name");
    bad(from_file(&with(&|v| v["presets"][0]["name"] = json!("x".repeat(MAX_NAME + 1)))), "name");
    bad(from_file(&with(&|v| v["presets"][0]["tags"][0]["underline"] = json!("blink"))), "underline");
    bad(from_file(&with(&|v| v["presets"] = json!(vec![good["presets"][0].clone(); MAX_PRESETS + 1]))), "up to");
    // Markup in a name or help text is kept as the text it is.
    let markup = with(&|v| v["presets"][0]["name"] = json!("<img src=x onerror=alert(1)>"));
    assert_eq!(from_file(&markup).unwrap()[0].name, "<img src=x onerror=alert(1)>");
    assert_eq!(
        from_file(&to_file(&[Preset::new("Debate", &teachers_set())])).unwrap()[0].tags.tags[0].description,
        "Help for Opinion <b>not markup</b>"
    );
}

#[test]
fn every_refusal_has_a_sentence_in_both_languages_naming_the_limits() {
    for texts in [&PRESETS_EN, &PRESETS_ES] {
        assert!(PresetError::BadName.message(texts).contains(&MAX_NAME.to_string()));
        assert!(PresetError::Full.message(texts).contains(&MAX_PRESETS.to_string()));
        assert!(PresetError::Newer(3).message(texts).contains('3'));
        assert!(PresetError::Bad("presets[0].tags: x".into()).message(texts).contains("presets[0].tags: x"));
    }
}

#[test]
fn stored_presets_round_trip_and_a_newer_value_is_told_apart() {
    let presets = Presets { list: vec![Preset::new("Debate", &teachers_set())], last: Some("Debate".into()) };
    assert_eq!(storage::decode_presets(&storage::encode_presets(&presets)), Ok(presets));
    assert_eq!(storage::decode_presets(&storage::encode_presets(&Presets::default())), Ok(Presets::default()));
    assert_eq!(storage::decode_presets(r#"{"schema":9,"presets":{}}"#), Err(DecodeError::NewerSchema(9)));
    assert!(matches!(storage::decode_presets("{"), Err(DecodeError::Corrupt(_))));
}

/// The teacher's flow: her set saved on one article, applied to a second as one undoable
/// step, kept in storage, and the set new articles start with.
#[test]
fn a_preset_saved_on_one_article_is_applied_to_another_and_undone_whole() {
    let (mut session, mut kv) = base();
    let debate = teachers_set();
    let effects = session.save_preset("Debate").expect("saved");
    assert_eq!(effects.writes, [storage::PRESETS_KEY]);
    assert_eq!(session.presets().list[0].tags, Preset::new("Debate", session.tags()).tags);
    // Saving again under the same name (any case) replaces it.
    session.save_preset("debate").expect("saved");
    assert_eq!(session.presets().list.len(), 1);
    assert_eq!(session.save_preset("   "), Err(PresetError::BadName));
    let (_, count) = session.import_presets(vec![Preset::new("Debate", &debate)]).expect("imported");
    assert_eq!(count, 1);
    flush_all(&mut session, &mut kv);

    // The second article: its annotations use Claim, Quote and Policy shift.
    let before = session.tags().clone();
    let effects = session.apply_preset(0).expect("applied");
    assert!(effects.tags && effects.writes.contains(&storage::PRESETS_KEY.to_string()));
    let names: Vec<&str> = session.tags().tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Opinion", "Direct quote", "Evidence", "Loaded language", "Claim", "Quote", "Policy shift"],
        "the preset's tags first; tags the annotations use stay, so none loses its tag"
    );
    assert_eq!(keys(session.tags())[..4], [Some('o'), Some('q'), Some('3'), Some('4')]);
    assert_eq!(session.preset_defaults(), Some(Preset::new("Debate", &debate).tags), "new articles start with it");
    session.undo().expect("undone");
    assert_eq!(session.tags(), &before, "one undo takes the whole preset back");
    session.redo().expect("redone");
    assert_eq!(session.tags().tags[0].name, "Opinion");
    flush_all(&mut session, &mut kv);

    // Reopened from storage: the presets and the choice are there.
    let reopened = open(article(), &mut kv);
    assert_eq!(reopened.presets().last.as_deref(), Some("Debate"));
    assert_eq!(reopened.tags().tags[0].name, "Opinion");

    // Deleting the chosen preset: new articles start with the default set again.
    let mut session = reopened;
    session.delete_preset(0);
    assert_eq!(session.preset_defaults(), None);
    assert!(session.presets().list.is_empty());
}

#[test]
fn a_locked_tag_set_takes_no_preset_and_a_gone_one_is_refused() {
    let (mut session, _kv) = base();
    session.save_preset("Mine").expect("saved");
    assert_eq!(session.apply_preset(5), Err(SessionError::Gone));
    import(&mut session, &[starter(true).as_str()]).expect("imported");
    let before = session.tags().clone();
    assert_eq!(session.apply_preset(0), Err(SessionError::Locked));
    assert_eq!(session.tags(), &before);
}

#[test]
fn an_unreadable_stored_value_leaves_no_presets_and_is_backed_up_before_a_save() {
    let mut kv = MemoryKv::new();
    kv.set(storage::PRESETS_KEY, "{damaged").expect("room");
    let mut session = open(article(), &mut kv);
    assert!(session.presets().list.is_empty());
    assert_eq!(kv.get(&storage::backup_key(storage::PRESETS_KEY)), Ok(Some("{damaged".to_string())));
    session.save_preset("New").expect("saved");
    flush_all(&mut session, &mut kv);
    assert_eq!(kv.get(&storage::backup_key(storage::PRESETS_KEY)), Ok(Some("{damaged".to_string())), "still there");
}

/// The pack preset's name and list in `session` after importing `files` (English unless `es`).
type Kept = (Vec<String>, Option<String>, Option<String>);

fn import_kept(session: &mut Session, files: &[&str]) -> Kept {
    let files: Vec<_> =
        files.iter().map(|f| ImportFile { name: "starter.marginalia.json", bytes: f.as_bytes() }).collect();
    let pending = session.plan_import(&files);
    let shown = pending.preset.clone();
    session.apply_import(&pending).expect("imported");
    let presets = session.presets();
    (presets.list.iter().map(|p| p.name.clone()).collect(), presets.last.clone(), shown)
}

fn owned(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// A student's import of her teacher's starter pack keeps its tag set as a preset, named after
/// the article in the UI's language, chosen so her new articles start with it; never twice,
/// and under a free name when the name is taken by another set.
#[test]
fn a_starter_pack_leaves_its_tag_set_as_a_preset() {
    const MINE: &str = "Library (from your teacher)";
    let other_set = TagSet { tags: vec![tag("other", "#cc79a7")] };
    type Case<'a> = (&'a str, Vec<Preset>, bool, Vec<String>, Kept);
    let cases: Vec<Case> = vec![
        ("a fresh student", vec![], false, vec![starter(true)], (owned(&[MINE]), Some(MINE.into()), Some(MINE.into()))),
        (
            "in Spanish",
            vec![],
            true,
            vec![starter(true)],
            (
                owned(&["Library (de tu docente)"]),
                Some("Library (de tu docente)".into()),
                Some("Library (de tu docente)".into()),
            ),
        ),
        (
            "the same set saved already, under another name: chosen, not copied",
            vec![Preset::new("Thesis work", &starter_tags()), Preset::new("Other", &other_set)],
            false,
            vec![starter(false)],
            (owned(&["Thesis work", "Other"]), Some("Thesis work".into()), Some("Thesis work".into())),
        ),
        (
            "the name taken by another set",
            vec![Preset::new(MINE, &other_set)],
            false,
            vec![starter(true)],
            (
                owned(&[MINE, "Library (from your teacher) (2)"]),
                Some("Library (from your teacher) (2)".into()),
                Some("Library (from your teacher) (2)".into()),
            ),
        ),
        ("a self-check key leaves none", vec![], false, vec![self_check()], (vec![], None, None)),
        ("an ordinary pack leaves none", vec![], false, vec![student_pack()], (vec![], None, None)),
        ("a starter pack of another article leaves none", vec![], false, vec![other_starter()], (vec![], None, None)),
    ];
    for (name, saved, spanish, files, expected) in cases {
        let mut kv = MemoryKv::new();
        let mut session = open(article(), &mut kv);
        if spanish {
            session.name_pack_presets(PRESETS_ES.from_teacher);
        }
        session.import_presets(saved).expect("room");
        let files: Vec<&str> = files.iter().map(String::as_str).collect();
        assert_eq!(import_kept(&mut session, &files), expected, "{name}");
    }
    // Imported again: nothing new.
    let (mut session, _kv) = (open(article(), &mut MemoryKv::new()), ());
    import_kept(&mut session, &[starter(true).as_str()]);
    assert_eq!(
        import_kept(&mut session, &[starter(true).as_str()]),
        (owned(&[MINE]), Some(MINE.into()), Some(MINE.into()))
    );
}

fn other_starter() -> String {
    marginalia::domain::format::pack::starter(&other_article(), &starter_tags(), true, "", &info())
}

/// The student's next article starts with the pack's set (every key as the teacher had it), also
/// after a reload; a full list keeps the import working without a preset.
#[test]
fn the_next_article_starts_with_the_teachers_set() {
    let mut kv = MemoryKv::new();
    let mut session = open(article(), &mut kv);
    import(&mut session, &[starter(true).as_str()]).expect("imported");
    flush_all(&mut session, &mut kv);
    let pinned = Preset::new("", &starter_tags()).tags;
    let mut reloaded = open(other_article(), &mut kv);
    let defaults = reloaded.preset_defaults().expect("a preset chosen");
    assert_eq!(defaults, pinned);
    reloaded.use_default_tags(defaults);
    assert_eq!(**reloaded.tags(), pinned, "a new article shows the teacher's set");
    assert!(!reloaded.tags_locked(), "the lock stays with the pack's article");

    let mut full = open(article(), &mut MemoryKv::new());
    let many: Vec<Preset> = (0..MAX_PRESETS).map(|i| Preset::new(&format!("Set {i}"), &TagSet::default())).collect();
    full.import_presets(many).expect("room");
    let (names, last, shown) = import_kept(&mut full, &[starter(true).as_str()]);
    assert_eq!((names.len(), last, shown), (MAX_PRESETS, None, None));
    assert_eq!(tag_ids(&full), ["thesis", "evidence"], "the import itself is whole");
}

/// Decision (see `Session::keeping_pack_set`): the preset is part of the import's undo step.
/// Undo takes back the preset and the choice with the tags and the lock, and only them: a
/// preset saved meanwhile stays; redo brings them back; a preset that held the set already
/// stays, only the choice goes back.
#[test]
fn undoing_the_import_takes_its_preset_back_and_nothing_else() {
    const MINE: &str = "Library (from your teacher)";
    let mut kv = MemoryKv::new();
    let mut session = open(article(), &mut kv);
    session.import_presets(vec![Preset::new("Before", &TagSet::default())]).expect("room");
    import(&mut session, &[starter(true).as_str()]).expect("imported");
    session.apply_preset(0).expect_err("locked now");
    flush_all(&mut session, &mut kv);
    // Saved on another article meanwhile (here: through another tab's write).
    let mut elsewhere = session.presets().clone();
    let old = storage::encode_presets(&elsewhere);
    elsewhere.put(Preset::new("Later", &TagSet { tags: vec![tag("later", "#e69f00")] }));
    let new = storage::encode_presets(&elsewhere);
    kv.set(storage::PRESETS_KEY, &new).expect("room");
    session.presets_stored_elsewhere(&kv, Some(&old), Some(&new));

    let undone = session.undo().expect("undone");
    assert!(undone.presets && undone.writes.contains(&storage::PRESETS_KEY.to_string()));
    let names: Vec<&str> = session.presets().list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Before", "Later"]);
    assert_eq!(session.presets().last, None);
    assert!(!session.tags_locked() && session.classroom().is_none(), "the whole import is undone");
    session.redo().expect("redone");
    let names: Vec<&str> = session.presets().list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Before", "Later", MINE]);
    assert_eq!(session.presets().last.as_deref(), Some(MINE));

    // The set saved already: undo keeps that preset and gives back the choice.
    let mut session = open(article(), &mut MemoryKv::new());
    session.import_presets(vec![Preset::new("Thesis work", &starter_tags())]).expect("room");
    import(&mut session, &[starter(true).as_str()]).expect("imported");
    assert_eq!(session.presets().last.as_deref(), Some("Thesis work"));
    session.undo().expect("undone");
    assert_eq!(session.presets().list.len(), 1);
    assert_eq!(session.presets().last, None);
}

/// A long title is shortened, so the name leaves room for a number; a short one stays whole.
#[test]
fn a_pack_presets_name_fits_with_room_for_a_number() {
    let long = format!("{} end", "word ".repeat(30));
    let cases = [
        ("Library", "Library (from your teacher)".to_string()),
        ("", "(from your teacher)".to_string()),
        (long.as_str(), format!("{}word… (from your teacher)", "word ".repeat(14))),
    ];
    for (title, expected) in cases {
        let doc = std::rc::Rc::new(marginalia::domain::article::document::Document::new(
            title,
            Default::default(),
            &[(marginalia::domain::article::document::BlockKind::Paragraph, common::session::PARAGRAPHS[0])],
        ));
        let mut kv = MemoryKv::new();
        let mut session = open(doc.clone(), &mut kv);
        let pack = marginalia::domain::format::pack::starter(&doc, &starter_tags(), false, "", &info());
        let (names, _, _) = import_kept(&mut session, &[pack.as_str()]);
        assert_eq!(names, vec![expected.clone()], "{title:?}");
        assert!(expected.chars().count() <= MAX_NAME - 5);
    }
}
