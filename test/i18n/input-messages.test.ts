import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serverCatalogue } from '../../server/i18n/catalogues';
import { translateInputMessage } from '../../server/i18n/input-messages';
import { translate } from '../../server/i18n/translate';
import { useSeededApp } from '../helpers/context';
import { schemaMessages } from './schema-messages';

const ctx = useSeededApp();
const SERVER = new URL('../../server', import.meta.url).pathname;

describe('messages written in request schemas', () => {
  it('each has a key in the input area whose English is the schema text, so it reads in every language', () => {
    const found = schemaMessages(SERVER);
    expect(found.length).toBeGreaterThan(60);
    const untranslated = found.filter(({ text }) => {
      // The schema's `${what}` stands for a value: it is matched as one.
      const sample = text.replace(/\{(\w+)\}/g, 'sample');
      return translateInputMessage(sample, 'fr') === sample;
    });
    expect(untranslated.map((m) => `${m.file}: ${m.text}`)).toEqual([]);
  });

  it('renders a fixed message and one with values in the reader language, and leaves other text alone', () => {
    expect(translateInputMessage('a theme code such as violent_crime', 'de')).toBe('ein Themencode wie violent_crime');
    expect(translateInputMessage('the title is missing', 'nl')).toBe('the title ontbreekt');
    expect(translateInputMessage('each geo once', 'fr')).toBe('chaque geo une seule fois');
    expect(translateInputMessage('Zu klein: erwartet', 'de')).toBe('Zu klein: erwartet');
    expect(translateInputMessage('a theme code such as violent_crime', 'en')).toBe(
      'a theme code such as violent_crime',
    );
    // The English catalogue is the schema text itself, including ICU-quoted "<cycle>".
    const english = serverCatalogue('en');
    const tag = Object.keys(english).find((k) => k.startsWith('input.an-empact-tag-is-cycle-priority-e'))!;
    expect(translate('en', { key: tag, params: { EMPACT_TAG_EXAMPLE: '2026-2029/cyber' } })).toBe(
      'an EMPACT tag is "<cycle>/<priority>", e.g. 2026-2029/cyber',
    );
  });

  it('answers a route whose schema message fails in German, framed and worded in German', async () => {
    const res = await request(ctx.app)
      .get('/api/alerts/feed.atom')
      .query({ theme: 'not a code!', lang: 'de' })
      .expect(400);
    expect(res.body.error.message).toContain('ein Themencode wie violent_crime');
    expect(res.body.error.message).not.toContain('a theme code such as');
    expect(res.body.error.details[0].message).toBe('ein Themencode wie violent_crime');
    // zod's own kinds of problem come in the reader language too.
    const small = await request(ctx.app).get('/api/practices').query({ page: '0', lang: 'fr' }).expect(400);
    expect(small.body.error.message).toContain('les pages commencent à 1');
  });
});
