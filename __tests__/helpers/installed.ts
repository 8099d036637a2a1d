import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * A copy of the built tool that every user can read: bin, dist, package.json and the production
 * dependencies named in the lock file. Tests that run the tool as another user need it, because
 * the checkout itself may sit inside a folder only its owner can enter (a 0700 home, `mktemp -d`).
 * Returns the path of the copied bin/mp-codemod.js.
 */
export function readableInstall(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-install-'));
  const copy = (rel: string) => fs.cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true, dereference: true });
  // What the package ships (package.json "files"), so the copy cannot drift from a real install.
  const shipped: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).files;
  for (const rel of ['package.json', ...shipped]) copy(rel);
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  for (const [rel, meta] of Object.entries<{ dev?: boolean }>(lock.packages)) {
    if (rel !== '' && !meta.dev && fs.existsSync(path.join(ROOT, rel))) copy(rel);
  }
  openToAll(dir);
  return path.join(dir, 'bin', 'mp-codemod.js');
}

/** a+rX through the tree (mkdtemp makes the top 0700). */
function openToAll(p: string): void {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return;
  fs.chmodSync(p, st.mode | (st.isDirectory() || st.mode & 0o111 ? 0o555 : 0o444));
  if (st.isDirectory()) for (const name of fs.readdirSync(p)) openToAll(path.join(p, name));
}
