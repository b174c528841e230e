//! Choosing the part of the page that is the article: semantic containers first, then Readability's paragraph scoring.

use super::*;

/// The content's root elements, and whether they are an article's own (so its header is kept).
pub(super) fn choose_content<'a>(body: &'a HtmlElement, survey: &Survey<'a>) -> Option<(Vec<&'a HtmlElement>, bool)> {
    let filter = survey.filter;
    let groups = [&survey.articles, &survey.article_bodies, &survey.mains];
    let targets: HashSet<*const HtmlElement> =
        groups.iter().flat_map(|g| g.iter()).map(|e| *e as *const HtmlElement).collect();
    let stats = text_stats(body, &targets, filter);
    // Prose (list items included), so that an article written as lists still counts.
    let chars_of = |e: &HtmlElement| stats.get(&(e as *const HtmlElement)).map_or(0, |s| s.prose_chars);
    let body_chars = chars_of(body);
    let enough = |chars: usize| chars >= MIN_ARTICLE_CHARS && chars * 10 >= body_chars * 4;
    for group in groups {
        let qualified: Vec<&HtmlElement> = group.iter().copied().filter(|e| enough(chars_of(e))).collect();
        let Some(first) = qualified.first() else { continue };
        // Survey order is document order, so an element that encloses the others comes first.
        if qualified.len() == 1 || encloses_all(first, &qualified[1..]) {
            return Some((vec![*first], true));
        }
        break;
    }
    let roots = score_content(body, filter)?;
    let chars: usize = roots.iter().map(|r| stats_of(r, filter).paragraph_chars).sum();
    (chars >= MIN_ARTICLE_CHARS).then_some((roots, false))
}

/// Whether every one of `inner` lies inside `outer` (one walk of `outer`).
pub(super) fn encloses_all(outer: &HtmlElement, inner: &[&HtmlElement]) -> bool {
    let mut wanted: HashSet<*const HtmlElement> = inner.iter().map(|e| *e as *const HtmlElement).collect();
    let mut stack = vec![outer];
    while let Some(el) = stack.pop() {
        wanted.remove(&(el as *const HtmlElement));
        if wanted.is_empty() {
            return true;
        }
        stack.extend(el.elements());
    }
    false
}

pub(super) struct Candidate<'a> {
    pub(super) el: &'a HtmlElement,
    /// The elements from the walk's root down to `el` (inclusive).
    pub(super) chain: Vec<&'a HtmlElement>,
    pub(super) score: f64,
}

/// Readability's scoring: paragraphs give points (one, plus commas, plus length) to their parent,
/// half to the grandparent and less further up; scores are discounted by link density; the best
/// candidate moves up to an ancestor that holds several near-best ones or scores higher, and is
/// taken with the siblings that look like part of it.
pub(super) fn score_content<'a>(body: &'a HtmlElement, filter: Filter<'_>) -> Option<Vec<&'a HtmlElement>> {
    let mut candidates: HashMap<*const HtmlElement, Candidate<'_>> = HashMap::new();
    let mut order: Vec<*const HtmlElement> = Vec::new();
    let mut walk = Walk::new(body, filter, false, &[]);
    while let Some(step) = walk.next() {
        let Step::Enter(el) = step else { continue };
        let path: Vec<&HtmlElement> = walk.path().collect();
        if is_scorable(el) {
            award(&mut candidates, &mut order, &path[..path.len() - 1], &text_of(el, filter, 10_000, false));
        } else if el.elements().any(|c| is_block(&c.name)) {
            // Text written straight into a container between its blocks ("text<br>text<div>…</div>")
            // is a paragraph of that container, as Readability's div-to-paragraph step makes it.
            for run in inline_runs(el, filter) {
                award(&mut candidates, &mut order, &path, &run);
            }
        }
    }
    let stats = text_stats(body, &order.iter().copied().collect(), filter);
    for key in &order {
        if let Some(candidate) = candidates.get_mut(key) {
            candidate.score *= 1.0 - stats.get(key).map_or(0.0, TextStats::link_density);
        }
    }
    let mut ranked: Vec<&Candidate<'_>> = order.iter().filter_map(|k| candidates.get(k)).collect();
    // Stable: of equal scores the first in document order wins.
    crate::domain::text::sort::sort_by(&mut ranked, |a, b| b.score.total_cmp(&a.score));
    let top = *ranked.first()?;
    let best = climb(top, &ranked[1..ranked.len().min(5)], &candidates);
    let Some(parent) = best.chain.len().checked_sub(2).map(|i| best.chain[i]) else { return Some(vec![best.el]) };
    let threshold = (best.score * 0.2).max(10.0);
    let best_class = best.el.attr("class").unwrap_or_default();
    let mut roots = Vec::new();
    for sibling in parent.elements().filter(|s| keep(s, filter, false)) {
        if std::ptr::eq(sibling, best.el) {
            roots.push(sibling);
            continue;
        }
        let mut score = candidates.get(&(sibling as *const HtmlElement)).map_or(0.0, |c| c.score);
        if !best_class.is_empty() && sibling.attr("class") == Some(best_class) {
            score += best.score * 0.2;
        }
        let append = if score >= threshold {
            true
        } else if sibling.name == "p" || (is_scorable(sibling) && sibling.name != "td") {
            let text = text_of(sibling, filter, 10_000, false);
            let len = text.chars().count();
            let density = stats_of(sibling, filter).link_density();
            (len >= 80 && density < 0.25) || (len > 0 && len < 80 && density == 0.0 && text.ends_with('.'))
        } else {
            false
        };
        if append {
            roots.push(sibling);
        }
    }
    Some(roots)
}

