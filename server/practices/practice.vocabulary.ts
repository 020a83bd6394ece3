/** The vocabularies moved to server/shared/ (the dashboard shows them too); server code keeps importing them here. */
export * from '../shared/practice-vocabulary';
