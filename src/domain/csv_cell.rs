//! A tiny CSV writer: UTF-8 with a byte order mark, RFC 4180 quoting, and a guard against spreadsheet formula injection.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some treat
//! a leading tab or carriage return the same way), so a student name like `=HYPERLINK(…)` could
//! act when a teacher opens the file. Such text cells get a leading apostrophe, which
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

/// Text as a CSV field: guarded against formulas, then quoted if it holds a comma, quote or line break.
pub fn text(value: &str) -> String {
    let guarded =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
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
