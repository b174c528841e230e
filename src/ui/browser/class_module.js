// Loads the class view's wasm module (src/bin/class_view.rs) when a teacher opens it: its JS module by dynamic import, then its wasm; the single file defines marginaliaClassView, with both inlined, instead.
let loading;

// One load at a time, shared by openings that overlap; a failed one is forgotten, so the next opening tries again.
export function loadClassView(js, wasm) {
  loading ??= load(js, wasm).catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(js, wasm) {
  const inlined = globalThis.marginaliaClassView;
  if (inlined) return inlined();
  const module = await import(js);
  await module.default({ module_or_path: wasm });
  return module;
}
