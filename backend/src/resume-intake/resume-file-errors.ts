import { AppError } from '@screenline/core';

/**
 * Every way an uploaded resume can be refused, with a message that tells the person what to do.
 * One place, so the API, the CLI and the tests say the same thing.
 */
export const resumeFileErrors = {
  empty: () =>
    new AppError('UNPROCESSABLE', {
      message: 'The file is empty. Choose your resume file again and upload it.',
    }),
  tooLarge: (maxBytes: number) =>
    new AppError('PAYLOAD_TOO_LARGE', {
      message: `The file is larger than ${formatMegabytes(maxBytes)}. Upload a smaller PDF or DOCX (a resume is usually under 1 MB).`,
    }),
  unsupported: (what: string) =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', {
      message: `${what} Upload your resume as a PDF, a Word document (.docx) or plain text.`,
    }),
  encrypted: () =>
    new AppError('UNPROCESSABLE', {
      message:
        'This PDF is password-protected. Remove the password (or print it to a new PDF) and upload it again.',
    }),
  noText: () =>
    new AppError('UNPROCESSABLE', {
      message:
        'This PDF has no text layer (it looks like a scan or an image). Upload a text PDF or DOCX.',
    }),
  emptyDocument: () =>
    new AppError('UNPROCESSABLE', {
      message: 'This document contains no text. Upload the file that holds your resume.',
    }),
  damaged: (kind: string) =>
    new AppError('UNPROCESSABLE', {
      message: `This ${kind} is damaged or incomplete and cannot be read. Export or save it again and upload the new file.`,
    }),
  tooComplex: (kind: string) =>
    new AppError('UNPROCESSABLE', {
      message: `This ${kind} is too complex to read in time. Export it again as a simple PDF or DOCX and upload that.`,
    }),
  unsafeDocx: () =>
    new AppError('UNPROCESSABLE', {
      message:
        'This Word document contains constructs we do not accept (XML entity definitions). Save it again from Word or export a PDF.',
    }),
  zipBomb: () =>
    new AppError('UNPROCESSABLE', {
      message:
        'This Word document expands to far more data than a resume holds, so it was not opened. Save it again or export a PDF.',
    }),
};

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}
