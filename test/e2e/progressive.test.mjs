// Progressive enhancement and display modes on the demo site: without JavaScript the editor's fallback text
// is what the citizen reads; with forced colours, reduced motion and 200 % zoom the guide stays usable.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {createDemoServer} from '../../demo/server.mjs';
import {axeViolations} from './axe.mjs';
import {launch, root, watch} from './support.mjs';

describe('progressive enhancement and display modes', () => {
  let demo;
  let browser;
  before(async () => {
    demo = await createDemoServer({port: 0});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('without JavaScript shows the light-DOM fallback with its Suomi.fi link', async () => {
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${demo.url}/sv/varhaiskasvatus.html`);
    const fallback = page.locator('mandate-guide > p:not([slot])');
    assert.ok(await fallback.isVisible());
    assert.match(await fallback.innerText(), /Suomi\.fi-fullmakter/);
    // The city's own alternative (the guide's alternatives slot) is readable without JavaScript too.
    assert.match(await page.locator('mandate-guide > p[slot=alternatives]').innerText(), /fullmakt/);
    assert.equal(await page.locator('mandate-guide a').getAttribute('href'), 'https://www.suomi.fi/fullmakter');
    await context.close();
  });

  it('with forced colours, reduced motion and 200 % zoom: no sideways scrolling, axe-clean, focus visible', async () => {
    // 200 % zoom of a 1280 px window lays the page out like a 640 px one at twice the pixel density.
    const context = await browser.newContext({viewport: {width: 640, height: 800}, deviceScaleFactor: 2, forcedColors: 'active', reducedMotion: 'reduce'});
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${demo.url}/varhaiskasvatus.html`);
    await page.waitForFunction(() => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('input'));
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth), 0);
    assert.deepEqual(await axeViolations(page), []);
    // Tab to the first radio: it gets a visible outline.
    await page.locator('mandate-guide input[type=radio]').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const input = document.querySelector('mandate-guide').shadowRoot.activeElement;
      const style = getComputedStyle(input);
      return {tag: input?.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle};
    });
    assert.equal(outline.tag, 'INPUT');
    assert.ok(outline.width >= 2 && outline.style !== 'none', JSON.stringify(outline));
    await page.screenshot({path: join(root, 'test-results', 'forced-colors-zoom200.png'), fullPage: true});
    assert.deepEqual(problems, {errors: [], csp: []});
    await context.close();
  });
});
