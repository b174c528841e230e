//! Native tests of noticing eviction: the marker's round trip and when the start-up message appears.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::i18n::EN;
use marginalia::domain::storage::eviction::{decode, encode, evicted_message, export_time, Marker};
use time::macros::datetime;

#[test]
fn the_message_appears_only_when_saved_work_is_gone() {
    let saved = Marker { saved: true, ..Marker::default() };
    let exported = Marker {
        saved: true,
        export_name: Some("the-article.marginalia.json".into()),
        export_at: Some("2026-11-24 03:00 UTC".into()),
    };
    let never_saved = Marker { saved: false, ..exported.clone() };
    let cases: Vec<(&str, Option<&Marker>, bool, Option<&str>)> = vec![
        ("first visit", None, false, None),
        ("saved, still there", Some(&saved), true, None),
        ("only exported, nothing saved", Some(&never_saved), false, None),
        ("saved, cleared", Some(&saved), false, Some("If you exported your annotations, import that file")),
        (
            "exported, cleared",
            Some(&exported),
            false,
            Some("“the-article.marginalia.json” (saved 2026-11-24 03:00 UTC)"),
        ),
    ];
    for (name, marker, sentinel, expected) in cases {
        let message = evicted_message(marker, sentinel, &EN);
        match expected {
            None => assert_eq!(message, None, "{name}"),
            Some(part) => assert!(message.as_deref().is_some_and(|m| m.contains(part)), "{name}: {message:?}"),
        }
    }
}

#[test]
fn the_marker_round_trips_and_garbage_is_no_marker() {
    let marker = Marker { saved: true, export_name: Some("a \"b\"; c=d.json".into()), export_at: None };
    assert_eq!(decode(&encode(&marker)), Some(marker));
    assert_eq!(decode("not json"), None);
    assert_eq!(export_time(datetime!(2026-11-24 03:04:59 +01:00)), "2026-11-24 02:04 UTC");
}
