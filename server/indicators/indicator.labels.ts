import type { IndicatorRow } from '../db/tables/indicator.table';
import { INDICATOR_DEFINITION, INDICATOR_NAME, type LabelBook, renderLabels, THEME } from '../labels/label.book';
import type { Locale } from '../shared/i18n';
import type { Indicator, Theme } from '../shared/api/indicators';
import type { Labels } from '../shared/api/labels';

function labelsOf(book: LabelBook, subject: string, code: string, reader: Locale): Labels {
  const thing = book.get(subject, code);
  if (!thing) throw new Error(`No labels for ${subject}/${code}: the label book and the catalogue disagree`);
  return renderLabels(thing.labels, reader);
}

/** A catalogue row in the reader's language, with every language's labels and their sources. */
export function localisedIndicator(row: IndicatorRow, book: LabelBook, reader: Locale): Indicator {
  const labels = {
    name: labelsOf(book, INDICATOR_NAME, row.code, reader),
    definition: labelsOf(book, INDICATOR_DEFINITION, row.code, reader),
    unit: labelsOf(book, 'unit', row.unit, reader),
    theme: labelsOf(book, THEME, row.theme, reader),
  };
  return { ...row, name: labels.name[reader].text, definition: labels.definition[reader].text, labels };
}

export function localisedTheme(theme: { code: string; name: string }, book: LabelBook, reader: Locale): Theme {
  const labels = labelsOf(book, THEME, theme.code, reader);
  return { code: theme.code, name: labels[reader].text, labels };
}
