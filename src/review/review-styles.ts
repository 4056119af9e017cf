/**
 * The pack's stylesheet, inlined in its <head> so the HTML file stands alone. Screen: one readable column.
 * Print (A4): each stage and each decision starts a page, a choice or a table row is never split across two,
 * headings stay with what follows, and colour is never the only mark of a class (the badges carry a symbol
 * and a word).
 */
export const REVIEW_STYLES = `
@page { size: A4; margin: 16mm 15mm 18mm; }
:root { color: #1a202c; background: #fff; font: 10pt/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
body { max-width: 180mm; margin: 0 auto; padding: 12mm 6mm; }
h1, h2, h3, h4, h5 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 24pt; margin: 0 0 4mm; }
h2 { font-size: 17pt; margin: 10mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 2px solid #2b6cb0; }
h3 { font-size: 13.5pt; margin: 8mm 0 1mm; }
h4 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
h5, h6 { font-size: 10.5pt; margin: 4mm 0 1mm; }
h3 a, h2 a { color: inherit; text-decoration: none; }
a { color: #2b6cb0; }
p, ul, ol, dl, blockquote, table, figure { margin: 0 0 2.5mm; }
p, li, dd { orphans: 3; widows: 3; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; color: #4a5568; font-weight: 600; margin-bottom: 2mm; }
.lead { font-size: 12pt; color: #2d3748; }
.cover { padding-bottom: 4mm; }
/* A table longer than a page still breaks, between rows, its header repeated. */
/* Just under 100 %: a collapsed border lies half outside the box, and the page edge would clip it. */
table { border-collapse: collapse; width: 99.5%; break-inside: avoid; page-break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #cbd5e0; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #edf2f7; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.identity th { width: 32mm; background: #f7fafc; }
.sign-off { margin-top: 8mm; }
.sign-off td { height: 11mm; }
.contents ol { padding-left: 6mm; }
.contents li { margin: 0.6mm 0; }
.toc { columns: 2; column-gap: 10mm; }
.toc > li { margin-top: 1.5mm; break-inside: avoid; page-break-inside: avoid; }
.anchor-label { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; color: #718096; margin: 0 0 2mm; }
.anchor-inline { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; color: #718096; }
.facts-label { display: block; font-size: 8.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #4a5568; margin: 0 0 0.5mm; }
.tags { margin: 0 0 1mm; }
.tag { display: inline-block; font-size: 8.5pt; padding: 0.2mm 1.8mm; border: 1px solid #a0aec0; border-radius: 2mm; color: #2d3748; background: #f7fafc; }
.tag--path { border-color: #2b6cb0; color: #1a365d; background: #ebf4ff; }
.tag--good { border-color: #2f855a; background: #d7f0de; }
.tag--mixed { border-color: #c05621; background: #fdebc8; }
.tag--poor { border-color: #c53030; background: #fadcdc; }
.class-badge { display: inline-block; font-size: 9pt; font-weight: 600; padding: 0.2mm 1.8mm; border: 1px solid; border-radius: 2mm; white-space: nowrap; }
.class-badge--recommended { color: #1c4532; background: #d7f0de; border-color: #2f855a; }
.class-badge--acceptable { color: #652b19; background: #fdebc8; border-color: #c05621; }
.class-badge--poor { color: #63171b; background: #fadcdc; border-color: #c53030; }
.part, .stage, .endings { break-before: page; page-break-before: always; }
.part--flow { break-before: auto; page-break-before: auto; }
.stage > h2 { margin-top: 0; }
.node { margin-top: 6mm; }
.node--decision { break-before: page; page-break-before: always; }
.stage > .node:first-of-type { break-before: auto; page-break-before: auto; margin-top: 0; }
.node--ending { border-top: 1px solid #cbd5e0; padding-top: 2mm; }
.reached-from ul, .branches { margin: 0 0 2mm; padding-left: 5mm; font-size: 9.5pt; }
.prose { margin-bottom: 2mm; }
.prose blockquote, .choice-label { margin: 0 0 2.5mm; padding: 1.5mm 4mm; border-left: 3px solid #a0aec0; background: #f7fafc; }
.illustration { break-inside: avoid; page-break-inside: avoid; }
.illustration img { display: block; width: 70mm; max-width: 100%; height: auto; border: 1px solid #e2e8f0; }
.illustration figcaption { font-size: 8.5pt; color: #4a5568; }
.prompt-heading { font-size: 12.5pt; }
.summary, .read-more, .leads-to, .ending-paths { font-size: 9.5pt; }
.glance caption { font-weight: 600; }
.glance th[scope="row"] { font-weight: normal; }
/* A choice may run over a page (two rarely fit on one), but never between its heading and its label. */
.choice { margin: 4mm 0; padding: 1mm 0 1mm 4mm; border-left: 4px solid #a0aec0; }
.choice h4, .choice .anchor-label, .facts dt { break-after: avoid; page-break-after: avoid; }
.choice-label, .facts dd { break-inside: avoid; page-break-inside: avoid; }
.choice--recommended { border-left-color: #2f855a; }
.choice--acceptable { border-left-color: #c05621; }
.choice--poor { border-left-color: #c53030; }
.choice h4 { margin-top: 0; }
.choice-short { font-weight: normal; }
.facts { margin: 0; }
.facts dt { font-size: 8.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #4a5568; margin-top: 1.5mm; }
.facts dd { margin: 0; }
.facts dd > :last-child { margin-bottom: 0; }
.points { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0 5mm; }
.principles dt { font-weight: 700; margin-top: 2mm; }
.principles dd { margin: 0 0 0 5mm; }
.page { margin-top: 6mm; }
.page + .page { border-top: 1px solid #cbd5e0; padding-top: 2mm; }
.references { padding-left: 7mm; }
.reference { margin-bottom: 3mm; break-inside: avoid; page-break-inside: avoid; }
.reference p { margin-bottom: 0.5mm; }
.reference .url { font-size: 8.5pt; overflow-wrap: anywhere; }
.cited-by { font-size: 9.5pt; padding-left: 5mm; }
.missing { color: #c53030; font-weight: 600; }
.map img { display: block; width: 100%; height: auto; max-height: 235mm; object-fit: contain; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .contents a, .reached-from a, .branches a, .cited-by a, .read-more a { color: #2b6cb0; }
}
`;
