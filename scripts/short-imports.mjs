// Gives wasm-bindgen's imports short names (`$0`, `$1`, …) in both the wasm and its JS module: their long hashed names cost about 3 KB brotli in each file.

/** Reads an unsigned LEB128 at `pos`; returns [value, next position]. */
function leb(bytes, pos) {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const byte = bytes[pos++];
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if ((byte & 0x80) === 0) return [Number(value), pos];
  }
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return [...writeLeb(bytes.length), ...bytes];
}

/** Skips an import's description (function, table, memory, global or tag); returns the next position. */
function skipDescription(bytes, pos) {
  const kind = bytes[pos++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, pos)[1];
    case 1: return limits(pos + 1);
    case 2: return limits(pos);
    case 3: return pos + 2;
    case 4: return leb(bytes, pos + 1)[1];
    default: throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

/**
 * Renames every import in `wasm` whose name starts with `__wb` (wasm-bindgen's) and the same
 * identifiers in `js`; returns the new wasm bytes and JS text. Names already short are kept,
 * so running it twice changes nothing.
 */
export function shortImports(wasm, js) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-imports: not a wasm module');
  const renames = new Map();
  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = leb(wasm, pos + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    let [count, p] = leb(wasm, start);
    const body = [...writeLeb(count)];
    for (let i = 0; i < count; i++) {
      const [moduleLength, m] = leb(wasm, p);
      const moduleName = wasm.toString('utf8', m, m + moduleLength);
      const [fieldLength, f] = leb(wasm, m + moduleLength);
      let field = wasm.toString('utf8', f, f + fieldLength);
      const next = skipDescription(wasm, f + fieldLength);
      if (field.startsWith('__wb')) {
        const short = renames.get(field) ?? `$${renames.size.toString(36)}`;
        renames.set(field, short);
        field = short;
      }
      body.push(...name(moduleName), ...name(field), ...wasm.subarray(f + fieldLength, next));
      p = next;
    }
    if (p !== end) throw new Error('short-imports: import section did not parse to its end');
    parts.push(Buffer.from([2, ...writeLeb(body.length), ...body]));
    pos = end;
  }
  let text = js;
  for (const [long, short] of renames) {
    const word = new RegExp(`(?<![\\w$])${long}(?![\\w$])`, 'g');
    const uses = text.match(word)?.length ?? 0;
    if (uses !== 1) throw new Error(`short-imports: ${long} occurs ${uses} times in the JS, expected once (its key in the imports object)`);
    text = text.replace(word, short);
  }
  return { wasm: Buffer.concat(parts), js: text, renamed: renames.size };
}
