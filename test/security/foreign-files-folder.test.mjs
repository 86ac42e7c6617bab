// Attacker class: a shared builder link that points the snippet at another folder (`files=`). The editor must
// see that the files come from another site and decide before any code is written with it; and even a genuine
// script served from such a folder reads only the catalogue it was built with, so that host cannot put its own
// text in the guide as an official theme name. Real Chromium against the demo's builder and two origins.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {createDemoServer} from '../../demo/server.mjs';
import {axeViolations} from '../e2e/axe.mjs';
import {launch, root, serve, shadowText} from '../e2e/support.mjs';

const THEME = 'sotalapsitietojen_selvittaminen';

describe('a builder link with a files folder on another site', () => {
  let demo;
  let browser;
  before(async () => {
    demo = await createDemoServer({port: 0, log: () => {}});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  const open = async (files) => {
    const tab = await browser.newPage();
    await tab.goto(`${demo.url}/builder/?lang=fi&theme=${THEME}&page=fi&files=${encodeURIComponent(files)}`);
    await tab.waitForSelector('#h-code');
    return tab;
  };

  it('is named, writes no code, and "use this tool\'s copy" drops it', async () => {
    const tab = await open('https://attacker.example/puolesta/');
    assert.match(await tab.textContent('.warning'), /https:\/\/attacker\.example/);
    assert.equal(await tab.$('#code-head'), null, 'no snippet before the editor decides');
    assert.ok(!(await tab.textContent('main')).includes('attacker.example/puolesta/puolesta'), 'the address is in no code');
    assert.deepEqual(await axeViolations(tab), [], 'the warning state passes axe');
    await tab.screenshot({path: 'test-results/security/builder-foreign-folder.png', fullPage: true});
    await tab.click('.warning button >> nth=1');
    await tab.waitForSelector('#code-head');
    assert.match(await tab.textContent('#code-head'), new RegExp(`src="${demo.url}/builder/cdn/`));
    assert.doesNotMatch(tab.url(), /files=/);
    await tab.close();
  });

  it('after the editor accepts it, the code uses it and says it comes from another site', async () => {
    const tab = await open('https://attacker.example/puolesta/');
    await tab.click('.warning button >> nth=0');
    await tab.waitForSelector('#code-head');
    assert.match(await tab.textContent('#code-head'), /src="https:\/\/attacker\.example\/puolesta\/puolesta\.fi\.js"\s+integrity="sha384-/);
    assert.match(await tab.textContent('#h-code >> xpath=..'), /Tiedostot tulevat toiselta sivustolta: https:\/\/attacker\.example/);
    await tab.close();
  });

  it('a folder on the builder\'s own site needs no confirmation', async () => {
    const tab = await open(`${demo.url}/dist/cdn/`);
    await tab.waitForSelector('#code-head');
    assert.equal(await tab.$('.warning'), null);
    await tab.close();
  });
});

describe('the genuine script in a foreign folder with an altered catalogue', () => {
  let folder;
  let site;
  let browser;
  before(async () => {
    const catalogue = JSON.parse(readFileSync(join(root, 'dist/cdn/mandate-themes.json'), 'utf8'));
    const altered = JSON.stringify(catalogue).replaceAll('Sotalapsitietojen tilaaminen', 'Soita heti numeroon 0700 123 456');
    assert.notEqual(altered, JSON.stringify(catalogue), 'the test alters a real name');
    const copy = (file, type) => ({body: readFileSync(join(root, 'dist/cdn', file)), type});
    folder = await serve({
      headers: {'Access-Control-Allow-Origin': '*'},
      files: {
        '/f/puolesta.fi.js': copy('puolesta.fi.js', 'text/javascript'),
        '/f/puolesta-lookups.js': copy('puolesta-lookups.js', 'text/javascript'),
        '/f/mandate-themes.json': {body: altered, type: 'application/json'},
      },
    });
    const integrity = JSON.parse(readFileSync(join(root, 'dist/cdn/0.1.0/integrity.json'), 'utf8')).files['puolesta.fi.js'].integrity;
    site = await serve({pages: {'/page.html': `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title>
      <script src="${folder.url}/f/puolesta.fi.js" integrity="${integrity}" crossorigin="anonymous"></script></head><body>
      <mandate-guide id="ask" theme="${THEME}" principal="person" situation="on-behalf"><p>Varateksti</p></mandate-guide></body></html>`}});
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await folder?.close();
  });

  it('never shows the folder\'s text as a theme name: the guide says it could not load the theme', async () => {
    const tab = await browser.newPage();
    const errors = [];
    await tab.exposeFunction('__guideError', (code) => errors.push(code));
    await tab.addInitScript(() => addEventListener('puolesta-error', (e) => window.__guideError(e.detail.code)));
    await tab.goto(`${site.url}/page.html`);
    await tab.waitForFunction(() => document.querySelector('#ask').shadowRoot?.textContent.includes('Emme juuri nyt saaneet tietoja valtuusasiasta'), null, {timeout: 15_000});
    assert.ok(!(await shadowText(tab, '#ask')).includes('0700'));
    assert.deepEqual(errors, ['catalogue-unavailable']);
    await tab.close();
  });
});
