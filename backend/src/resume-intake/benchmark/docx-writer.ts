import { writeZip } from './zip-writer.js';

/** A paragraph for the DOCX writer: runs of text, optionally bold or sized, a style, a link. */
export interface DocxParagraph {
  runs: { text: string; bold?: boolean; sizePt?: number; link?: string }[];
  style?: 'Heading1' | 'Title';
  isBullet?: boolean;
}

/** A block: a paragraph, or a table row of cells (each a list of paragraphs) for column layouts. */
export type DocxBlock = DocxParagraph | { cells: DocxParagraph[][] };

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes a small but valid DOCX (the parts Word itself needs) from blocks. */
export function writeDocx(blocks: DocxBlock[]): Buffer {
  const links: string[] = [];
  const paragraphXml = (paragraph: DocxParagraph): string => {
    const properties = [
      paragraph.style === undefined ? '' : `<w:pStyle w:val="${paragraph.style}"/>`,
      paragraph.isBullet === true
        ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        : '',
    ].join('');
    const runs = paragraph.runs
      .map((run) => {
        const runProperties = `${run.bold === true ? '<w:b/>' : ''}${run.sizePt === undefined ? '' : `<w:sz w:val="${run.sizePt * 2}"/>`}`;
        const parts = run.text
          .split('\t')
          .map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
        const body = `<w:r>${runProperties === '' ? '' : `<w:rPr>${runProperties}</w:rPr>`}${parts.join('<w:tab/>')}</w:r>`;
        if (run.link === undefined) return body;
        links.push(run.link);
        return `<w:hyperlink r:id="rIdLink${links.length}">${body}</w:hyperlink>`;
      })
      .join('');
    return `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}${runs}</w:p>`;
  };
  const body = blocks
    .map((block) =>
      'cells' in block
        ? `<w:tbl><w:tr>${block.cells.map((cell) => `<w:tc>${cell.map(paragraphXml).join('') || '<w:p/>'}</w:tc>`).join('')}</w:tr></w:tbl>`
        : paragraphXml(block),
    )
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const relationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links
    .map(
      (url, index) =>
        `<Relationship Id="rIdLink${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(url)}" TargetMode="External"/>`,
    )
    .join('')}</Relationships>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const packageRelationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');
  return writeZip([
    { name: '[Content_Types].xml', data: encode(contentTypes) },
    { name: '_rels/.rels', data: encode(packageRelationships) },
    { name: 'word/document.xml', data: encode(document) },
    { name: 'word/_rels/document.xml.rels', data: encode(relationships) },
  ]);
}
