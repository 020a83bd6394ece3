import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';
import { actorFor, addUser } from '../accounts/fixture';

/** Issue 16: the advice given with a new API token is in the reader's language. */
const ctx = useSeededApp();

describe('a new API token’s note', () => {
  it('says to store the token now, in Dutch and in French, with the header quoted as written', async () => {
    const secretariat = ctx.as(actorFor(await addUser(ctx.db, 'tokens@observatory.eu', 'secretariat')));
    const dutch = await request(secretariat).post('/api/tokens?lang=nl').send({ name: 'nachtelijke upload' });
    expect(dutch.status).toBe(200);
    expect(dutch.body.note).toBe(
      'Bewaar dit token nu: het wordt niet opnieuw getoond. Stuur het mee als "Authorization: Bearer <token>".',
    );
    const french = await request(secretariat)
      .post('/api/tokens')
      .set('Accept-Language', 'fr-FR')
      .send({ name: 'envoi nocturne' })
      .expect(200);
    expect(french.body.note).toBe(
      'Conservez ce jeton maintenant : il ne sera plus affiché. Envoyez-le sous la forme « Authorization: Bearer <token> ».',
    );
  });
});
