export type CopyOutcome = 'copied' | 'selected';

/**
 * Copies the textarea's text. The async Clipboard API is refused inside an LMS frame that lacks
 * `allow="clipboard-write"`, and is missing on old browsers; then the text is selected so the learner can
 * press Ctrl+C, and the caller says so.
 */
export async function copyText(field: HTMLTextAreaElement): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    return 'copied';
  } catch {
    field.focus();
    field.select();
    return 'selected';
  }
}
