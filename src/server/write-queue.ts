/**
 * The web's writes to the warehouse run one after another (an upload's import, the demo, a
 * campaign saved): two DuckDB transactions writing the same rows would conflict, and an
 * import's merge must not see a campaign half-saved.
 */
let tail: Promise<unknown> = Promise.resolve();

export function queueWrite<T>(fn: () => Promise<T>): Promise<T> {
  const done = tail.then(fn);
  tail = done.catch(() => undefined);
  return done;
}
