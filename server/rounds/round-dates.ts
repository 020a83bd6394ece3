/** A round's dates are calendar days in UTC, each counted in full: "due 31 March" means until 23:59:59.999 that day. */
export function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Today's date in UTC, as rounds write dates. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True once `day` is over: a lock date locks the round from the next day on. */
export function isAfter(day: string, now: Date): boolean {
  return now.getTime() > endOfDay(day).getTime();
}

export function addDays(day: string, days: number): string {
  return new Date(startOfDay(day).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export type RoundStatus = 'scheduled' | 'open' | 'past-due' | 'locked';

export function roundStatus(round: { opens_on: string; due_on: string; locks_on: string }, now: Date): RoundStatus {
  if (now.getTime() < startOfDay(round.opens_on).getTime()) return 'scheduled';
  if (!isAfter(round.due_on, now)) return 'open';
  if (!isAfter(round.locks_on, now)) return 'past-due';
  return 'locked';
}
