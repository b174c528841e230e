//! Reads a student's annotation file (Marginalia's JSON export) into a class-view [`Submission`], or says why it cannot.

use super::annotation::Annotation;
use super::class::{RejectReason, Rejected, Submission};
use super::document::ContentHash;
use super::format::FormatError;
use super::persist::{EXPORT_FORMAT, SCHEMA_VERSION};
use super::stored_json as read;

/// Reads one export file. The student is the most common author among its annotations, or,
/// when they have none (the app leaves it empty), the file name without `.annotations.json`.
pub fn read_submission(file_name: &str, text: &str) -> Result<Submission, Rejected> {
    let fallback = student_from_file_name(file_name);
    let unreadable = |why: String| Rejected { student: fallback.clone(), reason: RejectReason::Unreadable(why) };
    let value = read::parse(text).map_err(unreadable)?;
    let root = read::Node::root(&value);
    let format = read::string(&root, "format").map_err(|e| unreadable(e.to_string()))?;
    let schema = read::required(&root, "schema").and_then(|s| s.u32()).map_err(|e| unreadable(e.to_string()))?;
    if format != EXPORT_FORMAT {
        return Err(unreadable(format!("its format is “{format}”")));
    }
    if schema > SCHEMA_VERSION {
        return Err(unreadable(format!("it was saved by a newer version of Marginalia (format {schema})")));
    }
    let file =
        || Ok((read::string(&read::required(&root, "article")?, "hash")?, read::annotations(&root, "annotations")?));
    let (hash, annotations) = file().map_err(|e: FormatError| unreadable(e.to_string()))?;
    let student = most_common_author(&annotations).unwrap_or(fallback);
    Ok(Submission { student, article: ContentHash(hash), annotations })
}

/// A student's name from a file name: the name without folders or annotation-file extensions
/// (`ana.marginalia.json` → `ana`).
pub fn student_from_file_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = [".marginalia.json", ".annotations.json", ".jsonld", ".json"]
        .iter()
        .find_map(|ext| base.strip_suffix(ext))
        .unwrap_or(base);
    stem.trim().to_string()
}

/// The author most annotations carry (the first met on a tie), ignoring empty ones.
pub fn most_common_author(annotations: &[Annotation]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for author in annotations.iter().map(|a| a.author.trim()).filter(|a| !a.is_empty()) {
        match counts.iter_mut().find(|(name, _)| *name == author) {
            Some((_, n)) => *n += 1,
            None => counts.push((author, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.iter().find(|(_, n)| *n == best).map(|(name, _)| name.to_string())
}
