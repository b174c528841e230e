// Transfer size of the app: raw, gzip and brotli (best settings) of each file the page loaded at start.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Sizes of the files under `root` that `urls` (what the page requested) name; totals in `total`. */
export async function transferSizes(root, urls, base) {
  const names = [...new Set((urls ?? []).filter((u) => u.startsWith(base)).map((u) => new URL(u).pathname.slice(1) || 'index.html'))];
  const files = [];
  for (const name of names) {
    let bytes;
    try { bytes = await readFile(join(root, name)); } catch { continue; }
    files.push({
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    });
  }
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}
