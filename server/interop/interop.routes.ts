import { dcatRoutes } from './dcat/dcat.routes';
import { sdmxRoutes } from './sdmx/sdmx.routes';

/**
 * SDMX 2.1 REST (with JSON-stat 2.0 by negotiation) and the DCAT-AP catalogue: the observatory read
 * by others' tools.
 */
export const interopRoutes = [...sdmxRoutes, ...dcatRoutes];
