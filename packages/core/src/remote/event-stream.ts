/** One server-sent event: its `event:` name, `id:` and `data:` (joined lines). */
export interface StreamMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

/**
 * Reads a server-sent event stream from a `fetch` response (works in browsers and Node alike, and
 * unlike `EventSource` can send an `Authorization` header) until it ends; `onMessage` gets each event.
 * Lines may end in LF, CRLF or CR, as the SSE specification allows, even when a CRLF is split
 * between two chunks.
 */
export async function readEventStream(
  response: Response,
  onMessage: (message: StreamMessage) => void,
): Promise<void> {
  const reader = response.body?.getReader();
  if (!response.ok || !reader) throw new Error(`HTTP ${response.status}`);
  const decoder = new TextDecoder();
  const block = new EventBlock(onMessage);
  let buffer = '';
  // A chunk ended in CR: an LF that starts the next one belongs to the same line end.
  let afterCr = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    // (A chunk may decode to nothing when it holds only part of a character.)
    if (afterCr && buffer.length > 0) {
      if (buffer.startsWith('\n')) buffer = buffer.slice(1);
      afterCr = false;
    }
    let start = 0;
    for (let end = nextLineEnd(buffer, start); end >= 0; end = nextLineEnd(buffer, start)) {
      block.line(buffer.slice(start, end));
      if (buffer[end] === '\r' && end + 1 === buffer.length) afterCr = true;
      start = end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1);
    }
    buffer = buffer.slice(start);
  }
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** The fields of the event being read, line by line; a blank line hands it on. */
class EventBlock {
  private event = 'message';
  private id: string | undefined;
  private data: string[] = [];

  constructor(private readonly onMessage: (message: StreamMessage) => void) {}

  line(line: string): void {
    if (line === '') {
      if (this.data.length > 0 || this.id !== undefined)
        this.onMessage({ event: this.event, id: this.id, data: this.data.join('\n') });
      this.event = 'message';
      this.id = undefined;
      this.data = [];
      return;
    }
    // Comments (`: keep-alive`) and fields we do not use change nothing.
    const colon = line.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id') this.id = value;
  }
}
