import { it } from 'vitest';
import { useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';
const site = useDashboardSite();
it('probe', async () => {
  const { page } = await site.newPage();
  const view = new DashboardPage(page, site.app.url);
  for (const slug of ['alley-gating', 'kirkholt-burglary-prevention']) {
  await view.open(`/practices/${slug}`, 'practice');
  await page.waitForTimeout(3000);
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll('header,nav,main,footer,aside,section[aria-label],section[aria-labelledby],[role=region],[role=search],[role=navigation],form[aria-label],[role=group]')].map(
      (e) => `${e.tagName} role=${e.getAttribute('role')} label=${e.getAttribute('aria-label') ?? document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent}`,
    ),
  );
  console.log(marks.join('\n'));
  console.log((await page.locator('main').innerText()).slice(0, 4000));
  }
}, 120000);
