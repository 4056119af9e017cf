/**
 * Plain text made safe for XML or HTML text and quoted attributes: the five special characters as numeric
 * references, which every parser reads the same way. The scenario graph, the review pack, the placeholders put
 * into prose HTML and the static first screen all escape with it.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
