import * as fs from 'fs';
import * as path from 'path';
import { transformSource, defaultOptions } from '../src/engine/pipeline';
import { ready } from '../src/syntax/parser';
import { builtinTransforms } from '../transforms';
import diagnostics from '../transforms/diagnostics';

// Diagnostics describe the code as it was: the default chain reports every diagnostic that the
// diagnostics transform alone reports (MP202 and MP203 used to vanish once spawn-context had
// rewritten the calls they look at).
const dir = path.join(__dirname, '..', '__testfixtures__', 'diagnostics');
const cases = fs.readdirSync(dir).filter((f) => f.endsWith('.input.py'));

beforeAll(() => ready());

test('there are diagnostics fixtures', () => expect(cases.length).toBeGreaterThan(20));

test.each(cases)('%s: the default chain reports what -t diagnostics reports', (name) => {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const optionsFile = path.join(dir, name.replace('.input.py', '.options.json'));
  const options = { ...defaultOptions, ...(fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {}) };
  const key = (d: { line: number; column: number; code: string }) => `${d.line}:${d.column} ${d.code}`;
  const alone = transformSource(text, [diagnostics], options, name).diagnostics.map(key);
  const chain = new Set(transformSource(text, builtinTransforms, options, name).diagnostics.map(key));
  expect(alone.filter((d) => !chain.has(d))).toEqual([]);
});
