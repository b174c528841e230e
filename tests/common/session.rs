//! Builders shared by the session test files: two articles, sessions over in-memory storage, packs to import, and the observable state of a session and of an operation's effects.

use std::rc::Rc;

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::store::StoreError;
use marginalia::domain::annotation::tag_edit::{NewTag, TagError};
use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::format::import::ImportFile;
use marginalia::domain::format::pack::{self, ExportInfo};
use marginalia::domain::session::import::Imported;
use marginalia::domain::session::kv::{KeyValue, MemoryKv};
use marginalia::domain::session::{Effects, Session, SessionError};
use marginalia::domain::storage::{self, ArticleKey, ClassroomState, SideList};
use time::OffsetDateTime;
use uuid::Uuid;

/// The open article's paragraphs.
pub const PARAGRAPHS: [&str; 3] = [
    "The council voted to close the old library on Friday. Residents said the decision came without warning.",
    "A spokesperson called the move a necessary saving. Critics quoted the mayor's promise from last spring.",
    "Next year the budget will fund a mobile library instead.",
];

/// Another article, sharing no words with [`article`]: its passages are unplaced there.
pub const OTHER_PARAGRAPHS: [&str; 2] = [
    "Zebras graze quietly beside the northern river at dawn.",
    "Xylophone lessons resume after the winter holidays for every pupil.",
];

pub fn article() -> Rc<Document> {
    Rc::new(Document::new("Library", ArticleMeta::default(), &PARAGRAPHS.map(|p| (BlockKind::Paragraph, p))))
}

pub fn other_article() -> Rc<Document> {
    Rc::new(Document::new("Zebras", ArticleMeta::default(), &OTHER_PARAGRAPHS.map(|p| (BlockKind::Paragraph, p))))
}

/// A fixed moment plus `seconds`, so two runs never differ.
pub fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_741_442_700 + seconds).expect("a valid time")
}

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// The code point range of the first `quote` in `doc`.
pub fn span(doc: &Document, quote: &str) -> (usize, usize) {
    let byte = doc.text().find(quote).unwrap_or_else(|| panic!("{quote:?} is not in the article"));
    let start = doc.text()[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// Annotation `n` on `quote` of `doc`, with `tags` and `note`, modified `modified` seconds after [`at`]`(0)`.
pub fn ann(doc: &Document, n: u128, quote: &str, tags: &[&str], note: &str, modified: i64) -> Annotation {
    let (start, end) = span(doc, quote);
    Annotation {
        id: id(n),
        target: describe(doc, start, end),
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: note.to_string(),
        author: String::new(),
        created: at(0),
        modified: at(modified),
    }
}

/// A tag with its name as id, the given colour and no hotkey.
pub fn tag(id: &str, colour: &str) -> Tag {
    Tag {
        id: TagId::new(id),
        name: id.to_string(),
        colour: colour.to_string(),
        underline: UnderlineStyle::Dotted,
        description: String::new(),
        hotkey: None,
    }
}

/// The default tags plus `extra`.
pub fn tags_with(extra: &[Tag]) -> TagSet {
    let mut tags = TagSet::default();
    tags.tags.extend(extra.iter().cloned());
    tags
}

/// Puts `annotations` of `doc` in storage, as an earlier visit left them.
pub fn store_annotations(kv: &mut MemoryKv, doc: &Document, annotations: &[Annotation]) {
    for a in annotations {
        kv.set(&storage::annotation_key(doc.hash(), &a.id), &storage::encode(a)).expect("room in storage");
    }
}

/// Puts a side list of `doc` in storage.
pub fn store_list(kv: &mut MemoryKv, doc: &Document, list: SideList, annotations: &[Annotation]) {
    kv.set(&storage::side_key(doc.hash(), list), &storage::encode_list(annotations)).expect("room in storage");
}

/// A session on `doc` over `kv`, its annotations loaded (as start-up does after the first paint).
pub fn open(doc: Rc<Document>, kv: &mut MemoryKv) -> Session {
    let mut session = Session::open(doc, kv, Default::default());
    session.load_annotations(kv);
    session
}

/// Storage as an earlier visit left it: annotations 1 (Claim), 2 (Quote and Claim) and 3
/// (Policy shift), one unplaced annotation (10, Quote) and an older version of annotation 1.
pub fn base() -> (Session, MemoryKv) {
    let doc = article();
    let mut kv = MemoryKv::new();
    let annotations = [
        ann(&doc, 1, "council voted", &["claim"], "", 0),
        ann(&doc, 2, "Residents said", &["quote", "claim"], "", 0),
        ann(&doc, 3, "mobile library", &["policy-shift"], "", 0),
    ];
    store_annotations(&mut kv, &doc, &annotations);
    store_list(&mut kv, &doc, SideList::Orphans, &[ann(&other_article(), 10, "Zebras graze", &["quote"], "", 0)]);
    store_list(&mut kv, &doc, SideList::Conflicts, &[ann(&doc, 1, "council voted", &["claim"], "older", -5)]);
    let session = open(doc, &mut kv);
    (session, kv)
}

pub fn info() -> ExportInfo<'static> {
    ExportInfo { source: None, by: "Teacher", at: at(0) }
}

/// A pack of `doc` with `tags` and `annotations`.
pub fn pack_of<'a>(doc: &Document, tags: &TagSet, annotations: impl IntoIterator<Item = &'a Annotation>) -> String {
    pack::export(doc, tags, annotations, &info())
}

