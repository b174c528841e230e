// Bundles the real annotation clients from node_modules (Recogito's text annotator, Apache Annotator) into one script that puts them on `window.Clients`, for a page to run.
import { build } from 'esbuild';

/** The script's text: `window.Clients = { recogito, apache }` with the functions the interop tests call. */
export async function clientsScript() {
  const entry = `
    import {
      createTextAnnotator, W3CTextFormat, parseW3CTextAnnotation, reviveTarget, rangeToSelector, serializeW3CTextAnnotation,
    } from '@recogito/text-annotator';
    import { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from '@apache-annotator/dom';
    window.Clients = {
      recogito: { createTextAnnotator, W3CTextFormat, parseW3CTextAnnotation, reviveTarget, rangeToSelector, serializeW3CTextAnnotation },
      apache: { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher },
    };
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd() },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty' },
  });
  return result.outputFiles[0].text;
}
