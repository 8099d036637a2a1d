#!/usr/bin/env node
'use strict';
// The only place that sets the process exit code; everything else returns it.
// A run reads every file of the tree, and V8 let the garbage of those texts grow the heap a long
// way before collecting it (25 copies of the stdlib, one job: heap 327 MB, of which 54 MB live at
// the end). Growing the heap by 20% at a time instead kept it near 110 MB, for the same CPU time.
require('v8').setFlagsFromString('--heap-growing-percent=20');
// Node 22.1 and later keep V8's compiled code of our modules between runs (in the OS temp folder),
// which shortens start-up, the most of a `--stdin` call. Not measured here: this machine has Node 20.
const { enableCompileCache } = require('module');
if (typeof enableCompileCache === 'function') enableCompileCache();
let main;
let requestStop;
let cleanupPending;
try {
  ({ main, requestStop, cleanupPending } = require('../dist/src/cli/cli'));
} catch (e) {
  process.stderr.write('mp-codemod: not built (run `npm install` or `npm run build` in the package folder)\n');
  process.exit(2);
}
// First Ctrl-C: finish the files in hand, start no more, report. Second: leave at once.
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  if (interrupts > 1) {
    cleanupPending();
    process.exit(130);
  }
  requestStop();
});

main(process.argv.slice(2)).then(
  (code) => {
    // npm run bench reads the peak RSS (all threads) from here.
    if (process.env.MP_CODEMOD_BENCH === '1') process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\n`);
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`mp-codemod: internal error: ${e && e.message}\n`);
    process.exitCode = 2;
  },
);
