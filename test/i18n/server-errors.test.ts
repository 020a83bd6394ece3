import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

describe('route errors in the reader language', () => {
  it('answers an unknown API route in French', async () => {
    const answer = await ctx.request().get('/api/nowhere').set('Accept-Language', 'fr').expect(404);
    expect(answer.body.error.message).toBe("Aucune route d'API GET /api/nowhere.");
  });

  it('keeps the literal <token> of the invalid-token message in English and German', async () => {
    const english = await ctx.request().get('/api/tokens').set('Authorization', 'Bearer nope').expect(401);
    expect(english.body.error.message).toBe(
      'The API token is unknown, expired or revoked. Send "Authorization: Bearer <token>" with a live token.',
    );
    const german = await ctx.request().get('/api/tokens?lang=de').set('Authorization', 'Bearer nope').expect(401);
    expect(german.body.error.message).toBe(
      'Das API-Token ist unbekannt, abgelaufen oder widerrufen. Senden Sie „Authorization: Bearer <token>“ mit einem gültigen Token.',
    );
  });

  it('frames zod input errors, and gives zod’s own message, in the language', async () => {
    const path = '/api/trends?indicator=ICCS0101&geo=AT&measure=weekly';
    const english = await ctx.request().get(path).expect(400);
    expect(english.body.error.message).toMatch(/^query "measure": Invalid option/);
    const french = await ctx.request().get(`${path}&lang=fr`).expect(400);
    expect(french.body.error.message).toMatch(/^paramètre « measure » : Option invalide/);
    const dutch = await ctx.request().get(`${path}&lang=nl`).expect(400);
    expect(dutch.body.error.message).toMatch(/^query "measure": /);
    expect(dutch.body.error.message).not.toMatch(/Invalid option/);
  });

  it('refuses the public in German', async () => {
    const answer = await ctx.request().get('/api/submissions/template?geo=QQ&lang=de');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe(
      'Melden Sie sich an oder senden Sie ein API-Token, um diese Route zu nutzen.',
    );
  });
});

describe('rating reasons and level names in the reader language', () => {
  it('gives a practice’s rating in Dutch and its reasons in French', async () => {
    const slug = '/api/practices/kirkholt-burglary-prevention';
    const dutch = await ctx.request().get(slug).set('Accept-Language', 'nl').expect(200);
    expect(dutch.body.evidence.rating).toBe('theory_based');
    expect(dutch.body.evidence.ratingLabel).toBe('Theoretisch onderbouwd');
    expect(dutch.body.evidence.reasons[0]).toMatch(/^Voldoet aan de vier minimumcriteria van het EUCPN/);
    const french = await ctx.request().get(`${slug}?lang=fr`).expect(200);
    expect(french.body.evidence.ratingLabel).toBe('Fondée sur la théorie');
    expect(french.body.evidence.reasons[0]).toContain('évaluation de niveau SMS-2');
    const english = await ctx.request().get(slug).expect(200);
    expect(english.body.evidence.ratingLabel).toBe('Theory-based');
    expect(english.body.evidence.reasons[0]).toContain('SMS-2 evaluation');
  });
});

describe('the API docs page', () => {
  it('follows the language in <html lang> and its own prose, marking English route text', async () => {
    const page = await ctx.request().get('/api/docs').set('Accept-Language', 'de-AT').expect(200);
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('Zur Referenz springen');
    expect(page.text).toMatch(/<p lang="en">[^<]+<\/p>/);
    const english = await ctx.request().get('/api/docs').expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).not.toContain(' lang="en">Emerging');
  });
});
