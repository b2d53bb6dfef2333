// Screenshots of the card for the README: light, dark, right to left, phone width, and every
// section expanded. Writes docs/screenshots/*.png from the built bundle and the example pages.
//
//   bash scripts/build-bundle.sh && node scripts/screenshots.mjs
//
// Waits on conditions only (the card's data-state, aria-expanded), with motion reduced so a
// shot never catches an animation half-way.

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, startServer } from '../tests/e2e/server.mjs';
import { assertBundleBuilt, launchBrowser, waitForState, waitInPage } from '../tests/e2e/browser.mjs';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

const SHOTS = [
  { name: 'light', page: '/reader.html', card: '#seed-card', colorScheme: 'light', width: 900 },
  { name: 'dark', page: '/reader.html', card: '#seed-card', colorScheme: 'dark', width: 900 },
  { name: 'rtl', page: '/rtl.html', card: '#ar-card', colorScheme: 'light', width: 900, expand: true },
  { name: 'mobile', page: '/reader.html', card: '#seed-card', colorScheme: 'light', width: 375 },
  { name: 'expanded', page: '/reader.html', card: '#seed-card', colorScheme: 'light', width: 900, expand: true },
];

assertBundleBuilt();
mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: 900 },
      deviceScaleFactor: shot.width < 600 ? 2 : 1,
      colorScheme: shot.colorScheme,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(new URL(shot.page, server.origin).href);
    await waitForState(page, shot.card, 'ready');
    if (shot.expand) {
      await page.locator(shot.card).locator('button.card__expand').click();
      await page.mouse.move(0, 0);
      await waitInPage(
        page,
        (sel) =>
          [...document.querySelector(sel).shadowRoot.querySelectorAll('.section__toggle')].every(
            (b) => b.getAttribute('aria-expanded') === 'true',
          ),
        shot.card,
      );
    }
    // The page behind the card in the card's theme, so the shot shows the card as a reader would.
    await page.evaluate((dark) => {
      document.documentElement.style.background = dark ? '#121212' : '#f4f2ee';
      document.documentElement.style.padding = '8px';
    }, shot.colorScheme === 'dark');
    const file = path.join(OUT, `${shot.name}.png`);
    await page.locator(shot.card).screenshot({ path: file, animations: 'disabled' });
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
