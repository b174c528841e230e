//! Measures which blocks of the rendered article are in or near the viewport, so the painter registers only their highlights.

use super::dom_text::DomText;
use crate::domain::annotation::in_view::BlockSpan;

/// The blocks that reach into the viewport stretched by `margin` screen heights above and below,
/// found by binary search over the blocks' boxes (they are laid out top to bottom in block
/// order), so a scroll costs about 2 log2(blocks) box reads. `None` without blocks or a window.
pub fn blocks_near(dom: &DomText, block_count: usize, margin: f64) -> Option<BlockSpan> {
    if block_count == 0 {
        return None;
    }
    let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let (top_limit, bottom_limit) = (-margin * height, (1.0 + margin) * height);
    let rect = |i: usize| dom.block_element(i).map(|e| e.get_bounding_client_rect());
    // The first block whose bottom reaches the stretch, and the last whose top is still in it.
    let first = partition_point(block_count, |i| rect(i).is_some_and(|r| r.bottom() < top_limit));
    let after_last = partition_point(block_count, |i| rect(i).is_none_or(|r| r.top() <= bottom_limit));
    let last = after_last.checked_sub(1)?;
    Some((first.min(last), last.max(first).min(block_count - 1)))
}

/// The first index in `0..len` for which `before` is false, where `before` is true then false.
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let mid = low + (high - low) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}
