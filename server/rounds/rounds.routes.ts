import { partRoutes } from './part.routes';
import { representativeRoutes } from './representative.routes';
import { roundRoutes as definitionRoutes } from './round.routes';

/** Every route of the rounds feature, for the composition root. */
export const roundRoutes = [...definitionRoutes, ...partRoutes, ...representativeRoutes];
