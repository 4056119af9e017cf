import type { Citation, Reference } from '../scenario/model.ts';
import { t } from './ui-text.ts';

/**
 * "General Medical Council: Good medical practice (2024), paragraph 86"; a range or list ("94–96") reads
 * "paragraphs". The publisher comes first so a learner can tell GMC guidance from defence-body advice.
 */
export function formatCitation(citation: Citation, references: readonly Reference[]): string {
  const reference = references.find((r) => r.id === citation.ref);
  const cited = reference
    ? t('citation', { publisher: reference.publisher, title: reference.title })
    : citation.ref;
  const paragraph = citation.para;
  if (paragraph === undefined) return cited;
  const many = /[–\-,&]|\band\b/.test(paragraph);
  return t(many ? 'citedParagraphs' : 'citedParagraph', { citation: cited, paragraph });
}
