/**
 * The first sheet of an Excel (.xlsx) or OpenDocument (.ods) file as rows of the text each cell shows, by
 * SheetJS Community Edition 0.20.3 (the npm `xlsx` package stops at 0.18.5, which has two known
 * vulnerabilities when reading files: see the commit that added this file). Formulas, styles, comments and
 * macros are not read.
 */
import { read, utils } from '@e965/xlsx';

export function readSpreadsheet(bytes: Uint8Array): string[][] {
  const workbook = read(bytes, {
    type: 'array',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
  });
  const first = workbook.SheetNames[0];
  const sheet = first === undefined ? undefined : workbook.Sheets[first];
  if (!sheet) return [];
  const rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
  return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
}
