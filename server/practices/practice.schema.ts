/** The practice record schema moved to server/shared/api/ (the dashboard reads the record's type). */
export * from '../shared/api/practice-record';
