/** Runs a long-lived process (API, worker) until SIGINT/SIGTERM, then closes it cleanly. */
export function runUntilSignal<T extends { close(): Promise<void> }>(start: () => Promise<T>, startedMessage: (running: T) => string): void {
  start()
    .then((running) => {
      process.stdout.write(`${startedMessage(running)}\n`);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