/// Plans the import of `files` and applies it, as the import dialog does.
pub fn import(session: &mut Session, files: &[&str]) -> Result<(Effects, Imported), SessionError> {
    let files: Vec<ImportFile> =
        files.iter().map(|f| ImportFile { name: "file.marginalia.json", bytes: f.as_bytes() }).collect();
    let pending = session.plan_import(&files);
    session.apply_import(&pending)
}

/// Everything a person sees of a session's article.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// In article order.
    pub annotations: Vec<Annotation>,
    pub tags: TagSet,
    pub orphans: Vec<Annotation>,
    pub conflicts: Vec<Annotation>,
    pub classroom: Option<ClassroomState>,
}

pub fn state(session: &Session) -> State {
    State {
        annotations: session.store().in_order().cloned().collect(),
        tags: (**session.tags()).clone(),
        orphans: (**session.orphans()).clone(),
        conflicts: (**session.conflicts()).clone(),
        classroom: session.classroom().cloned(),
    }
}

/// A key's short name: `a<n>` for annotation `n` of `doc`, `tags`, `orphans`, `conflicts`,
/// `classroom`, `author`, or the key itself.
pub fn label(doc: &Document, key: &str) -> String {
    match storage::article_key_kind(doc.hash(), key) {
        Some(ArticleKey::Annotation(id)) => format!("a{}", id.as_u128()),
        Some(ArticleKey::Tags) => "tags".into(),
        Some(ArticleKey::Side(SideList::Orphans)) => "orphans".into(),
        Some(ArticleKey::Side(SideList::Conflicts)) => "conflicts".into(),
        Some(ArticleKey::Classroom) => "classroom".into(),
        None if key == storage::AUTHOR_KEY => "author".into(),
        None => key.to_string(),
    }
}

/// The queued keys' short names, sorted (the queue writes keys in no promised order).
pub fn queued(session: &Session) -> Vec<String> {
    let queue = session.queue().borrow();
    let mut keys: Vec<String> = queue.keys_with_prefix("").map(|k| label(session.doc(), k)).collect();
    keys.sort();
    keys
}

/// Writes everything queued, which must all fit.
pub fn flush_all(session: &mut Session, kv: &mut MemoryKv) {
    let (_, flushed) = session.flush(kv, usize::MAX);
    assert_eq!(flushed.problem, None, "the flush stopped");
    assert!(session.queue().borrow().is_empty());
}

