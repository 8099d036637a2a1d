import type { SyntaxNode, Tree } from '../syntax/types';
import { parse, parseEdited, firstSyntaxError, fromStandIn, syntaxErrorIn, work } from '../syntax/parser';
import { applyFixes, mapBack, render } from './edits';
import { analysed, makeContext } from './context';
import { MAX_PASSES, TransformFailure, mechanismOf, onePass, passes, type Step } from './pass';
import { fileLineLength } from '../python/layout';
import { startsProcessesIn } from '../python/starts';
import { blocksMigration, isCode, severityOf, type Code } from '../api/codes';
import { WordScan } from '../syntax/words';
import { planned, type RunRequest } from './policy';
import { isLibraryModule } from '../python/module-role';
import { findPragmas, names, pragmaEdit, unknownNames, type Pragma } from '../python/pragmas';
import type { AppliedFix, Diagnostic, Edit, FileFacts, Fix, Mechanism, Options, Plan, PrefilterFile, RawDiagnostic, Transform } from '../api/types';

export interface SourceResult {
  output: string;
  fixes: AppliedFix[];
  diagnostics: Diagnostic[];
  /** The input could not be parsed; nothing was done. */
  syntaxError?: { line: number; column: number };
  /** A transform failed or produced invalid code; `output` is the input. */
  error?: { transform: string; message: string };
  /** Left alone on purpose (pragma). */
  skipped?: string;
  /** Transforms that still had fixes after the last pass. */
  unconverged: string[];
  /** The mechanisms of the fixes applied (see Plan). */
  mechanisms: Mechanism[];
  /** Whether the input starts processes anywhere, when asked for (see ProjectScan.modulesToJudge). */
  startsProcesses?: boolean;
  /** Whether the input is a library module (isLibraryModule), when the planner asks. */
  library?: boolean;
  /** The first call site an applied fix of the local mechanism rewrote: an offset of the input, and the transform. */
  firstLocal?: { at: number; transform: string };
}

const SKIP_FILE = /^[ \t]*#[ \t]*mp-codemod:[ \t]*skip-file\b/m;

export const defaultOptions: Options = { method: 'spawn', unsafeFixes: false, freezeSupport: false, allEntryPoints: false };

const isSkipped = (input: string, scan: WordScan) => scan.mentions(input, 'mp-codemod:') && SKIP_FILE.test(input);

/** The words screening asks about for these transforms: the ones they declare, and the skip pragma's. */
export function wordsOf(transforms: readonly Transform[]): string[] {
  return [...new Set(['mp-codemod:', ...transforms.flatMap((t) => t.words ?? [])])];
}

/** One word scan per list of transforms (see words.ts). */
const scans = new WeakMap<readonly Transform[], WordScan>();
function scanOf(transforms: readonly Transform[]): WordScan {
  let scan = scans.get(transforms);
  if (!scan) scans.set(transforms, (scan = new WordScan(wordsOf(transforms))));
  return scan;
}

/** Whether a skip-file pragma of the text is a comment. */
function skipComment(tree: Tree, input: string): boolean {
  const all = new RegExp(SKIP_FILE.source, 'gm');
  for (let m = all.exec(input); m; m = all.exec(input)) {
    const at = m.index + m[0].indexOf('#');
    if (tree.rootNode.descendantForIndex(at, at + 1)?.type === 'comment') return true;
  }
  return false;
}

