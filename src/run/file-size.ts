// The per-file size limit. tree-sitter's tree of a file lives in WebAssembly memory, which is
// never given back: a sparse 20 MB module peaked at 720 MB, a 10 MB one at 410 MB, 8 MB at 345
// MB, leaving room for denser code and the compile gate's Python (README, Performance). Larger files are skipped before they are read.

/** The default limit, in MB (10^6 bytes). */
export const DEFAULT_MAX_FILE_SIZE = 8;

/** A size in MB as --max-file-size and max-file-size take it: a number from 0 (no limit). */
export const isFileSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The limit in bytes for options that may set `maxFileSize` (MB; 0: none); null when there is none. */
export function limitBytes(opts: { maxFileSize?: number }): number | null {
  const mb = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  return mb > 0 ? mb * 1e6 : null;
}

/** Why a file of `size` bytes is skipped, or null when it is within the limit. */
export function overLimit(size: number, opts: { maxFileSize?: number }): string | null {
  const limit = limitBytes(opts);
  if (limit === null || size <= limit) return null;
  const mb = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  return `${sizeText(size, limit)} is over the ${mb} MB limit for one file (--max-file-size, max-file-size in [tool.mp-codemod])`;
}

/** `52.4 MB`, with as many decimals as it takes to differ from the limit (a small file: its bytes). */
function sizeText(size: number, limit: number): string {
  if (size < 100_000) return `${size} bytes`;
  for (let digits = 1; digits <= 6; digits++) {
    const text = (size / 1e6).toFixed(digits);
    if (Number(text) > limit / 1e6) return `${text} MB`;
  }
  return `${size} bytes`;
}
