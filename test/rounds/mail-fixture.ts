import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { type SendMail, smtpMailer } from '../../server/rounds/mailer';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, type People } from './fixture';

export interface ReceivedMail {
  to: string[];
  /** The message as sent: headers and a quoted-printable body. */
  body: string;
  /** The same, decoded (quoted-printable body, RFC 2047 subject): what a person reads. */
  text: string;
}

export interface Smtp {
  server: SMTPServer;
  url: string;
  received: ReceivedMail[];
}

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startSmtp(): Promise<Smtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: raw.toString('utf8'),
          text: decodeMail(raw),
        });
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

export interface ReminderSetting {
  database: TestDatabase;
  /** Contact points `<prefix>-nl@politie.nl`, `<prefix>-nl2@cbs.nl`, … (fixture.ts's addPeople). */
  people: People;
  smtp: Smtp;
  /** A mailer through the test's SMTP server. */
  mailer(): SendMail;
}

/**
 * The setting of a test file about reminders: a seeded database with a round's people and a real SMTP
 * server, made before the file's tests and closed after them. Read its fields inside the tests.
 */
export function useReminderSetting(prefix: string): ReminderSetting {
  const setting = {
    mailer: () => smtpMailer(setting.smtp.url, 'https://observatory.example.eu')!,
  } as ReminderSetting;
  beforeAll(async () => {
    setting.database = await seededDatabase();
    setting.people = await addPeople(setting.database.db, prefix);
    setting.smtp = await startSmtp();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => setting.smtp.server.close(() => resolve()));
    await setting.database.dispose();
  });
  return setting;
}
