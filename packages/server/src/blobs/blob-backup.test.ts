import { describe, expect, it } from 'vitest';
import { attachmentLimitFromEnv, DEFAULT_ATTACHMENT_BYTES } from './attachment-limit.js';
import { readBackupBlobs } from './blob-backup.js';
import { sha256Of } from './blob-store.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
const entry = { sha256: sha256Of(png), type: 'image/png', bytes: Buffer.from(png).toString('base64') };
const naming = (sha256: string) => [{ seq: 1, payload: { entries: [{ attachments: [{ sha256 }] }] } }];

describe('readBackupBlobs', () => {
  it('reads a backup written before attachments (no section, or a bare list of events) as no blobs', () => {
    expect(readBackupBlobs({ events: naming('x') })).toEqual({ ok: true, blobs: [] });
    expect(readBackupBlobs([{ seq: 1, payload: {} }])).toEqual({ ok: true, blobs: [] });
  });

  it('gives back the bytes of blobs that hash to their names', () => {
    expect(readBackupBlobs({ events: naming(entry.sha256), blobs: [entry] })).toEqual({
      ok: true,
      blobs: [{ type: 'image/png', bytes: png }],
    });
  });

  it('names each bad entry and each hash the log names without its blob', () => {
    const read = readBackupBlobs({
      events: naming('f'.repeat(64)),
      blobs: [
        { ...entry, type: 'text/html' },
        { ...entry, sha256: 'e'.repeat(64) },
      ],
    });
    expect(read).toEqual({
      ok: false,
      problems: [
        'blob 0: not a { sha256, type, bytes } entry',
        `blob ${'e'.repeat(64)}: its bytes do not hash to its name`,
        `blob ${'f'.repeat(64)}: named by the log but not in the backup`,
      ],
    });
  });
});

describe('LINLI_ATTACHMENT_MAX_BYTES', () => {
  it('defaults to 5 MiB and takes a number of bytes up to 64 MiB', () => {
    expect(attachmentLimitFromEnv(undefined)).toEqual({ ok: true, bytes: DEFAULT_ATTACHMENT_BYTES });
    expect(attachmentLimitFromEnv(' 1048576 ')).toEqual({ ok: true, bytes: 1_048_576 });
    for (const bad of ['0', '-1', '5MB', '1e6', String(64 * 1024 * 1024 + 1)])
      expect(attachmentLimitFromEnv(bad).ok, bad).toBe(false);
  });
});
