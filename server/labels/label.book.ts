import type { DbOrTx } from '../db/database';
import { translate } from '../i18n/translate';
import { FALLBACK_MARK, formatDate, LOCALES, type Locale } from '../shared/i18n';
import type { Label, Labels, LabelStatus } from '../shared/api/labels';
import { VOCABULARIES, VOCABULARY_NAMES } from '../shared/vocabulary-labels';
import { type LabelCatalogue, loadLabelCatalogue, type Translations } from './label.catalogue';

/** A label's text in one language as stored: never a fallback, which is made when answering. */
export interface StoredLabel {
  text: string;
  status: Exclude<LabelStatus, 'fallback'>;
  reviewer?: string;
  reviewedAt?: string;
}

export type StoredLabels = { en: StoredLabel } & Partial<Record<Locale, StoredLabel>>;

/** One labelled thing: an indicator's name or definition, a theme, or a vocabulary value. */
export interface LabelledThing {
  subject: string;
  code: string;
  labels: StoredLabels;
}

export const INDICATOR_NAME = 'indicator';
export const INDICATOR_DEFINITION = 'indicator_definition';
export const THEME = 'theme';
/** An indicator's methodology note, its source and its intended source (for indicators without data). */
export const INDICATOR_METHODOLOGY = 'indicator_methodology';
export const INDICATOR_SOURCE = 'indicator_source';
export const INDICATOR_INTENDED_SOURCE = 'indicator_intended_source';
/** Subjects that are an indicator's longer texts: labelled and reviewed, not searched. */
export const INDICATOR_TEXTS = [
  INDICATOR_DEFINITION,
  INDICATOR_METHODOLOGY,
  INDICATOR_SOURCE,
  INDICATOR_INTENDED_SOURCE,
];

/** Every subject a label can belong to, as the review route names it. */
export const LABEL_SUBJECTS = [
  INDICATOR_NAME,
  INDICATOR_DEFINITION,
  INDICATOR_METHODOLOGY,
  INDICATOR_SOURCE,
  INDICATOR_INTENDED_SOURCE,
  THEME,
  ...VOCABULARIES,
];

const keyOf = (subject: string, code: string) => `${subject}/${code}`;

function fromCatalogue(english: string, translations: Translations | undefined): StoredLabels {
  const labels: StoredLabels = { en: { text: english, status: 'reference' } };
  for (const locale of LOCALES) {
    // Every language but the reference; a new language's key in Translations is then required here.
    if (locale === 'en') continue;
    const t = translations?.[locale];
    if (typeof t === 'string') labels[locale] = { text: t, status: 'unreviewed' };
    else if (t) labels[locale] = { text: t.text, status: 'official' };
  }
  return labels;
}

function vocabularyThings(): LabelledThing[] {
  return VOCABULARIES.flatMap((subject) =>
    Object.entries(VOCABULARY_NAMES[subject]).map(([code, [en, nl, fr, de]]) => ({
      subject,
      code,
      labels: {
        en: { text: en, status: 'reference' as const },
        nl: { text: nl, status: 'unreviewed' as const },
        fr: { text: fr, status: 'unreviewed' as const },
        de: { text: de, status: 'unreviewed' as const },
      },
    })),
  );
}

/** Every label: the catalogues (English from the database's catalogue rows), then each latest review. */
export class LabelBook {
  private readonly things = new Map<string, LabelledThing>();

  constructor(things: LabelledThing[]) {
    for (const thing of things) this.things.set(keyOf(thing.subject, thing.code), thing);
  }

  get(subject: string, code: string): LabelledThing | undefined {
    return this.things.get(keyOf(subject, code));
  }

  all(): LabelledThing[] {
    return [...this.things.values()];
  }

  /** The text in one language, English (marked) when there is none. */
  text(subject: string, code: string, locale: Locale): string | undefined {
    const thing = this.get(subject, code);
    return thing && renderLabel(thing.labels, locale, locale).text;
  }
}

/** An indicator's methodology and source texts, translated by their English text (catalogue.texts). */
function indicatorTexts(
  code: string,
  texts: Record<string, string | null>,
  catalogue: LabelCatalogue,
): LabelledThing[] {
  return Object.entries(texts)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([subject, english]) => ({ subject, code, labels: fromCatalogue(english, catalogue.texts?.[english]) }));
}

export interface BookOptions {
  catalogue?: LabelCatalogue;
  /** False for the catalogues' own texts, before any review (revision 0 of every label). */
  withReviews?: boolean;
}

export async function loadLabelBook(db: DbOrTx, options: BookOptions = {}): Promise<LabelBook> {
  const catalogue = options.catalogue ?? loadLabelCatalogue();
  const [indicators, themes, reviews] = await Promise.all([
    db
      .selectFrom('indicators')
      .select(['code', 'name', 'definition', 'methodology', 'source', 'intended_source'])
      .execute(),
    db.selectFrom('themes').select(['code', 'name']).execute(),
    options.withReviews === false ? [] : db.selectFrom('label_revisions').selectAll().orderBy('revision').execute(),
  ]);
  const things: LabelledThing[] = [
    ...indicators.flatMap((i) => [
      { subject: INDICATOR_NAME, code: i.code, labels: fromCatalogue(i.name, catalogue.indicators[i.code]?.name) },
      {
        subject: INDICATOR_DEFINITION,
        code: i.code,
        labels: fromCatalogue(i.definition, catalogue.indicators[i.code]?.definition),
      },
      ...indicatorTexts(
        i.code,
        {
          [INDICATOR_METHODOLOGY]: i.methodology,
          [INDICATOR_SOURCE]: i.source,
          [INDICATOR_INTENDED_SOURCE]: i.intended_source,
        },
        catalogue,
      ),
    ]),
    ...themes.map((t) => ({ subject: THEME, code: t.code, labels: fromCatalogue(t.name, catalogue.themes[t.code]) })),
    ...vocabularyThings(),
  ];
  const book = new LabelBook(things);
  for (const review of reviews) {
    const thing = book.get(review.subject, review.code);
    if (!thing || !LOCALES.includes(review.locale as Locale)) continue;
    thing.labels[review.locale as Locale] = {
      text: review.text,
      status: 'reviewed',
      reviewer: review.reviewer,
      reviewedAt: review.recorded_at,
    };
  }
  return book;
}

function sourceText(stored: StoredLabel, locale: Locale, reader: Locale): string {
  switch (stored.status) {
    case 'reference':
      return translate(reader, { key: 'labels.source.reference' });
    case 'official':
      return translate(reader, { key: 'labels.source.official', params: { language: locale } });
    case 'unreviewed':
      return translate(reader, { key: 'labels.source.unreviewed' });
    case 'reviewed':
      return translate(reader, {
        key: 'labels.source.reviewed',
        params: {
          reviewer: stored.reviewer ?? '',
          date: stored.reviewedAt ? formatDate(stored.reviewedAt, reader) : '',
        },
      });
  }
}

/** One language's label, its source told in the reader's language; English, marked, when it is missing. */
export function renderLabel(labels: StoredLabels, locale: Locale, reader: Locale): Label {
  const stored = labels[locale];
  if (stored)
    return { text: stored.text, status: stored.status, source: sourceText(stored, locale, reader), fallback: false };
  return {
    text: `${FALLBACK_MARK}${labels.en.text}`,
    status: 'fallback',
    source: translate(reader, { key: 'labels.source.fallback' }),
    fallback: true,
  };
}

export function renderLabels(labels: StoredLabels, reader: Locale): Labels {
  return Object.fromEntries(LOCALES.map((l) => [l, renderLabel(labels, l, reader)])) as Labels;
}