/// Gives a paragraph's points (one, plus its commas, plus one per 100 characters up to three) to
/// the last five of `chain` (outermost first): all to the nearest, half to the next, a sixth, a
/// ninth and a twelfth further up.
fn award<'a>(
    candidates: &mut HashMap<*const HtmlElement, Candidate<'a>>,
    order: &mut Vec<*const HtmlElement>,
    chain: &[&'a HtmlElement],
    text: &str,
) {
    let len = text.chars().count();
    if len < 25 {
        return;
    }
    // Points stop growing with length at 300 characters; commas are counted in the first 10,000.
    let commas = text.chars().filter(|c| matches!(c, ',' | '،' | '，' | '、')).count();
    let points = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
    for level in 0..5.min(chain.len()) {
        let end = chain.len() - level;
        let ancestor = chain[end - 1];
        let key = ancestor as *const HtmlElement;
        let entry = candidates.entry(key).or_insert_with(|| {
            order.push(key);
            Candidate { el: ancestor, chain: chain[..end].to_vec(), score: initial_score(ancestor) }
        });
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f64 * 3.0,
        };
        entry.score += points / divider;
    }
}

/// The elements of a chain strictly between the walk's root and its last element.
fn inner<'c, 'a>(chain: &'c [&'a HtmlElement]) -> &'c [&'a HtmlElement] {
    chain.get(1..chain.len().saturating_sub(1)).unwrap_or_default()
}

/// Readability's moves up from the best candidate: to the nearest ancestor holding three of the
/// runners-up scoring at least three quarters of it (an article cut into sections); then to an
/// ancestor scoring higher, as long as scores on the way stay above a third; then past ancestors
/// of which it is the only child.
fn climb<'c, 'a>(
    best: &'c Candidate<'a>,
    runners_up: &[&'c Candidate<'a>],
    candidates: &'c HashMap<*const HtmlElement, Candidate<'a>>,
) -> &'c Candidate<'a> {
    let score_of = |el: &HtmlElement| candidates.get(&(el as *const HtmlElement));
    let close: Vec<&Candidate<'_>> = runners_up.iter().copied().filter(|c| c.score >= best.score * 0.75).collect();
    let mut chosen = best;
    if close.len() >= 3 {
        let holds = |ancestor: &HtmlElement| {
            close.iter().filter(|c| c.chain.iter().any(|e| std::ptr::eq(*e, ancestor))).count()
        };
        // Never the walk's root (the body): that would be the whole page.
        if let Some(ancestor) = inner(&best.chain).iter().rev().find(|a| holds(a) >= 3) {
            if let Some(c) = score_of(ancestor) {
                chosen = c;
            }
        }
    }
    let threshold = chosen.score / 3.0;
    let mut last = chosen.score;
    for ancestor in inner(&chosen.chain).iter().rev() {
        let Some(candidate) = score_of(ancestor) else { continue };
        if candidate.score < threshold {
            break;
        }
        if candidate.score > last {
            chosen = candidate;
            break;
        }
        last = candidate.score;
    }
    while chosen.chain.len() > 2 {
        let parent = chosen.chain[chosen.chain.len() - 2];
        match score_of(parent) {
            Some(c) if parent.elements().count() == 1 => chosen = c,
            _ => break,
        }
    }
    chosen
}

/// The texts of the runs of inline children (text, spans, links, line breaks) between the block children of `el`.
fn inline_runs(el: &HtmlElement, filter: Filter<'_>) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    for child in &el.children {
        match child {
            HtmlNode::Text(text) => current.push_str(text),
            HtmlNode::Element(c) if is_block(&c.name) => runs.push(std::mem::take(&mut current)),
            HtmlNode::Element(c) if keep(c, filter, false) => {
                current.push(' ');
                current.push_str(&text_of(c, filter, 10_000, false));
            }
            HtmlNode::Element(_) => {}
        }
    }
    runs.push(current);
    runs.into_iter().map(|r| normalise_whitespace(&r)).filter(|r| !r.is_empty()).collect()
}

/// Elements whose own text is a paragraph: p, pre, and divs, sections and cells with text and no block children.
pub(super) fn is_scorable(el: &HtmlElement) -> bool {
    match el.name.as_str() {
        "p" | "pre" => true,
        "div" | "section" | "td" | "article" => !el.elements().any(|c| is_block(&c.name)) && capped_text_len(el, 1) > 0,
        _ => false,
    }
}

pub(super) fn initial_score(el: &HtmlElement) -> f64 {
    let by_tag = match el.name.as_str() {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let tokens = class_tokens(el);
    let mut by_class = 0.0;
    // As in Readability, a positive word anywhere in a token counts ("storytext", "postbody").
    if tokens.iter().any(|t| POSITIVE_TOKENS.iter().any(|p| t.contains(p))) {
        by_class += 25.0;
    }
    if hint_tokens(el).iter().any(|t| is_negative_token(t)) {
        by_class -= 25.0;
    }
    by_tag + by_class
}
