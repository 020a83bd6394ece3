import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { completePart } from '../../server/rounds/part.service';
import { smtpMailer } from '../../server/rounds/mailer';
import { DUE_SOON_DAYS, runReminders } from '../../server/rounds/reminders';
import { appFor, roundAt } from './fixture';
import { useReminderSetting } from './mail-fixture';

const setting = useReminderSetting('remind');

const at = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000);
const noticesOf = async (roundId: number) =>
  setting.database.db
    .selectFrom('round_notices')
    .select(['geo', 'kind', 'emailed_to', 'emailed_at'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute();

describe('reminders', () => {
  it('are sent through a real SMTP server once each, at the right time, and audited', async () => {
    const opened = new Date(Date.UTC(2030, 0, 10, 8));
    const id = await roundAt(setting.database.db, opened, { geos: ['NL', 'DE'] });
    const mailer = setting.mailer();
    const nlMail = () => setting.smtp.received.filter((m) => m.to.includes('remind-nl@politie.nl'));

    expect(await runReminders(setting.database.db, mailer, at(opened, -1))).toMatchObject({
      noticesAdded: 0,
      emailsSent: 0,
    });
    expect(await runReminders(setting.database.db, mailer, opened)).toMatchObject({
      noticesAdded: 2,
      emailsSent: 2,
      emailFailures: [],
    });
    expect(await runReminders(setting.database.db, mailer, at(opened, 1))).toMatchObject({
      noticesAdded: 0,
      emailsSent: 0,
    });
    const opening = setting.smtp.received.find((m) => m.to.includes('remind-nl@politie.nl'));
    expect(opening?.to.sort()).toEqual(['remind-nl2@cbs.nl', 'remind-nl@politie.nl']);
    expect(opening?.body).toContain('Subject: [Observatory] NL: a collection round is open');
    // The text is quoted-printable: long lines are folded with "=" at the end.
    expect(opening?.body.replace(/=\r?\n/g, '')).toMatch(
      /Round "Core indicators 2023 #\d+" is open: NL is asked for 2 figures by 2030-02-09/,
    );
    expect(opening?.body).toContain('From: Crime Prevention Observatory <no-reply@observatory.example.eu>');

    // NL completes; DE does not. Due soon starts DUE_SOON_DAYS before the due date (day 30).
    await completePart(setting.database.db, id, 'NL', { actor: setting.people.nl, ip: 'test', now: at(opened, 2) });
    expect((await runReminders(setting.database.db, mailer, at(opened, 30 - DUE_SOON_DAYS - 1))).noticesAdded).toBe(0);
    expect((await runReminders(setting.database.db, mailer, at(opened, 30 - DUE_SOON_DAYS))).noticesAdded).toBe(1);
    expect((await runReminders(setting.database.db, mailer, at(opened, 31))).noticesAdded).toBe(1);
    expect((await runReminders(setting.database.db, mailer, at(opened, 32))).noticesAdded).toBe(0);
    expect((await noticesOf(id)).map((n) => `${n.geo} ${n.kind}`)).toEqual([
      'NL opened',
      'DE opened',
      'DE due-soon',
      'DE overdue',
    ]);
    expect(nlMail()).toHaveLength(1);
    const toDe = setting.smtp.received.filter((m) => m.to.includes('remind-de@bka.de'));
    expect(toDe.map((m) => /Subject: \[Observatory\] (.*)/.exec(m.body)?.[1])).toEqual([
      'DE: a collection round is open',
      'DE: a collection round is due soon',
      'DE: a collection round is overdue',
    ]);
    const audit = await setting.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target', 'like', `round/${id}/%`)
      .where('action', 'like', 'round.reminder%')
      .execute();
    expect(audit.filter((a) => a.action === 'round.reminder')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'round.reminder-email')).toHaveLength(4);
    expect((await runReminders(setting.database.db, mailer, at(opened, 61))).noticesAdded).toBe(0);
  });

  it('sends no email without SMTP_URL, only in-app notices, and does not email them later when SMTP is configured', async () => {
    const opened = new Date(Date.UTC(2031, 0, 10, 8));
    const id = await roundAt(setting.database.db, opened, { geos: ['NL'] });
    const before = setting.smtp.received.length;
    expect(await runReminders(setting.database.db, null, opened)).toEqual({
      noticesAdded: 1,
      emailsSent: 0,
      emailFailures: [],
    });
    expect(await noticesOf(id)).toEqual([{ geo: 'NL', kind: 'opened', emailed_to: '', emailed_at: null }]);
    await runReminders(setting.database.db, setting.mailer(), at(opened, 1));
    expect(setting.smtp.received.length).toBe(before);
    const notices = (
      await request(appFor(setting.database.db, setting.people.nl)).get('/api/round-notices').expect(200)
    ).body.data;
    expect(notices.some((n: { roundId: number; kind: string }) => n.roundId === id && n.kind === 'opened')).toBe(true);
  });

  it('releases a notice whose email failed, so the next run sends it, and never twice', async () => {
    const opened = new Date(Date.UTC(2032, 0, 10, 8));
    await roundAt(setting.database.db, opened, { geos: ['DE'] });
    const broken = smtpMailer('smtp://127.0.0.1:1', 'https://observatory.example.eu');
    const failed = await runReminders(setting.database.db, broken, opened);
    expect(failed.emailsSent).toBe(0);
    expect(failed.emailFailures[0]).toMatch(/notice \d+: .*ECONNREFUSED/);
    const before = setting.smtp.received.length;
    expect((await runReminders(setting.database.db, setting.mailer(), opened)).emailsSent).toBe(1);
    expect((await runReminders(setting.database.db, setting.mailer(), opened)).emailsSent).toBe(0);
    expect(setting.smtp.received.length).toBe(before + 1);
  });

  it('runs from the API for the secretariat with the configured SMTP server', async () => {
    const res = await request(appFor(setting.database.db, setting.people.secretariat, { SMTP_URL: setting.smtp.url }))
      .post('/api/rounds/reminders')
      .expect(200);
    expect(res.body).toMatchObject({ emailFailures: [] });
    await request(appFor(setting.database.db, setting.people.nl)).post('/api/rounds/reminders').expect(403);
  });
});
