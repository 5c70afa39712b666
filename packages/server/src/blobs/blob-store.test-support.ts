import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlobStore, sha256Of } from './blob-store.js';

/** Opens a fresh store for `community`; a second call with the same community sees the same blobs. */
export type OpenBlobStore = (community: string) => Promise<BlobStore>;

const png = (extra: number[]) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...extra]);

/**
 * What every {@link BlobStore} guarantees, run against SQLite and PostgreSQL: the key is the bytes'
 * SHA-256, a put is idempotent, the bytes come back exactly, communities never see each other's blobs.
 */
export function blobStoreConformance(name: string, open: OpenBlobStore, fresh: () => string): void {
  describe(`${name}: the blob store contract`, () => {
    it('keeps bytes under their SHA-256 and gives them back exactly', async () => {
      const store = await open(fresh());
      try {
        const bytes = png([1, 2, 3, 0, 255]);
        const info = await store.put(bytes, 'image/png');
        expect(info).toEqual({ sha256: sha256Of(bytes), type: 'image/png', size: bytes.length });
        expect(await store.get(info.sha256)).toEqual({ ...info, bytes });
        expect(await store.get('0'.repeat(64))).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it('stores the same bytes once, whatever type a second put claims, and lists each blob once', async () => {
      const store = await open(fresh());
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), { maxLength: 6 }),
            async (all) => {
              for (const bytes of all) await store.put(bytes, 'application/pdf');
              for (const bytes of all)
                expect((await store.put(bytes, 'image/jpeg')).type).toBe('application/pdf');
              const listed = (await store.list()).map((b) => b.sha256);
              expect(new Set(listed).size).toBe(listed.length);
              for (const bytes of all) expect(listed).toContain(sha256Of(bytes));
            },
          ),
          { numRuns: 15 },
        );
      } finally {
        await store.close();
      }
    });

    it('answers which hashes it lacks, in the order asked', async () => {
      const store = await open(fresh());
      try {
        const held = (await store.put(png([9]), 'image/png')).sha256;
        const a = 'a'.repeat(64);
        const b = 'b'.repeat(64);
        expect(await store.missing([a, held, b])).toEqual([a, b]);
        expect(await store.missing([])).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('keeps communities apart, and a reopened store sees what was put', async () => {
      const one = fresh();
      const first = await open(one);
      const other = await open(fresh());
      try {
        const { sha256 } = await first.put(png([7, 7]), 'image/png');
        expect(await other.get(sha256)).toBeUndefined();
        expect(await other.list()).toEqual([]);
        const again = await open(one);
        expect((await again.get(sha256))?.bytes).toEqual(png([7, 7]));
        await again.close();
      } finally {
        await first.close();
        await other.close();
      }
    });
  });
}
