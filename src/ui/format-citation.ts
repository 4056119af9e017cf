import type { Citation, Reference } from '../scenario/model.ts';

/**
 * "General Medical Council: Good medical practice (2024), paragraph 86"; a range or list ("94–96") reads
 * "paragraphs". The publisher comes first so a learner can tell GMC guidance from defence-body advice.
 */
export function formatCitation(citation: Citation, references: readonly Reference[]): string {
  const reference = references.find((r) => r.id === citation.ref);
  const title = reference ? `${reference.publisher}: ${reference.title}` : citation.ref;
  if (citation.para === undefined) return title;
  const many = /[–\-,&]|\band\b/.test(citation.para);
  return `${title}, ${many ? 'paragraphs' : 'paragraph'} ${citation.para}`;
}
