import type { AddressInfo } from 'node:net';
import { openSqlite } from '../../server/db/connect';
import { createApp } from '../../server/http/app';

/** The API under load: one process, as `npm start` runs it, on a random port on 127.0.0.1. */
const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/bench/api-server.ts <database file>');
const { db } = openSqlite(file);
const server = createApp({ db, clientDir: '/nonexistent' }).listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
