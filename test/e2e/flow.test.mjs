// The on-behalf flow as a citizen goes through it on the demo site (npm start's server, adapter and simulator),
// in headless Chromium: log in, choose, pick the principal in the simulator, come back, see the banner, send
// the form, stop. Every page is watched for CSP violations and script errors; every response, URL, DOM and
// server log line is scanned for identity codes.
import {after, afterEach, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {createDemoServer} from '../../demo/server.mjs';
import {pagePath} from '../../demo/pages.mjs';
import {HOSTILE_RETURNS, identityCodes} from '../fixtures/session-cases.mjs';
import {axeViolations} from './axe.mjs';
import {launch, root, watch} from './support.mjs';

const BANNER_TEXT = {
  fi: 'Asioit nyt henkilön Anni Emilia Kumpulainen puolesta',
  sv: 'Du uträttar nu ärenden för Anni Emilia Kumpulainen',
  en: 'You are acting on behalf of Anni Emilia Kumpulainen',
};
const SENT_TEXT = {
  fi: 'Lähetit hakemuksen henkilön Anni Emilia Kumpulainen puolesta.',
  sv: 'Du skickade ansökan för Anni Emilia Kumpulainen.',
  en: 'You sent the application on behalf of Anni Emilia Kumpulainen.',
};

describe('on-behalf flow on the demo site', () => {
  let demo;
  let browser;
  const serverLog = [];
  const seen = []; // every URL and text body the browser received
  let context;
  let problems;

  before(async () => {
    demo = await createDemoServer({port: 0, simulatorPort: 0, log: (line) => serverLog.push(line)});
    browser = await launch();
    await mkdir(join(root, 'test-results'), {recursive: true});
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await fetch(`${demo.simulatorUrl}/__sim/reset`, {method: 'POST'});
  });

  /** A fresh browser profile with every page watched and every response recorded. */
  async function newPage(width = 1280) {
    context ??= await browser.newContext({viewport: {width, height: 900}});
    const page = await context.newPage();
    problems = await watch(page);
    page.on('response', async (response) => {
      seen.push(response.url());
      const type = response.headers()['content-type'] ?? '';
      if (/html|json|text/.test(type)) seen.push(await response.text().catch(() => ''));
    });
    return page;
  }

  async function login(page, lang, user = 'matti', slug = 'asiointi') {
    await page.goto(`${demo.url}${pagePath(lang, slug)}`);
    await page.locator('main a.button').click();
    await page.locator(`input[name=user][value=${user}]`).check();
    await page.locator('form.eservice button[type=submit]').click();
    await page.waitForURL(`**${pagePath(lang, slug)}`);
    await page.locator('acting-for-selector').getByRole('button').waitFor();
  }

  /** Chooses `optionIndex` in the selector, then the principal (or an error mode) in the simulator. */
  async function chooseInSimulator(page, {optionIndex = 1, choice = 0, cancel = false, simulate} = {}) {
    const selector = page.locator('acting-for-selector');
    await selector.getByRole('radio').nth(optionIndex).check();
    await selector.getByRole('button').first().click();
    await page.waitForURL(`${demo.simulatorUrl}/**`);
    if (simulate) {
      await page.locator('details summary').click();
      await page.locator(`input[name=simulate][value=${simulate}]`).check();
    }
    if (cancel) await page.locator('button[value=cancel]').click();
    else {
      await page.locator('input[name=choice]').nth(choice).check();
      await page.locator('button[value=continue]').click();
    }
    await page.waitForURL(`${demo.url}/**`);
  }

  const bannerText = (page) => page.locator('acting-for-banner').evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
  const selectorText = (page) => page.locator('acting-for-selector').evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
  const bannerVisible = (page) => page.locator('acting-for-banner').evaluate((el) => !!el.shadowRoot?.querySelector('[part=banner]'));

  for (const lang of ['fi', 'sv', 'en']) {
    it(`person, ${lang}: log in, choose, pick in Suomi.fi, banner with the name, send, stop`, async () => {
      const page = await newPage();
      await login(page, lang);
      assert.equal(await bannerVisible(page), false, 'no banner before choosing');
      await chooseInSimulator(page);
      assert.equal(new URL(page.url()).searchParams.get('acting-for'), null, 'the result is removed from the address bar');
      await page.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
      assert.ok((await bannerText(page)).includes(BANNER_TEXT[lang]), await bannerText(page));
      assert.ok((await selectorText(page)).includes('Anni Emilia Kumpulainen'), 'the selector announces the result');
      assert.equal(await page.locator('acting-for-selector').evaluate((el) => el.shadowRoot.querySelector('input:checked')?.value), 'person',
        'the selector shows the choice in force, not an empty choice');
      assert.deepEqual(await axeViolations(page), [], 'axe while acting for someone');
      await page.screenshot({path: join(root, 'test-results', `flow-${lang}-acting.png`), fullPage: true});

      // The banner follows the citizen to other pages of the site.
      await page.goto(`${demo.url}${pagePath(lang, 'index')}`);
      await page.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
      await page.goBack();

      await page.locator('form.eservice input[type=text]').first().fill('1.8.2027');
      await page.locator('form.eservice button[type=submit]').click();
      await page.locator('#sent').waitFor();
      assert.ok((await page.locator('#sent').textContent()).includes(SENT_TEXT[lang]));
      assert.ok(serverLog.some((l) => l.startsWith('notice to the principal queued: person')), 'the host hook ran');

      await page.locator('acting-for-banner').getByRole('button').click();
      await page.waitForFunction(() => !document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
      const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part') ?? document.activeElement?.tagName);
      assert.equal(focused, 'done', 'focus moves to the confirmation, not to the page top');
      assert.equal(await page.evaluate(() => fetch('/valtuudet/session').then((r) => r.json())).then((s) => s.actingFor), null);
      assert.deepEqual(problems, {errors: [], csp: []});
    });
  }

  it('Stop in the banner: the selector on the same page shows "myself" at once, without a reload', async () => {
    const page = await newPage();
    await login(page, 'fi');
    await chooseInSimulator(page);
    await page.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
    const checked = () => page.locator('acting-for-selector').evaluate((el) => el.shadowRoot.querySelector('input:checked')?.value);
    assert.equal(await checked(), 'person');
    await page.locator('acting-for-banner').getByRole('button').click();
    await page.waitForFunction(() => !document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
    await page.waitForFunction(() => document.querySelector('acting-for-selector').shadowRoot.querySelector('input:checked')?.value === 'self', null, {timeout: 5000});
    assert.ok(!(await selectorText(page)).includes('Anni Emilia Kumpulainen'), 'the ended principal is no longer named');
    assert.deepEqual(await axeViolations(page), [], 'axe after Stop');
    assert.deepEqual(problems, {errors: [], csp: []});
  });

  it('company, sv: the grants e-service acts for the association', async () => {
    const page = await newPage(320);
    await login(page, 'sv', 'matti', 'avustushakemus');
    await chooseInSimulator(page, {optionIndex: 1, choice: 0});
    await page.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
    assert.match(await bannerText(page), /Du uträttar nu ärenden för organisationen Esimerkkiyhdistys/);
    assert.doesNotMatch(await bannerText(page), /företag/, 'an association is never called a company');
    assert.equal(await page.locator('acting-for-selector').evaluate((el) => el.shadowRoot.querySelector('input:checked')?.value), 'company',
      'the selector shows the choice in force');
    assert.deepEqual(await axeViolations(page), []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll at 320 px');
    await page.screenshot({path: join(root, 'test-results', 'flow-sv-company-320.png'), fullPage: true});
    await page.locator('#amount').fill('1500');
    await page.locator('form.eservice button[type=submit]').click();
    assert.match(await page.locator('#sent').textContent(), /organisationen Esimerkkiyhdistys/);
    assert.deepEqual(problems, {errors: [], csp: []});
  });

  it('organisation where the user has no role: says so (not "no mandate"), with the way to get a mandate', async () => {
    const page = await newPage();
    await login(page, 'fi', 'matti', 'avustushakemus');
    await chooseInSimulator(page, {optionIndex: 1, choice: 1});
    await page.waitForFunction(() => document.querySelector('acting-for-selector')?.shadowRoot?.querySelector('[part=result]'));
    assert.match(await selectorText(page), /Sinulla ei ole roolia, jolla voisit asioida organisaation puolesta tässä palvelussa/);
    assert.doesNotMatch(await selectorText(page), /ei kata/);
    assert.equal(await bannerVisible(page), false);
  });

  it('login and logged-out e-service pages: accessible in every language, CSP clean', async () => {
    const page = await newPage(320);
    for (const lang of ['fi', 'sv', 'en']) {
      for (const path of [pagePath(lang, 'asiointi'), `${pagePath(lang, 'kirjaudu')}?return=%2F`]) {
        await page.goto(`${demo.url}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], path);
      }
    }
    await page.screenshot({path: join(root, 'test-results', 'flow-en-login-320.png'), fullPage: true});
    assert.deepEqual(problems, {errors: [], csp: []});
  });

  it('a form sent without the required field says what to fix, and keeps what was typed', async () => {
    const page = await newPage();
    await login(page, 'fi');
    await page.locator('#info').fill('Allergia: pähkinä');
    await page.locator('form.eservice button[type=submit]').click();
    await page.locator('#errors').waitFor();
    assert.match(await page.locator('#errors').textContent(), /Anna toivottu aloituspäivä/);
    assert.equal(await page.locator('#info').inputValue(), 'Allergia: pähkinä');
    assert.equal(await page.getAttribute('#start', 'aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('cancel in Suomi.fi: told so, acting as oneself', async () => {
    const page = await newPage();
    await login(page, 'en');
    await chooseInSimulator(page, {cancel: true});
    await page.waitForFunction(() => document.querySelector('acting-for-selector')?.shadowRoot?.querySelector('[part=result]'));
    assert.match(await selectorText(page), /You cancelled the choice in Suomi.fi/);
    assert.equal(await bannerVisible(page), false);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('DISALLOWED principal: denied, and the mandate guidance for the theme is one click away', async () => {
    const page = await newPage();
    await login(page, 'fi');
    await chooseInSimulator(page, {choice: 1});
    await page.waitForFunction(() => document.querySelector('acting-for-selector')?.shadowRoot?.querySelector('[part=result]'));
    assert.match(await selectorText(page), /Suomi.fi ei sallinut sinun asioida hänen puolestaan/);
    const guide = page.locator('acting-for-selector mandate-guide');
    await page.locator('acting-for-selector').getByText('Millaisen valtuuden tarvitsen?').click();
    await guide.getByText('Valitse Suomi.fissä tämä valtuusasia').waitFor();
    assert.equal(await page.locator('acting-for-selector').evaluate((el) => !!el.shadowRoot.querySelector('[part=result] mandate-guide')), false,
      'the guidance is not wrapped in the red message');
    assert.equal(await bannerVisible(page), false);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({path: join(root, 'test-results', 'flow-fi-denied.png'), fullPage: true});
  });

  for (const [simulate, expected] of [['expired', /The connection to Suomi.fi timed out|choose again/i], ['server-error', /Something went wrong with Suomi.fi/], ['slow', /Something went wrong with Suomi.fi/]]) {
    it(`Valtuudet ${simulate}: a clear message and never a false "acting for"`, async () => {
      const page = await newPage();
      await login(page, 'en');
      await chooseInSimulator(page, {simulate});
      await page.waitForFunction(() => document.querySelector('acting-for-selector')?.shadowRoot?.querySelector('[part=result]'));
      assert.match(await selectorText(page), expected);
      assert.equal(await bannerVisible(page), false);
      assert.deepEqual(problems, {errors: [], csp: []});
    });
  }

  it('two tabs: stopping in one hides the banner in the other', async () => {
    const first = await newPage();
    await login(first, 'fi');
    await chooseInSimulator(first);
    const second = await newPage();
    await second.goto(`${demo.url}${pagePath('fi', 'index')}`);
    await second.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
    await first.locator('acting-for-banner').getByRole('button').click();
    await second.waitForFunction(() => !document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'), null, {timeout: 5000});
  });

  // The real flow in the browser, for every outcome, with the shared hostile list and the dot-segment attacks
  // that URL parsing collapses into `//host` (the open redirect this closes).
  const OUTCOMES = [
    ['ok', {}], ['cancelled', {cancel: true}], ['denied', {choice: 'toivo'}],
    ['error', {simulate: 'server-error'}], ['expired', {simulate: 'expired'}],
  ];
  const DOT_ATTACKS = HOSTILE_RETURNS.filter((r) => /\.\.|%2e/i.test(r));
  for (const [outcome, how] of OUTCOMES) {
    it(`hostile return values never leave the site (${outcome})`, async () => {
      const page = await newPage();
      await login(page, 'fi');
      const values = outcome === 'ok' ? [...HOSTILE_RETURNS.slice(0, 8), ...DOT_ATTACKS] : DOT_ATTACKS;
      for (const hostile of values) {
        await page.goto(`${demo.url}/valtuudet/start?${new URLSearchParams({mode: 'person', return: hostile})}`);
        await page.waitForURL(`${demo.simulatorUrl}/**`);
        if (how.simulate) {
          await page.locator('details summary').click();
          await page.locator(`input[name=simulate][value=${how.simulate}]`).check();
        }
        if (how.cancel) await page.locator('button[value=cancel]').click();
        else {
          await page.locator(`input[name=choice][value=${how.choice ?? 'anni'}]`).check();
          await page.locator('button[value=continue]').click();
        }
        await page.waitForURL((url) => !url.href.startsWith(demo.simulatorUrl));
        const landed = new URL(page.url());
        assert.equal(landed.origin, demo.url, JSON.stringify(hostile));
        assert.equal(landed.pathname, '/', JSON.stringify(hostile));
        // The selector on the front page is not there to read the result, so it stays in the address bar.
        assert.equal(landed.searchParams.get('acting-for'), outcome, JSON.stringify(hostile));
      }
    });
  }

  it('no identity code in any DOM, response, URL or server log line', async () => {
    const page = await newPage();
    await login(page, 'fi');
    await chooseInSimulator(page);
    await page.waitForFunction(() => document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part=banner]'));
    const dom = await page.evaluate(() => {
      const parts = [document.documentElement.outerHTML, location.href, document.cookie];
      const walk = (root) => root.querySelectorAll('*').forEach((el) => {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      });
      walk(document);
      return parts.join('\n');
    });
    const everything = [dom, ...seen, ...serverLog].join('\n');
    assert.ok(seen.length > 20 && serverLog.length > 10, 'the scan saw the whole run');
    for (const code of identityCodes()) assert.ok(!everything.includes(code), 'an identity code leaked');
  });
});
