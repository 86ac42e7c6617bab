// Answer first, and short: after both answers the guide is at most 900 px tall at 1280 px and 2 000 px at
// 320 px (Finnish, the longest language for most texts), for every principal × situation, answered through the
// questions as a citizen does. Secondary material stays in closed disclosures.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {ASKED_SITUATIONS, PRINCIPALS} from '../../dist/lib/core.js';
import {createDemoServer} from '../../demo/server.mjs';
import {launch, root} from './support.mjs';

const LIMIT = {1280: 900, 320: 2000};

describe('guide height after both answers (fi)', () => {
  let demo;
  let browser;
  before(async () => {
    demo = await createDemoServer({port: 0, log: () => {}});
    browser = await launch();
    await mkdir(join(root, 'test-results'), {recursive: true});
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  for (const width of [1280, 320]) {
    it(`every principal × situation fits ${LIMIT[width]} px at ${width} px`, async () => {
      const page = await browser.newPage({viewport: {width, height: 900}});
      // The building-permit page asks both questions (no presets) and names one theme.
      await page.goto(`${demo.url}/rakennuslupa.html`);
      // A theme with a description (the longest theme card) instead of the page's own.
      await page.locator('mandate-guide').evaluate((el) => el.setAttribute('theme', 'koulu_tai_tutkintotodistuksen_tilaaminen'));
      const guide = page.locator('mandate-guide');
      await guide.locator('input[name$=principal]').first().waitFor();
      const heights = [];
      for (const principal of PRINCIPALS) {
        for (const situation of ASKED_SITUATIONS) {  // C is the page's preset, never a radio
          await guide.locator(`input[name$=principal][value="${principal}"]`).check();
          await guide.locator(`input[name$=situation][value="${situation}"]`).check();
          await guide.locator('button[type=submit]').click();
          await guide.locator('[part=verdict]').waitFor();
          const height = await guide.evaluate((el) => Math.round(el.getBoundingClientRect().height));
          heights.push(`${principal} × ${situation}: ${height}`);
          if (height > LIMIT[width]) {
            await guide.screenshot({path: join(root, 'test-results', `guide-too-tall-${principal}-${situation}-${width}.png`)});
          }
          assert.ok(height <= LIMIT[width], `${principal} × ${situation} at ${width}px is ${height}px tall (limit ${LIMIT[width]})`);
          assert.equal(await guide.evaluate((el) => [...el.shadowRoot.querySelectorAll('details')].some((d) => d.open)), false);
          await guide.locator('[part=summary] button').click();
        }
      }
      console.log(`heights at ${width}px: ${heights.join(', ')}`);
      await page.close();
    });
  }
});
