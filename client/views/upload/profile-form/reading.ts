import { t } from '../../../i18n/i18n';
import { h } from '../../../components/dom';
import { choiceSelect, optionField, sectionSet } from './controls';
import type { ProfileDraft, SectionFactory } from './section';

type NumberFormat = NonNullable<ProfileDraft['numberFormat']>;

/** How the bytes become text and numbers: encoding, delimiter, decimal and thousands separators, years. */
export const readingSection: SectionFactory = () => {
  const encoding = choiceSelect([
    ['auto', t('upload.detect')],
    ['utf-8', 'UTF-8'],
    ['windows-1252', t('profile-form.encoding-latin')],
    ['utf-16le', 'UTF-16 LE'],
    ['utf-16be', 'UTF-16 BE'],
  ]);
  const delimiter = choiceSelect([
    ['auto', t('upload.detect')],
    [';', t('upload.delimiter-semicolon')],
    [',', t('upload.delimiter-comma')],
    ['\t', t('upload.delimiter-tab')],
    ['|', t('upload.delimiter-pipe')],
  ]);
  const decimal = choiceSelect([
    ['auto', t('profile-form.decimal-auto')],
    ['.', t('profile-form.decimal-point')],
    [',', t('profile-form.decimal-comma')],
  ]);
  const thousands = choiceSelect([
    ['', t('profile-form.thousands-none')],
    [',', t('profile-form.thousands-comma')],
    ['.', t('profile-form.thousands-point')],
    [' ', t('profile-form.thousands-space')],
    ["'", t('profile-form.thousands-apostrophe')],
  ]);
  const yearFormat = choiceSelect([
    ['yyyy', t('profile-form.year-yyyy')],
    ['yy', t('profile-form.year-yy')],
  ]);
  // Thousands mean something only once the decimal separator is set: "detect" reads both from the file.
  const settle = () => {
    thousands.disabled = decimal.value === 'auto';
  };
  decimal.addEventListener('change', settle);
  settle();
  return {
    element: sectionSet(
      t('profile-form.section-reading'),
      h(
        'div',
        { class: 'controls' },
        optionField('encoding', t('upload.encoding'), encoding),
        optionField('delimiter', t('upload.delimiter'), delimiter),
        optionField('numberFormat.decimal', t('profile-form.decimal'), decimal),
        optionField('numberFormat.thousands', t('profile-form.thousands'), thousands, {
          hint: t('profile-form.thousands-hint'),
        }),
        optionField('yearFormat', t('profile-form.year-format'), yearFormat, { hint: t('profile-form.year-hint') }),
      ),
    ),
    write: (draft) => {
      draft.encoding = encoding.value as ProfileDraft['encoding'];
      draft.delimiter = delimiter.value as ProfileDraft['delimiter'];
      draft.numberFormat =
        decimal.value === 'auto'
          ? undefined
          : {
              decimal: decimal.value as NumberFormat['decimal'],
              thousands: thousands.value as NumberFormat['thousands'],
            };
      draft.yearFormat = yearFormat.value as ProfileDraft['yearFormat'];
      if (draft.numberFormat && draft.numberFormat.decimal === draft.numberFormat.thousands)
        return [t('profile-form.separators-same')];
      return [];
    },
    load: (profile) => {
      encoding.value = profile.encoding ?? 'auto';
      delimiter.value = profile.delimiter ?? 'auto';
      decimal.value = profile.numberFormat?.decimal ?? 'auto';
      thousands.value = profile.numberFormat?.thousands ?? '';
      yearFormat.value = profile.yearFormat ?? 'yyyy';
      settle();
    },
  };
};
