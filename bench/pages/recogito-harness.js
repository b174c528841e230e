// Drives @recogito/text-annotator (UMD build, window.RecogitoJS) over the article in this page for the benchmark runner.
(() => {
  const container = document.querySelector('article');
  let anno = null;

  /** Creates the annotator with `renderer` ('SPANS' or 'CSS_HIGHLIGHTS') and the W3C adapter, as Recogito's docs show. */
  window.benchCreate = (renderer) => {
    anno = RecogitoJS.createTextAnnotator(container, {
      renderer,
      adapter: RecogitoJS.W3CTextFormat('https://bench.example/article', container),
    });
    window.benchAnno = anno;
    let redraws = 0;
    anno.renderer?.on?.('onRedraw', () => { redraws++; });
    window.benchRedraws = () => redraws;
    window.benchCreated = [];
    anno.on('createAnnotation', (a) => window.benchCreated.push(performance.now()));
    return true;
  };

  /** How many highlights the renderer shows now (spans in its layer, or ranges in CSS highlights). */
  window.benchPainted = () => {
    const spans = container.querySelectorAll('.r6o-annotation').length;
    let ranges = 0;
    if (globalThis.CSS?.highlights) for (const [, h] of CSS.highlights) ranges += h.size;
    return spans + ranges;
  };

  window.benchSet = (annotations) => anno.setAnnotations(annotations, true);
  /**
   * Exports like getAnnotations() with the W3C adapter (which computes each quote's prefix and suffix from the
   * article), one annotation at a time so a slow export can stop at `budget` ms and say how far it got.
   */
  window.benchExport = (budget) => {
    const adapter = RecogitoJS.W3CTextFormat('https://bench.example/article', container);
    const all = anno.state.store.all();
    const t0 = performance.now();
    const out = [];
    for (const a of all) {
      out.push(adapter.serialize(a));
      if (performance.now() - t0 > budget) break;
    }
    const json = JSON.stringify(out);
    return { done: out.length, total: all.length, ms: performance.now() - t0, bytes: json.length };
  };
})();
