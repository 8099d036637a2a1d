import * as fs from 'fs';
import * as path from 'path';
import type { GeneratedCase } from '../../src/testing';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const tabs = (s: string) => s.replace(/^((?: {4})+)/gm, (m) => '\t'.repeat(m.length / 4));

/**
 * A fixture's CRLF and tab-indented twins, made from its files rather than committed as copies:
 * `<name>_crlf` and `<name>_tabs`, the same edits in the file's own line ends and indentation.
 */
export function layoutVariants(dir: string, name: string): Record<string, GeneratedCase> {
  const read = (ext: string) => fs.readFileSync(path.join(dir, `${name}.${ext}.py`), 'utf8');
  const input = read('input');
  const output = read('output');
  return {
    [`${name}_crlf`]: { input: crlf(input), output: crlf(output) },
    [`${name}_tabs`]: { input: tabs(input), output: tabs(output) },
  };
}
