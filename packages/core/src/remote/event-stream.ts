/** One server-sent event: its `event:` name, `id:` and `data:` (joined lines). */
export interface StreamMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

/**
 * Reads a server-sent event stream from a `fetch` response (works in browsers and Node alike, and
 * unlike `EventSource` can send an `Authorization` header) until it ends; `onMessage` gets each event.
 */
export async function readEventStream(
  response: Response,
  onMessage: (message: StreamMessage) => void,
): Promise<void> {
  const reader = response.body?.getReader();
  if (!response.ok || !reader) throw new Error(`HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      // Comments (`: keep-alive`) and fields we do not use match nothing.
      for (const [, field, value = ''] of block.matchAll(/^(event|id|data): ?(.*)$/gm)) {
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        else id = value;
      }
      if (data.length > 0 || id !== undefined) onMessage({ event, id, data: data.join('\n') });
    }
  }
}
