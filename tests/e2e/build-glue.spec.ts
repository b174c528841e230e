// The post-build's glue shrinking (scripts/minify-glue.mjs, short-imports.mjs): short import names in both files, integrity hashes that match, and a rerun that changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

const DIST = 'dist';

function preload(html: string, rel: string): { href: string; integrity: string } {
  const tag = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`rel="${rel}"`));
  expect(tag, `a <link rel="${rel}"> in index.html`).toBeTruthy();
  return { href: tag!.match(/href="\.\/([^"]+)"/)![1], integrity: tag!.match(/integrity="([^"]+)"/)![1] };
}

test('the wasm imports have short names in the wasm and the JS, and the integrity hashes match', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const js = preload(html, 'modulepreload');
  const wasm = preload(html, 'preload');
  const jsBytes = readFileSync(join(DIST, js.href));
  const wasmBytes = readFileSync(join(DIST, wasm.href));
  expect(jsBytes.toString('utf8')).not.toMatch(/__wbg_\w+_[0-9a-f]{16}/);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasmBytes));
  expect(imports.length).toBeGreaterThan(50);
  expect(imports.filter((i) => i.name.startsWith('__wb'))).toEqual([]);
  for (const [file, bytes] of [[js, jsBytes], [wasm, wasmBytes]] as const) {
    const [algorithm] = file.integrity.split('-');
    expect(file.integrity).toBe(`${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`);
  }
  // Running the step again on its own output changes nothing.
  const { shortImports } = await import('../../scripts/short-imports.mjs');
  const again = shortImports(wasmBytes, jsBytes.toString('utf8'));
  expect(again.renamed).toBe(0);
  expect(Buffer.compare(again.wasm, wasmBytes)).toBe(0);
});
