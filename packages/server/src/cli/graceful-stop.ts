import type { Server, ServerResponse } from 'node:http';

/** How long in-flight requests get to finish before the remaining connections (live streams) are cut. */
const GRACE_MS = 5_000;

/**
 * Prepares `server` to stop the way an operator's SIGTERM or Ctrl+C expects, and returns the stop:
 * the listener stops accepting and idle keep-alive connections close; requests already running (a
 * command waiting for its commit, a body still arriving) finish and are answered with
 * `Connection: close`; only then `finish` runs (flush the checkpoint, close the stores). Connections
 * still open after the grace period — live streams, which never end by themselves — are closed then.
 * A second signal while stopping returns the first one's stop.
 */
export function stopGracefully(server: Server, finish: () => Promise<void>): () => Promise<void> {
  const running = new Set<ServerResponse>();
  let stopping: Promise<void> | undefined;
  server.on('request', (_request, response: ServerResponse) => {
    // Answered during the stop, a connection closes after its answer instead of idling on.
    if (stopping) response.shouldKeepAlive = false;
    running.add(response);
    response.once('close', () => running.delete(response));
  });
  return () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const response of running) response.shouldKeepAlive = false;
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      await closed;
      clearTimeout(cut);
      await finish();
    })();
    return stopping;
  };
}
