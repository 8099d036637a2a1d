#!/usr/bin/env node
'use strict';
// Writes a dense corpus for the benchmark: every file uses multiprocessing, from varied
// templates (module-level scripts, guarded scripts, library modules, executors, torch),
// padded with ordinary functions so sizes vary like real code. Deterministic for a given count.
// Usage: node scripts/make-dense-corpus.js OUT_DIR [COUNT]
const fs = require('fs');
const path = require('path');

const TEMPLATES = [
  (i) => `import multiprocessing as mp\n\n\ndef work_${i}(x):\n    return x * ${i}\n\n\nprint("start ${i}")\npool = mp.Pool(2)\nprint(pool.map(work_${i}, range(10)))\npool.close()\n`,
  (i) => `import multiprocessing\n\n\ndef task(x):\n    return x + ${i}\n\n\ndef main():\n    with multiprocessing.Pool(4) as pool:\n        return pool.map(task, range(${i}))\n\n\nif __name__ == "__main__":\n    main()\n`,
  (i) => `from multiprocessing import Process, Queue, Lock\n\n\ndef producer(q, lock):\n    with lock:\n        q.put(${i})\n\n\nif __name__ == "__main__":\n    q, lock = Queue(), Lock()\n    procs = [Process(target=producer, args=(q, lock)) for _ in range(3)]\n    for p in procs:\n        p.start()\n`,
  (i) => `"""Library module ${i}."""\nfrom concurrent.futures import ProcessPoolExecutor\n\n\ndef _square(x):\n    return x * x\n\n\ndef squares(values):\n    with ProcessPoolExecutor(max_workers=2) as ex:\n        return list(ex.map(_square, values))\n`,
  (i) => `import torch.multiprocessing as tmp\nfrom torch.utils.data import DataLoader\n\n\ndef loader(ds):\n    return DataLoader(ds, batch_size=${i % 64 + 1}, num_workers=4)\n\n\ndef launch(fn):\n    q = tmp.Queue()\n    return tmp.Process(target=fn, args=(q,))\n`,
  (i) => `import multiprocessing as mp\nimport logging\n\nlog = logging.getLogger(__name__)\n\n\ndef run(values, factor):\n    def scale(x):\n        return x * factor\n\n    with mp.Pool(2) as pool:\n        return pool.map(scale, values)\n\n\nif __name__ == "__main__":\n    logging.basicConfig(level=logging.INFO)\n    ctx = mp.get_context("fork")\n    print(run([${i}], 2))\n`,
];

function padding(i, n) {
  let out = '';
  for (let k = 0; k < n; k++) {
    out += `\n\ndef helper_${i}_${k}(items, limit=${k}):\n    """Filter and sum items above a limit."""\n    total = 0\n    for item in items:\n        if item > limit:\n            total += item * ${k + 1}\n        else:\n            total -= 1\n    return {"total": total, "count": len(items), "name": "helper_${i}_${k}"}\n`;
  }
  return out;
}

function main() {
  const [out, countArg] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: node scripts/make-dense-corpus.js OUT_DIR [COUNT]\n');
    process.exit(2);
  }
  const count = Number(countArg ?? 2000);
  for (let i = 0; i < count; i++) {
    const file = path.join(out, `pkg${i % 20}`, `module_${i}.py`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Sizes from ~1 KB to ~30 KB, like real modules.
    const pad = (i * 7919) % 60;
    fs.writeFileSync(file, TEMPLATES[i % TEMPLATES.length](i) + padding(i, pad));
  }
}

main();
