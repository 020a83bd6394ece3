import { appendAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import type { NoticeKind, RoundNoticeRow } from '../db/tables/round.table';
import { translate } from '../i18n/translate';
import { isLocale, type Locale, type LocalisedText, REFERENCE_LOCALE } from '../shared/i18n';
import { SYSTEM_ACTOR } from '../http/actor';
import { addDays, endOfDay, isAfter, roundStatus, startOfDay } from './round-dates';
import { listRounds, partsOf, type Round } from './round.repository';
import { addNotice, noticeText } from './notices';
import type { Mail, SendMail } from './mailer';

/** Days before the due date at which contact points are reminded. */
export const DUE_SOON_DAYS = 14;

interface Reminder {
  kind: NoticeKind;
  occasion: string;
  message: LocalisedText;
}

/** The reminders a geo's part calls for at `now`; each occasion includes the date it is about, so a moved due date reminds again. */
export function remindersFor(round: Round, geo: string, partOpen: boolean, now: Date): Reminder[] {
  const found: Reminder[] = [];
  const { row } = round;
  if (now.getTime() < startOfDay(row.opens_on).getTime() || isAfter(row.locks_on, now)) return found;
  found.push({
    kind: 'opened',
    occasion: `opened:${round.id}:${geo}`,
    message: {
      key: 'rounds.notice-opened',
      params: { round: round.name, geo, figures: round.indicators.length * round.periods.length, dueOn: row.due_on },
    },
  });
  if (!partOpen) return found;
  const dueSoon = startOfDay(addDays(row.due_on, -DUE_SOON_DAYS)).getTime();
  if (now.getTime() >= dueSoon && now.getTime() <= endOfDay(row.due_on).getTime()) {
    found.push({
      kind: 'due-soon',
      occasion: `due-soon:${round.id}:${geo}:${row.due_on}`,
      message: { key: 'rounds.notice-due-soon', params: { round: round.name, geo, dueOn: row.due_on } },
    });
  }
  if (isAfter(row.due_on, now)) {
    found.push({
      kind: 'overdue',
      occasion: `overdue:${round.id}:${geo}:${row.due_on}`,
      message: {
        key: 'rounds.notice-overdue',
        params: { round: round.name, geo, dueOn: row.due_on, locksOn: row.locks_on },
      },
    });
  }
  return found;
}

export interface ReminderRun {
  noticesAdded: number;
  emailsSent: number;
  emailFailures: string[];
}

/**
 * Adds the notices due at `now` (each once: its occasion is unique) and audits each, then emails
 * every notice not yet emailed, when a mailer is configured. A notice is claimed before it is sent,
 * so two runs at once cannot send it twice; one that fails is released for the next run.
 */
export async function runReminders(db: Db, sendMail: SendMail | null, now = new Date()): Promise<ReminderRun> {
  let noticesAdded = 0;
  for (const round of await listRounds(db)) {
    if (roundStatus(round.row, now) === 'scheduled' || roundStatus(round.row, now) === 'locked') continue;
    const parts = await partsOf(db, round);
    for (const geo of round.geos) {
      for (const reminder of remindersFor(round, geo, (parts.get(geo)?.state ?? 'open') === 'open', now)) {
        const added = await db.transaction().execute(async (tx) => {
          if (!(await addNotice(tx, { roundId: round.id, geo, ...reminder, now }))) return false;
          await appendAudit(tx, {
            actor: SYSTEM_ACTOR,
            ip: '',
            at: now,
            action: `round.reminder`,
            target: `round/${round.id}/${geo}`,
            detail: { kind: reminder.kind, occasion: reminder.occasion },
          });
          return true;
        });
        if (added) noticesAdded++;
      }
    }
  }
  return { noticesAdded, ...(await emailPending(db, sendMail, now)) };
}

interface Recipient {
  email: string;
  locale: Locale;
}

/** Each geo's active contact points, with the language each reads (English until they have one). */
async function contactPointsOf(db: Db): Promise<Map<string, Recipient[]>> {
  const users = await db
    .selectFrom('users')
    .select(['email', 'geos', 'language'])
    .where('role', '=', 'contact_point')
    .where('active', '=', 1)
    .execute();
  const byGeo = new Map<string, Recipient[]>();
  for (const user of users) {
    const locale: Locale = user.language && isLocale(user.language) ? user.language : REFERENCE_LOCALE;
    for (const geo of user.geos
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean))
      byGeo.set(geo, [...(byGeo.get(geo) ?? []), { email: user.email, locale }]);
  }
  return byGeo;
}

