import type { ApprovalItem as ApprovalRow, SubmissionListItem as SubmissionRow } from '../../api/types';
import { selectField } from '../../components/controls';
import { h } from '../../components/dom';
import { saveBlob } from '../../components/downloads';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, liveRegion, problemBox, sessionWithRole } from '../account-parts';
import { submissionStatusText, timeText } from '../account-text';
import { tokenPanel } from '../users/token-panel';
import { fetchTemplate } from '../upload/transfer';
import { t } from '../../i18n/i18n';
import { type Catalogue, geoName, loadCatalogue, viewHeader } from '../view-parts';
import { loadGeoSubmissions, myCountryGeos, withdrawSubmission } from './state';
import { submissionDetail } from './submission-detail';

function statusCell(row: SubmissionRow, decision: ApprovalRow | undefined): HTMLElement {
  const cell = h('td', {}, h('span', { class: `status status-${row.status}`, text: submissionStatusText(row.status) }));
  if (decision?.decision === 'rejected' && decision.message)
    cell.append(h('p', { class: 'message', text: t('my-country.secretariat-message', { message: decision.message }) }));
  if (row.errorCount) cell.append(h('p', { class: 'hint', text: t('common.error-count', { count: row.errorCount }) }));
  return cell;
}

function submissionTable(
  geo: string,
  rows: SubmissionRow[],
  approvals: Map<number, ApprovalRow>,
  reload: () => void,
  status: HTMLElement,
): HTMLElement {
  if (!rows.length) return h('p', { text: t('my-country.no-submissions', { geo }) });
  const body = rows.map((row) => {
    const actions = h('td', {}, submissionDetail(row, status, reload));
    if (row.status === 'validated') {
      actions.append(
        actionButton(
          t('my-country.withdraw'),
          status,
          async () => {
            await withdrawSubmission(row.submissionId);
            reload();
            return t('my-country.withdrawn', { id: row.submissionId });
          },
          { label: t('my-country.withdraw-n', { id: row.submissionId }) },
        ),
      );
    }
    return h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'num', text: String(row.submissionId) }),
      h('td', { text: row.fileName ?? '—' }),
      h('td', { text: timeText(row.submittedAt) }),
      h('td', { text: row.submittedBy ?? '—' }),
      statusCell(row, approvals.get(row.submissionId)),
      h('td', { class: 'num', text: String(row.cellsValid ?? 0) }),
      actions,
    );
  });
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('my-country.submissions-for', { geo }) },
    h(
      'table',
      { class: 'submissions' },
      h('caption', { text: t('my-country.submissions-caption', { geo }) }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['submission', 'file', 'uploaded', 'by', 'status', 'valid-cells', 'actions'].map((column) =>
            h('th', { scope: 'col', text: t(`my-country.column.${column}`) }),
          ),
        ),
      ),
      h('tbody', {}, ...body),
    ),
  );
}

function geoSection(geo: string, catalogue: Catalogue, context: ViewContext): HTMLElement {
  const status = liveRegion();
  const list = h('div', {}, h('p', { text: t('my-country.loading') }));
  const load = async () => {
    try {
      const { submissions, decisions } = await loadGeoSubmissions(geo);
      list.replaceChildren(submissionTable(geo, submissions, decisions, () => void load(), status));
    } catch (error) {
      list.replaceChildren(problemBox(t('my-country.list-failed', { geo }), error));
    }
  };
  const template = h('button', { type: 'button', text: t('my-country.download-template', { geo }) });
  template.addEventListener('click', async () => {
    try {
      saveBlob(await fetchTemplate(geo), t('upload.template-file', { geo }));
    } catch (error) {
      status.replaceChildren(problemBox(t('my-country.template-failed'), error));
    }
  });
  void load();
  void import('../rounds/owed-panel').then((rounds) => status.after(rounds.owedPanel(geo)));
  const headingId = `geo-${geo}-heading`;
  return h(
    'section',
    { class: 'geo-area', 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: `${geoName(catalogue, geo)} (${geo})` }),
    h(
      'div',
      { class: 'inline' },
      h('a', {
        class: 'button-link',
        href: context.hrefFor({ view: 'upload', id: null, geos: [geo] }),
        text: t('my-country.upload-for', { geo }),
      }),
      template,
    ),
    status,
    list,
  );
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(
    container,
    t('my-country.title'),
    ['contact_point', 'secretariat'],
    t('my-country.who'),
  );
  if (!session?.user) return { update: () => false };
  const catalogue = await loadCatalogue();
  const user = session.user;
  const header = viewHeader(
    t('my-country.title'),
    user.geos.length ? t('my-country.intro', { geos: user.geos.join(', ') }) : t('my-country.intro-any'),
  );
  const areas = h('div', {});
  const { geos, chosen } = myCountryGeos(session, catalogue, state);
  if (chosen === null) {
    areas.replaceChildren(...geos.map((geo) => geoSection(geo, catalogue, context)));
    if (!geos.length) areas.replaceChildren(h('p', { class: 'notice', text: t('my-country.no-countries') }));
  } else {
    const countries = catalogue.geos.filter((g) => g.kind === 'country');
    areas.replaceChildren(
      selectField({
        label: t('upload.country'),
        selected: chosen,
        choices: countries.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` })),
        onChange: (v) => context.navigate({ geos: [v] }, { replace: true }),
      }),
      geoSection(chosen, catalogue, context),
    );
  }
  container.replaceChildren(header, areas, tokenPanel({ everyone: false }));
  return { update: (next) => next.geos.join() === state.geos.join() };
}
