/** The environment variables that tune hosting many communities. */
export interface HostSettingsEnv {
  readonly LINLI_IDLE_SECONDS?: string | undefined;
  readonly LINLI_MAX_OPEN?: string | undefined;
}

/** How long an unused community stays open, by default: ten minutes. */
export const DEFAULT_IDLE_SECONDS = 600;

const whole = (text: string | undefined, least: number): number | undefined | null => {
  if (text === undefined || text.trim() === '') return undefined;
  return /^\d{1,9}$/.test(text.trim()) && Number(text) >= least ? Number(text) : null;
};

/**
 * Reads `LINLI_IDLE_SECONDS` (seconds a community stays open with no request, stream or job; default
 * 600) and `LINLI_MAX_OPEN` (most communities open at once; unset: no cap). Returns the host's
 * settings, or the one line that says what is wrong.
 */
export function readHostSettings(
  env: HostSettingsEnv,
): { ok: true; idleMs: number; maxOpen?: number } | { ok: false; message: string } {
  const idle = whole(env.LINLI_IDLE_SECONDS, 1);
  if (idle === null)
    return {
      ok: false,
      message: `LINLI_IDLE_SECONDS must be a whole number of seconds (1 or more), not "${env.LINLI_IDLE_SECONDS}"`,
    };
  const maxOpen = whole(env.LINLI_MAX_OPEN, 1);
  if (maxOpen === null)
    return {
      ok: false,
      message: `LINLI_MAX_OPEN must be a whole number of communities (1 or more), not "${env.LINLI_MAX_OPEN}"`,
    };
  const idleMs = (idle ?? DEFAULT_IDLE_SECONDS) * 1000;
  return maxOpen === undefined ? { ok: true, idleMs } : { ok: true, idleMs, maxOpen };
}
