/**
 * Turns the bytes of a file a trainer chose into a table of strings, whatever it was saved as: Moodle's (and
 * Totara's) "text format" (tab-separated .txt), a CSV re-saved from a spreadsheet (comma or semicolon, any of
 * UTF-8 with or without a byte-order mark, UTF-16 or Windows-1252), Excel (.xlsx) or OpenDocument (.ods).
 * The format is told from the bytes, not the file name. Anything else gets a message saying what was
 * expected. Parsing is left to papaparse (delimited text) and SheetJS (spreadsheets).
 */
import { readDelimitedText } from './read-delimited.ts';
import { readSpreadsheet } from './read-spreadsheet.ts';

export type ExportFormat = 'text' | 'csv' | 'xlsx' | 'ods';

export const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = {
  text: 'text (tab-separated)',
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  ods: 'OpenDocument (.ods)',
};

export type TableRead =
  | { readonly ok: true; readonly format: ExportFormat; readonly rows: readonly (readonly string[])[] }
  | { readonly ok: false; readonly message: string };

/** Larger than any SCORM report of a real cohort (1,000 trainees in text format is about 1 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const EXPECTED_FILES =
  'a SCORM report downloaded from Moodle or Totara: text format (.txt, tab-separated), Excel (.xlsx), ' +
  'OpenDocument (.ods), or a CSV file saved from one of them';

export function readExportTable(fileName: string, bytes: Uint8Array): TableRead {
  const refuse = (what: string): TableRead => ({
    ok: false,
    message: `“${fileName}” ${what}. Expected ${EXPECTED_FILES}.`,
  });
  if (bytes.length === 0) return refuse('is empty');
  if (bytes.length > MAX_FILE_BYTES) return refuse(`is ${Math.round(bytes.length / 1048576)} MB, too large`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readZip(fileName, bytes, refuse);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return refuse('is an old-style Excel (.xls) or other Office file: open it and save it as .xlsx or CSV');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return refuse('is a PDF');
  const text = decodeText(bytes);
  if (text === null) return refuse('is not a text file or a spreadsheet');
  const read = readDelimitedText(text);
  if (read.rows.length === 0) return refuse('has no rows of data');
  return { ok: true, format: read.delimiter === '\t' ? 'text' : 'csv', rows: read.rows };
}

function readZip(fileName: string, bytes: Uint8Array, refuse: (what: string) => TableRead): TableRead {
  // Zip entry names are stored as plain text: an XLSX names xl/workbook.xml, an OpenDocument file content.xml
  // (its `mimetype` entry should come first, uncompressed, but Moodle compresses it).
  const head = latin1(bytes.subarray(0, 100));
  const isOtherOpenDocument = /application\/vnd\.oasis\.opendocument\.(?!spreadsheet)/.test(head);
  const format: ExportFormat | null = containsAscii(bytes, 'xl/workbook.xml')
    ? 'xlsx'
    : containsAscii(bytes, 'content.xml') && !isOtherOpenDocument && !containsAscii(bytes, 'imsmanifest.xml')
      ? 'ods'
      : null;
  if (format === null) {
    const what = containsAscii(bytes, 'imsmanifest.xml')
      ? 'is a zip archive holding a SCORM package, not a report'
      : isOtherOpenDocument
        ? 'is an OpenDocument file but not a spreadsheet'
        : containsAscii(bytes, 'word/document.xml')
          ? 'is a Word document'
          : 'is a zip archive, not a spreadsheet';
    return refuse(what);
  }
  try {
    const rows = readSpreadsheet(bytes);
    if (rows.length === 0) return refuse('has an empty first sheet');
    return { ok: true, format, rows };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `“${fileName}” looks like ${FORMAT_LABEL[format]} but could not be read (${reason}); it may be damaged. Download it again from the LMS.`,
    };
  }
}

/**
 * UTF-16 (with its byte-order mark, as Excel's "Unicode text" saves), else UTF-8, else Windows-1252 (Excel's
 * plain "CSV" on Windows); null when the bytes are binary. A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 4096).includes(0)) return null;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  // Control characters other than tab and line ends mean binary data, not a report.
  const sample = text.slice(0, 4096);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) return null;
  }
  return text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** Whether the (uncompressed) bytes hold `needle`: zip entry names are stored as plain text. */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = [...needle].map((c) => c.charCodeAt(0));
  const first = codes[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i !== -1; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return true;
  }
  return false;
}
