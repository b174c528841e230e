// Loads the class view's wasm module (src/bin/class_view.rs) when a teacher opens it: its JS module by dynamic import, then its wasm; the single file defines marginaliaClassView, with both inlined, instead.
export async function loadClassView(js, wasm) {
  const inlined = globalThis.marginaliaClassView;
  if (inlined) return inlined();
  const module = await import(js);
  await module.default({ module_or_path: wasm });
  return module;
}
