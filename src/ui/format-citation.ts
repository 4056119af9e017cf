import type { Citation, Reference } from '../scenario/model.ts';

/** "Good medical practice (2024), paragraph 86"; a range or list ("94–96") reads "paragraphs". */
export function formatCitation(citation: Citation, references: readonly Reference[]): string {
  const title = references.find((r) => r.id === citation.ref)?.title ?? citation.ref;
  if (citation.para === undefined) return title;
  const many = /[–\-,&]|\band\b/.test(citation.para);
  return `${title}, ${many ? 'paragraphs' : 'paragraph'} ${citation.para}`;
}
