//! A tiny CSV writer: UTF-8 with a byte order mark, RFC 4180 quoting, and a guard against spreadsheet formula injection.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some treat
//! a leading tab or carriage return the same way; some trim white space or fold full-width
//! signs first), so a student name like `=HYPERLINK(…)` or ` ＝HYPERLINK(…)` could act when a
//! teacher opens the file. Such text cells get a leading apostrophe ([`needs_guard`]), which
//! spreadsheets show as text. Numbers are written as numbers and never guarded, so `-0.25` stays
//! a number.

/// The byte order mark that makes spreadsheet programs read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Any text; guarded and quoted as needed.
    Text(&'a str),
    /// A number written with this many decimals; not finite is written as an empty cell.
    Number(f64, usize),
    Count(usize),
    Empty,
}

/// Whether a spreadsheet could read the text cell as a formula, as OWASP's CSV-injection
/// guidance describes: it starts with a tab or carriage return, or its first visible character
/// (after white space, zero-width and other invisible format characters, which programs that
/// trim or normalise a cell drop) is `=`, `+`, `-` or `@`, in any of their Unicode forms that
/// compatibility normalisation (NFKC) folds to those signs (full-width `＝`, small `﹢`,
/// superscript `⁻`, …) or the minus sign `−`.
pub fn needs_guard(value: &str) -> bool {
    if value.starts_with(['\t', '\r']) {
        return true;
    }
    let first = value.chars().find(|&c| !(c.is_whitespace() || c.is_control() || invisible(c)));
    first.is_some_and(|c| {
        matches!(
            c,
            '=' | '+' | '-' | '@'
                | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff20}' // full-width ＝ ＋ － ＠
                | '\u{fe66}' | '\u{fe62}' | '\u{fe63}' | '\u{fe6b}' // small ﹦ ﹢ ﹣ ﹫
                | '\u{207a}' | '\u{207b}' | '\u{207c}' | '\u{208a}' | '\u{208b}' | '\u{208c}' // ⁺ ⁻ ⁼ ₊ ₋ ₌
                | '\u{2a75}' | '\u{2a76}' | '\u{fb29}' // ⩵ ⩶ (== and ===), Hebrew alternative plus
                | '\u{2212}' // minus sign
        )
    })
}

/// Zero-width and other format characters that show nothing (also what makes a tag name unusable).
pub fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

/// Text as a CSV field: guarded against formulas, then quoted if it holds a comma, quote or line break.
pub fn text(value: &str) -> String {
    let guarded = if needs_guard(value) { format!("'{value}") } else { value.to_string() };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A number with `decimals` decimals, without the sign of a value that rounds to zero.
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let written = format!("{value:.decimals$}");
    match written.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => written,
    }
}

/// One cell as CSV.
pub fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(value) => text(value),
        Cell::Number(value, decimals) => number(*value, *decimals),
        Cell::Count(n) => n.to_string(),
        Cell::Empty => String::new(),
    }
}

/// Builds a CSV file row by row: the byte order mark first, each row ended by CRLF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvWriter {
    out: String,
}

impl Default for CsvWriter {
    fn default() -> Self {
        CsvWriter { out: BOM.to_string() }
    }
}

impl CsvWriter {
    pub fn new() -> Self {
        CsvWriter::default()
    }

    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let cells: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
        self.out.push_str(&cells.join(","));
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}
