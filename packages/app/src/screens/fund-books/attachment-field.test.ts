import { linliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenContext, settled } from '../../test/screen-context.ts';
import { type AttachmentField, sizeText } from './attachment-field.ts';
import './attachment-field.ts';

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const HASH = 'ab'.repeat(32);
// The smallest PNG: 1 × 1, one transparent pixel.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

async function mount(locale: 'zh-CN' | 'en') {
  const { context, requests } = screenContext(locale, { community: 'c1' }, (request) => {
    if (request !== 'POST /c/c1/attachments') return undefined;
    return requests.filter((r) => r === request).length === 1
      ? [201, { sha256: HASH, size: PNG.length, type: 'image/png' }]
      : [415, { error: linliError('attachment.unsupported_type') }];
  });
  const field = document.createElement('linli-attachment-field') as AttachmentField;
  field.api = context.api;
  field.uploadPath = '/c/c1/attachments';
  field.locale = locale;
  document.body.append(field);
  mounted.push(field);
  await settled(field);
  return { field, requests };
}

/** Picks `files` in the field's input, as the browser's file picker does. */
async function pick(field: AttachmentField, files: File[]): Promise<void> {
  const input = field.shadowRoot?.querySelector('input[type=file]') as HTMLInputElement;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  for (let i = 0; i < 20 && field.shadowRoot?.textContent?.match(/Uploading|正在上传/); i++)
    await settled(field);
  await settled(field);
}

describe('<linli-attachment-field>', () => {
  it('offers the camera and photos or PDFs, with its button in the page’s language', async () => {
    const { field } = await mount('zh-CN');
    const input = field.shadowRoot?.querySelector('input[type=file]');
    expect(input?.getAttribute('accept')).toBe('image/*,application/pdf');
    expect(input?.hasAttribute('capture')).toBe(true);
    expect(field.shadowRoot?.querySelector('label.pick')?.textContent).toBe('选择文件或拍照');
  });

  it('uploads each picked file, lists it with a thumbnail, and shows the server’s refusal beside the other', async () => {
    const { field, requests } = await mount('en');
    await pick(field, [new File([PNG], 'receipt.png', { type: 'image/png' })]);
    await pick(field, [new File(['notes'], 'notes.txt', { type: 'text/plain' })]);
    expect(requests.filter((r) => r === 'POST /c/c1/attachments')).toHaveLength(2);
    const items = [...(field.shadowRoot?.querySelectorAll('li') ?? [])];
    expect(items[0]?.textContent?.replace(/\s+/g, ' ')).toContain(
      `receipt.png · ${PNG.length} B · image/png Uploaded`,
    );
    expect(items[0]?.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(items[1]?.querySelector('[role=alert]')?.textContent).toBe(
      linliError('attachment.unsupported_type').message.en,
    );
    expect(field.attachments).toEqual([
      { sha256: HASH, size: PNG.length, type: 'image/png', name: 'receipt.png' },
    ]);
    expect(field.unsettled).toBe(true);
    items[1]?.querySelector('button')?.click();
    await settled(field);
    expect(field.unsettled).toBe(false);
    field.clear();
    await settled(field);
    expect(field.attachments).toEqual([]);
  });

  it('says sizes in bytes below 1 KB, then KB and MB', () => {
    expect(sizeText(13, 'en')).toBe('13 B');
    expect(sizeText(200_000, 'zh-CN')).toBe('195.3 KB');
    expect(sizeText(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });
});
