import { h } from '../../../components/dom';
import { t } from '../../../i18n/i18n';
import { choiceSelect, optionField, sectionSet, textInput } from './controls';
import type { ProfileShape, SectionFactory } from './section';

export const SHAPES: ProfileShape[] = ['long', 'wide', 'eurostat', 'worldbank', 'jsonstat'];

/** Name, description, the country the profile is for, and the file's shape. */
export const basicsSection: SectionFactory = (form) => {
  const { countries, mayShare } = form;
  const name = textInput({ required: true, pattern: '[a-z0-9][a-z0-9_\\-]{1,62}' });
  const description = textInput({ maxlength: 2000 });
  const geo = choiceSelect([
    ...countries.map((c): [string, string] => [c.code, `${c.name} (${c.code})`]),
    ...(mayShare ? [['', t('profile-form.geo-shared')] as [string, string]] : []),
  ]);
  // The profile is for the upload page's country, following it, until someone chooses here.
  let chosen = false;
  const followPage = () => {
    const page = form.pageGeo();
    if (!chosen && [...geo.options].some((o) => o.value === page)) geo.value = page;
  };
  geo.addEventListener('change', () => {
    chosen = true;
  });
  followPage();
  const shape = choiceSelect(SHAPES.map((s) => [s, t(`profile-form.shape.${s}`)]));
  shape.addEventListener('change', () => form.setShape(shape.value as ProfileShape));
  return {
    element: sectionSet(
      t('profile-form.section-basics'),
      h(
        'div',
        { class: 'controls' },
        optionField('name', t('upload.profile-name'), name, { hint: t('upload.profile-name-hint') }),
        optionField('description', t('upload.description'), description),
        optionField('geo', t('profile-form.geo'), geo),
        optionField('shape', t('upload.layout'), shape),
      ),
    ),
    write: (draft) => {
      followPage();
      draft.name = name.value.trim();
      draft.description = description.value.trim();
      draft.geo = geo.value === '' ? null : geo.value;
      draft.shape = shape.value as ProfileShape;
      return [];
    },
    load: (profile) => {
      name.value = profile.name;
      description.value = profile.description ?? '';
      // Another country's profile (a shipped one to copy) keeps this account's country.
      const wanted = profile.name ? (profile.geo ?? '') : form.pageGeo();
      if ([...geo.options].some((o) => o.value === wanted)) geo.value = wanted;
      chosen = profile.name !== '';
      shape.value = profile.shape;
      form.setShape(profile.shape);
    },
  };
};
