import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree, POOL_SCRIPT } from './helpers/tree';

// A stand-in formatter: appends a marker line, so its work shows in the result; it counts its runs.
const FORMATTER = 'import sys\nopen("runs.log", "a").write("run\\n")\nsys.stdout.write(sys.stdin.read() + "# formatted\\n")\n';
const BROKEN = 'import sys\nsys.stdout.write(sys.stdin.read() + "def (\\n")\n';
const FAILING = 'import sys\nsys.stderr.write("cannot format\\n")\nsys.exit(3)\n';
const DONE = 'import os\n';

function project(formatter: string) {
  return makeTree({
    'pyproject.toml': '[tool.mp-codemod]\nformat-command = "python3 fmt.py"\n',
    'fmt.py': formatter,
    'app.py': POOL_SCRIPT,
    'done.py': DONE,
  });
}

describe('format-command', () => {
  test('runs on the new text of changed files only, in their folder; its output is what is written', async () => {
    const root = project(FORMATTER);
    const r = await cli(['--write', 'app.py', 'done.py'], root);
    expect(r.code).toBe(0);
    const written = fs.readFileSync(path.join(root, 'app.py'), 'utf8');
    expect(written.endsWith('# formatted\n')).toBe(true);
    expect(written).toContain('mp.set_start_method("spawn")');
    expect(fs.readFileSync(path.join(root, 'done.py'), 'utf8')).toBe(DONE);
    expect(fs.readFileSync(path.join(root, 'runs.log'), 'utf8')).toBe('run\n');
  });

  test('output that does not parse is an error and the file is left as it was', async () => {
    const root = project(BROKEN);
    const r = await cli(['--write', 'app.py'], root);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('format-command output does not parse');
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(POOL_SCRIPT);
  });

  test('a failing formatter is one error line with its first stderr line; the file is left as it was', async () => {
    const root = project(FAILING);
    const r = await cli(['--write', 'app.py'], root);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('format-command exited with 3: cannot format');
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).toBe(POOL_SCRIPT);
  });

  test('not run without the setting', async () => {
    const root = makeTree({ 'fmt.py': FORMATTER, 'app.py': POOL_SCRIPT });
    await cli(['--write', 'app.py'], root);
    expect(fs.readFileSync(path.join(root, 'app.py'), 'utf8')).not.toContain('# formatted');
    expect(fs.existsSync(path.join(root, 'runs.log'))).toBe(false);
  });
});
