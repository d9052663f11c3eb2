/** Registry text files come as UTF-16LE with a BOM (regedit's default) or UTF-8/ASCII (REGEDIT4, wine). */
export function decodeRegistryText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  // No BOM but every odd byte zero at the start: UTF-16LE written without one.
  if (buf.length >= 4 && buf[1] === 0 && buf[3] === 0) return buf.toString('utf16le');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}
