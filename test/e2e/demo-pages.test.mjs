// Every demo page as a citizen sees it: strict CSP with 0 violations, no script errors, axe-clean in its
// language, guidance rendered in the page language, no horizontal scrolling at 320 px, no layout shift when
// the elements upgrade. Screenshots land in test-results/ for a human look.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {pagePaths} from '../../demo/pages.mjs';
import {createDemoServer} from '../../demo/server.mjs';
import {axeViolations} from './axe.mjs';
import {launch, root, watch} from './support.mjs';

describe('demo pages', () => {
  const pages = pagePaths();
  let demo;
  let browser;
  before(async () => {
    demo = await createDemoServer({port: 0});
    browser = await launch();
    await mkdir(join(root, 'test-results'), {recursive: true});
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('has pages in Finnish, Swedish and English', () => {
    assert.ok(pages.some((p) => p.startsWith('/sv/')), 'Swedish pages');
    assert.ok(pages.some((p) => p.startsWith('/en/')), 'English pages');
    assert.ok(pages.length >= 12, `${pages.length} pages`);
  });

  it('residents\' home lists only residents\' pages; the developers\' pages have their own index', async () => {
    for (const [home, index] of [['/', '/kehittajille.html'], ['/sv/', '/sv/kehittajille.html'], ['/en/', '/en/kehittajille.html']]) {
      const homeHtml = await (await fetch(`${demo.url}${home}`)).text();
      const main = homeHtml.slice(homeHtml.indexOf('<main'), homeHtml.indexOf('</main>'));
      for (const developerPage of ['galleria.html', 'palvelukuvaus.html', 'kehittajille.html']) {
        assert.ok(!main.includes(developerPage), `${home} lists ${developerPage} among residents' pages`);
      }
      assert.doesNotMatch(main, /test\/fixtures|Kehittäjille:|För utvecklare:|For developers:/);
      const indexHtml = await (await fetch(`${demo.url}${index}`)).text();
      for (const developerPage of ['galleria.html', 'palvelukuvaus.html']) assert.ok(indexHtml.includes(developerPage), `${index} links ${developerPage}`);
      assert.ok(homeHtml.includes(index.replace(/^\/?/, '/').replace('//', '/')), `${home} footer links the developers' index`);
    }
  });

  for (const width of [1280, 320]) {
    it(`every page at ${width} px: CSP clean, accessible, rendered, no layout shift`, async () => {
      const context = await browser.newContext({viewport: {width, height: 900}});
      const failures = [];
      for (const path of pages) {
        const page = await context.newPage();
        const problems = await watch(page);
        await page.addInitScript(() => {
          window.__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
          }).observe({type: 'layout-shift', buffered: true});
        });
        await page.goto(`${demo.url}${path}`, {waitUntil: 'load'});
        const lang = await page.evaluate(() => document.documentElement.lang);
        await page.waitForFunction(() =>
          [...document.querySelectorAll('mandate-guide')].every((el) => el.shadowRoot?.querySelector('section') && !el.shadowRoot.querySelector('.loading')),
        );
        const guideLangs = await page.$$eval('mandate-guide', (els) => els.map((el) => el.shadowRoot.querySelector('section').lang));
        if (guideLangs.some((l) => l !== lang)) failures.push(`${path}: guide language ${guideLangs} on a ${lang} page`);
        // A heading word is never cut in two: each word sits on one line.
        const cut = await page.evaluate(() => {
          const h1 = document.querySelector('h1');
          const text = h1.firstChild;
          const broken = [];
          for (const match of text.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(match[0]);
          }
          return broken;
        });
        if (cut.length) failures.push(`${path}: heading words cut at ${width}px: ${cut.join(', ')}`);
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${path}: scrolls sideways by ${overflow}px at ${width}px`);
        const violations = await axeViolations(page);
        if (violations.length) failures.push(`${path}: axe ${violations.join('; ')}`);
        const cls = await page.evaluate(() => window.__cls);
        if (cls > 0) failures.push(`${path}: layout shift ${cls.toFixed(4)}`);
        if (problems.errors.length || problems.csp.length) failures.push(`${path}: ${[...problems.errors, ...problems.csp].join('; ')}`);
        const name = path.replace(/^\//, '').replace(/[/.]/g, '_');
        await page.screenshot({path: join(root, 'test-results', `${name}-${width}.png`), fullPage: true});
        await page.close();
      }
      await context.close();
      assert.deepEqual(failures, []);
    });
  }
});
