//! Fuzzes the pack reader and the whole import (read, re-anchor, merge) with arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::format::import::{plan_import, ImportFile, Merged};
use marginalia::domain::format::pack::Pack;
use marginalia::domain::annotation::tags::TagSet;

fuzz_target!(|data: &[u8]| {
    let _ = Pack::from_bytes(data);
    let doc = Document::new(
        "Fuzz",
        ArticleMeta::default(),
        &[(BlockKind::Heading, "Fuzz"), (BlockKind::Paragraph, "The cat sat on the mat. 😀 שלום")],
    );
    let _ = plan_import(&doc, &TagSet::default(), &Merged::new(), &[ImportFile { name: "fuzz.json", bytes: data }]);
});
