// The API call log: one row per call the module made, with what it returned and the error code.
import { el } from './dom.ts';
import type { ApiCall } from './lms-api.ts';

// Enough to follow a session; the full list stays in window.previewLms.calls.
const MAX_ROWS = 1000;

export function appendCallRow(body: HTMLTableSectionElement, call: ApiCall): void {
  const failed = call.errorCode !== '0';
  const row = el(
    'tr',
    { class: failed ? 'call failed' : 'call', 'data-method': call.method },
    el('td', {}, String(call.seq)),
    el('td', {}, call.by === 'lms' ? `${call.method} (by the LMS)` : call.method),
    el('td', { class: 'element' }, call.element ?? ''),
    el('td', { class: 'value' }, call.value ?? ''),
    el('td', {}, JSON.stringify(call.returned)),
    el('td', {}, failed ? `${call.errorCode} ${call.errorText}` : call.errorCode),
  );
  append(body, row);
}

export function appendLaunchRow(body: HTMLTableSectionElement, text: string): void {
  append(body, el('tr', { class: 'launch' }, el('th', { colspan: '6', scope: 'rowgroup' }, text)));
}

function append(body: HTMLTableSectionElement, row: HTMLTableRowElement): void {
  body.append(row);
  while (body.rows.length > MAX_ROWS) body.rows[0]?.remove();
  const scroller = body.closest('.scroll');
  if (scroller) scroller.scrollTop = scroller.scrollHeight;
}
