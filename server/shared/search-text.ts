/** Lower-case, without diacritics, so that "Kärnä" and "karna", "Einbrüche" and "einbruche" match on every engine. */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** Up to 12 words of letters and digits, normalised like the stored search texts. */
export function searchTokens(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(normaliseSearchText(q).match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 12);
}
