/**
 * Folds Vietnamese text for search and comparison: "Việt Trì", "Viet Tri" and "VIỆT TRÌ" all
 * become "viet tri". đ/Đ are letters of their own, not d with a mark, so they are mapped explicitly.
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

/** One line as stored (names, summaries, places): NFC, every run of whitespace one space, trimmed. */
export function normaliseLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Free text as stored (notes, narratives, descriptions): NFC, runs of spaces and tabs one space,
 * trimmed, and its line breaks kept: a paragraph is what the writer meant.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[ \t]+/g, ' ').trim();
}
