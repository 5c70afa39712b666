/** Whether the bytes are a zip archive (an `.xlsx` workbook): `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The text of a CSV file: UTF-8 with or without its BOM, or else GB18030 (which contains GBK), the
 * encoding Excel uses for "CSV" on a Chinese Windows. Valid UTF-8 is taken as UTF-8: a GBK file of
 * Chinese text is practically never valid UTF-8, while the reverse guess would garble every UTF-8 file.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
