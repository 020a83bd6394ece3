import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';

const context = useSeededApp({ empty: true });

/** A body the JSON parser cannot read: the framework's own error, rendered in the reader's language. */
const unreadable = (headers: Record<string, string>, path = '/api/session') =>
  context.request().post(path).set('Content-Type', 'application/json').set(headers).send('{"email":');

describe('answers in the reader language', () => {
  it('renders framework errors in the Accept-Language language', async () => {
    const answer = await unreadable({ 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('Die Anfrage konnte nicht gelesen werden.');
  });

  it('lets ?lang= override Accept-Language', async () => {
    const answer = await unreadable({ 'Accept-Language': 'de' }, '/api/session?lang=fr');
    expect(answer.body.error.message).toBe("La requête n'a pas pu être lue.");
  });

  it('answers in English for a language the observatory lacks', async () => {
    const answer = await unreadable({ 'Accept-Language': 'es' });
    expect(answer.body.error.message).toBe('The request could not be read.');
  });

  it('tells caches that answers vary by language', async () => {
    const answer = await context.request().get('/api/indicators').set('Accept-Language', 'nl');
    expect(answer.status).toBe(200);
    expect(String(answer.headers.vary)).toMatch(/Accept-Language/i);
  });
});
