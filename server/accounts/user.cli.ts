import { parseArgs } from 'node:util';
import type { Db } from '../db/database';
import { HttpError } from '../http/errors';
import { ROLES, SYSTEM_ACTOR } from '../http/actor';
import { issueResetLink, RESET_LINK_HOURS } from './password-reset';
import { readConfig } from '../config/config';
import { findUserByEmail, listUsers, userView } from './user.repository';
import { createUser, NewUserInput, updateUser } from './user.service';

export const USER_CLI_HELP = `Usage: npm run user -- <command> [options]
  create --email E --role R [--geo NL,BE] [--name "Full Name"]
        Create an account. Roles: ${ROLES.join(', ')}. The password is read from
        OBSERVATORY_PASSWORD, or asked for on the terminal. With --link instead, no
        password is set and a one-time link to set it is printed.
  reset-link --email E [--hours ${RESET_LINK_HOURS}]
        Print a one-time password link that expires (earlier links stop working).
  list  List accounts.
  disable --email E / enable --email E
        Disable an account (sessions end, tokens stop working) or enable it again.`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** Asks for a password without echoing it; undefined when there is no terminal. */
  askPassword?: (prompt: string) => Promise<string>;
  print: (line: string) => void;
}

const EVENT = { actor: SYSTEM_ACTOR, ip: 'cli' };

function printLink(io: CliIo, link: { url: string; expiresAt: string }): void {
  io.print(`Password link (one use, expires ${link.expiresAt}):`);
  io.print(link.url);
}

async function passwordFor(io: CliIo): Promise<string> {
  if (io.env.OBSERVATORY_PASSWORD) return io.env.OBSERVATORY_PASSWORD;
  if (!io.askPassword) throw new Error('No password: set OBSERVATORY_PASSWORD, run on a terminal, or use --link.');
  const first = await io.askPassword('Password (at least 12 characters): ');
  const second = await io.askPassword('Repeat the password: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

async function userByEmail(db: Db, email: string | undefined) {
  if (!email) throw new Error('Name the account with --email.');
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`There is no account with email ${email}.`);
  return user;
}

/** Runs one CLI command; throws an Error with a readable message on bad input. */
/** True when the arguments ask for the usage: `--help`, `-h`, `help`, or nothing at all. */
export function wantsHelp(argv: readonly string[]): boolean {
  return (
    argv.every((arg) => arg.trim() === '') || argv.some((arg) => arg === '--help' || arg === '-h') || argv[0] === 'help'
  );
}

const OPTIONS = {
  email: { type: 'string' },
  role: { type: 'string' },
  geo: { type: 'string' },
  name: { type: 'string' },
  hours: { type: 'string' },
  link: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The arguments, or an Error naming the unknown option with the usage (never node's raw parse error). */
function parseCommand(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new Error(`${reason}.\n${USER_CLI_HELP}`);
  }
}

export async function runUserCommand(db: Db, argv: string[], io: CliIo): Promise<void> {
  if (wantsHelp(argv)) {
    io.print(USER_CLI_HELP);
    return;
  }
  const { positionals, values } = parseCommand(argv);
  const command = positionals[0];
  try {
    if (command === 'create') {
      const input = NewUserInput.safeParse({
        email: values.email,
        role: values.role,
        geos: values.geo ? values.geo.split(',') : [],
        displayName: values.name,
      });
      if (!input.success)
        throw new Error(
          input.error.issues
            .map((i) => `--${i.path[0] === 'geos' ? 'geo' : String(i.path[0])}: ${i.message}`)
            .join('; '),
        );
      const row = await createUser(db, input.data, EVENT, values.link ? undefined : await passwordFor(io));
      io.print(`Created ${row.role} ${row.email}${row.geos ? ` for ${row.geos}` : ''} (user ${row.id}).`);
      if (values.link) {
        const link = await issueResetLink(db, row, EVENT, readConfig(io.env).PUBLIC_URL);
        printLink(io, link);
      }
    } else if (command === 'reset-link') {
      const hours = values.hours ? Number(values.hours) : RESET_LINK_HOURS;
      if (!Number.isInteger(hours) || hours < 1 || hours > 168)
        throw new Error('--hours is a whole number from 1 to 168.');
      const link = await issueResetLink(
        db,
        await userByEmail(db, values.email),
        EVENT,
        readConfig(io.env).PUBLIC_URL,
        hours,
      );
      printLink(io, link);
    } else if (command === 'list') {
      for (const user of (await listUsers(db)).map((r) => userView(r))) {
        const state = user.active ? (user.hasPassword ? 'active' : 'no password yet') : 'disabled';
        io.print([user.id, user.email, user.role, user.geos.join(',') || '-', state].join('\t'));
      }
    } else if (command === 'disable' || command === 'enable') {
      const user = await userByEmail(db, values.email);
      await updateUser(db, user.id, { active: command === 'enable' }, EVENT);
      io.print(`${command === 'enable' ? 'Enabled' : 'Disabled'} ${user.email}.`);
    } else {
      throw new Error(command ? `Unknown command "${command}".\n${USER_CLI_HELP}` : USER_CLI_HELP);
    }
  } catch (error) {
    if (error instanceof HttpError) throw new Error(error.message);
    throw error;
  }
}
