import { roundsNote } from './rounds-note';
import { forgetAnswers } from '../../api/client';
import { selectField } from '../../components/controls';
import { errorBox, h, uniqueId } from '../../components/dom';
import { saveBlob } from '../../components/downloads';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { sessionLoaded } from '../../api/session';
import { authMessage, fetchTemplate, uploadSubmission } from './transfer';
import { commitPanel } from './commit-panel';
import { diffSection, reportSection } from './report';
import { firstRows, mappingPreview } from './preview';
import { profileForm } from './profile-form/form';
import { rollupSection } from './rollup-summary';
import { type ImportProfile, loadImportProfiles, sizeText, uploadCountries, uploadOutcomeText } from './state';
import { loadCatalogue, viewHeader } from '../view-parts';
import { formatNumber } from '../../../server/shared/i18n';
import { currentLocale, t } from '../../i18n/i18n';

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
    h('p', { text: t('upload.drop-here') }),
    h('label', { for: id, class: 'file-label', text: t('upload.choose-file') }),
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
  const progress = h('progress', { max: 100, value: 0, 'aria-label': t('upload.progress') });
  const progressText = h('span', { class: 'hint' });
  const uploadButton = h('button', {
    type: 'button',
    class: 'primary',
    disabled: true,
    text: t('upload.upload-and-validate'),
  });
  const importProfileOf = () => importProfiles.find((p) => p.name === importProfileName) ?? null;
  const importProfileSlot = h('div', {});
  const drawImportProfiles = () =>
    importProfileSlot.replaceChildren(
      selectField({
        label: t('upload.import-profile'),
        selected: importProfileName,
        onChange: (v) => {
          importProfileName = v;
          void showPreview();
        },
        choices: [
          { value: '', label: t('upload.detect-profile') },
          ...importProfiles.map((p) => ({
            value: p.name,
            label: t('upload.profile-option', {
              name: p.geo ? `${p.name} (${p.geo})` : p.name,
              description: p.description ? p.description.slice(0, 60) : '—',
            }),
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
      preview.replaceChildren(errorBox(t('upload.unreadable', { problem: authMessage(error) })));
    }
  };

  uploadButton.addEventListener('click', async () => {
    if (!file) return;
    uploadButton.disabled = true;
    results.replaceChildren();
    status.replaceChildren(h('p', { text: t('upload.uploading') }));
    try {
      const answer = await uploadSubmission({
        file,
        geo,
        importProfile: importProfileName || null,
        onProgress: (sent, total) => {
          const percent = total ? Math.round((sent / total) * 100) : 0;
          progress.value = percent;
          progressText.textContent = t('upload.progress-sent', {
            percent: formatNumber(percent / 100, currentLocale(), { style: 'percent' }),
            sent: sizeText(sent),
            total: sizeText(total),
          });
        },
      });
      status.replaceChildren(
        h('p', {
          role: 'status',
          text: uploadOutcomeText(answer),
        }),
      );
      results.replaceChildren(
        reportSection(answer),
        rollupSection(answer),
        roundsNote(answer),
        diffSection(answer),
        commitPanel(answer, status),
      );
    } catch (error) {
      status.replaceChildren(errorBox(t('upload.refused', { problem: authMessage(error) })));
    } finally {
      uploadButton.disabled = false;
    }
  });

  const templateButton = h('button', { type: 'button', text: t('upload.download-template') });
  templateButton.addEventListener('click', async () => {
    try {
      saveBlob(await fetchTemplate(geo), t('upload.template-file', { geo }));
    } catch (error) {
      status.replaceChildren(errorBox(t('upload.template-failed', { problem: authMessage(error) })));
    }
  });

  const importProfileEditor = profileForm({
    geo: () => geo,
    countries: countries.map((g) => ({ code: g.code, name: g.name })),
    indicators: catalogue.indicators.map((i) => ({ code: i.code, name: i.name })),
    mayShare: session.user?.role === 'secretariat',
    profiles: () => importProfiles,
    problemText: authMessage,
    onSaved: async (name) => {
      forgetAnswers();
      importProfiles = (await loadImportProfiles()).importProfiles;
      importProfileName = name;
      drawImportProfiles();
      void showPreview();
    },
  });

  container.replaceChildren(
    viewHeader(t('upload.title'), t('upload.intro')),
    problem ? h('p', { class: 'notice', role: 'note', text: problem }) : '',
    h(
      'div',
      { class: 'controls' },
      selectField({
        label: t('upload.country'),
        selected: geo,
        choices: countries.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` })),
        onChange: (v) => {
          geo = v;
        },
      }),
      importProfileSlot,
      h('div', { class: 'field' }, h('span', { class: 'label', text: t('upload.template') }), templateButton),
    ),
    importProfileEditor.element,
    dropZone((chosen) => {
      file = chosen;
      importProfileEditor.preview.useFile(chosen);
      void showPreview();
    }),
    preview,
    h('div', { class: 'inline' }, uploadButton, progress, progressText),
    status,
    results,
  );
  return { update: () => true };
}
