/** Set on the first Ctrl-C: no new file is started; files in hand finish (each write is atomic). */
let stop = false;

export function requestStop(): void {
  stop = true;
}

export function interrupted(): boolean {
  return stop;
}
