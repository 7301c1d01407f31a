/**
 * Folds Vietnamese text for search: "Việt Trì", "Viet Tri" and "viet tri" all
 * become "viet tri". đ/Đ are letters of their own, not d with a mark, so they
 * are mapped explicitly.
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

/** Names are stored in NFC with single spaces, as typed by people, not by keyboards. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
