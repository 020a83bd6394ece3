import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where uploads are written while they are read: UPLOAD_DIR, else observatory-uploads in the system's
 * temporary folder. Each upload gets its own folder named after the process receiving it
 * ("upload-<pid>-XXXXXX"), so that a start can tell the leftovers of dead processes from the uploads
 * other live processes (cluster workers, other instances) are receiving.
 */
export function uploadFolder(configured: string | undefined): string {
  return configured || path.join(tmpdir(), 'observatory-uploads');
}

export async function newUploadDirectory(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return mkdtemp(path.join(folder, `upload-${process.pid}-`));
}

const OWNED = /^upload-(\d+)-/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface SweepResult {
  removed: number;
  bytes: number;
}

/**
 * Removes what killed processes left in the upload folder: every entry not owned by a running
 * process. Run at each start (server/main.ts), so no temporary file outlives a restart.
 */
export async function sweepUploadFolder(folder: string): Promise<SweepResult> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const result: SweepResult = { removed: 0, bytes: 0 };
  for (const name of entries) {
    const owner = OWNED.exec(name);
    if (owner && isAlive(Number(owner[1]))) continue;
    const entry = path.join(folder, name);
    result.bytes += await sizeOf(entry);
    await rm(entry, { recursive: true, force: true });
    result.removed++;
  }
  return result;
}

async function sizeOf(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(entry).catch(() => [] as string[])) total += await sizeOf(path.join(entry, name));
  return total;
}
