//! Reads a student's annotation file (Marginalia's JSON export) into a class-view [`Submission`], or says why it cannot.

use crate::domain::annotation::Annotation;
use crate::domain::article::document::ContentHash;
use crate::domain::class::{RejectReason, Rejected, Submission};
use crate::domain::format::FormatError;
use crate::domain::json::read;
use crate::domain::storage::{EXPORT_FORMAT, SCHEMA_VERSION};

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
    let file = || {
        Ok((
            read::string(&read::required(&root, "article")?, "hash")?,
            crate::domain::storage::annotation::read_all(&root, "annotations")?,
        ))
    };
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
    authors(annotations).into_iter().next().map(|(name, _)| name)
}

/// Every author the annotations name (empty ones ignored) with how many annotations each wrote,
/// most first (the first met first on a tie). More than one means the file mixes several
/// people's work, as on a shared computer before anyone started fresh.
pub fn authors(annotations: &[Annotation]) -> Vec<(String, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for author in annotations.iter().map(|a| a.author.trim()).filter(|a| !a.is_empty()) {
        match counts.iter_mut().find(|(name, _)| *name == author) {
            Some((_, n)) => *n += 1,
            None => counts.push((author, 1)),
        }
    }
    // A stable sort keeps the first met first among equals.
    crate::domain::text::sort::sort_by_key(&mut counts, |(_, n)| std::cmp::Reverse(*n));
    counts.into_iter().map(|(name, n)| (name.to_string(), n)).collect()
}

/// Whose file this is: the name it was exported by (the student's own, asked at export), else
/// the author most of its annotations carry, else the file's name.
pub fn student_name(exported_by: Option<&str>, annotations: &[Annotation], file_name: &str) -> String {
    exported_by
        .map(str::trim)
        .filter(|by| !by.is_empty())
        .map(str::to_string)
        .or_else(|| most_common_author(annotations))
        .unwrap_or_else(|| student_from_file_name(file_name))
}
