/**
 * `body` passed through unchanged, calling `release` once when it ends: read to the end, failed, or
 * cancelled by the client (a closed tab, a stopping server). A live stream thereby holds its
 * community open for as long as it runs, though its request's handler returned long before.
 */
export function heldUntilEnd(
  body: ReadableStream<Uint8Array>,
  release: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let released = false;
  const end = () => {
    if (released) return;
    released = true;
    release();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end();
          controller.close();
        } else controller.enqueue(value);
      } catch (e) {
        end();
        controller.error(e);
      }
    },
    async cancel(reason) {
      end();
      await reader.cancel(reason);
    },
  });
}