/** A notice's e-mail in one language: one mail per language, so each recipient reads their own. */
export function noticeMail(notice: RoundNoticeRow, to: string[], locale: Locale): Mail {
  const subject = translate(locale, { key: `rounds.mail-subject-${notice.kind}`, params: { geo: notice.geo } });
  const text = translate(locale, { key: 'rounds.mail-body', params: { notice: noticeText(notice, locale) } });
  return { to, subject, text };
}

function byLocale(recipients: Recipient[]): Map<Locale, string[]> {
  const groups = new Map<Locale, string[]>();
  for (const r of recipients) groups.set(r.locale, [...(groups.get(r.locale) ?? []), r.email]);
  return groups;
}

async function emailPending(db: Db, sendMail: SendMail | null, now: Date): Promise<Omit<ReminderRun, 'noticesAdded'>> {
  const pending = await db
    .selectFrom('round_notices')
    .selectAll()
    .where('emailed_to', 'is', null)
    .orderBy('id')
    .execute();
  if (!sendMail) {
    // No SMTP server: the notices stay in-app only, and are never emailed later by surprise.
    if (pending.length)
      await db.updateTable('round_notices').set({ emailed_to: '' }).where('emailed_to', 'is', null).execute();
    return { emailsSent: 0, emailFailures: [] };
  }
  const recipients = await contactPointsOf(db);
  let emailsSent = 0;
  const emailFailures: string[] = [];
  for (const notice of pending) {
    const to = (recipients.get(notice.geo) ?? []).map((r) => r.email);
    const claimed = await db
      .updateTable('round_notices')
      .set({ emailed_to: to.join(', '), emailed_at: to.length ? now.toISOString() : null })
      .where('id', '=', notice.id)
      .where('emailed_to', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1 || !to.length) continue;
    let sent = 0;
    for (const [locale, emails] of byLocale(recipients.get(notice.geo) ?? [])) {
      try {
        await sendMail(noticeMail(notice, emails, locale));
        sent++;
        emailsSent++;
        await appendAudit(db, {
          actor: SYSTEM_ACTOR,
          ip: '',
          at: now,
          action: 'round.reminder-email',
          target: `round/${notice.round_id}/${notice.geo}`,
          detail: { notice: notice.id, to: emails, language: locale },
        });
      } catch (error) {
        emailFailures.push(`notice ${notice.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Released for the next run only when nothing went out, so no recipient ever gets a notice twice.
    if (sent === 0)
      await db
        .updateTable('round_notices')
        .set({ emailed_to: null, emailed_at: null })
        .where('id', '=', notice.id)
        .execute();
  }
  return { emailsSent, emailFailures };
}

/** How often a serving process looks for reminders that have come due. */
export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Runs the reminders now and every hour in this process. Several processes may each run it: a
 * notice's occasion is unique and an email is claimed before it is sent, so nothing goes out twice.
 */
export function scheduleReminders(
  db: Db,
  sendMail: SendMail | null,
  log: (line: string) => void = console.error,
): NodeJS.Timeout {
  const run = () => {
    runReminders(db, sendMail).then(
      (result) => {
        for (const failure of result.emailFailures) log(`reminder email failed: ${failure}`);
      },
      (error: unknown) => log(`reminders failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  setTimeout(run, 5_000).unref();
  const timer = setInterval(run, REMINDER_INTERVAL_MS);
  timer.unref();
  return timer;
}
