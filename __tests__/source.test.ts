import { decode, encode, findCookie, SourceError } from '../src/python/source';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);

describe('decode/encode', () => {
  test('UTF-8 without a cookie round-trips', () => {
    const b = bytes('x = "héllo 😀"\n');
    const d = decode(b);
    expect(d.encoding).toBe('utf-8');
    expect(encode(d.text, d).equals(b)).toBe(true);
  });

  test('a BOM is kept out of the text and written back', () => {
    const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('import os\n')]);
    const d = decode(b);
    expect(d.bom).toBe(true);
    expect(d.text).toBe('import os\n');
    expect(encode(d.text, d).equals(b)).toBe(true);
  });

  test('a latin-1 cookie is honoured both ways (true ISO-8859-1, not windows-1252)', () => {
    const b = bytes('# -*- coding: latin-1 -*-\nx = "caf\xe9 \x85"\n', 'latin1');
    const d = decode(b);
    expect(d.encoding).toBe('latin-1');
    expect(d.text).toContain('café \u0085');
    expect(encode(d.text + 'y = 1\n', d).equals(Buffer.concat([b, bytes('y = 1\n')]))).toBe(true);
  });

  test('a single-byte codepage cookie round-trips (cp1252)', () => {
    const b = Buffer.concat([bytes('# coding: cp1252\nx = "'), Buffer.from([0x80, 0xe9]), bytes('"\n')]);
    const d = decode(b);
    expect(d.text).toContain('€é');
    expect(encode(d.text, d).equals(b)).toBe(true);
  });

  test('the cookie may stand on the second line after a shebang', () => {
    expect(findCookie(bytes('#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\n'))).toBe('latin-1');
    expect(findCookie(bytes('import os\n# coding: latin-1\n'))).toBeNull();
  });

  test.each([
    ['invalid UTF-8', Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xff, 0x0a]), /not valid UTF-8/],
    ['NUL bytes', Buffer.from('x = 1\0\n'), /binary/],
    ['an unknown cookie', bytes('# coding: klingon\nx = 1\n'), /unknown encoding/],
    ['bytes wrong for the cookie', Buffer.concat([bytes('# coding: ascii\nx = "'), Buffer.from([0xe9]), bytes('"\n')]), /not valid ascii/],
    ['a BOM with a non-UTF-8 cookie', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('# coding: latin-1\n')]), /BOM/],
  ])('%s is refused with a reason', (_name, input, reason) => {
    expect(() => decode(input)).toThrow(SourceError);
    expect(() => decode(input)).toThrow(reason);
  });

  test('text that the declared encoding cannot hold is refused on write', () => {
    const d = decode(bytes('# coding: latin-1\nx = 1\n'));
    expect(() => encode(d.text + '# 😀\n', d)).toThrow(SourceError);
  });
});
