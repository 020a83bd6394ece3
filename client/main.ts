// The stylesheets, by concern; Vite bundles them into one file linked from the built page.
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/views.css';
import { onSessionChange, sessionLoaded } from './api/session';
import { renderAccount } from './components/account-menu';
import { negotiateLocale } from '../server/shared/i18n/locales';
import { initialLocale, useLocale, usePseudoLocalisation } from './i18n/i18n';
import { translateShell } from './i18n/shell';
import { startRouter } from './router';
import './charts/charts.css';

const main = document.getElementById('main')!;

// The active language's messages load before the first view paints, so no view shows a key.
const opened = new URL(location.href);
usePseudoLocalisation(opened.searchParams.has('pseudo'));
await useLocale(initialLocale(opened, navigator.languages));
translateShell();

const context = startRouter(
  main,
  {
    explore: () => import('./views/explore'),
    trends: () => import('./views/trends'),
    compare: () => import('./views/compare'),
    profile: () => import('./views/country-profile'),
    alerts: () => import('./views/alerts'),
    practices: () => import('./views/practices'),
    practice: () => import('./views/practice'),
    upload: () => import('./views/upload'),
    'sign-in': () => import('./views/sign-in'),
    'reset-password': () => import('./views/reset-password'),
    'my-country': () => import('./views/my-country'),
    review: () => import('./views/review'),
    approvals: () => import('./views/approvals'),
    users: () => import('./views/users'),
    audit: () => import('./views/audit'),
    empact: () => import('./views/empact/index'),
    rounds: () => import('./views/rounds/index'),
    evidence: () => import('./views/evidence/index'),
    countries: () => import('./views/countries/index'),
    embed: () => import('./views/embed/index'),
    labels: () => import('./views/labels/index'),
  },
  negotiateLocale(null, navigator.languages.join(',')),
);

// Signing in or out changes what the header offers; the views re-read the session when they mount.
onSessionChange((session) => renderAccount(session, () => context.navigate({ view: 'sign-in', id: null })));
void sessionLoaded();
