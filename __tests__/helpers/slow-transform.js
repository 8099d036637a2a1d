'use strict';
// A transform that keeps its worker thread busy for a while on a file that holds SLOW_HERE, so
// that the thread still holds that file when the main thread has run out of files. On the main
// thread it does nothing: the test then sees the file was not held (and says so by failing).
const { isMainThread } = require('worker_threads');

module.exports = {
  id: 'slow',
  description: 'busy for 3 s in a worker thread on files that hold SLOW_HERE (tests only)',
  safety: 'safe',
  prefilter: /SLOW_HERE/,
  query: '(module) @m',
  fix(match, ctx) {
    if (!ctx.source.includes('SLOW_HERE') || isMainThread) return null;
    const until = Date.now() + 3000;
    while (Date.now() < until);
    return null;
  },
};
