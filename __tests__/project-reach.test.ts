import * as fs from 'fs';
import * as path from 'path';
import { ProjectScan } from '../src/project/project';
import * as parser from '../src/syntax/parser';
import { run } from '../src/index';
import { cli, makeTree } from './helpers/tree';
import { runPython, lines } from './helpers/python';

// What an entry point reaches of the run's process code: the names it uses (not a module's
// constants), through one module in between (two import hops), and the scripts whose process
// code other entry points import (they get explicit contexts, not set_start_method).

const MAIN = (body: string) => `\n\nif __name__ == "__main__":\n    ${body}\n`;

/** The scan over `files` (path → text): flagged entry points, and scripts imported for their processes. */
function scan(files: Record<string, string>): { flagged: string[]; importedScripts: string[] } {
  const root = makeTree(files);
  try {
    const s = new ProjectScan();
    for (const name of Object.keys(files)) s.note({ path: name, real: path.join(root, name) }, files[name]);
    const rel = (set: Set<string>) => [...set].map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
    const flagged = rel(s.entryPointsImportingProcessCode());
    return { flagged, importedScripts: rel(s.importedScripts) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// A module like yolov5's utils/dataloaders.py: constants, a loader class that is not process code,
// a dataset class whose __init__ calls a method with a Pool, and a factory that builds it.
const LOADERS = `from multiprocessing.pool import Pool

IMG_FORMATS = ("jpg", "png")


class LoadImages:
    def __iter__(self):
        return iter([])


class LoadImagesAndLabels:
    def __init__(self, paths):
        self.labels = self.cache_labels(paths)

    def cache_labels(self, paths):
        with Pool(2) as pool:
            return pool.map(len, paths)


class Dictionary:
    def pad(self):
        return 0

    @staticmethod
    def add_file_to_dictionary(files):
        with Pool(2) as pool:
            return pool.map(len, files)


def create_dataloader(paths):
    return LoadImagesAndLabels(paths)
`;

describe('an entry point counts when it uses what starts processes', () => {
  const files = {
    'utils/__init__.py': '',
    'utils/dataloaders.py': LOADERS,
    'detect.py': `from utils.dataloaders import IMG_FORMATS, LoadImages${MAIN('print(IMG_FORMATS, list(LoadImages()))')}`,
    'train.py': `from utils.dataloaders import create_dataloader${MAIN('create_dataloader(["a"])')}`,
    'dataset.py': `from utils.dataloaders import LoadImagesAndLabels${MAIN('LoadImagesAndLabels(["a"])')}`,
    'score.py': `from utils import dataloaders${MAIN('print(dataloaders.Dictionary().pad())')}`,
    'build_dict.py': `from utils import dataloaders${MAIN('dataloaders.Dictionary.add_file_to_dictionary(["a"])')}`,
  };

  test('not for constants, other classes, or a class whose process method it never calls (yolov5 detect.py, fairseq score.py)', () => {
    expect(scan(files).flagged).toEqual(['build_dict.py', 'dataset.py', 'train.py']);
  });
});

describe('entry points reached through two import hops', () => {
  const JOBS = 'import multiprocessing as mp\n\n\ndef run(xs):\n    with mp.Pool(2) as p:\n        return p.map(abs, xs)\n';

  test('an entry point importing a module that uses a module that starts processes', () => {
    const files = {
      'pkg/__init__.py': '',
      'pkg/jobs.py': JOBS,
      // No word of multiprocessing here: the middle module.
      'pkg/tasks.py': 'from pkg.jobs import run\n\n\ndef total(xs):\n    return sum(run(xs))\n\n\ndef name():\n    return "tasks"\n',
      'cli.py': `from pkg.tasks import total${MAIN('print(total([1, -2]))')}`,
      'about.py': `from pkg.tasks import name${MAIN('print(name())')}`,
    };
    expect(scan(files).flagged).toEqual(['cli.py']);
  });

  test('a module the run processed before the scan asked is not parsed again for its verdict', async () => {
    const files = {
      'pkg/__init__.py': '',
      'pkg/jobs.py': JOBS,
      'pkg/tasks.py': 'from pkg.jobs import run\n\n\ndef total(xs):\n    return sum(run(xs))\n',
      'cli.py': `from pkg.tasks import total${MAIN('print(total([1, -2]))')}`,
    };
    const root = makeTree(files);
    // Who parses jobs.py's text: processing it, and the scan only for what processing does not tell.
    const judging: string[] = [];
    const original = parser.parse;
    const spy = jest.spyOn(parser, 'parse').mockImplementation((text, old) => {
      if (text === JOBS && /parseAndJudge/.test(new Error().stack ?? '')) judging.push('scan');
      return original(text, old);
    });
    try {
      const summary = await run([root], { jobs: 1, python: false, config: false });
      expect(summary.files.filter((f) => f.status === 'changed').map((f) => path.relative(root, f.path))).toContain('cli.py');
    } finally {
      spy.mockRestore();
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(judging).toEqual([]);
  });

  test("a package's __init__ passes on only the names it imports from process code", () => {
    const files = {
      'pkg/__init__.py': 'from .jobs import run\nfrom .text import clean\n',
      'pkg/jobs.py': JOBS,
      'pkg/text.py': 'def clean(s):\n    return s.strip()\n',
      'uses_run.py': `from pkg import run${MAIN('print(run([1]))')}`,
      'uses_clean.py': `from pkg import clean${MAIN('print(clean(" a "))')}`,
    };
    expect(scan(files).flagged).toEqual(['uses_run.py']);
  });
});

// A script whose function starts processes, and a test module that imports that function: the
// test module's unittest.main() guard gets no set_start_method, so only an explicit context in
// the script makes the pool spawn when the tests run it.
const TRAIN = `import multiprocessing


def square(x):
    return x * x


def train(xs):
    with multiprocessing.Pool(2) as pool:
        return pool.map(square, xs)


if __name__ == "__main__":
    print("train", train([1, 2, 3]))
`;
const TEST_TRAIN = `import unittest

from train import train


class TrainTest(unittest.TestCase):
    def test_train(self):
        print("test", train([2, 3]))
        self.assertEqual(train([2, 3]), [4, 9])


if __name__ == "__main__":
    unittest.main()
`;

describe('a script whose process-starting functions other files of the run import', () => {
  test('is one the scan names', () => {
    expect(scan({ 'train.py': TRAIN, 'test_train.py': TEST_TRAIN }).importedScripts).toEqual(['train.py']);
    expect(scan({ 'train.py': TRAIN, 'other.py': `import train${MAIN('print(train.square(2))')}` }).importedScripts).toEqual([]);
  });

  test('gets explicit contexts under auto, and both programs keep their output with every pool on spawn', async () => {
    const root = makeTree({ 'train.py': TRAIN, 'test_train.py': TEST_TRAIN });
    try {
      const before = ['train.py', 'test_train.py'].map((f) => runPython([f], { cwd: root }));
      const r = await cli(['--write', '.'], root);
      expect(r.code).toBe(0);
      const migrated = fs.readFileSync(path.join(root, 'train.py'), 'utf8');
      expect(migrated).toContain('multiprocessing.get_context("spawn").Pool(2)');
      expect(migrated).not.toContain('set_start_method');
      expect(fs.readFileSync(path.join(root, 'test_train.py'), 'utf8')).toBe(TEST_TRAIN);
      for (const platformDefault of [undefined, 'spawn'] as const) {
        ['train.py', 'test_train.py'].forEach((f, i) => {
          const after = runPython([f], { cwd: root, platformDefault });
          expect({ f, code: after.code }).toEqual({ f, code: before[i].code });
          expect(lines(after.stdout)).toEqual(lines(before[i].stdout));
          expect(new Set(after.methods)).toEqual(new Set(['spawn']));
        });
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('--strategy global keeps set_start_method in it', async () => {
    const root = makeTree({ 'train.py': TRAIN, 'test_train.py': TEST_TRAIN });
    try {
      const r = await cli(['--json', '--strategy', 'global', '.'], root);
      const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string }) => [f.path, f]));
      expect(files['train.py'].diff).toContain('set_start_method');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
