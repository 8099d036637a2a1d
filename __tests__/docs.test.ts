import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../src/api/codes';
import { builtinTransforms } from '../transforms';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

/** The diagnostics table's rows: the code, the target of its link, and the severity. */
const codeRows = [...readme.matchAll(/^\| \[(MP\d{3})\]\(#([^)]*)\) \| (\w+) \|/gm)].map((m) => ({ code: m[1], target: m[2], severity: m[3] }));

/** Anchors as GitHub makes them from headings (lower case, punctuation dropped, spaces to dashes), and explicit `<a id>`s. */
function anchors(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of markdown.matchAll(/^#{1,6} (.+)$/gm)) out.set(m[1].trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-'), m[1].trim());
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) out.set(m[1], `<a id="${m[1]}">`);
  return out;
}

test('every diagnostic code is documented in the README with its severity', () => {
  const rows = new Map(codeRows.map((r) => [r.code, r.severity]));
  const missing = Object.entries(CODES).filter(([code, info]) => rows.get(code) !== info.severity);
  expect(missing.map(([code]) => code)).toEqual([]);
  expect(codeRows.map((r) => r.code).sort()).toEqual(Object.keys(CODES).sort());
});

test("each code in the diagnostics table links to its own section, which exists", () => {
  const targets = anchors(readme);
  expect(codeRows.length).toBe(Object.keys(CODES).length);
  const wrong = codeRows.filter((r) => targets.get(r.target) !== r.code);
  expect(wrong.map((r) => `${r.code} -> #${r.target} (${targets.get(r.target) ?? 'no such anchor'})`)).toEqual([]);
});

test('every built-in transform is documented in the README, in registry order', () => {
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (safe|unsafe) \|/gm)].map((m) => `${m[1]}:${m[2]}`);
  expect(rows).toEqual(builtinTransforms.map((t) => `${t.id}:${t.safety}`));
});

test('every diagnostic code has an explanation (mp-codemod explain, the README, SARIF help)', () => {
  const { EXPLANATIONS } = require('../src/api/explain') as typeof import('../src/api/explain');
  expect(Object.keys(CODES).filter((code) => !Object.prototype.hasOwnProperty.call(EXPLANATIONS, code))).toEqual([]);
});
