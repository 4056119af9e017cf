/**
 * Prints an HTML file to an A4 PDF through the same headless Chromium the browser tests use
 * (launch-chromium.ts), with a footer that names the document and numbers its pages, PDF bookmarks from the
 * headings and a tagged (accessible) PDF. The page is opened from disk, so the PDF is of the very file
 * written beside it.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './launch-chromium.ts';

/** Chromium's header and footer see none of the page's styles, so these carry their own. */
const FOOTER = `<div style="width:100%;margin:0 15mm;display:flex;justify-content:space-between;font:8px Arial,'Liberation Sans',sans-serif;color:#4a5568">
<span class="title"></span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

export async function printPdf(htmlFile: string, pdfFile: string): Promise<Buffer> {
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '16mm', right: '15mm', bottom: '18mm', left: '15mm' },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      outline: true,
      tagged: true,
    });
    await writeFile(pdfFile, pdf);
    return pdf;
  } finally {
    await chromium.close();
  }
}

/** Pages in a PDF Chromium wrote: its page objects (`/Type /Page`, not the `/Pages` tree nodes). */
export function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []
  ).length;
}
