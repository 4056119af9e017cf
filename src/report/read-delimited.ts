/**
 * Delimited text by papaparse: Moodle's tab-separated "text format", or CSV with commas or semicolons (a
 * spreadsheet in a locale whose decimal mark is a comma saves semicolons). Quoted fields may hold the
 * delimiter, doubled quotes and line breaks.
 */
import Papa from 'papaparse';

export type Delimiter = '\t' | ',' | ';';

export interface DelimitedRead {
  readonly delimiter: Delimiter;
  readonly rows: string[][];
}

export function readDelimitedText(text: string): DelimitedRead {
  const delimiter = guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', header: false });
  return { delimiter, rows: parsed.data.map((row) => row.map((cell) => String(cell ?? ''))) };
}

/**
 * The delimiter the header line uses most, outside quotes: a report's header has one per column, while its
 * data may hold commas in dates ("Tuesday, 1 December 2026") and names.
 */
export function guessDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === '\t' || char === ',' || char === ';')) counts[char] += 1;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[','] && counts['\t'] >= counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** CSV text for a table: every cell quoted where it needs to be, CRLF line ends, as spreadsheets expect. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    rows.map((row) => [...row]),
    { newline: '\r\n' },
  );
}
