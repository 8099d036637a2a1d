import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.join(__dirname, '..');
const COMPILERS = ['cc', 'gcc', 'c++', 'g++', 'clang', 'make'];

/** The file `name` resolves to on the PATH, or null. */
function onPath(name: string, PATH = process.env.PATH ?? ''): string | null {
  for (const dir of PATH.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Packages under a node_modules folder (nested ones too) that declare an install-time script. */
function withInstallScripts(modules: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (name.startsWith('@')) {
        visit(path.join(dir, name));
        continue;
      }
      const pkg = path.join(dir, name, 'package.json');
      if (!fs.existsSync(pkg)) continue;
      const scripts = JSON.parse(fs.readFileSync(pkg, 'utf8')).scripts ?? {};
      if (['preinstall', 'install', 'postinstall'].some((s) => s in scripts)) found.push(name);
      visit(path.join(dir, name, 'node_modules'));
    }
  };
  visit(modules);
  return found;
}

const ok = (r: SpawnSyncReturns<string>, what: string) => {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}: ${r.error?.message ?? ''}\n${r.stderr}`);
  return r;
};

/**
 * What a user gets from the registry: the packed tarball, installed with install scripts off, on
 * a PATH that has node and npm and no C/C++ compiler or make. (Uses the dist/ that `npm test`
 * builds first; the packing itself runs no script, so that no build rewrites dist/ while other
 * test files use it.)
 */
describe('the packed package', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-package-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('installs with --ignore-scripts and no compiler, and runs', () => {
    const started = Date.now();
    const npmCli = fs.realpathSync(onPath('npm')!);
    // A PATH of its own: node and npm only.
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    fs.symlinkSync(npmCli, path.join(bin, 'npm'));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin, NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (/^npm_(config_(prefix|global|ignore_scripts)|lifecycle_|package_)/i.test(key)) delete env[key];
    expect(COMPILERS.filter((c) => onPath(c, env.PATH))).toEqual([]);

    const pack = ok(spawnSync(process.execPath, [npmCli, 'pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: REPO, encoding: 'utf8', env }), 'npm pack');
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const names = packed.files.map((f) => f.path);
    expect(names).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/mp-codemod.js', 'dist/src/cli/cli.js', 'dist/src/run/worker.js', 'dist/transforms/index.js']));
    expect(names.filter((n) => /^(src|__tests__|__testfixtures__|scripts)\//.test(n))).toEqual([]);

    const prefix = path.join(tmp, 'prefix');
    ok(
      spawnSync(process.execPath, [npmCli, 'install', '--global', '--prefix', prefix, '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], { cwd: tmp, encoding: 'utf8', env }),
      'npm install',
    );
    const installed = path.join(prefix, 'lib', 'node_modules', 'mp-codemod');
    // Nothing native: no native binding installed, nothing built.
    expect(fs.existsSync(path.join(installed, 'node_modules', 'tree-sitter')) || fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'tree-sitter'))).toBe(false);
    // The grammar ships inside the package; no installed package has an install script to run.
    expect(fs.existsSync(path.join(installed, 'dist', 'tree-sitter-python.wasm'))).toBe(true);
    expect(withInstallScripts(path.join(prefix, 'lib', 'node_modules'))).toEqual([]);

    const tool = path.join(prefix, 'bin', 'mp-codemod');
    const version = ok(spawnSync(tool, ['--version'], { cwd: tmp, encoding: 'utf8', env }), 'mp-codemod --version');
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);

    // A dry run on examples/: the same diff as this checkout prints.
    const examples = path.join(REPO, 'examples');
    const dry = ok(spawnSync(tool, ['.'], { cwd: examples, encoding: 'utf8', env }), 'mp-codemod examples/');
    expect(dry.stdout).toMatch(/^--- a\/.*\n\+\+\+ b\//m);
    expect(dry.stdout).toContain('set_start_method("spawn")');
    const here = ok(spawnSync(process.execPath, [path.join(REPO, 'bin', 'mp-codemod.js'), '.'], { cwd: examples, encoding: 'utf8', env }), 'checkout');
    expect(dry.stdout).toBe(here.stdout);
    process.stderr.write(`packed-install test: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }, 300_000);
});
