// Clean shutdown on SIGINT/SIGTERM: close servers and databases (WAL checkpoint), then exit.

export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`gongshi: ${signal}, shutting down\n`);
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    close().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`gongshi: shutdown failed: ${String(error)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
