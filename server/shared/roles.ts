/** The roles a signed-in user can hold; read by the server's access rules and the client's menus. */
export const ROLES = ['contact_point', 'curator', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];
