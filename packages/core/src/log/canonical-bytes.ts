/**
 * Writes canonical JSON (see `canonicalJson`) straight into UTF-8 bytes, with no intermediate string.
 * Hashing is the hot path of sealing and verifying, and building a string and then re-encoding it
 * cost more than the SHA-256 itself. The output is byte-for-byte `TextEncoder(canonicalJson(v))`,
 * which a property test checks.
 */
export class CanonicalWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  /** Starts a new document. */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** The bytes written since the last reset; a view valid until the next write. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  /** Appends ASCII text verbatim (structural characters, keys known to need no escaping, numbers). */
  ascii(text: string): this {
    this.ensure(text.length);
    const buf = this.buffer;
    let at = this.length;
    for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
    this.length = at;
    return this;
  }

  /**
   * Appends JSON text that is already written (a payload as a store keeps it) as its UTF-8 bytes,
   * verbatim. Answers false, writing nothing, for text holding a lone surrogate: UTF-8 has no bytes
   * for it (an encoder writes U+FFFD instead), so its bytes would not tell it from other text.
   */
  text(json: string): boolean {
    if (SURROGATE.test(json) && LONE_SURROGATE.test(json)) return false;
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a pair, two units, takes 4).
    this.ensure(json.length * 3);
    this.length += utf8.encodeInto(json, this.buffer.subarray(this.length)).written;
    return true;
  }

  /** Appends a JSON string literal, escaped exactly as JSON.stringify escapes it. */
  string(text: string): this {
    // Worst case: every UTF-16 unit becomes a 6-byte \uXXXX escape.
    this.ensure(text.length * 6 + 2);
    const buf = this.buffer;
    let at = this.length;
    buf[at++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
          buf[at++] = c;
          continue;
        }
        const short = SHORT_ESCAPES[c];
        if (short) {
          buf[at++] = 0x5c;
          buf[at++] = short;
        } else {
          at = writeUnicodeEscape(buf, at, c);
        }
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          buf[at++] = 0xf0 | (cp >> 18);
          buf[at++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[at++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[at++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          // A lone surrogate: JSON.stringify writes it as an escape (well-formed JSON.stringify).
          at = writeUnicodeEscape(buf, at, c);
        }
      } else {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    buf[at++] = 0x22;
    this.length = at;
    return this;
  }

  /** Appends any JSON value in canonical form. Throws a TypeError for what JSON cannot hold. */
  value(value: unknown): this {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: non-finite number ${value}`);
        return this.ascii(String(value));
      case 'boolean':
        return this.ascii(value ? 'true' : 'false');
      case 'object': {
        if (value === null) return this.ascii('null');
        if (Array.isArray(value)) {
          this.ascii('[');
          for (let i = 0; i < value.length; i++) {
            if (i > 0) this.ascii(',');
            this.value(value[i]);
          }
          return this.ascii(']');
        }
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record).sort();
        this.ascii('{');
        let first = true;
        for (const key of keys) {
          const member = record[key];
          if (member === undefined) continue;
          if (!first) this.ascii(',');
          first = false;
          this.string(key).ascii(':').value(member);
        }
        return this.ascii('}');
      }
      default:
        throw new TypeError(`canonical JSON: cannot encode a ${typeof value}`);
    }
  }
}

const HEX = '0123456789abcdef';

const utf8 = new TextEncoder();
/** Any surrogate: a quick test that almost all text fails, before the exact {@link LONE_SURROGATE}. */
const SURROGATE = /[\ud800-\udfff]/;
/** A surrogate that is not half of a pair. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The two-character escapes JSON.stringify uses, by character code: `"` `\\` \b \f \n \r \t. */
const SHORT_ESCAPES: Readonly<Record<number, number>> = {
  34: 0x22,
  92: 0x5c,
  8: 0x62,
  12: 0x66,
  10: 0x6e,
  13: 0x72,
  9: 0x74,
};

function writeUnicodeEscape(buf: Uint8Array, start: number, code: number): number {
  let at = start;
  buf[at++] = 0x5c;
  buf[at++] = 0x75;
  buf[at++] = HEX.charCodeAt((code >> 12) & 0xf);
  buf[at++] = HEX.charCodeAt((code >> 8) & 0xf);
  buf[at++] = HEX.charCodeAt((code >> 4) & 0xf);
  buf[at++] = HEX.charCodeAt(code & 0xf);
  return at;
}
