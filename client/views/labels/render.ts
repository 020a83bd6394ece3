import { errorBox, h } from '../../components/dom';
import { t } from '../../i18n/i18n';
import type { Locale } from '../../../server/shared/i18n/locales';
import { actionButton, labelled, problemBox } from '../account-parts';
import { type LabelRow, reviewLabel } from './state';

/** The form that corrects a label: the new text (and why) becomes a new revision; the earlier one stays. */
function correctionForm(row: LabelRow, locale: Locale, status: HTMLElement, done: () => void): HTMLElement {
  const text = h('input', { type: 'text', value: row.text, required: true, maxlength: 2000, lang: locale });
  const comment = h('input', { type: 'text', maxlength: 1000 });
  const form = h(
    'form',
    { novalidate: true },
    labelled(t('labels-review.corrected-text', { code: row.code }), text),
    labelled(t('labels-review.comment'), comment, t('labels-review.comment-hint')),
    h('button', { type: 'submit', text: t('labels-review.save-correction') }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      status.replaceChildren(errorBox(t('labels-review.text-needed')));
      text.focus();
      return;
    }
    try {
      await reviewLabel(row, locale, {
        text: text.value.trim(),
        ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
      });
      status.replaceChildren(
        h('p', { class: 'notice', role: 'status', text: t('labels-review.corrected', { code: row.code }) }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox(t('labels-review.failed'), error));
    }
  });
  return h('details', {}, h('summary', { text: t('labels-review.correct') }), form);
}

function labelRow(row: LabelRow, locale: Locale, status: HTMLElement, reload: () => void): HTMLElement {
  const actions = h('td', {});
  if (row.text)
    actions.append(
      actionButton(
        t('labels-review.approve'),
        status,
        async () => {
          await reviewLabel(row, locale, {});
          reload();
          return t('labels-review.approved', { code: row.code });
        },
        { primary: true, label: t('labels-review.approve-code', { code: row.code }) },
      ),
    );
  actions.append(correctionForm(row, locale, status, reload));
  return h(
    'tr',
    {},
    h('td', { text: t(`labels-review.subject.${row.subject}`) }),
    h('th', { scope: 'row' }, h('code', { text: row.code })),
    h('td', { lang: 'en', text: row.english }),
    row.text ? h('td', { lang: locale, text: row.text }) : h('td', { text: t('labels-review.missing') }),
    h('td', {}, t(`labels-review.status.${row.status}`), h('br'), h('span', { class: 'hint', text: row.source })),
    actions,
  );
}

/** The labels of one language as a table, each with approve and correct. */
export function labelTable(
  rows: readonly LabelRow[],
  locale: Locale,
  status: HTMLElement,
  reload: () => void,
): HTMLElement {
  if (!rows.length) return h('p', { text: t('labels-review.nothing-pending') });
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('labels-review.title') },
    h(
      'table',
      {},
      h('caption', {
        text: t('labels-review.caption', { count: rows.length, language: t(`labels-review.language.${locale}`) }),
      }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['subject', 'code', 'english', 'text', 'status', 'actions'].map((column) =>
            h('th', { scope: 'col', text: t(`labels-review.column.${column}`) }),
          ),
        ),
      ),
      h('tbody', {}, ...rows.map((row) => labelRow(row, locale, status, reload))),
    ),
  );
}
