import { needsParse, defaultOptions } from '../src/engine/pipeline';
import type { Transform } from '../src/api/types';

const make = (id: string, prefilter: Transform['prefilter']): Transform => ({
  id,
  description: id,
  safety: 'safe',
  safetyNote: '',
  prefilter,
  query: '(module) @module',
  fix: () => null,
});
const needs = (text: string, transforms: Transform[]) => needsParse(text, transforms, defaultOptions, 'x.py', { inPackage: false });

describe('needsParse', () => {
  test('regular-expression prefilters are asked together', () => {
    const ts = [make('a', /foo/), make('b', /bar\s*\(/)];
    expect(needs('x = bar (1)', ts)).toBe(true);
    expect(needs('x = foo', ts)).toBe(true);
    expect(needs('x = bar', ts)).toBe(false);
  });

  test('function prefilters are asked when no expression matches', () => {
    const seen: string[] = [];
    const ts = [make('a', /foo/), make('f', (text) => (seen.push(text), text.includes('zip'))), make('b', /baz/)];
    expect(needs('zip', ts)).toBe(true);
    expect(needs('nothing', ts)).toBe(false);
    expect(seen).toEqual(['zip', 'nothing']);
  });

  test('expressions with back-references or other flags keep their meaning', () => {
    const ts = [make('a', /(q)\1/), make('b', /(z)\1/), make('c', /CASE/i)];
    expect(needs('qq', ts)).toBe(true);
    expect(needs('zz', ts)).toBe(true);
    expect(needs('qz', ts)).toBe(false);
    expect(needs('case', ts)).toBe(true);
    const named = [make('a', /(?<w>fo+)/), make('b', /(?<w>ba+r)/)];
    expect(needs('baar', named)).toBe(true);
    expect(needs('bz', named)).toBe(false);
  });

  test('the skip pragma always parses (to report the skip)', () => {
    expect(needs('# mp-codemod: skip-file\nx = 1\n', [make('a', /foo/)])).toBe(true);
  });
});
