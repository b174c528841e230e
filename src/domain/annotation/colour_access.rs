//! Colour accessibility for tag highlights: the colours the page paints, WCAG contrast, and colour-vision-deficiency simulation.
//!
//! The painter draws a tag's highlight as its colour at [`HIGHLIGHT_ALPHA`] over the paper and
//! underlines it with [`line_colour`]; this module computes both so the tests can check what
//! readers actually see: article text on a highlight, the underline on the highlight and on the
//! paper, and whether the tags stay apart for readers with protanopia, deuteranopia or tritanopia.

/// An sRGB colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The page background (`--paper` in www/style.css).
pub const PAPER: Rgb = Rgb(0xfd, 0xfc, 0xf9);
/// The article text (`--ink` in www/style.css).
pub const INK: Rgb = Rgb(0x1d, 0x23, 0x2b);
/// How opaque a tag's colour is painted behind the text.
pub const HIGHLIGHT_ALPHA: f64 = 0.34;
/// [`HIGHLIGHT_ALPHA`] as CSS writes it (a literal, so the wasm build needs no float formatting).
pub const HIGHLIGHT_ALPHA_CSS: &str = "0.34";
/// WCAG 2.2 1.4.3: normal text needs 4.5:1.
pub const TEXT_CONTRAST: f64 = 4.5;
/// WCAG 2.2 1.4.11: graphical objects that carry meaning (the underline) need 3:1.
pub const NON_TEXT_CONTRAST: f64 = 3.0;

impl Rgb {
    /// Parses `#rrggbb`; anything else gives `None`, so a broken or hostile colour never reaches CSS.
    pub fn parse(colour: &str) -> Option<Rgb> {
        let hex = colour.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// This colour at `alpha` over `under`, as the browser composites it.
    pub fn over(self, under: Rgb, alpha: f64) -> Rgb {
        let mix = |a: u8, b: u8| (a as f64 * alpha + b as f64 * (1.0 - alpha)).round() as u8;
        Rgb(mix(self.0, under.0), mix(self.1, under.1), mix(self.2, under.2))
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    fn linear(self) -> [f64; 3] {
        [self.0, self.1, self.2].map(|c| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    }

    fn from_linear(linear: [f64; 3]) -> Rgb {
        let [r, g, b] = linear.map(|c| {
            let c = c.clamp(0.0, 1.0);
            let s = if c <= 0.003_130_8 { c * 12.92 } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 };
            (s * 255.0).round() as u8
        });
        Rgb(r, g, b)
    }

    /// Every channel times `factor` (0..=1): the same hue, darker.
    fn darker(self, factor: f64) -> Rgb {
        let scale = |c: u8| (c as f64 * factor).floor() as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }

    /// CIE L*a*b* (D65), for colour differences.
    pub fn lab(self) -> [f64; 3] {
        let [r, g, b] = self.linear();
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f64| if t > 0.008_856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// The `rgb(r g b)` CSS notation.
    pub fn css(self) -> String {
        format!("rgb({} {} {})", self.0, self.1, self.2)
    }
}

/// WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIE76 colour difference (ΔE*ab); about 2.3 is just noticeable, above 10 plainly different.
pub fn delta_e(a: Rgb, b: Rgb) -> f64 {
    let (p, q) = (a.lab(), b.lab());
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// The background a tag's highlight paints behind the text.
pub fn highlight_background(colour: Rgb) -> Rgb {
    colour.over(PAPER, HIGHLIGHT_ALPHA)
}

/// The tag's underline: a darker shade of its colour, darkened until it stands out 3:1 from
/// both the paper and the highlight it is drawn on, whatever colour the user picked.
pub fn line_colour(colour: Rgb) -> Rgb {
    let background = highlight_background(colour);
    let mut factor = 0.55;
    loop {
        let line = colour.darker(factor);
        let enough = contrast(line, PAPER).min(contrast(line, background)) >= NON_TEXT_CONTRAST;
        if enough || factor <= 0.0 {
            return line;
        }
        factor = (factor - 0.05).max(0.0);
    }
}

/// A colour-vision deficiency to simulate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Deficiency {
    pub const ALL: [Deficiency; 3] = [Deficiency::Protanopia, Deficiency::Deuteranopia, Deficiency::Tritanopia];

    /// Machado, Oliveira and Fernandes (2009) simulation matrices at severity 1.0, for linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Deficiency::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Deficiency::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }

    /// How `colour` looks to a reader with this deficiency.
    pub fn simulate(self, colour: Rgb) -> Rgb {
        let c = colour.linear();
        let m = self.matrix();
        Rgb::from_linear(m.map(|row| row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))
    }
}

/// Below this ΔE between two tags' colours (plainly seen, or as a colour-vision deficiency sees
/// them), readers may not tell the colours apart.
pub const LOOK_ALIKE_DELTA_E: f64 = 15.0;

/// Two tags of a set (by position) that readers may confuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookAlike {
    /// Same underline style: colour is their only difference.
    SameUnderline(usize, usize),
    /// Colours that merge for everyone (`None`) or for readers with this deficiency.
    SimilarColour(usize, usize, Option<Deficiency>),
}

/// Every pair of tags that lacks a non-colour difference or whose colours look alike, so the tag
/// editor can say so; a pair with the same underline is also checked for its colours.
pub fn look_alikes(tags: &crate::domain::annotation::tags::TagSet) -> Vec<LookAlike> {
    let colours: Vec<Rgb> = tags.tags.iter().map(|t| Rgb::parse(&t.colour).unwrap_or(Rgb(128, 128, 128))).collect();
    let mut found = Vec::new();
    for i in 0..colours.len() {
        for j in i + 1..colours.len() {
            if tags.tags[i].underline == tags.tags[j].underline {
                found.push(LookAlike::SameUnderline(i, j));
            }
            let (a, b) = (colours[i], colours[j]);
            let seen = std::iter::once((None, delta_e(a, b)))
                .chain(Deficiency::ALL.iter().map(|d| (Some(*d), delta_e(d.simulate(a), d.simulate(b)))));
            if let Some((deficiency, _)) = seen.into_iter().find(|(_, e)| *e < LOOK_ALIKE_DELTA_E) {
                found.push(LookAlike::SimilarColour(i, j, deficiency));
            }
        }
    }
    found
}
