#!/usr/bin/env node
'use strict';
// The only place that sets the process exit code; everything else returns it.
let main;
let requestStop;
let cleanupPending;
try {
  ({ main, requestStop, cleanupPending } = require('../dist/src/cli'));
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
