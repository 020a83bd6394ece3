import type { IndicatorRow } from '../db/tables/indicator.table';
import {
  INDICATOR_DEFINITION,
  INDICATOR_INTENDED_SOURCE,
  INDICATOR_METHODOLOGY,
  INDICATOR_NAME,
  INDICATOR_SOURCE,
  type LabelBook,
  renderLabels,
  THEME,
} from '../labels/label.book';
import type { Locale } from '../shared/i18n';
import type { Indicator, Theme } from '../shared/api/indicators';
import type { Labels } from '../shared/api/labels';

function labelsOf(book: LabelBook, subject: string, code: string, reader: Locale): Labels {
  const thing = book.get(subject, code);
  if (!thing) throw new Error(`No labels for ${subject}/${code}: the label book and the catalogue disagree`);
  return renderLabels(thing.labels, reader);
}

/** The labels of a text the catalogue may leave empty (a source, an intended source). */
function optionalLabelsOf(book: LabelBook, subject: string, code: string, text: string | null, reader: Locale) {
  return text === null ? null : labelsOf(book, subject, code, reader);
}

/**
 * A catalogue row in the reader's language (name, definition, methodology, source and intended
 * source), with every language's labels and their sources. A text without a translation is English,
 * marked (FALLBACK_MARK), never blank.
 */
export function localisedIndicator(row: IndicatorRow, book: LabelBook, reader: Locale): Indicator {
  const labels = {
    name: labelsOf(book, INDICATOR_NAME, row.code, reader),
    definition: labelsOf(book, INDICATOR_DEFINITION, row.code, reader),
    unit: labelsOf(book, 'unit', row.unit, reader),
    theme: labelsOf(book, THEME, row.theme, reader),
    methodology: labelsOf(book, INDICATOR_METHODOLOGY, row.code, reader),
    source: optionalLabelsOf(book, INDICATOR_SOURCE, row.code, row.source, reader),
    intended_source: optionalLabelsOf(book, INDICATOR_INTENDED_SOURCE, row.code, row.intended_source, reader),
  };
  return {
    ...row,
    name: labels.name[reader].text,
    definition: labels.definition[reader].text,
    methodology: labels.methodology[reader].text,
    source: labels.source?.[reader].text ?? null,
    intended_source: labels.intended_source?.[reader].text ?? null,
    labels,
  };
}

export function localisedTheme(theme: { code: string; name: string }, book: LabelBook, reader: Locale): Theme {
  const labels = labelsOf(book, THEME, theme.code, reader);
  return { code: theme.code, name: labels[reader].text, labels };
}
