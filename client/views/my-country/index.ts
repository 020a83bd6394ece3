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
import { type Catalogue, geoName, loadCatalogue, viewHeader } from '../view-parts';
import { loadGeoSubmissions, myCountryGeos, withdrawSubmission } from './state';

function statusCell(row: SubmissionRow, decision: ApprovalRow | undefined): HTMLElement {
  const cell = h('td', {}, h('span', { class: `status status-${row.status}`, text: submissionStatusText(row.status) }));
  if (decision?.decision === 'rejected' && decision.message)
    cell.append(h('p', { class: 'message', text: `Message from the secretariat: ${decision.message}` }));
  if (row.errorCount)
    cell.append(h('p', { class: 'hint', text: `${row.errorCount} error${row.errorCount === 1 ? '' : 's'}` }));
  return cell;
}

function submissionTable(
  geo: string,
  rows: SubmissionRow[],
  approvals: Map<number, ApprovalRow>,
  reload: () => void,
  status: HTMLElement,
): HTMLElement {
  if (!rows.length) return h('p', { text: `No submissions for ${geo} yet.` });
  const body = rows.map((row) => {
    const actions = h('td', {});
    if (row.status === 'validated') {
      actions.append(
        actionButton(
          'Withdraw',
          status,
          async () => {
            await withdrawSubmission(row.submissionId);
            reload();
            return `Submission ${row.submissionId} is withdrawn; nothing from it was published.`;
          },
          { label: `Withdraw submission ${row.submissionId}` },
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
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `Submissions for ${geo}` },
    h(
      'table',
      { class: 'submissions' },
      h('caption', { text: `Submissions for ${geo}, newest first` }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Submission', 'File', 'Uploaded', 'By', 'Status', 'Valid cells', 'Actions'].map((t) =>
            h('th', { scope: 'col', text: t }),
          ),
        ),
      ),
      h('tbody', {}, ...body),
    ),
  );
}

function geoSection(geo: string, catalogue: Catalogue, context: ViewContext): HTMLElement {
  const status = liveRegion();
  const list = h('div', {}, h('p', { text: 'Loading the submissions…' }));
  const load = async () => {
    try {
      const { submissions, decisions } = await loadGeoSubmissions(geo);
      list.replaceChildren(submissionTable(geo, submissions, decisions, () => void load(), status));
    } catch (error) {
      list.replaceChildren(problemBox(`The submissions for ${geo} could not be listed`, error));
    }
  };
  const template = h('button', { type: 'button', text: `Download the pre-filled template for ${geo}` });
  template.addEventListener('click', async () => {
    try {
      saveBlob(await fetchTemplate(geo), `observatory-template-${geo}.csv`);
    } catch (error) {
      status.replaceChildren(problemBox('The template could not be downloaded', error));
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
        text: `Upload figures for ${geo}`,
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
    'My country',
    ['contact_point', 'secretariat'],
    'national contact points (and the secretariat)',
  );
  if (!session?.user) return { update: () => false };
  const catalogue = await loadCatalogue();
  const user = session.user;
  const header = viewHeader(
    'My country',
    `Your submissions for ${user.geos.length ? user.geos.join(', ') : 'the country you choose'}: their status, the secretariat's messages, and uploads. Withdraw a validated submission you do not want to publish.`,
  );
  const areas = h('div', {});
  const { geos, chosen } = myCountryGeos(session, catalogue, state);
  if (chosen === null) {
    areas.replaceChildren(...geos.map((geo) => geoSection(geo, catalogue, context)));
    if (!geos.length)
      areas.replaceChildren(
        h('p', { class: 'notice', text: 'Your account has no countries yet. Ask the secretariat to add yours.' }),
      );
  } else {
    const countries = catalogue.geos.filter((g) => g.kind === 'country');
    areas.replaceChildren(
      selectField({
        label: 'Country',
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
