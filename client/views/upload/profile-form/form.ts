import { sendJson } from '../../../api/client';
import { errorBox, h, uniqueId } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import type { ImportProfileView as ImportProfile } from '../../../api/types';
import { showForShape } from './controls';
import { type PreviewPanel, previewPanel } from './preview-panel';
import type { FormContext, ProfileDraft, ProfileShape } from './section';
import { PROFILE_FORM_SECTIONS } from './sections';

export interface ProfileFormOptions {
  /** The upload page's country: the preview reads the sample as a file for it. */
  geo: () => string;
  countries: { code: string; name: string }[];
  indicators: { code: string; name: string }[];
  /** The secretariat may save a profile for every country. */
  mayShare: boolean;
  /** Profiles to start from: a saved one of the account's is updated, any other copied under a new name. */
  profiles: () => ImportProfile[];
  onSaved: (name: string) => void;
  /** A refusal in words (the upload view's: sign in first, not your country, too large). */
  problemText: (error: unknown) => string;
}

export interface ProfileForm {
  element: HTMLElement;
  preview: PreviewPanel;
  /** The profile as the form's controls now say it, and what stops it being saved. */
  draft(): { profile: ProfileDraft; problems: string[] };
}

/**
 * The import profile form: every option of the profile, in sections (sections.ts), and a preview of a
 * sample file read with the draft as it stands. Saves a new profile (POST) or updates one (PUT).
 */
export function profileForm(options: ProfileFormOptions): ProfileForm {
  const shapeListeners: ((shape: ProfileShape) => void)[] = [];
  const columnListeners: ((columns: string[]) => void)[] = [];
  let shape: ProfileShape = 'long';
  const columnList = h('datalist', { id: uniqueId('profile-columns') });
  const indicatorList = h(
    'datalist',
    { id: uniqueId('profile-indicators') },
    ...options.indicators.map((i) => h('option', { value: i.code, text: i.name })),
  );
  let preview: PreviewPanel | null = null;
  const context: FormContext = {
    changed: () => preview?.refresh(),
    shape: () => shape,
    setShape: (next) => {
      shape = next;
      for (const listener of shapeListeners) listener(next);
    },
    onShape: (listener) => shapeListeners.push(listener),
    onColumns: (listener) => columnListeners.push(listener),
    columnList: columnList.id,
    indicatorList: indicatorList.id,
    pageGeo: options.geo,
    countries: options.countries,
    mayShare: options.mayShare,
  };
  const sections = PROFILE_FORM_SECTIONS.map((make) => make(context));
  const draft = (): { profile: ProfileDraft; problems: string[] } => {
    const profile = { name: '', shape: 'long' } as ProfileDraft;
    const problems = sections.flatMap((s) => s.write(profile));
    return { profile, problems };
  };
  const details = h('details', { class: 'card' });
  preview = previewPanel({
    draft,
    problemText: options.problemText,
    active: () => details.open,
    geo: () => draft().profile.geo ?? options.geo(),
    onColumns: (columns) => {
      columnList.replaceChildren(...columns.map((c) => h('option', { value: c })));
      for (const listener of columnListeners) listener(columns);
    },
  });
  const body = h('div', { class: 'profile-sections' }, ...sections.map((s) => s.element));
  shapeListeners.push((next) => showForShape(body, next));
  showForShape(body, shape);
  body.addEventListener('change', () => context.changed());
  body.addEventListener('input', () => context.changed());

  let editing: string | null = null;
  const start = startFrom(options.profiles, (profile) => {
    editing = profile && !profile.builtIn ? profile.name : null;
    const copy = profile ? { ...profile, name: editing ?? '' } : ({ name: '', shape: 'long' } as ProfileDraft);
    for (const section of sections) section.load(copy);
    context.changed();
  });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'profile-form', novalidate: true },
    start,
    body,
    columnList,
    indicatorList,
    preview.element,
    h('button', { type: 'submit', class: 'primary', text: t('upload.save-profile') }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { profile, problems } = draft();
    if (problems.length) return status.replaceChildren(errorBox(problems.join(' ')));
    try {
      if (editing && editing === profile.name) await sendJson('PUT', `/api/import-profiles/${editing}`, profile);
      else await sendJson('POST', '/api/import-profiles', profile);
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text: t('upload.profile-saved', { name: profile.name, geo: profile.geo ?? t('profile-form.geo-shared') }),
        }),
      );
      options.onSaved(profile.name);
    } catch (error) {
      status.replaceChildren(errorBox(t('upload.profile-not-saved', { problem: options.problemText(error) })));
    }
  });
  details.append(h('summary', { text: t('upload.create-profile') }), form);
  details.addEventListener('toggle', () => details.open && context.changed());
  return { element: details, preview, draft };
}

/** "Start from": a blank profile, or one the account may read (its own is edited, any other copied). */
function startFrom(profiles: () => ImportProfile[], load: (profile: ImportProfile | null) => void): HTMLElement {
  const id = uniqueId('profile-start');
  const select = h('select', { id });
  const fill = () =>
    select.replaceChildren(
      h('option', { value: '', text: t('profile-form.start-blank') }),
      ...profiles().map((p) =>
        h('option', {
          value: p.name,
          text: t(p.builtIn ? 'profile-form.start-copy' : 'profile-form.start-edit', { name: p.name }),
        }),
      ),
    );
  fill();
  // Profiles saved since the form opened join the list; the choice stays.
  select.addEventListener('focus', () => {
    const chosen = select.value;
    fill();
    select.value = chosen;
  });
  select.addEventListener('change', (event) => {
    event.stopPropagation();
    load(profiles().find((p) => p.name === select.value) ?? null);
  });
  return h('div', { class: 'field' }, h('label', { for: id, text: t('profile-form.start-from') }), select);
}
