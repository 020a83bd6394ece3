/** The roles of a signed-in user: the server checks them on every route; the dashboard offers views by them. */
export const ROLES = ['contact_point', 'curator', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];
