/**
 * Manages accounts from the server's shell: `npm run user -- create --email … --role secretariat`.
 * There is no default account and no default password; this is how the first secretariat is made.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { runUserCommand, USER_CLI_HELP, wantsHelp } from '../server/accounts/user.cli';
import { readConfig } from '../server/config/config';
import { openDatabase } from '../server/db/connect';
import { initialiseDatabase } from '../server/app/startup';

/** Reads a line from the terminal without echoing it. */
function askPassword(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) =>
    reader.question('', (answer) => {
      reader.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

const argv = process.argv.slice(2);
// The usage needs no database: print it before opening (and migrating) one.
if (wantsHelp(argv)) {
  console.log(USER_CLI_HELP);
  process.exit(0);
}

const { db, close } = await openDatabase(readConfig().DATABASE_URL);
try {
  await initialiseDatabase(db);
  await runUserCommand(db, argv, {
    env: process.env,
    askPassword: process.stdin.isTTY ? askPassword : undefined,
    print: (line) => console.log(line),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await close();
}
