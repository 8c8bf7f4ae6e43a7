// PDF text extraction in a child process (RELIABILITY UP-4): a hostile PDF can loop or eat memory,
// so it runs here, where the parent can kill it at its time limit and --max-old-space-size caps the
// heap. Plain JavaScript so the same file runs from the sources and from the build, with no loader.
// Protocol over IPC: { id, data: Uint8Array, maxPages } → { id, ok: true, pages } | { id, ok: false, reason }.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href);
const standardFontDataUrl = path.join(pdfjsRoot, 'standard_fonts') + path.sep;

const MAX_ITEMS_PER_PAGE = 5000;

/** A bold font by its name, as far as the name tells ("Arial-BoldMT", "Lato-Black"). */
function isBoldFontName(name) {
  return typeof name === 'string' && /bold|black|heavy|semibold|demi/i.test(name);
}

async function extract(data, maxPages) {
  const task = pdfjs.getDocument({
    // A copy that owns its whole buffer: a small Buffer arrives as a view into a shared pool slab,
    // and pdfjs reads the view's underlying buffer.
    data: Uint8Array.from(data),
    isEvalSupported: false,
    standardFontDataUrl,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const pages = [];
    const count = Math.min(document.numPages, maxPages);
    for (let number = 1; number <= count; number += 1) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view;
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        // A resume page holds hundreds of items; past the cap the rest is noise that would only cost time.
        if (items.length >= MAX_ITEMS_PER_PAGE) break;
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform);
        const fontSize = Math.hypot(a, b) || Math.abs(d) || item.height;
        const style = content.styles[item.fontName];
        items.push({
          text: item.str,
          x: e,
          y: f - fontSize,
          width: item.width,
          height: fontSize,
          fontSize,
          bold: isBoldFontName(style?.fontFamily) || isBoldFontName(item.fontName),
        });
      }
      const links = [];
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype !== 'Link' || typeof annotation.url !== 'string') continue;
        const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(annotation.rect);
        links.push({
          x: Math.min(x1, x2),
          y: Math.min(y1, y2),
          width: Math.abs(x2 - x1),
          height: Math.abs(y2 - y1),
          url: annotation.url,
        });
      }
      pages.push({ width, height, items, links });
      page.cleanup();
    }
    return { pages, pageCount: document.numPages };
  } finally {
    await document.destroy();
  }
}

function reasonOf(error) {
  const name = error && typeof error === 'object' ? error.name : '';
  if (name === 'PasswordException') return 'encrypted';
  return 'invalid';
}

process.on('message', (message) => {
  const { id, data, maxPages } = message;
  extract(data, maxPages).then(
    (result) => process.send({ id, ok: true, ...result }),
    (error) => process.send({ id, ok: false, reason: reasonOf(error) }),
  );
});

// Keeps the module importable from tests that only check the file exists.
export const workerFile = fileURLToPath(import.meta.url);
