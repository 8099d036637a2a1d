import * as fs from 'fs';
import * as path from 'path';
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'worker_threads';
import { spawn, spawnSync, type ChildProcess } from 'child_process';

/**
 * The compile gate: outputs are compiled by the user's Python before they are kept.
 *
 * One Python process per run (per interpreter asked for), owned by one small thread. Every thread
 * that processes files (the main thread and each worker) holds a client on a port of its own and
 * asks synchronously: it posts the source, then sleeps on a shared flag until the answer is in its
 * port (Atomics.wait + receiveMessageOnPort), so that processFile stays synchronous. The main
 * thread may also ask without waiting (CompileGate.ask, see processAsking).
 */

export interface CompileProblem {
  message: string;
  line?: number;
}

export type Verdict = { ok: true } | { ok: false; message: string; line?: number } | { off: string };

/** Finds python/compile_server.py from dist/src/run (installed) or src/run (tests run the sources). */
export function serverScript(): string {
  for (const rel of ['../../../python/compile_server.py', '../../python/compile_server.py']) {
    const file = path.join(__dirname, rel);
    if (fs.existsSync(file)) return file;
  }
  throw new Error('python/compile_server.py is missing from the package');
}

/** How long one answer may take before the gate gives up on that interpreter. */
const ANSWER_MS = 120_000;

/** One thread's synchronous view of the compile thread. */
export class CompileClient {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private next = 0;
  /** Why the gate is off, per interpreter, as this thread learnt it. */
  readonly off = new Map<string, string>();

  constructor(private readonly port: MessagePort) {
    port.unref();
  }

  check(source: string, file: string, python: string): Verdict {
    const known = this.off.get(python);
    if (known) return { off: known };
    const id = ++this.next;
    Atomics.store(this.flag, 0, 0);
    // As UTF-8 bytes, moved (not copied) to the compile thread, which writes them to Python as
    // they are: a 50 MB source cost 350 MB as a copied string and its JSON line.
    const bytes = new TextEncoder().encode(source);
    this.port.postMessage({ id, python, path: file, bytes, flag: this.flag }, [bytes.buffer]);
    let answer: Verdict & { id?: number };
    for (;;) {
      // Answers of earlier requests that timed out may still come in first: skip them.
      const got = receiveMessageOnPort(this.port);
      if (got) {
        if (got.message.id === id) {
          answer = got.message;
          break;
        }
        continue;
      }
      if (Atomics.wait(this.flag, 0, 0, ANSWER_MS) === 'timed-out') {
        answer = { off: `${python} did not answer within ${ANSWER_MS / 1000} s` };
        break;
      }
      Atomics.store(this.flag, 0, 0);
    }
    if ('off' in answer) this.off.set(python, answer.off);
    const { id: _id, ...verdict } = answer;
    return verdict as Verdict;
  }

  close(): void {
    this.port.close();
  }
}

/** The main thread's handle: the compile thread, its own client, and ports for worker threads. */
export class CompileGate {
  private thread?: Worker;
  private client?: CompileClient;
  private readonly offs = new Map<string, string>();
  private readonly warmed = new Set<string>();
  private asker?: { port: MessagePort; waiting: Map<number, (answer: Verdict & { id?: number }) => void>; next: number; flag: Int32Array };

  /** A port for a worker thread's client (transfer it). */
  port(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.start().postMessage({ port: port2 }, [port2]);
    return port1;
  }

  /**
   * Starts `python` now, before any check: a run that found a candidate is likely to change a
   * file, and the first check then need not wait for Python to start (a pyenv shim: about
   * 100 ms). Nothing is said of an interpreter that fails to start unless a check asks it.
   */
  warm(python: string): void {
    if (this.warmed.has(python)) return;
    this.warmed.add(python);
    this.start().postMessage({ warm: python });
  }

  check(source: string, file: string, python: string): Verdict {
    if (!this.client) this.client = new CompileClient(this.port());
    const verdict = this.client.check(source, file, python);
    if ('off' in verdict && !this.offs.has(python)) this.offs.set(python, verdict.off);
    return verdict;
  }

