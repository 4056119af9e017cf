/**
 * Plain-text tables for terminal reports (`npm run scenario:check`): columns padded to their widest cell,
 * and optionally a last column of prose wrapped to whatever width is left.
 */

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export interface TableOptions {
  /** Total width of a line, indent included; default unlimited. */
  readonly width?: number;
  /** Spaces before every line. */
  readonly indent?: number;
  /** Header of a last column of prose (each row's `text`), wrapped to the width the other columns leave. */
  readonly wrapped?: string;
  /** The prose goes on lines of its own, under its row, when less than this is left for it. */
  readonly minWrapWidth?: number;
  /** Where prose under its row starts: under this column (default 1, past the first column). */
  readonly underColumn?: number;
}

export interface Row {
  readonly cells: readonly string[];
  /** The row's prose, when the table has a wrapped column. */
  readonly text?: string;
}

const GAP = '  ';

/**
 * Lines of a table, each cell padded to its column's widest. With a wrapped column, when the other columns
 * leave too little room for it, each row's prose goes under the row instead, from `underColumn` on.
 */
export function textTable(
  columns: readonly Column[],
  rows: readonly Row[],
  options: TableOptions = {},
): string[] {
  const indent = ' '.repeat(options.indent ?? 0);
  const width = options.width ?? Number.POSITIVE_INFINITY;
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row.cells[i] ?? '').length)),
  );
  const fixed = (cells: readonly string[]): string =>
    indent +
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const w = widths[i] ?? 0;
        return column.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(GAP);
  const header = fixed(columns.map((column) => column.header));
  const { wrapped } = options;
  if (wrapped === undefined) return [header, ...rows.map((row) => fixed(row.cells))].map(trimEnd);

  const before = header.length + GAP.length;
  if (width - before >= (options.minWrapWidth ?? 40)) {
    const blank = ' '.repeat(before);
    return [
      `${header}${GAP}${wrapped}`,
      ...rows.flatMap((row) =>
        wrapText(row.text ?? '', width - before).map((line, i) =>
          trimEnd(`${i === 0 ? `${fixed(row.cells)}${GAP}` : blank}${line}`),
        ),
      ),
    ];
  }
  const skipped = widths.slice(0, options.underColumn ?? 1);
  const under = indent + ' '.repeat(skipped.reduce((sum, w) => sum + w + GAP.length, 0));
  return [
    trimEnd(header),
    `${under}${wrapped}`,
    ...rows.flatMap((row) => [
      trimEnd(fixed(row.cells)),
      ...wrapText(row.text ?? '', width - under.length).map((line) => `${under}${line}`),
    ]),
  ];
}

function trimEnd(line: string): string {
  return line.trimEnd();
}

/** Words filled into lines of at most `width` characters; a word longer than that gets a line of its own. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  return [...lines, line];
}
