import { getJson } from '../../api/client';
import type { PracticeSearchResponse } from '../../api/types';
import { h } from '../../components/dom';
import { t } from '../../i18n/i18n';
import type { ViewState } from '../../state/url-state';
import type { MountedView, ViewContext } from '../view-context';
import { viewHeader } from '../view-parts';
import { type RegistryMapping, registryMappings, type ScaleLevel, scaleLevels, smsLevels } from './scale';

function section(id: string, title: string, ...content: (HTMLElement | string)[]): HTMLElement {
  return h('section', { 'aria-labelledby': id, class: 'evidence-section' }, h('h3', { id, text: title }), ...content);
}

/** A published practice of this rating, as an example, found through the catalogue's own search. */
async function exampleOf(rating: string, context: ViewContext): Promise<HTMLElement | null> {
  const answer = await getJson<PracticeSearchResponse>('/api/practices', { rating, pageSize: 1 }).catch(() => null);
  const practice = answer?.data[0];
  if (!practice) return null;
  return h(
    'p',
    { class: 'hint' },
    `${t('evidence.example')} `,
    h('a', { href: context.hrefFor({ view: 'practice', id: practice.slug }), text: practice.title }),
  );
}

function levelList(levels: ScaleLevel[], context: ViewContext): HTMLElement {
  return h(
    'dl',
    { class: 'evidence-levels' },
    ...levels.flatMap((level) => {
      const description = h('dd', {}, h('p', { text: level.meaning }), h('p', { class: 'rule', text: level.rule }));
      void exampleOf(level.rating, context).then((example) => example && description.append(example));
      return [h('dt', {}, h('span', { class: `rating rating-${level.rating}`, text: level.name })), description];
    }),
  );
}

function smsTable(): HTMLElement {
  return h(
    'table',
    {},
    h('caption', { text: t('evidence.sms-caption') }),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col', text: 'SMS' }), h('th', { scope: 'col', text: t('evidence.sms-design') })),
    ),
    h(
      'tbody',
      {},
      ...smsLevels().map((s) =>
        h('tr', {}, h('th', { scope: 'row', text: String(s.level) }), h('td', { text: s.design })),
      ),
    ),
  );
}

function registryTable(mapping: RegistryMapping): HTMLElement {
  return h(
    'div',
    { class: 'registry' },
    h('h4', { lang: 'en', text: mapping.registry }),
    h('p', { text: mapping.why }),
    h(
      'table',
      {},
      h('caption', { text: t('evidence.registry-caption', { registry: mapping.registry }) }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('evidence.registry-level') }),
          h('th', { scope: 'col', text: t('evidence.our-rating') }),
        ),
      ),
      h(
        'tbody',
        {},
        ...mapping.levels.map((l) =>
          h('tr', {}, h('th', { scope: 'row', lang: 'en', text: l.label }), h('td', { text: l.rating })),
        ),
      ),
    ),
  );
}

/** /evidence: the evidence scale in plain language, SMS 1–5, other registries on our scale, and review dates. */
export async function mount(container: HTMLElement, _state: ViewState, context: ViewContext): Promise<MountedView> {
  container.replaceChildren(
    viewHeader(t('evidence.title'), t('evidence.intro')),
    section('evidence-levels-heading', t('evidence.levels-heading'), levelList(scaleLevels(), context)),
    section('evidence-sms-heading', t('evidence.sms-heading'), h('p', { text: t('evidence.sms-intro') }), smsTable()),
    section(
      'evidence-registries-heading',
      t('evidence.registries-heading'),
      h('p', { text: t('evidence.registries-intro') }),
      ...registryMappings().map(registryTable),
    ),
    section('evidence-review-heading', t('evidence.review-heading'), h('p', { text: t('evidence.review') })),
    h('p', {}, h('a', { href: context.hrefFor({ view: 'practices', id: null }), text: t('evidence.to-practices') })),
  );
  return { update: () => true };
}
