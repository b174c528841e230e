//! Tag colours as readers see them: WCAG contrast of text and underline, and the tags kept apart under simulated colour-vision deficiencies.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::colour_access::*;
use marginalia::domain::annotation::tags::TagSet;
use proptest::prelude::*;

fn colours(tags: &TagSet) -> Vec<Rgb> {
    tags.tags.iter().map(|t| Rgb::parse(&t.colour).expect("default colours are #rrggbb")).collect()
}

#[test]
fn contrast_matches_the_wcag_reference_values() {
    let cases = [
        (Rgb(0, 0, 0), Rgb(255, 255, 255), 21.0),
        (Rgb(255, 255, 255), Rgb(255, 255, 255), 1.0),
        // #767676 on white is the well-known lightest grey that passes 4.5:1.
        (Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255), 4.54),
        (Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255), 4.48),
    ];
    for (a, b, expected) in cases {
        assert!((contrast(a, b) - expected).abs() < 0.01, "{a:?} on {b:?}: {} not {expected}", contrast(a, b));
    }
}

#[test]
fn the_css_alpha_is_the_alpha_the_contrast_checks_use() {
    assert_eq!(HIGHLIGHT_ALPHA_CSS.parse::<f64>(), Ok(HIGHLIGHT_ALPHA));
}

#[test]
fn parse_accepts_only_rrggbb() {
    let cases = [
        ("#e69f00", Some(Rgb(0xe6, 0x9f, 0))),
        ("#E69F00", Some(Rgb(0xe6, 0x9f, 0))),
        ("e69f00", None),
        ("#fff", None),
        ("#gg0000", None),
        ("red", None),
        ("#e69f00;x", None),
    ];
    for (text, expected) in cases {
        assert_eq!(Rgb::parse(text), expected, "{text}");
    }
}

#[test]
fn default_tags_meet_wcag_contrast_on_text_paper_and_highlight() {
    for (tag, colour) in TagSet::default().tags.iter().zip(colours(&TagSet::default())) {
        let background = highlight_background(colour);
        let line = line_colour(colour);
        assert!(
            contrast(INK, background) >= TEXT_CONTRAST,
            "{}: text on highlight {:.2}",
            tag.name,
            contrast(INK, background)
        );
        assert!(
            contrast(line, PAPER) >= NON_TEXT_CONTRAST,
            "{}: underline on paper {:.2}",
            tag.name,
            contrast(line, PAPER)
        );
        assert!(
            contrast(line, background) >= NON_TEXT_CONTRAST,
            "{}: underline on highlight {:.2}",
            tag.name,
            contrast(line, background)
        );
    }
}

#[test]
fn simulation_keeps_greys_and_is_the_published_matrix() {
    // Machado et al. matrices keep neutral colours neutral (rows sum to 1).
    for deficiency in Deficiency::ALL {
        for grey in [0u8, 64, 128, 200, 255] {
            let seen = deficiency.simulate(Rgb(grey, grey, grey));
            assert!(delta_e(seen, Rgb(grey, grey, grey)) < 1.5, "{deficiency:?} moved grey {grey} to {seen:?}");
        }
    }
    // Red and green, far apart for most readers, nearly merge for a deuteranope and a protanope.
    let (red, green) = (Rgb(0xd0, 0x30, 0x30), Rgb(0x30, 0x90, 0x30));
    assert!(delta_e(red, green) > 60.0);
    assert!(delta_e(Deficiency::Deuteranopia.simulate(red), Deficiency::Deuteranopia.simulate(green)) < 35.0);
    assert!(delta_e(Deficiency::Protanopia.simulate(red), Deficiency::Protanopia.simulate(green)) < 35.0);
}

#[test]
fn default_tags_stay_apart_under_every_common_colour_vision_deficiency() {
    let tags = TagSet::default();
    let colours = colours(&tags);
    for deficiency in Deficiency::ALL {
        for i in 0..colours.len() {
            for j in i + 1..colours.len() {
                let (a, b) = (colours[i], colours[j]);
                let on_text =
                    delta_e(deficiency.simulate(highlight_background(a)), deficiency.simulate(highlight_background(b)));
                let swatch = delta_e(deficiency.simulate(a), deficiency.simulate(b));
                let line = delta_e(deficiency.simulate(line_colour(a)), deficiency.simulate(line_colour(b)));
                // Highlights are pale, so their differences are smaller; still well above the just-noticeable 2.3.
                assert!(
                    on_text >= 5.0,
                    "{deficiency:?}: {} and {} highlights ΔE {on_text:.1}",
                    tags.tags[i].name,
                    tags.tags[j].name
                );
                assert!(
                    swatch >= 15.0,
                    "{deficiency:?}: {} and {} swatches ΔE {swatch:.1}",
                    tags.tags[i].name,
                    tags.tags[j].name
                );
                assert!(
                    line >= 10.0,
                    "{deficiency:?}: {} and {} underlines ΔE {line:.1}",
                    tags.tags[i].name,
                    tags.tags[j].name
                );
            }
        }
    }
}

#[test]
fn every_default_tag_has_its_own_underline_style() {
    let tags = TagSet::default();
    for (i, a) in tags.tags.iter().enumerate() {
        for b in &tags.tags[i + 1..] {
            assert_ne!(a.underline, b.underline, "{} and {} look alike without colour", a.name, b.name);
        }
    }
}

proptest! {
    /// Whatever colour a teacher picks in the tag editor, the text on its highlight and its
    /// underline on the page and on the highlight keep WCAG contrast.
    #[test]
    fn any_tag_colour_keeps_contrast(r in any::<u8>(), g in any::<u8>(), b in any::<u8>()) {
        let colour = Rgb(r, g, b);
        let background = highlight_background(colour);
        let line = line_colour(colour);
        prop_assert!(contrast(INK, background) >= TEXT_CONTRAST);
        prop_assert!(contrast(line, PAPER) >= NON_TEXT_CONTRAST);
        prop_assert!(contrast(line, background) >= NON_TEXT_CONTRAST);
    }
}

#[test]
fn look_alikes_flag_shared_underlines_and_colours_that_merge() {
    use marginalia::domain::annotation::tags::UnderlineStyle;
    let mut tags = TagSet::default();
    assert_eq!(look_alikes(&tags), vec![]);
    // Quote gets Claim's underline: colour is their only difference.
    tags.tags[1].underline = UnderlineStyle::Solid;
    assert_eq!(look_alikes(&tags), vec![LookAlike::SameUnderline(0, 1)]);
    tags.tags[1].underline = UnderlineStyle::Dashed;
    // A red and a green that most people tell apart, but a deuteranope or protanope may not.
    tags.tags[0].colour = "#c0392b".into();
    tags.tags[1].colour = "#6b8e23".into();
    let found = look_alikes(&tags);
    assert!(
        matches!(
            found.as_slice(),
            [LookAlike::SimilarColour(0, 1, Some(Deficiency::Protanopia | Deficiency::Deuteranopia))]
        ),
        "{found:?}"
    );
    // The same colour twice looks alike to everyone.
    tags.tags[1].colour = "#C0392B".into();
    assert_eq!(look_alikes(&tags), vec![LookAlike::SimilarColour(0, 1, None)]);
}
