import { sdmxRoutes } from './sdmx/sdmx.routes';

/** SDMX 2.1 REST, JSON-stat 2.0 and the DCAT-AP catalogue: the observatory read by others' tools. */
export const interopRoutes = [...sdmxRoutes];
