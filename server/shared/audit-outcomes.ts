/**
 * How an audited action ended. Kept apart from the zod schemas: the dashboard's audit form needs
 * the list at run time, without zod in its bundle.
 */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
