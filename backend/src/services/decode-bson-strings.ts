/**
 * Decodes a BSON document whose values are all strings (the shape of the number-to-zone table)
 * into its key/value pairs, in order. A few lines instead of a BSON library: that is all the table
 * needs, and anything else in the file is refused rather than misread.
 */
export function decodeStringDocument(bytes: Buffer): Map<string, string> {
  const size = bytes.readInt32LE(0);
  if (size !== bytes.length) throw new Error('BSON document: its size field does not match');
  const entries = new Map<string, string>();
  let position = 4;
  for (;;) {
    const type = bytes[position];
    position += 1;
    if (type === 0x00) break;
    const keyEnd = bytes.indexOf(0, position);
    if (keyEnd < 0) throw new Error('BSON document: an unterminated key');
    const key = bytes.toString('utf8', position, keyEnd);
    position = keyEnd + 1;
    // 0x02 is a UTF-8 string: its byte length (with the trailing NUL), the bytes, the NUL.
    if (type !== 0x02)
      throw new Error(`BSON document: a value of type ${String(type)} is not a string`);
    const length = bytes.readInt32LE(position);
    position += 4;
    if (length < 1 || bytes[position + length - 1] !== 0) {
      throw new Error('BSON document: a string without its terminator');
    }
    entries.set(key, bytes.toString('utf8', position, position + length - 1));
    position += length;
  }
  if (position !== size) throw new Error('BSON document: bytes after the end');
  return entries;
}
