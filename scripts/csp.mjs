// Content-Security-Policy helpers for the post-build step: hash inline scripts and styles, and write the policy into a page.
import { createHash } from 'node:crypto';

/** The CSP source for `text`: 'sha256-<base64>' of its exact UTF-8 bytes. */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The contents of every inline element `name` (script or style) the browser would execute or
 * apply: scripts with a src, and scripts of a data type (not JavaScript), are left out.
 */
export function inlineBodies(html, name) {
  const bodies = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}>`, 'gi'))) {
    const attrs = parseAttributes(match[1]);
    if (name === 'script' && ('src' in attrs || !isJavaScriptType(attrs.type))) continue;
    bodies.push(match[2]);
  }
  return bodies;
}

/** Joins directives ({ 'script-src': [...] }) into one policy string. */
export function policy(directives) {
  return Object.entries(directives).map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Puts `<meta http-equiv="Content-Security-Policy">` right after `<meta charset>`, before anything
 * it governs, replacing a policy an earlier run put there (so the step can run again).
 */
export function setPolicy(html, content) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${content}">`;
  const without = html.replace(/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi, '');
  const charset = /<meta charset="[^"]*">\n?/i;
  if (!charset.test(without)) throw new Error('no <meta charset> to put the Content-Security-Policy after');
  return without.replace(charset, (m) => `${m}    ${meta}\n`);
}

/** Attributes of a tag's attribute text, as { name: value }; a bare attribute has the value ''. */
export function parseAttributes(text) {
  const attrs = {};
  for (const [, name, value] of text.matchAll(/([\w:-]+)(?:\s*=\s*"([^"]*)")?/g)) attrs[name.toLowerCase()] = value ?? '';
  return attrs;
}

/** Every `<name …>` start tag in `html` (for void elements such as link and meta), with its attributes. */
export function startTags(html, name) {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) => ({ text: m[0], attrs: parseAttributes(m[1]) }));
}

/** Fails when a page or stylesheet refers to another host: the app must never contact one. */
export function assertNoRemoteUrls(text, what) {
  // The SVG namespace is an identifier, never fetched.
  // Any scheme, or none (protocol-relative `//host/…`), followed by a dotted host name.
  const remote = text.replaceAll('http://www.w3.org/2000/svg', '').match(/(?:[a-z][a-z0-9+.-]*:)?\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"')]*/i);
  if (remote) throw new Error(`${what} refers to another host: ${remote[0]}`);
}

function isJavaScriptType(type) {
  return type === undefined || type === '' || type === 'module' || /^(text|application)\/(java|ecma)script$/i.test(type);
}
