// CMI data as an LMS report lists it: one string per dotted element name.

export type FlatCmi = Readonly<Record<string, string>>;

/** Nested `{cmi:{core:{…}}}` (scorm-again's JSON) or already-dotted keys → `{'cmi.core.x': '…'}`; empty collections vanish. */
export function flattenCmi(value: unknown, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  if (value === null || value === undefined) return flat;
  if (typeof value !== 'object') {
    flat[prefix] = String(value);
    return flat;
  }
  for (const [key, child] of Object.entries(value)) {
    Object.assign(flat, flattenCmi(child, prefix ? `${prefix}.${key}` : key));
  }
  return flat;
}

/** Element names in reading order: `interactions.2` before `interactions.10`. */
export function sortedCmiEntries(cmi: FlatCmi): [string, string][] {
  return Object.entries(cmi).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}