  /**
   * The verdicts on `questions`, without blocking this thread (see processAsking): the main
   * thread goes on with its next file while Python compiles.
   */
  ask(questions: Question[]): Promise<Verdict[]> {
    return Promise.all(questions.map((q) => this.askOne(q)));
  }

  private askOne(q: Question): Promise<Verdict> {
    const known = this.offs.get(q.python);
    if (known) return Promise.resolve({ off: known });
    const a = (this.asker ??= this.makeAsker());
    const id = ++a.next;
    const bytes = new TextEncoder().encode(q.source);
    return new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => settle({ off: `${q.python} did not answer within ${ANSWER_MS / 1000} s` }), ANSWER_MS);
      const settle = (answer: Verdict & { id?: number }) => {
        if (!a.waiting.delete(id)) return;
        clearTimeout(timer);
        // Idle, the port must not keep the process alive.
        if (a.waiting.size === 0) a.port.unref();
        const { id: _id, ...verdict } = answer;
        if ('off' in verdict && !this.offs.has(q.python)) this.offs.set(q.python, verdict.off);
        resolve(verdict as Verdict);
      };
      a.waiting.set(id, settle);
      a.port.ref();
      a.port.postMessage({ id, python: q.python, path: q.file, bytes, flag: a.flag }, [bytes.buffer]);
    });
  }

  private makeAsker() {
    const port = this.port();
    const waiting = new Map<number, (answer: Verdict & { id?: number }) => void>();
    port.on('message', (m: Verdict & { id: number }) => waiting.get(m.id)?.(m));
    port.unref();
    // The compile thread flags every answer for Atomics.wait; nobody waits on this one.
    return { port, waiting, next: 0, flag: new Int32Array(new SharedArrayBuffer(4)) };
  }

  /** Why the gate was off, for each interpreter that could not be used (said once by the caller). */
  offReasons(): string[] {
    return [...this.offs.values()];
  }

  async close(): Promise<void> {
    this.client?.close();
    this.asker?.port.close();
    if (this.thread) await this.thread.terminate();
    this.thread = undefined;
  }

  private start(): Worker {
    if (this.thread) return this.thread;
    this.thread = new Worker(THREAD, { eval: true, workerData: { script: serverScript() } });
    this.thread.unref();
    // Worker clients learn that the gate is off too; the main thread hears it here.
    this.thread.on('message', (m: { python: string; off: string }) => {
      if (!this.offs.has(m.python)) this.offs.set(m.python, m.off);
    });
    return this.thread;
  }
}

/**
 * The gate for a run of one source (--stdin): each check is one Python run with no thread in
 * between, which starts faster than the compile thread does; at most two checks are made.
 */
export class OneShotGate {
  private readonly offs = new Map<string, string>();

  check(source: string, file: string, python: string): Verdict {
    const known = this.offs.get(python);
    if (known) return { off: known };
    const r = spawnSync(python, ['-I', '-S', serverScript()], { input: `${JSON.stringify({ id: 1, path: file, source })}\n`, encoding: 'utf8', windowsHide: true, timeout: ANSWER_MS });
    const [ready, answer] = (r.stdout ?? '').trim().split('\n').map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return null;
      }
    });
    let verdict: Verdict;
    if (r.error) verdict = { off: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? `no ${python} found` : `cannot run ${python} (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})` };
    else if (!ready?.ready || ready.version?.[0] !== 3 || !answer) verdict = { off: `${python} did not answer as Python 3${r.stderr ? `: ${r.stderr.trim().split('\n').pop()}` : ''}` };
    else verdict = answer.ok ? { ok: true } : { ok: false, message: answer.message, line: answer.line ?? undefined };
    if ('off' in verdict) this.offs.set(python, verdict.off);
    return verdict;
  }

  offReasons(): string[] {
    return [...this.offs.values()];
  }

  async close(): Promise<void> {}
}

/** A check the engine asked for, kept to be put to Python later (see Provisional). */
export interface Question {
  source: string;
  file: string;
  python: string;
}

type Gate = { check(source: string, file: string, python: string): Verdict };

