/**
 * Folds Vietnamese text for search and comparison: "Việt Trì", "Viet Tri" and
 * "VIỆT TRÌ" all become "viet tri". đ/Đ are letters of their own, not d with a
 * mark, so they are mapped explicitly.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Free text as stored: NFC, single spaces, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
