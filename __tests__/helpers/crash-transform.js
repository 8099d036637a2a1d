'use strict';
// A transform that ends the worker thread it runs in (as a crash of the WebAssembly parser or of
// V8 would) on a file that holds CRASH_HERE: the pool must fail that file alone. On the main
// thread it throws instead, so that a run that processed the file in-band fails visibly rather
// than ending the test's process.
const { isMainThread } = require('worker_threads');

module.exports = {
  id: 'crash',
  description: 'ends its worker thread on files that hold CRASH_HERE (tests only)',
  safety: 'safe',
  prefilter: /CRASH_HERE/,
  query: '(module) @m',
  fix(match, ctx) {
    if (!ctx.source.includes('CRASH_HERE')) return null;
    if (isMainThread) throw new Error('the crash transform ran on the main thread');
    process.exit(70);
  },
};
