/** The default largest attachment upload: 5 MiB, a phone photo of a receipt or a multi-page scan. */
export const DEFAULT_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The most `LINLI_ATTACHMENT_MAX_BYTES` may allow (64 MiB): a blob is read into memory whole. */
export const MAX_ATTACHMENT_LIMIT = 64 * 1024 * 1024;

/**
 * `LINLI_ATTACHMENT_MAX_BYTES`: the largest attachment upload in bytes (default
 * {@link DEFAULT_ATTACHMENT_BYTES}), or the one line that says why the value is not one.
 */
export function attachmentLimitFromEnv(
  value: string | undefined,
): { ok: true; bytes: number } | { ok: false; message: string } {
  const text = value?.trim() ?? '';
  if (text === '') return { ok: true, bytes: DEFAULT_ATTACHMENT_BYTES };
  const bytes = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(bytes >= 1 && bytes <= MAX_ATTACHMENT_LIMIT))
    return {
      ok: false,
      message: `LINLI_ATTACHMENT_MAX_BYTES must be a number of bytes (1-${MAX_ATTACHMENT_LIMIT}), not "${value}"`,
    };
  return { ok: true, bytes };
}
