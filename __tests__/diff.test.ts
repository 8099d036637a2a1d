import { applyPatch } from 'diff';
import { unifiedDiff } from '../src/run/diff';

const lines = (n: number, tag = 'line') => Array.from({ length: n }, (_, i) => `${tag} ${i}\n`).join('');

describe('unifiedDiff', () => {
  const cases: [string, string, string][] = [
    ['changes at both ends and the middle', lines(30), `import os\n${lines(30).replace('line 15\n', 'x = 1\nline 15\n')}tail\n`],
    ['a missing newline at the end', `${lines(10)}last`, `${lines(10).replace('line 2\n', 'two\n')}last`],
    ['a newline added at the end', `${lines(10)}last`, `${lines(10)}last\n`],
    ['CRLF line endings', lines(12).replace(/\n/g, '\r\n'), lines(12).replace(/\n/g, '\r\n').replace('line 6\r\n', 'six\r\nline 6\r\n')],
    ['repeated lines around an insertion', 'a\nx\nx\nx\nx\nb\n', 'a\nx\nx\nx\nx\nx\nb\n'],
    ['an empty file filled', '', lines(5)],
    ['a file emptied', lines(5), ''],
  ];
  it.each(cases)('gives a patch that turns the old text into the new one: %s', (_, before, after) => {
    const diff = unifiedDiff('m.py', before, after);
    expect(applyPatch(before, diff)).toBe(after);
  });

  it('names the file with a/ and b/ prefixes and forward slashes, as git apply wants', () => {
    const diff = unifiedDiff('pkg\\m.py', 'a\n', 'b\n');
    expect(diff.split('\n').slice(0, 3)).toEqual(['--- a/pkg/m.py', '+++ b/pkg/m.py', '@@ -1,1 +1,1 @@']);
  });
});

describe('unifiedDiff of a long file changed in a few places', () => {
  const { applyPatch: apply } = require('diff') as typeof import('diff');
  const long = lines(5000);
  const cases: [string, string, string?][] = [
    ['one line in the middle', long.replace('line 2500\n', 'changed\n')],
    ['two far apart', long.replace('line 100\n', 'a\n').replace('line 4900\n', 'b\n')],
    ['near the start', long.replace('line 1\n', 'one\n')],
    ['first line', long.replace('line 0\n', 'zero\n')],
    ['last line, without its newline', `${long.slice(0, -'line 4999\n'.length)}end`],
    ['lines added at the end', `${long}more\n`],
    ['an insertion among repeated lines', long.replace('line 3000\n', 'line 3000\nline 3000\n')],
    ['a blank line first', `\n${long}`.replace('line 3\n', 'three\n'), `\n${long}`],
  ];
  it.each(cases)('is the patch of the whole texts: %s', (_name, after, before = long) => {
    const { createTwoFilesPatch } = require('diff') as typeof import('diff');
    const diff = unifiedDiff('m.py', before, after);
    expect(apply(before, diff)).toBe(after);
    const whole = createTwoFilesPatch('a/m.py', 'b/m.py', before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '');
    expect(diff).toBe(whole);
  });
});
