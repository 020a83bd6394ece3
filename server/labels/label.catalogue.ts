import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';

/**
 * data/labels/indicators.json: the Dutch, French and German names and definitions of the indicators
 * and the names of the themes (English is the catalogue's own text in data/indicators.json). A plain
 * string is the observatory's translation; `{ text, source: "eurostat-iccs" }` is the label Eurostat
 * publishes for the ICCS code. `texts` translates the indicators' methodology and source texts, keyed
 * by the English text itself: a text changed or added in data/indicators.json has no translation
 * until one is written for it, and is shown in English, marked, meanwhile (never an outdated one).
 */
const Translation = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1), source: z.literal('eurostat-iccs') }),
]);
const Translations = z.strictObject({
  nl: Translation.optional(),
  fr: Translation.optional(),
  de: Translation.optional(),
});

export const LabelCatalogue = z.object({
  version: z.string(),
  sources: z.record(z.string(), z.string()),
  themes: z.record(z.string(), Translations),
  indicators: z.record(z.string(), z.strictObject({ name: Translations, definition: Translations })),
  texts: z.record(z.string(), Translations).optional(),
});

export type LabelCatalogue = z.infer<typeof LabelCatalogue>;
export type Translations = z.infer<typeof Translations>;

export const LABEL_CATALOGUE_FILE = path.join(DATA_DIR, 'labels/indicators.json');

let cached: LabelCatalogue | undefined;

export function loadLabelCatalogue(file = LABEL_CATALOGUE_FILE): LabelCatalogue {
  if (file !== LABEL_CATALOGUE_FILE) return LabelCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  cached ??= LabelCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  return cached;
}
