/**
 * The form of a place name that matching compares: case, accents, hyphens, apostrophes and spacing
 * do not count, so "Forlì - Cesena", "forli-cesena" and "FORLI CESENA" are one name, and "L'Aquila"
 * is "L’Aquila". Letters and digits are kept as they are otherwise: no guessing at spelling.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A GISCO name may give two languages ("Bolzano-Bozen" no, "Valle d’Aosta/Vallée d’Aoste" yes): each counts. */
export function nameVariants(name: string): string[] {
  const parts = name.split('/').map((p) => p.trim());
  return [...new Set([name, ...(parts.length > 1 ? parts : [])].map(nameKey).filter(Boolean))];
}
