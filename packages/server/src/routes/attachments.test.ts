import { createHash } from 'node:crypto';
import type { LinliError } from '@linli/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 1, 2, 3]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const webp = new Uint8Array([...Buffer.from('RIFF'), 4, 0, 0, 0, ...Buffer.from('WEBPVP8 '), 1]);
const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n%receipt\n'));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function app(options: Parameters<typeof createApp>[1] = {}) {
  opened = await testCommunity();
  const { community, organizer, household } = opened;
  const served = createApp(new Map([['xfkl', community]]), options);
  const upload = (body: Uint8Array, type = 'image/jpeg', token: string | undefined = organizer) =>
    served.request('/c/xfkl/attachments', {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(body),
    });
  const download = (
    hash: string,
    token: string | undefined = household,
    headers: Record<string, string> = {},
  ) =>
    served.request(`/c/xfkl/attachments/${hash}`, {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const command = (body: unknown) =>
    served.request('/c/xfkl/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
      body: JSON.stringify({ command: body }),
    });
  const blobs = async () => (await community.blobs?.list()) ?? [];
  const log = async () => (await community.store.read()).length;
  return { served, upload, download, command, blobs, log, organizer, household };
}

const codeOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error.code;

describe('POST /c/:id/attachments', () => {
  it.each([
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a PNG', png, 'image/png'],
    ['a WebP', webp, 'image/webp'],
    ['a PDF', pdf, 'application/pdf'],
  ])(
    'keeps %s under its SHA-256, typed by its own bytes, once however often it is sent',
    async (_n, bytes, type) => {
      const { upload, blobs } = await app();
      for (let i = 0; i < 2; i++) {
        // The declared type is a lie on purpose: the bytes decide.
        const response = await upload(bytes, 'text/plain');
        expect(response.status).toBe(201);
        expect(await response.json()).toEqual({ sha256: sha(bytes), size: bytes.length, type });
      }
      expect(await blobs()).toEqual([{ sha256: sha(bytes), size: bytes.length, type }]);
    },
  );

  it('refuses anything but the four types, whatever it is declared as, keeping nothing', async () => {
    const { upload, blobs } = await app({ attachmentUploadsPerMinute: 1000 });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 40 }), async (bytes) => {
        fc.pre(![0xff, 0x89, 0x52, 0x25].includes(bytes[0] ?? 0));
        const response = await upload(bytes, 'image/png');
        expect(response.status).toBe(415);
        expect(await codeOf(response)).toBe('attachment.unsupported_type');
      }),
      { numRuns: 30 },
    );
    const html = await upload(new Uint8Array(Buffer.from('<html><script>alert(1)</script>')), 'image/jpeg');
    expect(await codeOf(html)).toBe('attachment.unsupported_type');
    expect(await codeOf(await upload(new Uint8Array(0)))).toBe('attachment.empty');
    expect(await blobs()).toEqual([]);
  });

  it('refuses a body past the limit with attachment.too_large (413), keeping nothing', async () => {
    const { upload, blobs } = await app({ maxAttachmentBytes: 100 });
    const big = new Uint8Array(101);
    big.set(jpeg);
    const response = await upload(big);
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as { error: LinliError };
    expect(error).toMatchObject({ code: 'attachment.too_large', params: { limit: 100 } });
    expect(error.message['zh-CN']).not.toBe(error.message.en);
    expect((await upload(big.slice(0, 100))).status).toBe(201);
    expect((await blobs()).map((b) => b.size)).toEqual([100]);
  });

  it('takes uploads past the 64 KiB JSON limit, up to its own', async () => {
    const { upload } = await app();
    const photo = new Uint8Array(1024 * 1024);
    photo.set(jpeg);
    expect((await upload(photo)).status).toBe(201);
  });

  it("is the organizer's only, and rate-limited", async () => {
    const { upload, household, blobs } = await app({ attachmentUploadsPerMinute: 2 });
    expect(await codeOf(await upload(jpeg, 'image/jpeg', ''))).toBe('auth.required');
    expect(await codeOf(await upload(jpeg, 'image/jpeg', household))).toBe('auth.forbidden');
    expect(await blobs()).toEqual([]);
    expect((await upload(jpeg)).status).toBe(201);
    expect((await upload(png)).status).toBe(201);
    const third = await upload(pdf);
    expect(third.status).toBe(429);
    expect((await blobs()).length).toBe(2);
  });
});

describe('GET /c/:id/attachments/:sha256', () => {
  it('serves the bytes to signed-in members with their type, nosniff, a strong ETag and cache headers', async () => {
    const { upload, download, organizer } = await app();
    await upload(png);
    for (const token of [undefined, organizer]) {
      const response = await download(sha(png), token);
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('etag')).toBe(`"${sha(png)}"`);
      expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename="${sha(png).slice(0, 16)}.png"`,
      );
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
    }
    const again = await download(sha(png), undefined, { 'if-none-match': `"${sha(png)}"` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('offers a PDF as a download, never opened in the server origin', async () => {
    const { upload, download } = await app();
    await upload(pdf);
    const response = await download(sha(pdf));
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"$/);
  });

  it('is never served to the public, and answers typed errors for a bad or unknown hash', async () => {
    const { upload, served, download } = await app();
    await upload(jpeg);
    const anonymous = await served.request(`/c/xfkl/attachments/${sha(jpeg)}`);
    expect(anonymous.status).toBe(401);
    expect(await codeOf(anonymous)).toBe('auth.required');
    const unknown = await download('0'.repeat(64));
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('attachment.not_found');
    expect(await codeOf(await download('../../etc/passwd'))).toMatch(
      /^(attachment.bad_hash|http.no_route|http.not_found)$/,
    );
    expect(await codeOf(await download('A'.repeat(64)))).toBe('attachment.bad_hash');
  });
});

describe('commands naming attachments', () => {
  const expense = (sha256: string) => ({
    type: 'fund.expense',
    fundId: 'upkeep',
    amount: 50_000,
    receipt: 'INV-1',
    description: '电梯维保',
    attachments: [{ sha256, type: 'image/jpeg', size: jpeg.length, name: '发票.jpg' }],
  });

  it('refuses a command naming a hash the server does not hold, appending nothing', async () => {
    const { command, log } = await app();
    const before = await log();
    const response = await command(expense(sha(jpeg)));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: LinliError };
    expect(error).toMatchObject({ code: 'attachment.missing', params: { sha256: sha(jpeg) } });
    expect(await log()).toBe(before);
  });

  it('takes it once the bytes are uploaded, and the event carries the hash', async () => {
    const { command, upload, served, organizer } = await app();
    await upload(jpeg);
    const response = await command(expense(sha(jpeg)));
    expect(response.status, await response.clone().text()).toBe(200);
    const events = (await (
      await served.request('/c/xfkl/events', { headers: { authorization: `Bearer ${organizer}` } })
    ).json()) as { events: { payload: unknown }[] };
    expect(JSON.stringify(events.events.at(-1)?.payload)).toContain(sha(jpeg));
    // The published view, which any site may read, does not even name the file.
    expect(JSON.stringify(await (await served.request('/c/xfkl/view')).json())).not.toContain(sha(jpeg));
  });
});