// Group numbers shift in a union and group names may clash, so expressions with either stay apart.
const BACKREFERENCE = /\\[1-9]|\\k<|\(\?<[^=!]/;

/** All the regular-expression prefilters of a list of transforms as one, so most files are scanned once. */
const unions = new WeakMap<readonly Transform[], RegExp | null>();
function unionOf(transforms: readonly Transform[]): RegExp | null {
  let union = unions.get(transforms);
  if (union === undefined) {
    const sources = transforms.flatMap((t) => (t.prefilter instanceof RegExp && !t.prefilter.global && !t.prefilter.sticky && !BACKREFERENCE.test(t.prefilter.source) ? [t.prefilter] : []));
    const flags = new Set(sources.map((r) => r.flags));
    try {
      union = sources.length > 1 && flags.size === 1 ? new RegExp(sources.map((r) => `(?:${r.source})`).join('|'), sources[0].flags) : null;
    } catch {
      union = null;
    }
    unions.set(transforms, union);
  }
  return union;
}

/**
 * Whether transformSource would parse this text at all: the skip pragma, or a transform's
 * prefilter passes. `scan`: one that other screening of the same text shares (it must look for
 * wordsOf(transforms) at least, or the answer is right but slower).
 */
export function needsParse(input: string, transforms: readonly Transform[], options: Options, path: string, facts: FileFacts, scan = scanOf(transforms)): boolean {
  if (options.noPrefilter || isSkipped(input, scan)) return true;
  const info: PrefilterFile = { path, facts, options, mentions: scan.mentions };
  // When no regular expression matches, only the function prefilters are left to ask.
  return anyPasses(transforms, input, info, unionOf(transforms)?.test(input) === false);
}

function anyPasses(transforms: readonly Transform[], text: string, info: PrefilterFile, onlyFunctions = false): boolean {
  for (const t of transforms) {
    if (onlyFunctions && typeof t.prefilter !== 'function') continue;
    if (passes(t, text, info)) return true;
  }
  return false;
}

/**
 * Migrates one source text: the transforms in order, under the file's plan (see policy.ts for how
 * the plan is chosen). Pure: no file system, no terminal.
 */
export function transformSource(
  input: string,
  transforms: readonly Transform[],
  options: Options = defaultOptions,
  path = '<stdin>',
  facts: FileFacts = { inPackage: false },
  /** Also tell whether the input starts processes anywhere, from its first tree. */
  judge = false,
): SourceResult {
  // Python ends a line at a lone \r; tree-sitter does not. Lines ended by \r alone are read as \n
  // (one character for one, so every offset holds) and given their \r back.
  if (input.includes('\r') && !input.includes('\n')) {
    const lf = transformSource(input.replace(/\r/g, '\n'), transforms, options, path, facts, judge);
    return { ...lf, output: lf.output === input.replace(/\r/g, '\n') ? input : lf.output.replace(/\n/g, '\r') };
  }
  // Without a project setting the file's own habit decides (a file written to 120 columns).
  if (options.lineLength === undefined) options = { ...options, lineLength: fileLineLength(input) };
  // One tree of the input, and so one analysis of it, for every plan the planner tries.
  const first = new InputTree(input);
  try {
    return planned(input, options, mechanismsOf(transforms), (plan, request = {}) => {
      const trees: Tree[] = [];
      try {
        return runPasses(trees, first, transforms, options, path, facts, judge, plan, request);
      } finally {
        // Trees live in the WebAssembly heap, which no collector sees: freed here, also on a throw.
        for (const t of trees) t.delete();
      }
    });
  } finally {
    first.delete();
  }
}

/** The input's tree, parsed when first asked for. */
class InputTree {
  private parsed: Tree | null = null;
  constructor(readonly text: string) {}
  get tree(): Tree {
    return (this.parsed ??= parse(this.text));
  }
  is(tree: Tree): boolean {
    return tree === this.parsed;
  }
  delete(): void {
    this.parsed?.delete();
  }
}

/** The mechanisms a chain of transforms can apply. */
function mechanismsOf(transforms: readonly Transform[]): Set<Mechanism> {
  const out = new Set<Mechanism>();
  for (const t of transforms) if (t.mechanism) out.add(t.mechanism);
  return out;
}

/**
 * Runs the transforms on one source text in passes (see onePass), keeping the fixes the plan
 * allows; every tree it makes, but the input's, goes into `trees`.
 */
function runPasses(
  trees: Tree[],
  first: InputTree,
  transforms: readonly Transform[],
  options: Options,
  path: string,
  facts: FileFacts,
  judge: boolean,
  plan: Plan,
  request: RunRequest,
): SourceResult {
  const input = first.text;
  const result: SourceResult = { output: input, fixes: [], diagnostics: [], unconverged: [], mechanisms: [] };
  // The pragma counts in a comment only (not in a docstring that shows how to use it).
  const scan = scanOf(transforms);
  if (isSkipped(input, scan) && skipComment(first.tree, input)) return { ...result, skipped: 'mp-codemod: skip-file' };
  const info: PrefilterFile = { path, facts, options, mentions: scan.mentions };
  if (!anyPasses(transforms, input, info)) return result;

  const lines = new LineIndex(input);
  let tree = first.tree;
  // The analyses go into the tree's cache, where the transforms find them.
  if (judge) result.startsProcesses = startsProcessesIn(input, () => makeContext(input, tree, path, options, facts, plan, []).starts);
  const bad = firstSyntaxError(tree.rootNode, input);
  if (bad) return { ...result, syntaxError: { line: bad.startPosition.row + 1, column: bad.startPosition.column + 1 } };
  // Parsed from a stand-in (a tree-sitter-python indentation bug): Python has the last word.
  const rejected = fromStandIn(tree) && options.compile ? options.compile(input, path) : null;
  if (rejected) return { ...result, syntaxError: { line: rejected.line ?? 1, column: 1 } };
  if (request.classify) result.library = isLibraryModule(makeContext(input, tree, path, options, facts, plan, []));

  // Each pass's edits and the text they were made on.
  const history: { edits: Edit[]; before: string }[] = [];
  const toOriginal = (pos: number) => history.reduceRight((p, step) => mapBack(p, step.edits, step.before), pos);
  // Pragmas of the original text, and which of their names suppressed something ('*': a bare one).
  const pragmas = findPragmas(input, tree.rootNode);
  const used = new Map<number, Set<string>>(pragmas.map((p) => [p.at, new Set<string>()]));
  const use = (at: number, name: string) => used.get(at)?.add(name);
  const seen = new Set<string>();
  const place = (d: RawDiagnostic, transform: string) => {
    // A JavaScript transform is not type-checked: a code outside the registry fails it, loudly.
    if (!isCode(d.code)) throw new TransformFailure(transform, `reported an unknown diagnostic code ${JSON.stringify(d.code)} (\`mp-codemod explain\` lists the codes)`);
    const at = toOriginal(d.start);
    const key = `${d.code}:${at}:${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { line, column } = lines.position(at);
    result.diagnostics.push({ code: d.code, message: d.message, hint: d.hint, severity: d.severity ?? severityOf(d.code), line, column, transform });
  };

  let text = input;
  /** Moves to the text after `outcome`, re-parsed and checked: one applied pass. */
  const advance = (outcome: { edits: Edit[]; output: string }, by: string | Stage) => {
    history.push({ edits: outcome.edits, before: text });
    const old = tree;
    // The input's tree serves every plan's run: the re-parse edits a copy of it.
    const base = first.is(old) ? kept(trees, old.copy()) : old;
    tree = checked(kept(trees, parseEdited(base, text, outcome.edits, outcome.output)), outcome.output, by);
    text = outcome.output;
    work.passes++;
    // Nothing reads the old tree again: freed now, its analyses with it (for a 50 MB file, the
    // trees and analyses of every step were alive at the end).
    retire(trees, base);
    retire(trees, old);
  };
  try {
    for (const note of request.notes ?? []) place({ ...note.diagnostic, start: siteOf(tree.rootNode, note.diagnostic.start) }, note.transform);
    // Each pass's text and what made it: the compile gate checks the last one, and these only
    // when it fails, to name the transform that broke it.
    const stages: Stage[] = [];
    const steps: Step[] = transforms.map((transform) => ({ transform, started: false, runs: 0, prune: [] }));
    let pending = steps;
    /** Removes the imports that transforms done now (and all, when `all`) may have left unused, as the chain did after each transform. */
    const pruneDone = (all: boolean) => {
      const done = steps.filter((s) => s.prune.length > 0 && (all || !pending.includes(s)));
      if (done.length === 0) return;
      const before = text;
      const by = done.map((s) => s.transform.id).join(', ');
      pruneImports(unique(done.flatMap((s) => s.prune)), by);
      for (const s of done) s.prune = [];
      if (text !== before) stages.push({ before, text, taken: [{ transform: by, fixes: [] }] });
    };
    const unconverged: Step[] = [];
    for (let round = 0; pending.length > 0 && round < transforms.length * MAX_PASSES; round++) {
      const current = text === input ? pragmas : findPragmas(text, tree.rootNode);
      const pass = onePass(pending, text, tree, info, path, options, facts, plan, current);
      for (const b of pass.blocked) use(toOriginal(b.pragma.at), b.name);
      for (const { transform, diagnostic } of pass.diagnostics) place(diagnostic, transform);
      pending = pass.next;
      unconverged.push(...pass.unconverged);
      if (pass.taken.length === 0) break;
      const before = text;
      for (const { step, fixes } of pass.taken) {
        for (const fix of fixes) {
          const at = toOriginal(Math.max(...fix.edits.map((e) => e.start)));
          result.fixes.push({ transform: step.transform.id, message: fix.message, line: lines.position(at).line });
          const mechanism = mechanismOf(fix, step.transform);
          if (mechanism && !result.mechanisms.includes(mechanism)) result.mechanisms.push(mechanism);
          if (mechanism === 'local' && !(result.firstLocal && result.firstLocal.at <= at)) result.firstLocal = { at, transform: step.transform.id };
          step.prune.push(...(fix.prune ?? []));
        }
      }
      // A library module given only explicit contexts, with nothing left to report and nothing
      // that holds it back (MP312): the planner runs it again with neither mechanism (MP318), so
      // nothing of this run but where its first context went is kept, and nothing is applied.
      const leftOnDefault = request.classify && result.library && pending.length === 0 && result.mechanisms.length === 1 && result.mechanisms[0] === 'local';
      if (leftOnDefault && !heldBack(result.diagnostics, pragmas, lines)) return { ...result, output: input, fixes: [] };
      const stage: Stage = { before, text, taken: pass.taken.map((t) => ({ transform: t.step.transform.id, fixes: t.fixes })) };
      advance({ edits: pass.edits, output: render(text, pass.edits) }, stage);
      stage.text = text;
      stages.push(stage);
      pruneDone(false);
    }
    // Transforms that end with nothing more to apply, or after MAX_PASSES: their imports too.
    pruneDone(true);
    result.unconverged.push(...unconverged.map((s) => s.transform.id), ...pending.map((s) => s.transform.id));
    // The compile gate (injected by the run layer): Python itself must accept the output, unless
    // it rejected the input already. One check per changed file; more only to name the culprit.
    if (options.compile && stages.length > 0 && options.compile(text, path) !== null && options.compile(input, path) === null) {
      for (const stage of stages) {
        const problem = options.compile(stage.text, path);
        if (problem === null && stage !== stages[stages.length - 1]) continue;
        const at = problem?.line ? ` at line ${problem.line}` : '';
        throw new TransformFailure(culprit(stage, (t) => options.compile!(t, path)), `produced code Python rejects${at} (${problem?.message ?? 'rejected'}); file left unchanged`);
      }
    }
  } catch (e) {
    if (!(e instanceof TransformFailure)) throw e;
    return { ...result, output: input, fixes: [], error: { transform: e.transform, message: e.message } };
  }

  /** Removes imports that nothing reads any more. Neighbouring names of one import touch, so each round removes some; a few rounds remove all. */
  function pruneImports(prune: { module: string; name: string }[], transform: string): void {
    // A name the module exports (__all__, or any name of a package's __init__.py) is used elsewhere.
    const exported = prune.length > 0 ? exportedNames(tree.rootNode, path) : null;
    for (let round = 0; prune.length > 0 && exported !== 'all' && round < MAX_PASSES; round++) {
      const imports = analysed(tree, text).imports;
      const edits = unique(prune).filter((p) => !exported?.has(p.name)).flatMap((p) => imports.pruneUnused(p.module, p.name));
      const outcome = applyFixes(text, edits.map((e) => ({ message: 'remove unused import', edits: [e] })));
      if (outcome.applied.length === 0) break;
      advance(outcome, transform);
    }
  }
  result.output = text;
  result.diagnostics = result.diagnostics.filter((d) => !suppressedBy(pragmas, lines, d, use));
  const pragmaCheck = pragmaDiagnostics(pragmas, used, transforms, options, lines);
  result.diagnostics.push(...pragmaCheck.diagnostics);
  // --unsafe-fixes drops unused pragmas (unsafe: another tool's run may have needed them).
  if (options.unsafeFixes && pragmaCheck.unused.size > 0) {
    const origin = new Map<Fix, number>();
    for (const p of findPragmas(text, tree.rootNode)) {
      const at = toOriginal(p.at);
      const keep = pragmaCheck.unused.get(at);
      if (keep) origin.set({ message: 'remove unused pragma', edits: [pragmaEdit(text, p, keep)] }, at);
    }
    const outcome = applyFixes(text, [...origin.keys()]);
    try {
      if (outcome.applied.length > 0 && outcome.invalid.length === 0) {
        advance(outcome, 'pragmas');
        result.output = text;
        const removed = new Set<string>();
        for (const fix of outcome.applied) {
          const { line, column } = lines.position(origin.get(fix)!);
          removed.add(`${line}:${column}`);
          result.fixes.push({ transform: 'pragmas', message: fix.message, line });
        }
        result.diagnostics = result.diagnostics.filter((d) => !(d.code === 'MP501' && removed.has(`${d.line}:${d.column}`)));
      }
    } catch (e) {
      if (!(e instanceof TransformFailure)) throw e; // a removal that would break the syntax is not made
    }
  }
  result.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  return result;
}

/** A pass's text, the text before it, and the fixes of each transform that made it. */
interface Stage {
  before: string;
  text: string;
  taken: { transform: string; fixes: Fix[] }[];
}

/** The transform of a stage whose fixes alone `rejects` the text of; all of the stage's when none does alone. */
function culprit(stage: Stage, rejects: (text: string) => object | null): string {
  if (stage.taken.length > 1) for (const t of stage.taken) if (rejects(applyFixes(stage.before, t.fixes).output) !== null) return t.transform;
  return stage.taken.map((t) => t.transform).join(', ');
}

/** The call around an offset (a fix's last edit is at its call site), else the offset itself. */
function siteOf(root: SyntaxNode, at: number): number {
  for (let n: SyntaxNode | null = root.descendantForIndex(at, at); n; n = n.parent) if (n.type === 'call') return n.startIndex;
  return at;
}

/** Whether an error spawn would turn into a failure is reported, and no pragma suppresses it: the plan's gate will keep the text (see policy.ts, gated). */
function heldBack(diagnostics: Diagnostic[], pragmas: Pragma[], lines: LineIndex): boolean {
  const ignore = () => undefined;
  return diagnostics.some((d) => d.severity === 'error' && blocksMigration(d.code) && !suppressedBy(pragmas, lines, d, ignore));
}

/** A diagnostic on a pragma's statement whose code or transform the pragma names (all, when bare). */
function suppressedBy(pragmas: Pragma[], lines: LineIndex, d: Diagnostic, use: (at: number, name: string) => void): boolean {
  for (const p of pragmas) {
    const onIt = d.line - 1 === p.row || (lines.position(p.start).line <= d.line && d.line <= lines.position(p.end).line);
    if (!onIt) continue;
    const name = p.names === null ? '*' : p.names.find((n) => names(n, d.code, d.transform));
    if (!name) continue;
    use(p.at, name);
    return true;
  }
  return false;
}

/**
 * MP502 for names in a pragma that are neither codes nor transforms; MP501 (as ruff's RUF100) for
 * pragmas, or names in them, that suppressed nothing. That is only known when every transform
 * ran: a pragma for the diagnostics transform is not unused in a run of spawn-context alone.
 */
function pragmaDiagnostics(pragmas: Pragma[], used: Map<number, Set<string>>, transforms: readonly Transform[], options: Options, lines: LineIndex): { diagnostics: Diagnostic[]; unused: Map<number, string[]> } {
  const ran = transforms.map((t) => t.id);
  const known = [...new Set([...(options.knownTransforms ?? []), ...ran])];
  const complete = known.every((id) => ran.includes(id));
  const out: Diagnostic[] = [];
  const unused = new Map<number, string[]>();
  const report = (p: Pragma, code: Code, message: string, hint: string) =>
    out.push({ code, message, hint, severity: severityOf(code), ...lines.position(p.at), transform: 'pragmas' });
  for (const p of pragmas) {
    const unknown = unknownNames(p, known);
    if (unknown.length > 0) report(p, 'MP502', `unknown code or transform in pragma: ${unknown.join(', ')}`, 'name diagnostic codes (MP301) or prefixes (MP3), or transform ids');
    if (!complete) continue;
    const hits = used.get(p.at)!;
    const fixable = options.unsafeFixes ? '' : ' (an unsafe fix is available with --unsafe-fixes)';
    if (p.names === null && hits.size === 0) {
      report(p, 'MP501', 'this pragma suppresses nothing', `remove it${fixable}`);
      unused.set(p.at, []);
    }
    const idle = (p.names ?? []).filter((n) => !hits.has(n) && !unknown.includes(n));
    if (idle.length > 0) {
      report(p, 'MP501', `unused in this pragma: ${idle.join(', ')}`, `${idle.length === p.names!.length ? 'remove the pragma' : 'remove these names'}${fixable}`);
      unused.set(p.at, p.names!.filter((n) => !idle.includes(n)));
    }
  }
  return { diagnostics: out, unused };
}

function kept(trees: Tree[], tree: Tree): Tree {
  trees.push(tree);
  return tree;
}

function retire(trees: Tree[], tree: Tree): void {
  const i = trees.indexOf(tree);
  if (i === -1) return;
  trees.splice(i, 1);
  tree.delete();
}

/** Checks a re-parsed tree: the transform that broke the syntax (of a stage: see culprit) fails the file. */
function checked(tree: Tree, text: string, by: string | Stage): Tree {
  const bad = firstSyntaxError(tree.rootNode, text);
  if (!bad) return tree;
  const transform = typeof by === 'string' ? by : culprit(by, (t) => (syntaxErrorIn(t) ? {} : null));
  throw new TransformFailure(transform, `produced invalid Python at line ${bad.startPosition.row + 1}; file left unchanged`);
}

/** The names listed in the module's `__all__` (assigned, `+=`, `.extend`/`.append`ed), or 'all' for a package's __init__.py. */
function exportedNames(root: SyntaxNode, path: string): Set<string> | 'all' {
  if (/(^|[\\/])__init__\.pyi?$/.test(path)) return 'all';
  const names = new Set<string>();
  for (const stmt of root.namedChildren) {
    if (stmt.type !== 'expression_statement' || !stmt.text.includes('__all__')) continue;
    const inner = stmt.namedChild(0);
    const target = inner?.type === 'call' ? inner.childForFieldName('function')?.childForFieldName('object') : inner?.childForFieldName('left');
    if (target?.text !== '__all__') continue;
    for (const s of stmt.descendantsOfType('string_content')) names.add(s.text);
  }
  return names;
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const end = this.starts[line] ?? this.text.length;
    return this.text.slice(start, end);
  }
}
