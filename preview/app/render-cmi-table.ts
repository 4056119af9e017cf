import { el } from './dom.ts';
import { type FlatCmi, sortedCmiEntries } from './flat-cmi.ts';

export function renderCmiTable(body: HTMLTableSectionElement, cmi: FlatCmi): void {
  body.replaceChildren(
    ...sortedCmiEntries(cmi).map(([element, value]) =>
      el('tr', { 'data-element': element }, el('th', { scope: 'row' }, element), el('td', {}, value)),
    ),
  );
}
