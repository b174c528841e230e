// Hostile files of a chosen size for every loader and importer (issue 21): nested, unclosed and repeated shapes that once froze or crashed the app.
// Used by bench/hostile.mjs (time to open or import each at 50 KB and 500 KB) and tests/e2e/pathological.spec.ts (the app still works after each).

/** `unit` repeated to about `bytes`. */
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));

/** The plain-text article the bench opens before importing (its document text is the title and paragraphs, joined by a blank line). */
export const ARTICLE_PARAGRAPHS = Array.from({ length: 300 }, (_, p) => `Paragraph ${p} says the city changed its policy in ${1800 + p} after a long public vote.`);
export const ARTICLE_FILE = `Hostile bench\n\n${ARTICLE_PARAGRAPHS.join('\n\n')}\n`;
const ARTICLE_TEXT = ['Hostile bench', ...ARTICLE_PARAGRAPHS].join('\n\n');

/** A W3C collection of `n` annotations of 9 characters spread over ARTICLE_TEXT, annotation k tagged `tags(k)`. */
export function w3c(n, tags) {
  const items = Array.from({ length: n }, (_, k) => {
    const start = 15 + ((k * 37) % (ARTICLE_TEXT.length - 30));
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:00000000-0000-4000-8000-${String(k + 1).padStart(12, '0')}`,
      type: 'Annotation',
      body: tags(k).map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
      target: { selector: [
        { type: 'TextQuoteSelector', exact: ARTICLE_TEXT.slice(start, start + 9) },
        { type: 'TextPositionSelector', start, end: start + 9 },
      ] },
    };
  });
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
}

/** About 340 bytes per W3C annotation above, 8 per Hypothesis tag name. */
const W3C_BYTES = 340;

/**
 * Article files (`kind: 'open'`) and annotation files (`kind: 'import'`); `make(bytes)` builds the file's text.
 * `outcome` is what the app does with it: 'opens' (valid, if odd) or 'rejected' (a message names the limit).
 */
export const PATHOLOGICAL = [
  { name: 'nested-emphasis.md', kind: 'open', outcome: 'opens', make: (b) => fill('*a **a ', b / 2) + fill(' a** a*', b / 2) },
  { name: 'unclosed-destinations.md', kind: 'open', outcome: 'opens', make: (b) => fill('[a](<b', b) },
  { name: 'link-openers-emphasis-closers.md', kind: 'open', outcome: 'opens', make: (b) => fill('[ a_', b) },
  { name: 'bracket-parens.md', kind: 'open', outcome: 'opens', make: (b) => fill('[ (](', b) },
  { name: 'closers-without-openers.md', kind: 'open', outcome: 'opens', make: (b) => fill('a* ', b) },
  { name: 'entities-and-tags.md', kind: 'open', outcome: 'opens', make: (b) => fill('&&lt <a "<!-- ', b) },
  { name: 'deep-quotes.md', kind: 'open', outcome: 'opens', make: (b) => `${fill('> ', b)}deep text` },
  { name: 'deep-divs.html', kind: 'open', outcome: 'rejected', make: (b) => `<title>Deep</title>${fill('<div>', b)}<p>Deep words here.</p>` },
  { name: 'unclosed-attributes.html', kind: 'open', outcome: 'rejected', make: (b) => `<title>Attrs</title><p>Words ${fill('<a href="x ', b)}</p>` },
  { name: 'one-long-word.txt', kind: 'open', outcome: 'opens', make: (b) => `Title\n\n${fill('a', b)}` },
  { name: 'own-tag-each.w3c.json', kind: 'import', outcome: 'rejected', make: (b) => w3c(Math.max(250, Math.floor(b / W3C_BYTES)), (k) => [`tag ${k}`]) },
  { name: 'many-tags-one-annotation.hypothesis.json', kind: 'import', outcome: 'rejected', make: (b) => JSON.stringify({
    export_date: '2026-01-01T00:00:00Z',
    annotations: [{ id: 'h1', created: '2026-01-01T00:00:00Z', uri: 'x', text: '', tags: Array.from({ length: Math.floor(b / 8) }, (_, t) => `t${t}`),
      target: [{ source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'W' }] }] }],
  }) },
  { name: 'deep-arrays.json', kind: 'import', outcome: 'rejected', make: (b) => fill('[', b / 2) + fill(']', b / 2) },
  { name: 'many-annotations-few-tags.w3c.json', kind: 'import', outcome: 'imports', make: (b) => w3c(Math.floor(b / W3C_BYTES), (k) => [`tag ${k % 20}`]) },
];
