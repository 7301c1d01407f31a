/** Free text is stored in NFC with its spaces tidied, whatever the keyboard sent. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[ \t]+/g, ' ').trim();
}
