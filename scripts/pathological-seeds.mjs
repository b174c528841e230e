// Writes the pathological files of bench/lib/pathological.mjs (issue 21), at a size libFuzzer takes, into the fuzz corpora of the loaders and importers they target (`make fuzz` runs it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { PATHOLOGICAL } from '../bench/lib/pathological.mjs';

const BYTES = 16 * 1024; // under `make fuzz`'s -max_len of 64 KB
const targets = (name) => name.endsWith('.json') ? ['import_w3c', 'import_hypothesis', 'import_pack'] : name.endsWith('.html') ? ['html_extract', 'text_loader'] : ['text_loader'];
for (const file of PATHOLOGICAL) {
  for (const target of targets(file.name)) {
    mkdirSync(`fuzz/corpus/${target}`, { recursive: true });
    writeFileSync(`fuzz/corpus/${target}/pathological-${file.name}`, file.make(BYTES));
  }
}
console.log(`${PATHOLOGICAL.length} pathological seeds written to fuzz/corpus/`);
