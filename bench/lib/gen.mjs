// Seeded workloads for the benchmark: generated articles (plain text) and annotation sets over an article's blocks.

/** A small fast PRNG (mulberry32): the same seed gives the same workload on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were ' +
  'her she there one all we their has been would more when if will out so up said what its about into than them can only ' +
  'other new some could time these two may then do first any like my now over such our man me even most made after also ' +
  'did many before must through back years where much your way well down should because each just those people how too ' +
  'government minister border trade policy election court committee report tariff security agreement president congress ' +
  'senator official statement economy market workers families city country region council budget reform vote campaign ' +
  'immigration energy climate schools health ministry treaty summit negotiation sovereignty tension record announced ' +
  'claimed warned argued promised denied confirmed estimated proposed rejected insisted suggested reported according ' +
  'recent previous national federal local foreign public private major critical significant growing historic ' +
  'river valley morning evening winter spring harbour railway factory village market square library museum'
).split(' ');

/** A plain-text article of about `chars` characters: a title line, a blank line, then paragraphs of 2 to 9 sentences. */
export function article(chars, seed) {
  const next = rng(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const sentence = () => {
    const n = 6 + Math.floor(next() * 18);
    const words = Array.from({ length: n }, pick);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (n > 10 && next() < 0.4) words[Math.floor(n / 2)] += ',';
    return words.join(' ') + (next() < 0.1 ? '?' : '.');
  };
  const title = `Benchmark article ${chars} (seed ${seed})`;
  const paragraphs = [];
  let length = title.length;
  while (length < chars) {
    const count = 2 + Math.floor(next() * 8);
    const paragraph = Array.from({ length: count }, sentence).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return `${title}\n\n${paragraphs.join('\n\n')}\n`;
}

export const TAGS = ['Claim', 'Quote', 'Policy shift'];

/**
 * `n` annotations over `blocks` (the article's block texts, in order): each in its own slot of the
 * text, snapped to whole words, of mixed lengths (mostly a few words, some a sentence, a few
 * longer), about 10% starting inside the previous one (so they overlap), each with one of three tags and every fifth with a note.
 * Returns `{ block, start, end, tag, note }` with code point offsets inside the block (ASCII text).
 */
export function annotations(blocks, n, seed) {
  if (n === 0) return [];
  const next = rng(seed);
  const starts = [];
  let total = 0;
  for (const text of blocks) {
    starts.push(total);
    total += text.length;
  }
  const slot = total / n;
  const locate = (at) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const wordStart = (text, i) => { while (i > 0 && text[i - 1] !== ' ') i--; return i; };
  const wordEnd = (text, i) => {
    while (i < text.length && text[i] !== ' ') i++;
    while (i > 0 && /[,.?]/.test(text[i - 1])) i--;
    return i;
  };
  const result = [];
  for (let k = 0; k < n; k++) {
    const overlapping = next() < 0.1;
    const roll = next();
    // Mixed lengths: 60% short (up to a few words), 30% a phrase or sentence, 10% long.
    const wanted = roll < 0.6 ? 4 + next() * 24 : roll < 0.9 ? 30 + next() * 90 : 120 + next() * 280;
    const previous = result[result.length - 1];
    let block;
    let start;
    if (overlapping && previous) {
      // Starts inside the previous annotation, so the two share some words.
      block = previous.block;
      start = wordStart(blocks[block], previous.start + Math.floor(next() * (previous.end - previous.start)));
    } else {
      const at = Math.floor(k * slot + next() * slot * 0.3);
      block = locate(at);
      start = wordStart(blocks[block], Math.max(0, Math.min(blocks[block].length - 1, at - starts[block])));
    }
    const text = blocks[block];
    const room = overlapping ? wanted : Math.min(wanted, slot * 0.65);
    let end = wordEnd(text, Math.min(text.length, start + Math.max(1, Math.floor(room))));
    if (end <= start) end = wordEnd(text, start + 1);
    if (end <= start) continue;
    result.push({
      block,
      start,
      end,
      tag: TAGS[Math.floor(next() * TAGS.length)],
      note: k % 5 === 0 ? `Note ${k}: worth discussing in class.` : '',
    });
  }
  return result;
}

/** The share of annotations that overlap the one before them in article order. */
export function overlapShare(set) {
  const sorted = [...set].sort((a, b) => a.block - b.block || a.start - b.start);
  let overlapping = 0;
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].block === sorted[k - 1].block && sorted[k].start < sorted[k - 1].end) overlapping++;
  }
  return set.length ? overlapping / set.length : 0;
}
