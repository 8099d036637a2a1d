import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../src/codes';
import { builtinTransforms } from '../transforms';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

test('every diagnostic code is documented in the README with its severity', () => {
  const missing = Object.entries(CODES).filter(([code, info]) => !new RegExp(`\\| ${code} \\| ${info.severity} \\|`).test(readme));
  expect(missing.map(([code]) => code)).toEqual([]);
});

test('every built-in transform is documented in the README, in registry order', () => {
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (safe|unsafe) \|/gm)].map((m) => `${m[1]}:${m[2]}`);
  expect(rows).toEqual(builtinTransforms.map((t) => `${t.id}:${t.safety}`));
});

test('every diagnostic code has an explanation (mp-codemod explain, the README, SARIF help)', () => {
  const { EXPLANATIONS } = require('../src/explain') as typeof import('../src/explain');
  expect(Object.keys(CODES).filter((code) => !Object.prototype.hasOwnProperty.call(EXPLANATIONS, code))).toEqual([]);
});
