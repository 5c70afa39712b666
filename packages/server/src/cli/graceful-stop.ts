import type { Server } from 'node:http';

/** How long in-flight requests get to finish before the remaining connections (live streams) are cut. */
const GRACE_MS = 5_000;

/**
 * Stops the way an operator's SIGTERM or Ctrl+C expects: the listener stops accepting, idle
 * keep-alive connections close, requests already running (a command waiting for its commit) finish
 * and are answered, and only then `finish` runs (flush the checkpoint, close the stores). Connections
 * still open after the grace period — live streams, which never end by themselves — are closed then.
 * A second signal while stopping changes nothing; the first one's stop is still running.
 */
export function stopGracefully(server: Server, finish: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      await closed;
      clearTimeout(cut);
      await finish();
    })();
    return stopping;
  };
}
