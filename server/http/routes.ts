import { accountRoutes } from '../accounts/account.routes';
import { approvalRoutes } from '../approvals/approval.routes';
import { analyticsRoutes } from '../analytics/analytics.routes';
import { empactRoutes } from '../empact/empact.routes';
import { geoRoutes } from '../geos/geo.routes';
import { indicatorRoutes } from '../indicators/indicator.routes';
import { observationRoutes } from '../observations/observation.routes';
import { openApiRoutes } from '../openapi/openapi.routes';
import { practiceRoutes } from '../practices/practice.routes';
import { submissionRoutes } from '../submissions/submission.routes';
import { healthRoutes } from './health.routes';
import type { AnyRoute } from './route';

/** Every API route. The authorisation matrix test and the API description are generated from this list. */
export const apiRoutes: AnyRoute[] = [...healthRoutes, ...geoRoutes, ...indicatorRoutes, ...observationRoutes, ...practiceRoutes, ...submissionRoutes, ...analyticsRoutes, ...openApiRoutes, ...accountRoutes, ...approvalRoutes, ...empactRoutes];
