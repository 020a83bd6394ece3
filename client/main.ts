import { startRouter } from './router';

const main = document.getElementById('main')!;

startRouter(main, {
  explore: () => import('./views/explore'),
  trends: () => import('./views/trends'),
  compare: () => import('./views/compare'),
  profile: () => import('./views/profile'),
  alerts: () => import('./views/alerts'),
  practices: () => import('./views/practices'),
  practice: () => import('./views/practice'),
  upload: () => import('./views/upload'),
});