/**
 * A gate that answers every check "accepted" for now and keeps the questions, so that Python can
 * be asked afterwards, while the caller did other things. The answers change the result only when
 * Python rejects something: then the file is processed again with a Replay of them (the engine
 * asks the same questions in the same order when it gets the same answers).
 */
export class Provisional {
  readonly asked: Question[] = [];

  check(source: string, file: string, python: string): Verdict {
    this.asked.push({ source, file, python });
    return { ok: true };
  }
}

/** Whether Python's answers change anything against Provisional's: a rejection ('off' reads as accepted). */
export const anyRejected = (answers: Verdict[]): boolean => answers.some((v) => 'ok' in v && !v.ok);

/** A gate that gives the answers already known, in the order they were asked; later questions go to `gate`. */
export class Replay {
  private next = 0;

  constructor(
    private readonly answers: Verdict[],
    private readonly gate: Gate,
  ) {}

  check(source: string, file: string, python: string): Verdict {
    return this.next < this.answers.length ? this.answers[this.next++] : this.gate.check(source, file, python);
  }
}

/**
 * One Python for --stdin, started as soon as the interpreter is known, so that its start-up (a
 * pyenv shim: about 40 ms) overlaps Node's loading and the transform; asked once the transform is
 * done (Provisional's questions), without blocking. Nothing is said of an interpreter that fails
 * to start unless it is asked.
 */
export class EarlyPython {
  private child?: ChildProcess;
  private out = '';
  private err = '';
  private off: string | null = null;
  private told: string | null = null;
  private wake: (() => void) | null = null;

