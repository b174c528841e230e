//! What planning an import needs of one read file ([`ReadFile`]), and the compact text in which the second wasm module, which holds the format readers, hands a read file to the app.
//!
//! The app's own wasm leaves the readers of packs, W3C and Hypothesis files out (about 20 KB
//! brotli of a first visit, docs/size.md): the second module reads each file
//! ([`super::import::read_file`]) and writes the result with [`to_wire`]; the app reads it back
//! with [`from_wire`]. Everything planning uses crosses unchanged (`tests/import_crossing.rs`
//! plans every fixture both ways and compares); the file's article crosses as its hash, all that
//! planning looks at. Not JSON: numbers end with `,`, a text is its length in bytes, `,` and
//! the text, and times are seconds, nanoseconds and offset, so reading 10,000 annotations is a
//! walk with no parsing of JSON or dates (JSON doubled the time an import spent reading its files).

use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

use super::pack::Classroom;
use super::{Format, FormatError, Imported, Location, Pending, Repairs};
use crate::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use crate::domain::annotation::{Annotation, Target};
use crate::domain::article::document::ContentHash;
use crate::domain::json::read::{self, Node};
use crate::domain::json::write::JsonOut;
use crate::domain::storage::tag_set;

/// One file as read and checked, without the text of the article it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    pub format: Format,
    /// The hash of the article the file was made on, for the formats that carry it.
    pub article_hash: Option<ContentHash>,
    /// The known tags plus those this file brought.
    pub tags: TagSet,
    pub annotations: Vec<Annotation>,
    pub repairs: Repairs,
    pub skipped: Vec<FormatError>,
    pub classroom: Option<Classroom>,
    /// Parallel to `annotations`, or empty; see [`Pending`].
    pub pending: Vec<Option<Pending>>,
}

impl From<Imported> for ReadFile {
    fn from(imported: Imported) -> Self {
        ReadFile {
            format: imported.format,
            article_hash: imported.article.map(|a| a.hash),
            tags: imported.tags,
            annotations: imported.annotations,
            repairs: imported.repairs,
            skipped: imported.skipped,
            classroom: imported.classroom,
            pending: imported.pending,
        }
    }
}

const FORMATS: [Format; 4] = [Format::Pack, Format::LegacyExport, Format::W3c, Format::Hypothesis];
const UNDERLINES: [UnderlineStyle; 5] = [
    UnderlineStyle::Solid,
    UnderlineStyle::Double,
    UnderlineStyle::Dotted,
    UnderlineStyle::Dashed,
    UnderlineStyle::Wavy,
];

/// A tag set as the app passes it to the module: `{"tags": [...]}`, which may be empty (a stored set may not).
pub fn tags_to_json(tags: &TagSet) -> String {
    let mut w = JsonOut::compact();
    tag_set::write_set(&mut w, tags);
    w.finish()
}

/// Reads what [`tags_to_json`] wrote.
pub fn tags_from_json(text: &str) -> Result<TagSet, String> {
    let value = read::parse(text)?;
    tag_set::read_set(&Node::root(&value)).map_err(|e| e.to_string())
}

/// The text being written.
struct Wire(String);

impl Wire {
    fn num(&mut self, n: u64) {
        self.0.push_str(&n.to_string());
        self.0.push(',');
    }

    fn signed(&mut self, n: i64) {
        self.0.push_str(&n.to_string());
        self.0.push(',');
    }

    fn text(&mut self, text: &str) {
        self.num(text.len() as u64);
        self.0.push_str(text);
    }

    fn time(&mut self, at: OffsetDateTime) {
        self.signed(at.unix_timestamp());
        self.num(at.nanosecond().into());
        self.signed(at.offset().whole_seconds().into());
    }

    fn error(&mut self, error: &FormatError) {
        self.text(&error.message);
        match &error.location {
            Location::File => self.num(0),
            Location::Field(path) => {
                self.num(1);
                self.text(path);
            }
            Location::Text { line, column } => {
                self.num(2);
                self.num(*line as u64);
                self.num(*column as u64);
            }
        }
    }

    fn annotations(&mut self, list: &[Annotation]) {
        self.num(list.len() as u64);
        for a in list {
            let (high, low) = a.id.as_u64_pair();
            self.num(high);
            self.num(low);
            self.num(a.target.start as u64);
            self.num(a.target.end as u64);
            for text in [&a.target.exact, &a.target.prefix, &a.target.suffix] {
                self.text(text);
            }
            self.num(a.tags.len() as u64);
            for tag in &a.tags {
                self.text(&tag.0);
            }
            self.text(&a.note);
            self.text(&a.author);
            self.time(a.created);
            self.time(a.modified);
        }
    }
}

