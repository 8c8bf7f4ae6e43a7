import { OpenAiError } from './openai-error.js';

/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Splits a multipart/form-data body (RFC 7578) into its parts; refuses a malformed one with a 400. */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (boundary === undefined) throw new OpenAiError(400, 'multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw new OpenAiError(400, 'malformed multipart body: no boundary found');
  for (;;) {
    start += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new OpenAiError(400, 'malformed multipart body: unterminated part');
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new OpenAiError(400, 'malformed multipart body: part without headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    // The part's data ends before the CRLF that precedes the next delimiter.
    const data = part.subarray(headerEnd + 4, part.length - 2);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined)
      throw new OpenAiError(400, 'malformed multipart body: part without a name');
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    parts.push({
      name,
      data,
      ...(filename === undefined ? {} : { filename }),
      ...(type === undefined ? {} : { contentType: type }),
    });
    start = next;
  }
  return parts;
}
