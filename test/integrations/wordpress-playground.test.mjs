// The newest WordPress a registry here carries: @wp-playground/wordpress-builds 0.9.19's "beta" build,
// WordPress 6.6-RC3, run on PHP-WASM 8.3 in Node with WordPress Playground's own packages (@wp-playground/wordpress,
// @php-wasm/node 3.1.56) and SQLite. Playground's builds leave out wp-admin's JavaScript and CSS (they are fetched
// from the network, which is closed here), so the editor's UI cannot run in a browser; what WordPress 6.6 puts into
// the iframed editor canvas is taken from its own code instead (_wp_get_iframed_editor_assets(), the assets the
// editor writes into the canvas iframe), loaded into an iframe in Chromium next to the block's markup, and must
// render the guide. Also: the block registers with apiVersion 3, the plugin zip installs, a published page carries
// the guide pre-rendered (exactly prerenderGuide()'s declarative shadow root, before the builder's fallback), the
// stylesheet in the head and the pinned script deferred, all with SRI; without JavaScript a real browser shows the
// guide's heading and theme name, styled; with JavaScript the element takes over with no error; a theme the pack
// lacks stays the plain element; and with WP_DEBUG on the log has no line from the plugin. Debian's WordPress 6.1
// runs in wordpress.test.mjs.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadNodeRuntime} from '@php-wasm/node';
import {bootWordPressAndRequestHandler} from '@wp-playground/wordpress';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {builderFallback} from './builder-fallback.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const release = JSON.parse(readFileSync(join(root, `dist/cdn/${version}/integrity.json`), 'utf8'));
const builds = join(root, 'node_modules/@wp-playground/wordpress-builds/src');
const NEWEST = JSON.parse(readFileSync(join(builds, 'wordpress/wp-versions.json'), 'utf8')).beta; // '6.6-RC3'
const SCHOOL = {slug: 'koulu_tai_tutkintotodistuksen_tilaaminen', fi: 'Koulu- tai tutkintotodistuksen tilaaminen'};
const THREE = [SCHOOL.slug, 'veroasioiden_hoito', 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen'];
const file = (path, name) => new File([readFileSync(path)], name);
// The reference the plugin's PHP must match: the builder's and the element's prerenderGuide().
const {prerenderGuide} = await import(join(root, 'dist/lib/core.js'));
const pack = JSON.parse(readFileSync(join(root, `dist/cdn/${version}/prerender.json`), 'utf8'));

describe(`WordPress block plugin in WordPress ${NEWEST} (Playground, PHP-WASM)`, () => {
  let handler;
  let php;
  let server;
  let url;
  let browser;
  let unpacked;

  /** PHP inside the loaded WordPress (as wp-cli would); returns what it echoes as JSON. */
  async function wpPhp(body, {admin = false} = {}) {
    const prelude = admin
      ? "define('WP_ADMIN', true); require '/wordpress/wp-load.php'; require_once ABSPATH . 'wp-admin/includes/admin.php';"
      : "require '/wordpress/wp-load.php';";
    let result;
    try {
      result = await php.run({code: `<?php ${prelude} ${body}`});
    } catch (error) {
      const log = php.fileExists('/tmp/wp-debug.log') ? php.readFileAsText('/tmp/wp-debug.log').split('\n').slice(-6).join('\n') : '';
      throw new Error(`PHP in WordPress failed: ${error.message.split('\n')[0]}\n${log}`);
    }
    assert.equal(result.errors, '', result.errors);
    return JSON.parse(result.text.slice(result.text.indexOf('{')));
  }

  before(async () => {
    const started = Date.now();
    // The plugin as a site builder installs it: the built zip.
    unpacked = mkdtempSync(join(tmpdir(), 'puolesta-playground-'));
    const unzip = spawnSync('unzip', ['-q', join(root, `dist/integrations/puolesta-wordpress-${version}.zip`), '-d', unpacked], {encoding: 'utf8'});
    assert.equal(unzip.status, 0, `the plugin zip is missing or broken (npm run build): ${unzip.stderr}`);
    server = createServer(async (req, res) => {
      // An empty page of the site's origin to hold the canvas iframe (Playground's own admin pages lack their assets).
      if (req.url === '/__canvas') return res.writeHead(200, {'Content-Type': 'text/html'}).end('<!doctype html><title>canvas</title><link rel="icon" href="data:,">');
      // WordPress's own loopback calls while it boots (cron, health checks) get no site yet.
      if (!handler) return res.writeHead(503).end();
      const body = await new Promise((resolve) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
      });
      const response = await handler.request({url: req.url, method: req.method, headers: req.headers, body: body.length ? body : undefined});
      res.writeHead(response.httpStatusCode, Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, v.join(', ')])));
      res.end(Buffer.from(response.bytes));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
    let processId = 0;
    handler = await bootWordPressAndRequestHandler({
      createPhpRuntime: () => loadNodeRuntime('8.3', {emscriptenOptions: {processId: ++processId}}),
      siteUrl: url,
      wordPressZip: file(join(builds, 'wordpress/wp-beta.zip'), 'wordpress.zip'),
      sqliteIntegrationPluginZip: file(join(builds, 'sqlite-database-integration/sqlite-database-integration.zip'), 'sqlite.zip'),
      wordpressInstallMode: 'download-and-install',
      constants: {DISABLE_WP_CRON: true, WP_DEBUG: true, WP_DEBUG_LOG: '/tmp/wp-debug.log', WP_DEBUG_DISPLAY: false, WPLANG: 'fi'},
    });
    php = await handler.getPrimaryPhp();
    const running = await wpPhp("echo json_encode(array('wp' => get_bloginfo('version')));");
    assert.equal(running.wp, NEWEST);
    // Upload the zip's files into the site, as the uploader would unpack them.
    const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    for (const path of files(join(unpacked, 'puolesta'))) {
      const target = `/wordpress/wp-content/plugins/puolesta/${relative(join(unpacked, 'puolesta'), path)}`;
      php.mkdir(target.slice(0, target.lastIndexOf('/')));
      php.writeFile(target, readFileSync(path));
    }
    browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000});
    console.log(`# WordPress ${NEWEST} ready in ${Date.now() - started} ms`);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    await handler?.[Symbol.asyncDispose]?.();
    if (unpacked) rmSync(unpacked, {recursive: true, force: true});
  });

  it('the plugin activates and the block registers with apiVersion 3 and the element script as its script', async () => {
    const activation = await wpPhp(`require_once ABSPATH . 'wp-admin/includes/plugin.php';
      echo json_encode(array('activated' => null === activate_plugin('puolesta/puolesta.php')));`);
    assert.deepEqual(activation, {activated: true});
    // The next request loads the active plugin, as WordPress does.
    const result = await wpPhp(`$block = WP_Block_Type_Registry::get_instance()->get_registered('puolesta/mandate-guide');
      echo json_encode(array('api' => $block ? $block->api_version : null,
        'script' => $block ? $block->script_handles : null, 'title' => $block ? $block->title : null,
        'principal' => $block ? $block->attributes['principal']['enum'] : null, 'situation' => $block ? $block->attributes['situation']['enum'] : null));`);
    const {principal, situation, ...rest} = result;
    assert.deepEqual(rest, {api: 3, script: ['puolesta'], title: 'Valtuusopas'},
      'title from the plugin\'s own .mo (block.json is translated on the server)');
    // The block offers exactly the values the element takes ('' = let the citizen answer).
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const guide = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mandate-guide');
    const literals = (name) => {
      const attribute = guide.attributes.find((a) => a.name === name);
      return [...(attribute.expandedType ?? attribute.type).text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    };
    assert.deepEqual(principal, ['', ...literals('principal')]);
    assert.deepEqual(situation, ['', ...literals('situation')]);
  });

  it(`what WordPress ${NEWEST} writes into the iframed editor canvas renders the guide`, async () => {
    // The editor's canvas gets these assets (get_block_editor_settings()['__unstableResolvedAssets']).
    const {scripts} = await wpPhp(`wp_set_current_user(1); set_current_screen('post');
      echo json_encode(_wp_get_iframed_editor_assets());`, {admin: true});
    const tag = /<script[^>]*\/plugins\/puolesta\/assets\/[^"']*puolesta\.fi\.js[^>]*><\/script>/.exec(scripts)?.[0];
    assert.ok(tag, 'the element script is among the canvas assets');
    assert.ok(tag.includes(`integrity="${release.files['puolesta.fi.js'].integrity}"`) && tag.includes('crossorigin="anonymous"'), tag);
    // The canvas: those assets and the block's markup, in an iframe as the editor builds it.
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${url}/__canvas`);
    await page.evaluate(({tag, slug}) => {
      const frame = document.createElement('iframe');
      frame.name = 'editor-canvas';
      frame.style.cssText = 'width:900px;height:700px';
      frame.srcdoc = `<!doctype html><html lang="fi"><head>${tag}</head><body><mandate-guide theme="${slug}" lang="fi"></mandate-guide></body></html>`;
      document.body.replaceChildren(frame);
    }, {tag, slug: SCHOOL.slug});
    await page.waitForFunction((name) => {
      const doc = document.querySelector('iframe[name="editor-canvas"]')?.contentDocument;
      const el = doc?.querySelector('mandate-guide');
      return doc?.defaultView.customElements.get('mandate-guide') && el?.shadowRoot?.textContent.includes(name) && el.getBoundingClientRect().height > 50;
    }, SCHOOL.fi, {timeout: 15_000});
    assert.deepEqual(errors, []);
    await page.close();
  });

  /** Publishes a page with this block content; its path on our server. */
  async function publish(title, content) {
    const {link} = await wpPhp(`$id = wp_insert_post(array('post_title' => ${JSON.stringify(title)}, 'post_status' => 'publish',
      'post_content' => ${JSON.stringify(content).replace(/\$/g, '\\$')}));
      echo json_encode(array('link' => get_permalink($id)));`);
    return link.replace(/^https?:\/\/[^/]+/, url);
  }

  it('a published page carries the pre-rendered guide, its stylesheet in the head and the script deferred', async () => {
    const page = await publish('Opas', `<!-- wp:puolesta/mandate-guide {"theme":"${THREE.join(' ')}","principal":"person","headingLevel":3} /-->`);
    const html = await (await fetch(page)).text();
    const folder = `${url}/wp-content/plugins/puolesta/assets/${version}/`;
    // The element's own prerenderGuide() for these settings, byte for byte, first inside the element.
    const template = prerenderGuide(pack, {locale: 'fi', themes: THREE, principal: 'person', headingLevel: 3, folder});
    assert.ok(template?.startsWith('<template shadowrootmode="open">'));
    const element = /<mandate-guide [^>]*>/.exec(html)?.[0];
    assert.equal(element, `<mandate-guide class="wp-block-puolesta-mandate-guide" theme="${THREE.join(' ')}" principal="person" heading-level="3" lang="fi">`);
    assert.ok(html.includes(`${element}${template}<p>`), 'the declarative shadow root, unchanged by the_content filters, before the fallback');

    const context = await browser.newContext({javaScriptEnabled: false});
    const tab = await context.newPage();
    // Playground's build lacks some of WordPress's own files (block-library CSS, the theme's fonts): only the
    // plugin's requests count here.
    const ours = (u) => u.includes('/plugins/puolesta/');
    const failed = [];
    tab.on('response', (r) => r.status() >= 400 && ours(r.url()) && failed.push(`${r.status()} ${r.url()}`));
    tab.on('requestfailed', (r) => ours(r.url()) && failed.push(`${r.failure()?.errorText} ${r.url()}`));
    await tab.goto(page);
    const head = await tab.$$eval('head script[src*="/plugins/puolesta/"]', (all) => all.map((s) => [s.getAttribute('integrity'), s.crossOrigin, s.defer, s.async]));
    assert.deepEqual(head, [[release.files['puolesta.fi.js'].integrity, 'anonymous', true, false]], 'one pinned script in the head, deferred');
    const links = await tab.$$eval('head link[rel="stylesheet"][href*="/plugins/puolesta/"]', (all) => all.map((l) => [l.href, l.getAttribute('integrity'), l.crossOrigin]));
    assert.deepEqual(links, [[`${folder}puolesta-guide.css`, release.files['puolesta-guide.css'].integrity, 'anonymous']], 'the stylesheet in the head, with SRI');

    // JavaScript off, a real browser: the parser attached the declarative shadow root; the guide is there, styled.
    const guide = tab.locator('mandate-guide');
    const heading = guide.getByRole('heading', {level: 3, name: 'Asiointi toisen puolesta'});
    assert.ok(await heading.isVisible(), 'the guide\'s heading is visible without JavaScript');
    const theme = guide.getByRole('heading', {level: 4, name: SCHOOL.fi});
    assert.ok(await theme.isVisible(), 'the first theme\'s name is visible without JavaScript');
    assert.equal(await guide.evaluate((el) => [!!el.shadowRoot, getComputedStyle(el).display].join()), 'true,block', 'a shadow root, and the stylesheet\'s :host rule applied');
    assert.equal(await guide.locator('[role="status"]').evaluate((el) => el.getBoundingClientRect().width), 1, 'the stylesheet applies inside the shadow root (.visually-hidden)');
    const fallback = await guide.locator('> p').evaluate((p) => p.innerHTML);
    assert.equal(fallback.replace(/\s+/g, ' ').replace(/&#0?39;/g, "'").trim(), builderFallback({themes: THREE, lang: 'fi'}), 'the builder\'s fallback paragraph stays as the light-DOM child');
    assert.deepEqual(failed, []);
    await context.close();
  });

  it('with JavaScript on, the element takes over the pre-rendered root with no error', async () => {
    const page = await publish('Opas JS', `<!-- wp:puolesta/mandate-guide {"theme":"${THREE.join(' ')}","principal":"person","headingLevel":3} /-->`);
    const ours = (u) => u.includes('/plugins/puolesta/');
    // JavaScript on: the element takes over the same root, with no error and nothing refused by SRI.
    const live = await browser.newPage();
    const errors = [];
    live.on('pageerror', (e) => errors.push(String(e)));
    // An SRI refusal is a console error naming the integrity attribute; a 404 of WordPress's own files is not ours.
    live.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    live.on('response', (r) => r.status() >= 400 && ours(r.url()) && errors.push(`${r.status()} ${r.url()}`));
    live.on('requestfailed', (r) => ours(r.url()) && errors.push(`${r.failure()?.errorText} ${r.url()}`));
    await live.goto(page);
    await live.waitForFunction(() => customElements.get('mandate-guide') && document.querySelector('mandate-guide').shadowRoot.querySelectorAll('article.theme').length === 3, null, {timeout: 15_000})
      .catch((e) => { throw new Error(`${e.message}; page errors: ${JSON.stringify(errors)}`); });
    assert.ok(await live.locator('mandate-guide').getByRole('heading', {level: 3, name: 'Asiointi toisen puolesta'}).isVisible());
    assert.deepEqual(errors, []);
    await live.close();
  });

  it('a theme the pack lacks stays the plain element, with its fallback and the deferred script', async () => {
    const page = await publish('Tuntematon', '<!-- wp:puolesta/mandate-guide {"theme":"ei_tallaista_valtuusasiaa"} /-->');
    const html = await (await fetch(page)).text();
    assert.match(html, /<mandate-guide class="wp-block-puolesta-mandate-guide" theme="ei_tallaista_valtuusasiaa" lang="fi"><p>/);
    assert.doesNotMatch(html, /shadowrootmode/);
    assert.match(html, /<script [^>]*defer[^>]*\/plugins\/puolesta\/assets\/[^"']*puolesta\.fi\.js|<script [^>]*\/plugins\/puolesta\/assets\/[^"']*puolesta\.fi\.js[^>]*defer/);
  });

  it('with WP_DEBUG on, the PHP log has no line from the plugin', async () => {
    const log = php.fileExists('/tmp/wp-debug.log') ? php.readFileAsText('/tmp/wp-debug.log') : '';
    assert.deepEqual(log.split('\n').filter((line) => /plugins\/puolesta\//.test(line)), []);
  });
});
