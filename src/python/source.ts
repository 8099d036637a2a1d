/** Reading and writing Python source bytes: BOM, PEP 263 coding cookies, round trips. */

export interface Decoded {
  text: string;
  /** Python's name of the encoding, normalised (`utf-8`, `latin-1`, `cp1252`, ...). */
  encoding: string;
  bom: boolean;
}

export class SourceError extends Error {}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:[#\r\n]|$)/;

// Python codec names to WHATWG labels. Python's latin-1 is true ISO-8859-1, which
// WHATWG does not offer (its "latin1" means windows-1252), so Node's 'latin1' is used.
const ALIASES: Record<string, string> = {
  utf8: 'utf-8', 'utf-8': 'utf-8', u8: 'utf-8', 'utf-8-sig': 'utf-8', utf: 'utf-8', cp65001: 'utf-8',
  latin1: 'latin-1', 'latin-1': 'latin-1', 'iso-8859-1': 'latin-1', iso8859_1: 'latin-1', 'iso-8859-1:1987': 'latin-1', l1: 'latin-1', 8859: 'latin-1', cp819: 'latin-1',
  ascii: 'ascii', 'us-ascii': 'ascii', 646: 'ascii',
};

function normaliseName(raw: string): string {
  const name = raw.toLowerCase().replace(/_/g, '-');
  if (ALIASES[name]) return ALIASES[name];
  if (name.startsWith('utf-8-') || name.startsWith('utf8-')) return 'utf-8'; // Python's tokenizer does this too
  if (name.startsWith('latin-1-') || name.startsWith('iso-8859-1-') || name.startsWith('iso-latin-1')) return 'latin-1';
  return name;
}

function whatwgLabel(name: string): string {
  const m = /^cp(\d+)$/.exec(name);
  if (m) return m[1] === '1252' || /^12\d\d$/.test(m[1]) ? `windows-${m[1]}` : `ibm${m[1]}`;
  const w = /^windows-(\d+)$/.exec(name);
  return w ? `windows-${w[1]}` : name;
}

/** The coding cookie of the first two lines, as Python reads it. */
export function findCookie(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const lines = head.split(/\r\n|\r|\n/, 2);
  const first = COOKIE.exec(lines[0]);
  if (first) return first[1];
  if (lines.length > 1 && BLANK_OR_COMMENT.test(lines[0])) {
    const second = COOKIE.exec(lines[1]);
    if (second) return second[1];
  }
  return null;
}

export function decode(bytes: Buffer): Decoded {
  if (bytes.includes(0)) throw new SourceError('binary file (contains NUL bytes)');
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const cookie = findCookie(body);
  const encoding = cookie ? normaliseName(cookie) : 'utf-8';
  if (bom && encoding !== 'utf-8') throw new SourceError(`encoding problem: ${cookie} with a UTF-8 BOM`);
  return { text: decodeAs(body, encoding, cookie), encoding, bom };
}

function decodeAs(body: Buffer, encoding: string, cookie: string | null): string {
  if (encoding === 'latin-1') return body.toString('latin1');
  if (encoding === 'ascii') {
    const bad = body.findIndex((b) => b > 0x7f);
    if (bad !== -1) throw new SourceError(`not valid ascii (byte 0x${body[bad].toString(16)} at offset ${bad})`);
    return body.toString('latin1');
  }
  const table = encoding === 'utf-8' ? null : singleByteTable(encoding);
  if (table) {
    let text = '';
    for (let i = 0; i < body.length; i++) {
      const ch = table[body[i]];
      if (ch === null) throw new SourceError(`not valid ${cookie} (byte 0x${body[i].toString(16)} at offset ${i})`);
      text += ch;
    }
    return text;
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(whatwgLabel(encoding), { fatal: true, ignoreBOM: true });
  } catch {
    throw new SourceError(`unknown encoding: ${cookie}`);
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new SourceError(cookie ? `not valid ${cookie}` : 'not valid UTF-8 (and no coding cookie)');
  }
}

// Node's windows-1252 decoder drops 0x80-0x9F, so Python's cp1252 upper half is spelled out (\0: undefined).
const CP1252_HIGH = '\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178';

const tables = new Map<string, (string | null)[] | null>();

/** Byte to character for a single-byte encoding (null: byte undefined); null for multi-byte or unknown ones. */
function singleByteTable(encoding: string): (string | null)[] | null {
  if (tables.has(encoding)) return tables.get(encoding)!;
  let table: (string | null)[] | null = [];
  try {
    const decoder = new TextDecoder(whatwgLabel(encoding), { fatal: true });
    for (let b = 0; b < 256; b++) {
      try {
        const ch = decoder.decode(Uint8Array.of(b));
        table.push([...ch].length === 1 ? ch : null);
      } catch {
        table.push(null);
      }
    }
    if (decoder.encoding === 'windows-1252') {
      for (let b = 0x80; b < 0xa0; b++) table[b] = CP1252_HIGH[b - 0x80] === '\0' ? null : CP1252_HIGH[b - 0x80];
    }
    // Multi-byte encodings reject most lone high bytes.
    if (table.filter((c) => c !== null).length < 200) table = null;
  } catch {
    table = null;
  }
  tables.set(encoding, table);
  return table;
}

/** Character to byte for a single-byte encoding. */
function reverseTable(encoding: string): Map<string, number> | null {
  const table = singleByteTable(encoding);
  if (!table) return null;
  const reverse = new Map<string, number>();
  table.forEach((ch, b) => {
    if (ch !== null && !reverse.has(ch)) reverse.set(ch, b);
  });
  return reverse;
}

export function encode(text: string, decoded: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  const body = encodeAs(text, decoded.encoding);
  return decoded.bom ? Buffer.concat([BOM, body]) : body;
}

function encodeAs(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const limit = encoding === 'ascii' ? 0x7f : encoding === 'latin-1' ? 0xff : -1;
  if (limit !== -1) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > limit) throw new SourceError(`cannot encode ${JSON.stringify(text[i])} as ${encoding}`);
    }
    return Buffer.from(text, 'latin1');
  }
  const table = reverseTable(encoding);
  if (!table) throw new SourceError(`writing ${encoding} is not supported`);
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new SourceError(`cannot encode ${JSON.stringify(ch)} as ${encoding}`);
    out[n++] = b;
  }
  return out.subarray(0, n);
}