/// What an operation is expected to report: each change as (annotation, "created" / "changed" /
/// "deleted"), the views to redo, and the keys queued, by their [`label`].
#[derive(Debug, PartialEq)]
pub struct Seen {
    pub changes: Vec<(u128, &'static str)>,
    pub flags: String,
    pub writes: Vec<String>,
}

pub fn seen(doc: &Document, effects: &Effects) -> Seen {
    let changes = effects
        .changes
        .iter()
        .map(|c| {
            let kind = match (&c.before, &c.after) {
                (None, _) => "created",
                (_, None) => "deleted",
                _ => "changed",
            };
            (c.id().as_u128(), kind)
        })
        .collect();
    let flags = [
        (effects.tags, "tags"),
        (effects.orphans, "orphans"),
        (effects.conflicts, "conflicts"),
        (effects.classroom, "classroom"),
        (effects.presets, "presets"),
        (effects.clashed, "clashed"),
    ];
    let flags = flags.iter().filter(|(on, _)| *on).map(|(_, name)| *name).collect::<Vec<_>>().join(" ");
    Seen { changes, flags, writes: effects.writes.iter().map(|k| label(doc, k)).collect() }
}

pub fn want(changes: &[(u128, &'static str)], flags: &str, writes: &[&str]) -> Result<Seen, SessionError> {
    Ok(Seen { changes: changes.to_vec(), flags: flags.into(), writes: writes.iter().map(|w| w.to_string()).collect() })
}

pub fn claim() -> TagId {
    TagId::new("claim")
}

pub fn quote() -> TagId {
    TagId::new("quote")
}

pub fn policy() -> TagId {
    TagId::new("policy-shift")
}

/// A teacher's starter pack for [`article`]: tags Thesis and Evidence and instructions; no key.
pub fn starter(lock: bool) -> String {
    let doc = article();
    pack::starter(&doc, &starter_tags(), lock, "Tag the thesis.", &info())
}

/// The tags of [`starter`].
pub fn starter_tags() -> TagSet {
    TagSet { tags: vec![tag("thesis", "#0072b2"), tag("evidence", "#009e73")] }
}

/// The answer key of [`old_starter`] and [`self_check`]: one annotation.
pub fn key_annotations() -> Vec<Annotation> {
    vec![ann(&article(), 50, "necessary saving", &["thesis"], "", 0)]
}

/// A starter pack as made before keys stayed with the teacher: [`starter`]'s tags and its key inside.
pub fn old_starter(lock: bool) -> String {
    let doc = article();
    let mut old = pack::Pack::new(&doc, &starter_tags(), std::iter::empty(), &info());
    let classroom = pack::Classroom { lock_tags: lock, answer_key: key_annotations(), ..Default::default() };
    old.classroom = Some(classroom);
    old.to_json()
}

/// A self-check key for [`article`] with [`key_annotations`].
pub fn self_check() -> String {
    pack::self_check_key(&article(), &starter_tags(), &key_annotations(), &info())
}

pub fn note_of(session: &Session, n: u128) -> &str {
    &session.store().get(&id(n)).expect("annotation is there").note
}

pub fn tags_of(session: &Session, n: u128) -> Vec<&str> {
    session.store().get(&id(n)).expect("annotation is there").tags.iter().map(|t| t.0.as_str()).collect()
}

pub fn tag_ids(session: &Session) -> Vec<&str> {
    session.tags().tags.iter().map(|t| t.id.0.as_str()).collect()
}

/// A pack of [`article`] bringing the tag Evidence, annotation 20 (placed) and 21 (from another article: unplaced).
pub fn student_pack() -> String {
    let doc = article();
    let mut unplaced = ann(&other_article(), 21, "Xylophone lessons resume", &["evidence"], "", 0);
    unplaced.note = "lost".into();
    pack_of(&doc, &tags_with(&[tag("evidence", "#009e73")]), &[ann(&doc, 20, "budget", &["evidence"], "", 3), unplaced])
}

/// A pack of [`article`] with only annotation 20, which no other annotation has to do with.
pub fn unrelated_pack() -> String {
    let doc = article();
    pack_of(&doc, &TagSet::default(), [&ann(&doc, 20, "budget", &["claim"], "", 3)])
}

/// A session whose storage holds a starter pack's classroom state (loaded, so not undoable).
pub fn with_classroom(classroom: Option<ClassroomState>) -> (Session, MemoryKv) {
    let doc = article();
    let mut kv = MemoryKv::new();
    if let Some(classroom) = classroom {
        kv.set(&storage::classroom_key(doc.hash()), &storage::encode_classroom(&classroom)).expect("room");
    }
    (open(doc, &mut kv), kv)
}

pub fn store_error(error: StoreError) -> Result<Seen, SessionError> {
    Err(SessionError::Store(error))
}

pub fn tag_error(error: TagError) -> Result<Seen, SessionError> {
    Err(SessionError::Tag(error))
}

pub fn new_tag(name: &str) -> NewTag {
    NewTag {
        name: name.into(),
        colour: "#009E73".into(),
        underline: UnderlineStyle::Double,
        description: "d".into(),
        hotkey: Some('E'),
    }
}

pub fn imported(placed: usize, unplaced: usize) -> Imported {
    Imported { placed, unplaced }
}
