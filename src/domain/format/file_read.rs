//! What planning an import needs of one read file ([`ReadFile`]), and its JSON form, in which the second wasm module, which holds the format readers, hands a read file to the app.
//!
//! The app's own wasm leaves the readers of packs, W3C and Hypothesis files out (about 27 KB
//! brotli of a first visit, docs/size.md): the second module reads each file
//! ([`super::import::read_file`]) and writes the result with [`to_json`]; the app reads it back
//! with [`from_json`], through the stored values' readers it has anyway. Everything planning uses
//! crosses unchanged (`tests/import_crossing.rs` plans every fixture both ways and compares);
//! the file's article crosses as its hash, all that planning looks at.

use serde_json::Value;

use super::pack::Classroom;
use super::{Format, FormatError, Imported, Location, Pending, Repairs};
use crate::domain::annotation::Annotation;
use crate::domain::document::ContentHash;
use crate::domain::json_out::{self, JsonOut};
use crate::domain::stored_json::{self, Node};
use crate::domain::tags::TagSet;

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

/// A tag set as it crosses: `{"tags": [...]}`, which may be empty (a stored set may not).
pub fn tags_to_json(tags: &TagSet) -> String {
    let mut w = JsonOut::compact();
    json_out::tag_set(&mut w, tags);
    w.finish()
}

/// Reads what [`tags_to_json`] wrote.
pub fn tags_from_json(text: &str) -> Result<TagSet, String> {
    let value = stored_json::parse(text)?;
    stored_json::tag_set(&Node::root(&value)).map_err(|e| e.to_string())
}

/// A read file, or why the file was refused, as JSON. Empty when a time in it cannot be
/// written (RFC 3339 holds years 0 to 9999 only), which [`from_json`] refuses.
pub fn to_json(read: &Result<ReadFile, FormatError>) -> String {
    let mut w = JsonOut::compact();
    w.begin_object();
    match read {
        Err(error) => {
            w.key("error");
            format_error(&mut w, error);
        }
        Ok(file) => {
            let format = FORMATS.iter().position(|f| *f == file.format).unwrap_or_default();
            w.num_field("format", format as u64).key("article").opt_str(file.article_hash.as_ref().map(|h| &*h.0));
            w.key("tags");
            json_out::tag_set(&mut w, &file.tags);
            w.key("annotations");
            json_out::annotations(&mut w, &file.annotations);
            w.num_field("loneSurrogates", file.repairs.lone_surrogates as u64).key("skipped").begin_array();
            for error in &file.skipped {
                format_error(&mut w, error);
            }
            w.end_array();
            if let Some(classroom) = &file.classroom {
                w.key("classroom").begin_object().key("lockTags").bool(classroom.lock_tags).key("answerKey");
                json_out::annotations(&mut w, &classroom.answer_key);
                w.end_object();
            }
            w.key("pending").begin_array();
            for pending in &file.pending {
                match pending {
                    None => w.opt_str(None),
                    Some(Pending::Positions) => w.str("positions"),
                    Some(Pending::RangeTo((exact, prefix, suffix))) => {
                        w.begin_array().str(exact).str(prefix).str(suffix).end_array()
                    }
                };
            }
            w.end_array();
        }
    }
    w.end_object();
    w.finish()
}

/// `[message]`, `[message, path]` or `[message, line, column]`.
fn format_error(w: &mut JsonOut, error: &FormatError) {
    w.begin_array().str(&error.message);
    match &error.location {
        Location::File => {}
        Location::Field(path) => {
            w.str(path);
        }
        Location::Text { line, column } => {
            w.num(*line as u64).num(*column as u64);
        }
    }
    w.end_array();
}

/// Reads what [`to_json`] wrote: the read file or the reader's refusal; the outer error says
/// the text is not such a value (it never is, from the same build's module).
pub fn from_json(text: &str) -> Result<Result<ReadFile, FormatError>, String> {
    let value = stored_json::parse(text)?;
    let root = Node::root(&value);
    read_answer(&root).map_err(|e| e.to_string())
}

fn read_answer(root: &Node) -> Result<Result<ReadFile, FormatError>, FormatError> {
    if let Some(error) = root.member("error") {
        return Ok(Err(read_error(&error)?));
    }
    let format = stored_json::required(root, "format")?.usize()?;
    let format = *FORMATS.get(format).ok_or_else(|| root.err("no such format"))?;
    let classroom = match root.member("classroom") {
        None => None,
        Some(c) => Some(Classroom {
            lock_tags: stored_json::bool(&c, "lockTags")?,
            answer_key: stored_json::annotations(&c, "answerKey")?,
        }),
    };
    Ok(Ok(ReadFile {
        format,
        article_hash: stored_json::optional_string(root, "article")?.map(ContentHash),
        tags: stored_json::tag_set(&stored_json::required(root, "tags")?)?,
        annotations: stored_json::annotations(root, "annotations")?,
        repairs: Repairs { lone_surrogates: stored_json::required(root, "loneSurrogates")?.usize()? },
        skipped: stored_json::list(root, "skipped", read_error)?,
        classroom,
        pending: stored_json::list(root, "pending", |p| match p.value {
            Value::Null => Ok(None),
            Value::String(s) if s == "positions" => Ok(Some(Pending::Positions)),
            _ => {
                let [exact, prefix, suffix] = <[String; 3]>::try_from(p.list(|s| Ok(s.str()?.to_string()))?)
                    .map_err(|_| p.err("expected three quotes"))?;
                Ok(Some(Pending::RangeTo((exact, prefix, suffix))))
            }
        })?,
    }))
}

fn read_error(node: &Node) -> Result<FormatError, FormatError> {
    let parts = node.value.as_array().ok_or_else(|| node.err("expected a list"))?;
    let message = parts.first().and_then(Value::as_str).ok_or_else(|| node.err("expected a message"))?;
    let location = match &parts[1..] {
        [] => Location::File,
        [Value::String(path)] => Location::Field(path.clone()),
        [line, column] => Location::Text {
            line: line.as_u64().ok_or_else(|| node.err("expected a line"))? as usize,
            column: column.as_u64().ok_or_else(|| node.err("expected a column"))? as usize,
        },
        _ => return Err(node.err("expected a message and where")),
    };
    Ok(FormatError { location, message: message.to_string() })
}
