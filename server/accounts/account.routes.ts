import { auditRefusalRoutes, auditRoutes } from '../audit/audit.routes';
import type { AnyRoute } from '../http/route';
import { sessionRoutes } from './session.routes';
import { tokenRoutes } from './token.routes';
import { userRoutes } from './user.routes';

/** Sign-in, password links, users, API tokens and the audit log. */
export const accountRoutes: AnyRoute[] = [...sessionRoutes, ...userRoutes, ...tokenRoutes, ...auditRoutes, ...auditRefusalRoutes];