/// A read file, or why the file was refused, as the module hands it to the app.
pub fn to_wire(read: &Result<ReadFile, FormatError>) -> String {
    let mut w = Wire(String::new());
    let file = match read {
        Err(error) => {
            w.num(0);
            w.error(error);
            return w.0;
        }
        Ok(file) => file,
    };
    w.num(1);
    w.num(FORMATS.iter().position(|f| *f == file.format).unwrap_or_default() as u64);
    match &file.article_hash {
        None => w.num(0),
        Some(hash) => {
            w.num(1);
            w.text(&hash.0);
        }
    }
    w.num(file.tags.tags.len() as u64);
    for tag in &file.tags.tags {
        for text in [&tag.id.0, &tag.name, &tag.colour, &tag.description] {
            w.text(text);
        }
        w.num(UNDERLINES.iter().position(|u| *u == tag.underline).unwrap_or_default() as u64);
        w.text(tag.hotkey.map(String::from).as_deref().unwrap_or_default());
    }
    w.annotations(&file.annotations);
    w.num(file.repairs.lone_surrogates as u64);
    w.num(file.skipped.len() as u64);
    for error in &file.skipped {
        w.error(error);
    }
    match &file.classroom {
        None => w.num(0),
        Some(classroom) => {
            w.num(1);
            w.num(classroom.lock_tags.into());
            w.annotations(&classroom.answer_key);
            w.text(&classroom.instructions);
            w.num(classroom.self_check.into());
        }
    }
    w.num(file.pending.len() as u64);
    for pending in &file.pending {
        match pending {
            None => w.num(0),
            Some(Pending::Positions) => w.num(1),
            Some(Pending::RangeTo((exact, prefix, suffix))) => {
                w.num(2);
                for text in [exact, prefix, suffix] {
                    w.text(text);
                }
            }
        }
    }
    w.0
}

/// The text being read; every read is `None` past its end or on what [`Wire`] does not write.
struct Cursor<'a>(&'a str);

impl<'a> Cursor<'a> {
    fn number<T: std::str::FromStr>(&mut self) -> Option<T> {
        let (number, rest) = self.0.split_once(',')?;
        self.0 = rest;
        number.parse().ok()
    }

    fn signed(&mut self) -> Option<i64> {
        self.number()
    }

    fn num(&mut self) -> Option<usize> {
        self.number()
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.num()?;
        let text = self.0.get(..len)?;
        self.0 = &self.0[len..];
        Some(text)
    }

    fn string(&mut self) -> Option<String> {
        self.text().map(str::to_string)
    }

    fn time(&mut self) -> Option<OffsetDateTime> {
        let at = OffsetDateTime::from_unix_timestamp(self.signed()?).ok()?;
        let nanos = u32::try_from(self.num()?).ok()?;
        let offset = UtcOffset::from_whole_seconds(i32::try_from(self.signed()?).ok()?).ok()?;
        Some(at.replace_nanosecond(nanos).ok()?.to_offset(offset))
    }

    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.num()?;
        // Not `with_capacity(n)`: the count is not trusted to allocate.
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(read(self)?);
        }
        Some(items)
    }

    fn error(&mut self) -> Option<FormatError> {
        let message = self.string()?;
        let location = match self.num()? {
            0 => Location::File,
            1 => Location::Field(self.string()?),
            2 => Location::Text { line: self.num()?, column: self.num()? },
            _ => return None,
        };
        Some(FormatError { location, message })
    }

    fn annotation(&mut self) -> Option<Annotation> {
        let (high, low) = (self.number()?, self.number()?);
        Some(Annotation {
            id: Uuid::from_u64_pair(high, low),
            target: Target {
                start: self.num()?,
                end: self.num()?,
                exact: self.string()?,
                prefix: self.string()?,
                suffix: self.string()?,
            },
            tags: self.list(|c| c.string().map(TagId))?,
            note: self.string()?,
            author: self.string()?,
            created: self.time()?,
            modified: self.time()?,
        })
    }

    fn tag(&mut self) -> Option<Tag> {
        let (id, name, colour, description) = (self.string()?, self.string()?, self.string()?, self.string()?);
        let underline = *UNDERLINES.get(self.num()?)?;
        let mut hotkey = self.text()?.chars();
        Some(Tag { id: TagId(id), name, colour, underline, description, hotkey: hotkey.next() })
    }

    fn read_file(&mut self) -> Option<ReadFile> {
        let format = *FORMATS.get(self.num()?)?;
        let article_hash = match self.num()? {
            0 => None,
            _ => Some(ContentHash(self.string()?)),
        };
        let tags = TagSet { tags: self.list(Self::tag)? };
        let annotations = self.list(Self::annotation)?;
        let repairs = Repairs { lone_surrogates: self.num()? };
        let skipped = self.list(Self::error)?;
        let classroom = match self.num()? {
            0 => None,
            _ => Some(Classroom {
                lock_tags: self.num()? == 1,
                answer_key: self.list(Self::annotation)?,
                instructions: self.string()?,
                self_check: self.num()? == 1,
            }),
        };
        let pending = self.list(|c| match c.num()? {
            0 => Some(None),
            1 => Some(Some(Pending::Positions)),
            _ => Some(Some(Pending::RangeTo((c.string()?, c.string()?, c.string()?)))),
        })?;
        Some(ReadFile { format, article_hash, tags, annotations, repairs, skipped, classroom, pending })
    }
}

/// Reads what [`to_wire`] wrote: the read file or the reader's refusal; `None` when the text is
/// not such a value (it never is, from the same build's module).
pub fn from_wire(text: &str) -> Option<Result<ReadFile, FormatError>> {
    let mut cursor = Cursor(text);
    let read = match cursor.num()? {
        0 => Err(cursor.error()?),
        _ => Ok(cursor.read_file()?),
    };
    cursor.0.is_empty().then_some(read)
}
