import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { runReminders } from '../../server/rounds/reminders';
import { testApp } from '../helpers/context';
import { addUser, PASSWORD } from '../accounts/fixture';
import { appFor, roundAt } from './fixture';
import { useReminderSetting } from './mail-fixture';

const setting = useReminderSetting('talen');

describe('reminders and notices in the reader language', () => {
  it('writes a Dutch contact point a Dutch e-mail, and one without a language an English one', async () => {
    await request(appFor(setting.database.db, setting.people.nl))
      .put('/api/session/language')
      .send({ language: 'nl' })
      .expect(200)
      .expect((res) => expect(res.body.user.language).toBe('nl'));
    const opened = new Date(Date.UTC(2033, 0, 10, 8));
    await roundAt(setting.database.db, opened, { geos: ['NL'] });
    const run = await runReminders(setting.database.db, setting.mailer(), opened);
    expect(run).toMatchObject({ noticesAdded: 1, emailsSent: 2, emailFailures: [] });
    const dutch = setting.smtp.received.find((m) => m.to.includes('talen-nl@politie.nl'))!;
    expect(dutch.to).toEqual(['talen-nl@politie.nl']);
    expect(dutch.text).toContain('Subject: [Observatorium] NL: een verzamelronde is geopend');
    expect(dutch.text).toMatch(
      /Ronde "Core indicators 2023 #\d+" is geopend: van NL worden 2 cijfers gevraagd vóór 2033-02-09\./,
    );
    expect(dutch.text).toContain('Zie "Mijn land" in het observatorium.');
    const english = setting.smtp.received.find((m) => m.to.includes('talen-nl2@cbs.nl'))!;
    expect(english.text).toContain('Subject: [Observatory] NL: a collection round is open');
    expect(english.text).toMatch(/is open: NL is asked for 2 figures by 2033-02-09/);
  });

  it('answers notices in the reader language, and an old notice stored as English text reads as written', async () => {
    const opened = new Date(Date.UTC(2034, 0, 10, 8));
    const id = await roundAt(setting.database.db, opened, { geos: ['NL'] });
    await runReminders(setting.database.db, null, opened);
    await setting.database.db
      .insertInto('round_notices')
      .values({
        round_id: id,
        geo: 'NL',
        kind: 'opened',
        occasion: `legacy:${id}`,
        message: 'Round "Legacy" is open: NL is asked for 3 figures by 2034-02-09.',
        created_at: opened.toISOString(),
        emailed_to: '',
        emailed_at: null,
      })
      .execute();
    const french = (
      await request(appFor(setting.database.db, setting.people.nl)).get('/api/round-notices?lang=fr').expect(200)
    ).body.data as { roundId: number; message: string; kind: string }[];
    const ours = french.filter((n) => n.roundId === id);
    expect(ours.map((n) => n.message)).toEqual([
      'Round "Legacy" is open: NL is asked for 3 figures by 2034-02-09.',
      expect.stringMatching(/^La campagne « Core indicators 2023 #\d+ » est ouverte : 2 chiffres sont demandés à NL/),
    ]);
    const german = (
      await request(appFor(setting.database.db, setting.people.nl)).get('/api/round-notices?lang=de').expect(200)
    ).body.data as { roundId: number; message: string }[];
    expect(german.find((n) => n.roundId === id && !n.message.includes('Legacy'))?.message).toMatch(
      /^Die Erhebungsrunde „Core indicators 2023 #\d+“ ist geöffnet/,
    );
    const stored = await setting.database.db
      .selectFrom('round_notices')
      .select(['message', 'message_key'])
      .where('round_id', '=', id)
      .orderBy('id')
      .execute();
    expect(stored[0]).toMatchObject({ message_key: 'rounds.notice-opened' });
    expect(stored[0]!.message).toMatch(/is open: NL is asked for 2 figures/);
    expect(stored[1]).toEqual({
      message: 'Round "Legacy" is open: NL is asked for 3 figures by 2034-02-09.',
      message_key: null,
    });
  });

  it('takes the language from the browser at first sign-in, and never replaces a chosen one', async () => {
    await addUser(setting.database.db, 'premiere@police.fr', 'contact_point', ['FR']);
    await addUser(setting.database.db, 'gewaehlt@bka.de', 'contact_point', ['DE']);
    const app = testApp(setting.database.db);
    const signIn = (email: string, acceptLanguage: string) =>
      request(app).post('/api/session').set('Accept-Language', acceptLanguage).send({ email, password: PASSWORD });
    const first = await signIn('premiere@police.fr', 'fr-BE,fr;q=0.9,en;q=0.5');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.user.language).toBe('fr');
    expect((await signIn('premiere@police.fr', 'de')).body.user.language).toBe('fr');
    await setting.database.db
      .updateTable('users')
      .set({ language: 'nl' })
      .where('email', '=', 'gewaehlt@bka.de')
      .execute();
    expect((await signIn('gewaehlt@bka.de', 'de-DE')).body.user.language).toBe('nl');
  });

  it('refuses a language the observatory does not speak', async () => {
    const res = await request(appFor(setting.database.db, setting.people.de))
      .put('/api/session/language')
      .send({ language: 'it' });
    expect(res.status).toBe(400);
  });
});
