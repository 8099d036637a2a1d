import { applyPatch } from 'diff';
import { unifiedDiff } from '../src/report/diff';

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
