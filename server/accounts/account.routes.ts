import { auditRoutes } from '../audit/audit.routes';
import { sessionRoutes } from './session.routes';
import { tokenRoutes } from './token.routes';
import { userRoutes } from './user.routes';

/** Sign-in, password links, users, API tokens and the audit log. */
export const accountRoutes = [...sessionRoutes, ...userRoutes, ...tokenRoutes, ...auditRoutes];
