import * as fs from 'fs';
import * as path from 'path';
import { ProjectScan } from '../src/project';
import { makeTree } from './helpers/tree';

const JOBS = 'import multiprocessing as mp\n\n\ndef run(f, xs):\n    with mp.get_context("spawn").Pool(2) as p:\n        return p.map(f, xs)\n';
const MAIN = '\n\nif __name__ == "__main__":\n    main()\n';

/** Which of `entries` (name -> text) the scan flags, with pkg/jobs.py starting processes beside them. */
function flagged(entries: Record<string, string>): string[] {
  const root = makeTree({ 'pkg/__init__.py': '', 'pkg/jobs.py': JOBS, ...entries });
  const scan = new ProjectScan();
  for (const name of ['pkg/__init__.py', 'pkg/jobs.py', ...Object.keys(entries)]) {
    const real = path.join(root, name);
    scan.note({ path: name, real }, fs.readFileSync(real, 'utf8'));
  }
  const found = scan.entryPointsImportingProcessCode();
  return Object.keys(entries).filter((name) => found.has(path.join(root, name)));
}

describe('the cross-file scan', () => {
  test('reads every import form of an entry point', () => {
    const entries = {
      'plain.py': `import pkg.jobs${MAIN}`,
      'aliased.py': `import os, pkg.jobs as j${MAIN}`,
      'from_package.py': `from pkg import jobs${MAIN}`,
      'from_module.py': `from pkg.jobs import run${MAIN}`,
      'parenthesised.py': `from pkg import (\n    jobs,\n)${MAIN}`,
      'indented.py': `try:\n    from pkg import jobs\nexcept ImportError:\n    jobs = None${MAIN}`,
      'crlf.py': `import os\r\nfrom pkg import jobs\r\n${MAIN.replace(/\n/g, '\r\n')}`,
      'cr_only.py': `import os\rfrom pkg import jobs\r${MAIN.replace(/\n/g, '\r')}`,
      'two_on_a_line.py': `import os; x = 1\nimport sys, pkg.jobs${MAIN}`,
    };
    expect(flagged(entries).sort()).toEqual(Object.keys(entries).sort());
  });

  test('leaves out entry points that only mention the module', () => {
    const entries = {
      'string.py': `x = "import pkg.jobs"\ny = "from pkg import jobs"${MAIN}`,
      'comment.py': `# from pkg import jobs\nimport os${MAIN}`,
      'other.py': `import pkg${MAIN}`,
      'no_main.py': 'from pkg import jobs\n',
    };
    expect(flagged(entries)).toEqual([]);
  });
});
