/** The import profile schema moved to server/shared/api/ (the dashboard's profile form builds one). */
export * from '../shared/api/import-profiles';
