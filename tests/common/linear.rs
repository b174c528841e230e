//! Checks that a parser's counted work grows linearly with its input: generated hostile inputs at two sizes, steps compared.
#![allow(dead_code)] // each test file uses its own subset

use marginalia::domain::text::work::counted;

/// The smaller size (bytes, roughly) each generator is asked for; the larger is four times it.
pub const SMALL: usize = 16 * 1024;

/// `unit` repeated to about `bytes`.
pub fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Fails if `run`'s steps on `make(4 × SMALL)` exceed five times its steps on `make(SMALL)` (linear
/// work gives four; quadratic sixteen), or if it takes more than `per_byte` steps a byte.
pub fn assert_linear(name: &str, per_byte: u64, make: impl Fn(usize) -> String, run: impl Fn(&str)) {
    assert_linear_from(name, SMALL, per_byte, make, run);
}

/// [`assert_linear`] from `small` bytes (and four times that): for work that is bounded per item
/// only past a limit (the tags a set may hold), measure past it.
pub fn assert_linear_from(name: &str, small: usize, per_byte: u64, make: impl Fn(usize) -> String, run: impl Fn(&str)) {
    let large = make(4 * small);
    let small = make(small);
    let ((), small_steps) = counted(|| run(&small));
    let ((), large_steps) = counted(|| run(&large));
    let growth = large_steps as f64 / small_steps.max(1) as f64;
    let size_growth = large.len() as f64 / small.len() as f64;
    assert!(small_steps > 0, "{name}: the parser counted no steps");
    assert!(
        growth <= size_growth * 1.25,
        "{name}: {small_steps} steps for {} bytes but {large_steps} for {} (x{growth:.1} for x{size_growth:.1} the input)",
        small.len(),
        large.len()
    );
    let per = large_steps / large.len() as u64;
    assert!(per <= per_byte, "{name}: {per} steps a byte (at most {per_byte})");
}
