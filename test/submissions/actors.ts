import type { Actor } from '../../server/http/actor';
import { testActor } from '../helpers/actors';

export const contactPoint = (geo: string): Actor => testActor('contact_point', [geo]);
export const secretariat: Actor = testActor('secretariat');
