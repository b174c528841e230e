//! Fuzzes the Hypothesis export reader on any JSON the fuzzer finds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia::domain::format::{hypothesis, json};
use marginalia::domain::annotation::tags::TagSet;

fuzz_target!(|data: &[u8]| {
    if let Ok((value, repairs)) = json::parse(data) {
        let _ = hypothesis::looks_like(&value);
        let _ = hypothesis::read(&value, repairs, &TagSet::default());
    }
});
