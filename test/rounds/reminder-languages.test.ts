import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../server/rounds/mailer';
import { runReminders } from '../../server/rounds/reminders';
import { testApp } from '../helpers/context';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addUser, PASSWORD } from '../accounts/fixture';
import { addPeople, appFor, type People, roundAt } from './fixture';

/** A real SMTP server that keeps each message's recipients and its decoded text. */
async function startSmtp() {
  const received: { to: string[]; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decodeMail(Buffer.concat(chunks)) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}`, received };
}

/** Undoes quoted-printable (body) and RFC 2047 encoded words (subject), so the test reads what a person reads. */
function decodeMail(raw: Buffer): string {
  const qp = (text: string) =>
    Buffer.from(
      text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const words = raw
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, body: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(body, 'base64').toString('latin1')
        : Buffer.from(qp(body.replace(/_/g, ' ')), 'utf8').toString('latin1'),
    );
  return qp(words);
}

let database: TestDatabase;
let people: People;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'talen');
  smtp = await startSmtp();
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  await database.dispose();
});

describe('reminders and notices in the reader language', () => {
  it('writes a Dutch contact point a Dutch e-mail, and one without a language an English one', async () => {
    await request(appFor(database.db, people.nl))
      .put('/api/session/language')
      .send({ language: 'nl' })
      .expect(200)
      .expect((res) => expect(res.body.user.language).toBe('nl'));
    const opened = new Date(Date.UTC(2033, 0, 10, 8));
    await roundAt(database.db, opened, { geos: ['NL'] });
    const run = await runReminders(database.db, smtpMailer(smtp.url, 'https://observatory.example.eu'), opened);
    expect(run).toMatchObject({ noticesAdded: 1, emailsSent: 2, emailFailures: [] });
    const dutch = smtp.received.find((m) => m.to.includes('talen-nl@politie.nl'))!;
    expect(dutch.to).toEqual(['talen-nl@politie.nl']);
    expect(dutch.text).toContain('Subject: [Observatorium] NL: een verzamelronde is geopend');
    expect(dutch.text).toMatch(
      /Ronde "Core indicators 2023 #\d+" is geopend: van NL worden 2 cijfers gevraagd vóór 2033-02-09\./,
    );
    expect(dutch.text).toContain('Zie "Mijn land" in het observatorium.');
    const english = smtp.received.find((m) => m.to.includes('talen-nl2@cbs.nl'))!;
    expect(english.text).toContain('Subject: [Observatory] NL: a collection round is open');
    expect(english.text).toMatch(/is open: NL is asked for 2 figures by 2033-02-09/);
  });

  it('answers notices in the reader language, and an old notice stored as English text reads as written', async () => {
    const opened = new Date(Date.UTC(2034, 0, 10, 8));
    const id = await roundAt(database.db, opened, { geos: ['NL'] });
    await runReminders(database.db, null, opened);
    await database.db
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
    const french = (await request(appFor(database.db, people.nl)).get('/api/round-notices?lang=fr').expect(200)).body
      .data as { roundId: number; message: string; kind: string }[];
    const ours = french.filter((n) => n.roundId === id);
    expect(ours.map((n) => n.message)).toEqual([
      'Round "Legacy" is open: NL is asked for 3 figures by 2034-02-09.',
      expect.stringMatching(/^La campagne « Core indicators 2023 #\d+ » est ouverte : 2 chiffres sont demandés à NL/),
    ]);
    const german = (await request(appFor(database.db, people.nl)).get('/api/round-notices?lang=de').expect(200)).body
      .data as { roundId: number; message: string }[];
    expect(german.find((n) => n.roundId === id && !n.message.includes('Legacy'))?.message).toMatch(
      /^Die Erhebungsrunde „Core indicators 2023 #\d+“ ist geöffnet/,
    );
    const stored = await database.db
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
    await addUser(database.db, 'premiere@police.fr', 'contact_point', ['FR']);
    await addUser(database.db, 'gewaehlt@bka.de', 'contact_point', ['DE']);
    const app = testApp(database.db);
    const signIn = (email: string, acceptLanguage: string) =>
      request(app).post('/api/session').set('Accept-Language', acceptLanguage).send({ email, password: PASSWORD });
    const first = await signIn('premiere@police.fr', 'fr-BE,fr;q=0.9,en;q=0.5');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.user.language).toBe('fr');
    expect((await signIn('premiere@police.fr', 'de')).body.user.language).toBe('fr');
    await database.db.updateTable('users').set({ language: 'nl' }).where('email', '=', 'gewaehlt@bka.de').execute();
    expect((await signIn('gewaehlt@bka.de', 'de-DE')).body.user.language).toBe('nl');
  });

  it('refuses a language the observatory does not speak', async () => {
    const res = await request(appFor(database.db, people.de)).put('/api/session/language').send({ language: 'it' });
    expect(res.status).toBe(400);
  });
});
