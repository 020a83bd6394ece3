import type { SubmissionPreview } from '../../api/types';
import { roundsNote } from './rounds-note';
import { forgetAnswers } from '../../api/client';
import { selectField } from '../../components/controls';
import { errorBox, h, uniqueId } from '../../components/dom';
import { saveBlob } from '../../components/downloads';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { sessionLoaded } from '../../api/session';
import { authMessage, commitUpload, fetchTemplate, uploadSubmission } from './transfer';
import { diffSection, reportSection } from './report';
import { firstRows, mappingPreview } from './preview';
import { importProfileForm } from './import-profile-form';
import { type ImportProfile, loadImportProfiles, sizeText, uploadCountries } from './state';
import { loadCatalogue, viewHeader } from '../view-parts';

function dropZone(onFile: (file: File) => void): HTMLElement {
  const id = uniqueId('file');
  const input = h('input', {
    id,
    type: 'file',
    accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values',
    class: 'file-input',
  });
  input.addEventListener('change', () => input.files?.[0] && onFile(input.files[0]));
  const zone = h(
    'div',
    { class: 'drop-zone' },
    h('p', { text: 'Drag and drop a CSV or TSV file here, or' }),
    h('label', { for: id, class: 'file-label', text: 'Choose a file' }),
    input,
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return zone;
}

export async function mount(container: HTMLElement, state: ViewState, _context: ViewContext): Promise<MountedView> {
  // The session first: import profiles are listed for the signed-in account, and writes carry its CSRF token.
  const session = await sessionLoaded();
  const [catalogue, loaded] = await Promise.all([loadCatalogue(), loadImportProfiles()]);
  let importProfiles: ImportProfile[] = loaded.importProfiles;
  const problem = loaded.problem;
  const { countries, geo: firstGeo } = uploadCountries(catalogue, session, state);
  let geo = firstGeo;
  let importProfileName = '';
  let file: File | null = null;
  const status = h('div', { 'aria-live': 'polite' });
  const preview = h('div', {});
  const results = h('div', {});
  const progress = h('progress', { max: 100, value: 0, 'aria-label': 'Upload progress' });
  const progressText = h('span', { class: 'hint' });
  const uploadButton = h('button', { type: 'button', class: 'primary', disabled: true, text: 'Upload and validate' });
  const importProfileOf = () => importProfiles.find((p) => p.name === importProfileName) ?? null;
  const importProfileSlot = h('div', {});
  const drawImportProfiles = () =>
    importProfileSlot.replaceChildren(
      selectField({
        label: 'Import profile',
        selected: importProfileName,
        onChange: (v) => {
          importProfileName = v;
          void showPreview();
        },
        choices: [
          { value: '', label: 'Detect: canonical template, wide, Eurostat TSV or World Bank CSV' },
          ...importProfiles.map((p) => ({
            value: p.name,
            label: `${p.name}${p.geo ? ` (${p.geo})` : ''}${p.description ? ` — ${p.description.slice(0, 60)}` : ''}`,
          })),
        ],
      }),
    );
  drawImportProfiles();

  const showPreview = async () => {
    if (!file) return;
    try {
      preview.replaceChildren(
        h('p', { text: `${file.name}, ${sizeText(file.size)}` }),
        mappingPreview(await firstRows(file), importProfileOf()),
      );
      uploadButton.disabled = false;
    } catch (error) {
      preview.replaceChildren(errorBox(`The file could not be read: ${authMessage(error)}`));
    }
  };

  const commitButton = (answer: SubmissionPreview) => {
    const button = h('button', { type: 'button', class: 'primary', text: 'Commit: publish these figures' });
    const canCommit = answer.status === 'validated' && answer.report.valid;
    button.disabled = !canCommit;
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const result = await commitUpload(answer.submissionId);
        forgetAnswers();
        status.replaceChildren(
          h('p', {
            class: 'notice',
            role: 'status',
            text:
              'requestedAt' in result
                ? `Committed submission ${answer.submissionId}: it now awaits the secretariat's approval; nothing is published until they approve it.`
                : `Committed submission ${answer.submissionId}: ${result.revisionsAdded} new revision${result.revisionsAdded === 1 ? '' : 's'} published at ${result.committedAt}.`,
          }),
        );
      } catch (error) {
        status.replaceChildren(errorBox(`The commit failed: ${authMessage(error)}`));
        button.disabled = false;
      }
    });
    return h(
      'div',
      {},
      button,
      canCommit
        ? ''
        : h('p', {
            class: 'hint',
            text:
              answer.status === 'validated'
                ? 'Fix the errors and upload again.'
                : `This submission is ${answer.status}.`,
          }),
    );
  };

  uploadButton.addEventListener('click', async () => {
    if (!file) return;
    uploadButton.disabled = true;
    results.replaceChildren();
    status.replaceChildren(h('p', { text: 'Uploading…' }));
    try {
      const answer = await uploadSubmission({
        file,
        geo,
        importProfile: importProfileName || null,
        onProgress: (sent, total) => {
          const percent = total ? Math.round((sent / total) * 100) : 0;
          progress.value = percent;
          progressText.textContent = `${percent}% (${sizeText(sent)} of ${sizeText(total)} sent)`;
        },
      });
      status.replaceChildren(
        h('p', {
          role: 'status',
          text: `Submission ${answer.submissionId}: ${answer.status}${answer.duplicateOf ? ` (the same file was already uploaded as submission ${answer.duplicateOf})` : ''}.`,
        }),
      );
      results.replaceChildren(reportSection(answer), roundsNote(answer), diffSection(answer), commitButton(answer));
    } catch (error) {
      status.replaceChildren(errorBox(`The upload was refused: ${authMessage(error)}`));
    } finally {
      uploadButton.disabled = false;
    }
  });

  const templateButton = h('button', { type: 'button', text: 'Download the pre-filled template' });
  templateButton.addEventListener('click', async () => {
    try {
      saveBlob(await fetchTemplate(geo), `observatory-template-${geo}.csv`);
    } catch (error) {
      status.replaceChildren(errorBox(`The template could not be downloaded: ${authMessage(error)}`));
    }
  });

  container.replaceChildren(
    viewHeader(
      'Upload',
      "For national contact points: upload your country's figures, check the validation report and the changes, then commit them as new revisions. Nothing is published until you commit.",
    ),
    problem ? h('p', { class: 'notice', role: 'note', text: problem }) : '',
    h(
      'div',
      { class: 'controls' },
      selectField({
        label: 'Country',
        selected: geo,
        choices: countries.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` })),
        onChange: (v) => {
          geo = v;
        },
      }),
      importProfileSlot,
      h('div', { class: 'field' }, h('span', { class: 'label', text: 'Template' }), templateButton),
    ),
    importProfileForm({
      geo: () => geo,
      onSaved: async (name) => {
        forgetAnswers();
        importProfiles = (await loadImportProfiles()).importProfiles;
        importProfileName = name;
        drawImportProfiles();
        void showPreview();
      },
    }),
    dropZone((chosen) => {
      file = chosen;
      void showPreview();
    }),
    preview,
    h('div', { class: 'inline' }, uploadButton, progress, progressText),
    status,
    results,
  );
  return { update: () => true };
}
