//! A count of the steps parsers take, so native tests can check that work grows linearly with the input (a no-op in the wasm).
//!
//! Parsers call [`tick`] with the bytes or items a loop or look-ahead examines; a test runs a
//! parser inside [`counted`] on generated inputs of growing size and compares steps per byte.
//! Counting steps, not time, keeps the check exact on a busy machine.

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `n` steps of work on this thread.
#[inline]
pub fn tick(n: usize) {
    #[cfg(not(target_arch = "wasm32"))]
    STEPS.with(|steps| steps.set(steps.get().saturating_add(n as u64)));
    #[cfg(target_arch = "wasm32")]
    let _ = n;
}

/// Runs `f` and returns its result with the steps it recorded.
pub fn counted<R>(f: impl FnOnce() -> R) -> (R, u64) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let before = STEPS.with(std::cell::Cell::get);
        let result = f();
        (result, STEPS.with(std::cell::Cell::get) - before)
    }
    #[cfg(target_arch = "wasm32")]
    (f(), 0)
}
