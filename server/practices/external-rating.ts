/** The registries' scales moved to server/shared/ (the practice record schema checks levels with them). */
export * from '../shared/external-rating';
