//! Fuzzes the W3C Web Annotation reader on any JSON the fuzzer finds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia::domain::format::{json, w3c};
use marginalia::domain::annotation::tags::TagSet;

fuzz_target!(|data: &[u8]| {
    if let Ok((value, repairs)) = json::parse(data) {
        let _ = w3c::looks_like(&value);
        let _ = w3c::read(&value, repairs, &TagSet::default());
    }
});