  constructor(readonly python: string) {
    try {
      this.child = spawn(python, ['-I', '-S', serverScript()], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      this.fail(`cannot run ${python} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return;
    }
    const child = this.child;
    child.on('error', (e: NodeJS.ErrnoException) => this.fail(e.code === 'ENOENT' ? `no ${python} found` : `cannot run ${python} (${e.code ?? e.message})`));
    // 'close', not 'exit': the answers it wrote before it ended are all in by then.
    child.on('close', () => this.fail(`${python} did not answer as Python 3${this.err ? `: ${this.err.trim().split('\n').pop()}` : ''}`));
    child.stdin!.on('error', () => {});
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      this.out += d;
      this.poke();
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      this.err = (this.err + d).slice(-2000);
    });
  }

  /** Python's verdicts on `questions` (all of this interpreter), in order. */
  async answer(questions: Question[]): Promise<Verdict[]> {
    if (questions.length === 0) return [];
    const timer = setTimeout(() => this.fail(`${this.python} did not answer within ${ANSWER_MS / 1000} s`), ANSWER_MS);
    try {
      if (!this.off) {
        questions.forEach((q, i) => {
          const bytes = Buffer.from(q.source, 'utf8');
          this.child!.stdin!.write(`${JSON.stringify({ id: i + 1, path: q.file, length: bytes.length })}\n`);
          this.child!.stdin!.write(bytes);
        });
      }
      const ready = parsed(await this.line());
      if (!this.off && !(ready?.ready && Array.isArray(ready.version) && ready.version[0] === 3)) this.fail(`${this.python} did not answer as Python 3`);
      const out: Verdict[] = [];
      for (let i = 0; i < questions.length; i++) {
        const a = parsed(await this.line());
        if (this.off || !a) out.push({ off: this.off ?? `${this.python} did not answer as Python 3` });
        else out.push(a.ok ? { ok: true } : { ok: false, message: a.message, line: a.line ?? undefined });
      }
      if (out.some((v) => 'off' in v)) this.told = out.map((v) => ('off' in v ? v.off : '')).find(Boolean)!;
      return out;
    } finally {
      clearTimeout(timer);
    }
  }

  offReasons(): string[] {
    return this.told ? [this.told] : [];
  }

  close(): void {
    this.child?.stdin?.destroy();
    this.child?.stdout?.destroy();
    this.child?.stderr?.destroy();
    // Only a child that started: a ChildProcess whose spawn failed (no such Python) has no pid
    // yet in this tick, and kill() then signals pid 0, the whole process group (the test runner).
    if (this.child?.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  /** The next line Python wrote, or null once it is off. */
  private async line(): Promise<string | null> {
    for (;;) {
      const i = this.out.indexOf('\n');
      if (i !== -1) {
        const line = this.out.slice(0, i);
        this.out = this.out.slice(i + 1);
        return line;
      }
      if (this.off) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private fail(why: string): void {
    this.off ??= why;
    this.poke();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

function parsed(line: string | null): { ready?: boolean; version?: number[]; ok?: boolean; message: string; line?: number | null } | null {
  if (line === null) return null;
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** A sync check bound to an interpreter, as transformSource takes it; null when the gate has nothing to say. */
export function compileCheck(gate: { check(source: string, file: string, python: string): Verdict }, python: string) {
  return (source: string, file: string): CompileProblem | null => {
    const v = gate.check(source, file, python);
    return 'ok' in v && !v.ok ? { message: v.message, line: v.line } : null;
  };
}

/**
 * The compile thread (plain JavaScript, run with eval so that it works from the sources too): one
 * Python per interpreter, started on the first request; answers go back on the asking port.
 */
const THREAD = `
const { parentPort, workerData } = require('worker_threads');
const { spawn } = require('child_process');
const servers = new Map();
function reply(req, answer) {
  req.port.postMessage({ ...answer, id: req.id });
  Atomics.store(req.flag, 0, 1);
  Atomics.notify(req.flag, 0);
}
// The main thread hears that an interpreter is off once some thread asked it (not when only warmed).
function tell(s) {
  if (s.off && s.asked && !s.told) {
    s.told = true;
    parentPort.postMessage({ python: s.python, off: s.off });
  }
}
function fail(s, why) {
  if (!s.off) {
    s.off = why;
    tell(s);
  }
  for (const r of s.pending.values()) reply(r, { off: s.off });
  s.pending.clear();
  for (const r of s.waiting) reply(r, { off: s.off });
  s.waiting = [];
}
function send(s, req) {
  const id = ++s.next;
  s.pending.set(id, req);
  s.child.stdin.write(JSON.stringify({ id, path: req.path, length: req.bytes.length }) + '\\n');
  s.child.stdin.write(req.bytes);
}
function serverFor(python) {
  let s = servers.get(python);
  if (s) return s;
  s = { python, pending: new Map(), waiting: [], ready: false, off: null, next: 0, err: '', asked: false, told: false };
  servers.set(python, s);
  let child;
  try {
    child = spawn(python, ['-I', '-S', workerData.script], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  } catch (e) {
    fail(s, 'cannot run ' + python + ' (' + (e.code || e.message) + ')');
    return s;
  }
  s.child = child;
  child.on('error', (e) => fail(s, e.code === 'ENOENT' ? 'no ' + python + ' found' : 'cannot run ' + python + ' (' + (e.code || e.message) + ')'));
  child.on('exit', (code) => fail(s, python + ' exited (' + code + ')' + (s.err ? ': ' + s.err.trim().split('\\n').pop() : '')));
  child.stdin.on('error', () => {});
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { s.err = (s.err + d).slice(-2000); });
  let buf = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\\n'); i !== -1; i = buf.indexOf('\\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      let msg;
      try { msg = JSON.parse(line); } catch { fail(s, python + ' answered: ' + line.slice(0, 200)); return; }
      if (msg.ready) {
        if (!Array.isArray(msg.version) || msg.version[0] !== 3) { fail(s, python + ' is not Python 3'); child.kill(); return; }
        s.ready = true;
        for (const r of s.waiting) send(s, r);
        s.waiting = [];
        continue;
      }
      const req = s.pending.get(msg.id);
      if (!req) continue;
      s.pending.delete(msg.id);
      reply(req, msg.ok ? { ok: true } : { ok: false, message: msg.message, line: msg.line == null ? undefined : msg.line });
    }
  });
  return s;
}
function request(port, req) {
  req.port = port;
  const s = serverFor(req.python);
  s.asked = true;
  tell(s);
  if (s.off) return reply(req, { off: s.off });
  if (!s.ready) s.waiting.push(req);
  else send(s, req);
}
parentPort.on('message', (m) => {
  if (m.port) m.port.on('message', (req) => request(m.port, req));
  if (m.warm) serverFor(m.warm);
});
`;
