import { cli, makeTree } from './helpers/tree';
import type { FileContext } from '../src/api/types';
import type { Code } from '../src/api/codes';

describe('diagnostic codes are typed', () => {
  test('a code outside the registry is a type error (ts-jest checks this file: an unused expectation fails it)', () => {
    const known: Code = 'MP101';
    // @ts-expect-error MP999 is no code of src/api/codes.ts
    const unknown: Code = 'MP999';
    const report = (ctx: FileContext) => {
      ctx.report(0, 'MP301', 'kept');
      // @ts-expect-error MP999 is no code of src/api/codes.ts
      ctx.report(0, 'MP999', 'no such code');
    };
    expect([known, unknown, typeof report]).toEqual(['MP101', 'MP999', 'function']);
  });

  test('a JavaScript transform that reports an unknown code fails the file, naming the code; SARIF never labels it as another', async () => {
    const transform = [
      "module.exports = { id: 'odd-code', description: 'reports X001', safety: 'safe', prefilter: /Pool/, query: '(module) @m',",
      "  fix(match, ctx) { ctx.report(match.captures[0].node, 'X001', 'not a code'); return null; } };",
      '',
    ].join('\n');
    const root = makeTree({ 'odd.js': transform, 'app.py': 'import multiprocessing as mp\nmp.Pool(2)\n' });
    const r = await cli(['-t', './odd.js', '--output-format', 'json', 'app.py'], root);
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file).toMatchObject({ status: 'error', reason: 'odd-code: reported an unknown diagnostic code "X001" (`mp-codemod explain` lists the codes)', diagnostics: [] });
    const sarif = JSON.parse((await cli(['-t', './odd.js', '--output-format', 'sarif', 'app.py'], root)).stdout);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toEqual([]);
  });
});
