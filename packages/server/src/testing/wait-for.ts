/**
 * Polls `check` every `every` ms until it answers true (a check that throws counts as false: a
 * process still restarting refuses connections), or fails naming `what` after `ms`.
 */
export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  ms = 30_000,
  every = 100,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
