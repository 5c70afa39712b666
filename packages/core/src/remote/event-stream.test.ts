import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventStream, type StreamMessage } from './event-stream.js';

/** A response whose body arrives as these byte slices (a cut may fall inside a character). */
const sliced = (bytes: Uint8Array, points: readonly number[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (let i = 1; i < points.length; i++) controller.enqueue(bytes.slice(points[i - 1], points[i]));
        controller.close();
      },
    }),
  );

const STREAM =
  ': keep-alive\n\n' +
  'event: head\nid: 7\ndata: {"seq":7,"hash":"ab"}\n\n' +
  'event: events\nid: 9\ndata: [{"seq":8},\ndata: {"seq":9}]\n\n' +
  'data: 新福康里\n\n';

const EXPECTED: StreamMessage[] = [
  { event: 'head', id: '7', data: '{"seq":7,"hash":"ab"}' },
  { event: 'events', id: '9', data: '[{"seq":8},\n{"seq":9}]' },
  { event: 'message', id: undefined, data: '新福康里' },
];

describe('readEventStream', () => {
  it('reads names, ids and (multi-line) data, skips comments, with LF, CRLF or CR line ends, however the bytes are split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.uniqueArray(fc.nat({ max: STREAM.length * 2 }), { maxLength: 8 }),
        async (lineEnd, cuts) => {
          const bytes = new TextEncoder().encode(STREAM.replaceAll('\n', lineEnd));
          const points = [0, ...cuts.filter((c) => c <= bytes.length).sort((a, b) => a - b), bytes.length];
          const seen: StreamMessage[] = [];
          await readEventStream(sliced(bytes, points), (m) => seen.push(m));
          expect(seen).toEqual(EXPECTED);
        },
      ),
    );
  });

  it('takes a CR at the end of one chunk and an LF at the start of the next as one line end', async () => {
    const bytes = new TextEncoder().encode('data: a\r\n\r\ndata: b\r\n\r\n');
    const seen: StreamMessage[] = [];
    // Cut between every CR and its LF.
    await readEventStream(sliced(bytes, [0, 8, 10, 19, bytes.length]), (m) => seen.push(m));
    expect(seen.map((m) => m.data)).toEqual(['a', 'b']);
  });

  it('refuses a response that is not a stream', async () => {
    await expect(readEventStream(new Response('no', { status: 401 }), () => undefined)).rejects.toThrow(
      'HTTP 401',
    );
  });
});
