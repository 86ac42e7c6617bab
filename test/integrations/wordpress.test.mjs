// A real WordPress 6.1 (Debian's packages, no Apache) on its own MariaDB and PHP's built-in server, all in a temp
// folder: the plugin zip installs through WordPress's own uploader; posts saved by an Author and an Editor keep
// the guide (the block, and the raw element in a Custom HTML block); the front end runs the pinned script with
// SRI in the head and shows the chosen theme, and a page without the guide loads no script; without JavaScript the
// block shows the builder's fallback paragraph (the pre-rendered guide and its deferred script: wordpress-playground.test.mjs); the post editor and the iframed Site Editor preview the real
// element; an unknown theme gets a notice in the editor; editor labels are the element's reviewed translations;
// with WP_DEBUG on, the PHP log has no line from the plugin. (The newest WordPress: wordpress-playground.test.mjs.)
// Recipe: /work/shared/reference/wordpress.md. Nothing is skipped: a missing system part fails with the fix.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {accessSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {builderFallback} from './builder-fallback.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pluginSource = join(root, 'integrations/wordpress/puolesta');
const zipFile = join(root, `dist/integrations/puolesta-wordpress-${version}.zip`);
const release = JSON.parse(readFileSync(join(root, `dist/cdn/${version}/integrity.json`), 'utf8'));
// WordPress without Apache: the packages `wordpress` needs at run time, fetched once into a cache folder.
const WP_PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'php-getid3', 'libjs-underscore', 'libjs-cropper'];
const debCache = join(root, 'node_modules/.cache/puolesta-wordpress');

const SCHOOL = {slug: 'koulu_tai_tutkintotodistuksen_tilaaminen', fi: 'Koulu- tai tutkintotodistuksen tilaaminen', sv: 'Beställning av skol- eller examensbetyg'};
const DAYCARE = {slug: 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen', fi: 'Varhaiskasvatuksen aloituksesta tai päättymisestä ilmoittaminen'};
const THREE = [SCHOOL.slug, 'veroasioiden_hoito', DAYCARE.slug];
/** The element's reviewed translation of an English text (locales/<lang>.xlf). */
const elementText = (lang, source) => new RegExp(`<source>${source.replace(/[?.]/g, '\\$&')}</source>\\s*<target>([^<]*)</target>`)
  .exec(readFileSync(join(root, `locales/${lang}.xlf`), 'utf8'))[1];

/** The path of a command, or a clear failure naming the Debian package (never a silent skip). */
function need(command, pkg) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {}
  }
  throw new Error(`The WordPress test needs \`${command}\` (Debian package ${pkg}): run \`node scripts/system-check.mjs --install\` as root, or apt-get install ${pkg}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {encoding: 'utf8', ...options});
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
  return result.stdout;
}

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const {port} = server.address();
    server.close(() => resolve(port));
  });
});

async function until(what, check, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const adminPassword = 'pw-admin-local'; // a throwaway site on loopback, removed after the test
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

describe('WordPress block plugin in a real WordPress 6.1', () => {
  let base; // temp folder: database, site, logs
  let wp; // the site's document root
  let url;
  let phpBin;
  let browser;
  const groups = []; // {name, child}: each server in its own process group
  const users = {};
  let scripts = 0;

  /** Runs PHP inside the loaded WordPress (as wp-cli would); returns the JSON it echoes. */
  function wpPhp(body, prelude = '') {
    const file = join(base, `run-${++scripts}.php`);
    writeFileSync(file, `<?php\n${prelude}\nrequire '${wp}/wp-load.php';\n${body}\n`);
    const result = spawnSync(phpBin, ['-d', 'display_errors=stderr', file], {cwd: wp, encoding: 'utf8'});
    if (result.status !== 0) {
      const log = existsSync(join(base, 'wp-debug.log')) ? readFileSync(join(base, 'wp-debug.log'), 'utf8') : '';
      const problems = log.split('\n').filter((line) => /PHP (Fatal|Warning|Parse)/.test(line)).slice(-5).join('\n');
      throw new Error(`PHP in WordPress failed (${result.status}): ${result.stderr}\n${problems}`);
    }
    const out = result.stdout;
    return JSON.parse(out.slice(out.indexOf('{')));
  }

  function startGroup(name, command, args, env = {}) {
    const log = openSync(join(base, `${name}.log`), 'a');
    const child = spawn(command, args, {detached: true, stdio: ['ignore', log, log], env: {...process.env, ...env}});
    groups.push({name, child});
    return child;
  }

  async function rest(user, path, body) {
    const response = await fetch(`${url}/?rest_route=${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {Authorization: `Basic ${Buffer.from(`${user}:${users[user]}`).toString('base64')}`, 'Content-Type': 'application/json'},
      body: body && JSON.stringify(body),
    });
    const json = await response.json();
    assert.ok(response.ok, `${path} as ${user}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  }

  const post = (user, title, content) => rest(user, '/wp/v2/posts', {title, content, status: 'publish'});
  const savedContent = async (user, id) => (await rest(user, `/wp/v2/posts/${id}&context=edit`)).content.raw;

  before(async () => {
    const started = Date.now();
    phpBin = need('php8.2', 'php8.2-cli');
    const mariadbd = need('mariadbd', 'mariadb-server');
    const installDb = need('mariadb-install-db', 'mariadb-server');
    const admin = need('mariadb-admin', 'mariadb-server');
    const client = need('mariadb', 'mariadb-server');
    need('apt-get', 'apt');
    need('dpkg-deb', 'dpkg');
    assert.match(run(phpBin, ['-m']), /^mysqli$/m, 'PHP lacks mysqli: apt-get install php8.2-mysql');
    assert.ok(existsSync(zipFile), `${zipFile} is missing: run npm run build`);
    assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath}: apt-get install chromium`);

    // WordPress from Debian, extracted (not installed: the package would pull Apache in).
    mkdirSync(debCache, {recursive: true});
    const have = (pkg) => readdirSync(debCache).some((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
    if (!WP_PACKAGES.every(have)) {
      const got = spawnSync('apt-get', ['download', ...WP_PACKAGES], {cwd: debCache, encoding: 'utf8'});
      assert.equal(got.status, 0, `apt-get download ${WP_PACKAGES.join(' ')} failed (run apt-get update first?): ${got.stderr}`);
    }
    base = mkdtempSync(join(tmpdir(), 'puolesta-wp-'));
    for (const deb of readdirSync(debCache).filter((f) => f.endsWith('.deb'))) run('dpkg-deb', ['-x', join(debCache, deb), join(base, 'root')]);
    wp = join(base, 'root/usr/share/wordpress');
    rmSync(join(wp, 'wp-config.php')); // Debian's reads /etc/wordpress

    // MariaDB in the temp folder, socket only.
    const socket = join(base, 'mysql.sock');
    run(installDb, ['--no-defaults', `--datadir=${base}/db`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db']);
    startGroup('mariadb', mariadbd, ['--no-defaults', `--datadir=${base}/db`, `--socket=${socket}`, '--skip-networking', '--user=root',
      `--pid-file=${base}/db.pid`, `--log-error=${base}/db.log`, '--innodb-buffer-pool-size=64M']);
    await until('MariaDB', async () => spawnSync(admin, ['--no-defaults', `--socket=${socket}`, 'ping']).status === 0);
    run(client, ['--no-defaults', `--socket=${socket}`, '-uroot', '-e',
      "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"]);

    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    writeFileSync(join(wp, 'wp-config.php'), `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${socket}'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('WPLANG', 'fi'); // as with the Finnish language pack installed (the option only takes installed languages)
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain http
define('DISABLE_WP_CRON', true); define('WP_HTTP_BLOCK_EXTERNAL', true); define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true); define('WP_DEBUG_LOG', '${base}/wp-debug.log'); define('WP_DEBUG_DISPLAY', false);
defined('ABSPATH') || define('ABSPATH', __DIR__ . '/');
require ABSPATH . 'wp-settings.php';
`);
    mkdirSync(join(wp, 'wp-content/mu-plugins'));
    // No mail program here; and PHP's built-in server answers /favicon.ico with a bare 404 (a web server would route
    // it to WordPress), which Chromium logs as a console error: give the pages an empty icon instead.
    writeFileSync(join(wp, 'wp-content/mu-plugins/test-site.php'), `<?php
add_filter('pre_wp_mail', '__return_false');
foreach (array('wp_head', 'admin_head', 'login_head') as $hook) add_action($hook, function () { echo '<link rel="icon" href="data:,">'; });
`);
    // Killing only the master would leave the workers running: the whole group goes in after().
    startGroup('php', phpBin, ['-S', `127.0.0.1:${port}`, '-t', wp], {PHP_CLI_SERVER_WORKERS: '4'});
    await until('PHP server', async () => (await fetch(`${url}/wp-includes/js/wp-emoji-loader.js`)).ok);

    // Site in Finnish; an Author and an Editor (whose editor UI is Swedish) with application passwords.
    Object.assign(users, wpPhp(`
      require_once ABSPATH . 'wp-admin/includes/upgrade.php';
      wp_install('Esimerkkikunta', 'admin', 'admin@example.invalid', true, '', '${adminPassword}', 'fi');
      $out = array();
      foreach (array('author' => 'author', 'editor' => 'editor') as $login => $role) {
        $id = wp_insert_user(array('user_login' => $login, 'user_pass' => 'pw-' . $login, 'user_email' => "$login@example.invalid", 'role' => $role,
          'locale' => 'editor' === $role ? 'sv_SE' : ''));
        list($password) = WP_Application_Passwords::create_new_application_password($id, array('name' => 'tests'));
        update_user_meta($id, 'wp_persisted_preferences', array('core/edit-post' => array('welcomeGuide' => false), '_modified' => gmdate('c')));
        $out[$login] = $password;
      }
      echo wp_json_encode($out);`, "define('WP_INSTALLING', true);"));
    browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000});
    console.log(`# WordPress ready in ${Date.now() - started} ms`);
  });

  after(async () => {
    await browser?.close();
    for (const {child} of groups.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    if (base) rmSync(base, {recursive: true, force: true});
  });

  it('every PHP file of the plugin passes php -l', () => {
    const php = readdirSync(pluginSource, {recursive: true}).filter((f) => f.endsWith('.php'));
    assert.ok(php.length >= 2, 'plugin PHP files found');
    for (const file of php) assert.match(run(phpBin, ['-l', join(pluginSource, file)]), /No syntax errors/);
  });

  it('control: without the plugin, an Author\'s raw <mandate-guide> is stripped', async () => {
    const {id} = await post('author', 'Ilman lisäosaa', `<!-- wp:html -->\n<mandate-guide theme="${DAYCARE.slug}"></mandate-guide>\n<!-- /wp:html -->`);
    assert.doesNotMatch(await savedContent('author', id), /mandate-guide/);
  });

  it('the plugin zip installs through WordPress\'s own uploader and activates', () => {
    const result = wpPhp(`
      require_once ABSPATH . 'wp-admin/includes/admin.php';
      require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
      WP_Filesystem();
      $upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
      $installed = $upgrader->install('${zipFile}');
      $activated = activate_plugin('puolesta/puolesta.php');
      echo wp_json_encode(array('installed' => $installed, 'errors' => $upgrader->skin->get_upgrade_messages(),
        'activated' => null === $activated, 'active' => is_plugin_active('puolesta/puolesta.php')));`);
    assert.equal(result.installed, true, `install: ${JSON.stringify(result.errors)}`);
    assert.deepEqual([result.activated, result.active], [true, true]);
    const installed = readFileSync(join(wp, `wp-content/plugins/puolesta/assets/${version}/puolesta.fi.js`));
    assert.equal(sha384(installed), release.files['puolesta.fi.js'].integrity, 'the zip carries the pinned release file');
  });

  const pages = {};
  it('an Author and an Editor save the block and the raw element, and both survive', async () => {
    const block = (principal) =>
      `<!-- wp:puolesta/mandate-guide {"theme":"${SCHOOL.slug}","principal":"${principal}","situation":"on-behalf","headingLevel":3} /-->`;
    // The Author's raw element also carries what the kses rule must still remove.
    const raw = (extra) => `<!-- wp:html -->\n<mandate-guide theme="${DAYCARE.slug}" principal="minor" heading-level="3"${extra}></mandate-guide>\n<!-- /wp:html -->`;
    for (const [key, user, content] of [
      ['author-block', 'author', block('person')],
      ['editor-block', 'editor', block('company')],
      ['author-raw', 'author', raw(' onclick="alert(1)" catalogue-url="https://example.invalid/x.json" data-x="1" lang="sv"')],
      ['editor-raw', 'editor', raw('')],
      ['three-themes', 'editor', `<!-- wp:puolesta/mandate-guide {"theme":"${THREE.join(' ')}"} /-->`],
      ['no-guide', 'author', '<!-- wp:paragraph --><p>Ei opasta tällä sivulla.</p><!-- /wp:paragraph -->'],
    ]) {
      const {id, link} = await post(user, key, content);
      pages[key] = {link, saved: await savedContent(user, id)};
    }
    assert.match(pages['author-block'].saved, /<!-- wp:puolesta\/mandate-guide \{"theme":"koulu_tai_tutkintotodistuksen_tilaaminen","principal":"person"/);
    assert.match(pages['editor-block'].saved, /"principal":"company","situation":"on-behalf","headingLevel":3\} \/-->/);
    for (const key of ['author-raw', 'editor-raw']) {
      assert.ok(pages[key].saved.includes(`<mandate-guide theme="${DAYCARE.slug}" principal="minor" heading-level="3"`), `${key}: ${pages[key].saved}`);
    }
    assert.doesNotMatch(pages['author-raw'].saved, /onclick|catalogue-url|data-x|lang=/,
      'kses removes handlers and other attributes, and lang (the page loads one file for the site language)');
  });

  for (const [key, theme, principal] of [
    ['author-block', SCHOOL, 'person'],
    ['editor-block', SCHOOL, 'company'],
    ['author-raw', DAYCARE, 'minor'],
    ['editor-raw', DAYCARE, 'minor'],
  ]) {
    it(`front end (${key}): the guide shows "${theme.fi}" in Finnish, pinned script with SRI in the head, no console errors`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pages[key].link);
      const guide = page.locator('mandate-guide');
      // The guide's own heading, at the chosen level (heading-level="3").
      await guide.getByRole('heading', {level: 3, name: 'Asiointi toisen puolesta'}).waitFor();
      assert.deepEqual(await guide.evaluate((el) => [el.getAttribute('theme'), el.getAttribute('principal'), el.getAttribute('heading-level')]),
        [theme.slug, principal, '3']);
      await page.waitForFunction((name) => document.querySelector('mandate-guide').shadowRoot?.textContent.includes(name), theme.fi);

      const tags = await page.$$eval('script[src*="/plugins/puolesta/"]', (all) => all.map((s) => ({
        src: s.src, integrity: s.getAttribute('integrity'), crossorigin: s.getAttribute('crossorigin'),
        inHead: s.parentElement === document.head, defer: s.defer, async: s.hasAttribute('async'),
      })));
      assert.equal(tags.length, 1, 'one puolesta script');
      const [tag] = tags;
      assert.ok(tag.src.endsWith(`/wp-content/plugins/puolesta/assets/${version}/puolesta.fi.js`), tag.src);
      assert.deepEqual([tag.integrity, tag.crossorigin, tag.inHead, tag.defer, tag.async],
        [release.files['puolesta.fi.js'].integrity, 'anonymous', true, true, false], 'in the head, deferred (the guide is pre-rendered)');
      assert.equal(sha384(Buffer.from(await (await fetch(tag.src)).arrayBuffer())), tag.integrity, 'the served bytes match the sha384');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('without JavaScript the block shows the builder\'s fallback paragraph, names joined with "ja"', async () => {
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(pages['editor-block'].link);
    const fallback = page.locator('mandate-guide > p');
    assert.match(await fallback.innerText(), new RegExp(`voit tarvita Suomi\\.fi-valtuuden\\. Valtuusasia on ${SCHOOL.fi}\\.`));
    assert.equal(await fallback.locator('a').getAttribute('href'), 'https://www.suomi.fi/valtuudet');
    assert.equal(await page.locator('mandate-guide').getAttribute('lang'), 'fi', 'the element speaks the language of its script file');
    // The same paragraph as the snippet builder's (data/fallback-texts.json), for three themes.
    await page.goto(pages['three-themes'].link);
    const html = await page.locator('mandate-guide > p').evaluate((p) => p.innerHTML);
    assert.equal(html.replace(/\s+/g, ' ').replace(/&#0?39;/g, "'").trim(), builderFallback({themes: THREE, lang: 'fi'}));
    await context.close();
  });

  it('a page without the guide loads no Puolesta script', async () => {
    const page = await browser.newPage();
    await page.goto(pages['no-guide'].link);
    assert.equal(await page.locator('script[src*="/plugins/puolesta/"]').count(), 0);
    await page.close();
  });

  it('block editor (Editor, Swedish UI): insert the block, choose a theme by its Swedish name, the preview is the real guide', async () => {
    const context = await browser.newContext({viewport: {width: 1400, height: 1000}});
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/wp-login.php`);
    await page.fill('#user_login', 'editor');
    await page.fill('#user_pass', 'pw-editor');
    await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
    await page.goto(`${url}/wp-admin/post-new.php`);
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType('puolesta/mandate-guide'));
    assert.equal(await page.locator('iframe[name="editor-canvas"]').count(), 0, 'WordPress 6.1 edits posts in the page itself, not an iframe');

    // The inserter finds the block by its Swedish title (the plugin's own translation).
    await page.getByRole('button', {name: 'Toggle block inserter'}).click();
    await page.getByRole('searchbox').fill('Fullmaktsguide');
    await page.getByRole('option', {name: 'Fullmaktsguide'}).click();

    // The block is selected; its settings are in the sidebar.
    await page.getByRole('button', {name: 'Toggle block inserter'}).click();
    const settings = page.getByRole('button', {name: 'Settings', exact: true});
    if ((await settings.getAttribute('aria-pressed')) !== 'true') await settings.click();
    const theme = page.getByRole('combobox', {name: 'Välj fullmaktsärende'});
    await theme.fill('examensbetyg');
    await page.getByRole('option', {name: SCHOOL.sv}).click();
    // The label is the element's own question, in its reviewed Swedish.
    await page.getByLabel(elementText('sv', 'Whose matter is it?')).selectOption('company');

    const guide = page.locator('.editor-styles-wrapper mandate-guide');
    assert.deepEqual(await guide.evaluate((el) => [el.getAttribute('theme'), el.getAttribute('principal')]), [SCHOOL.slug, 'company']);
    // The real element, with the site's (Finnish) file: it names the theme as the front end will.
    await page.waitForFunction((name) => document.querySelector('.editor-styles-wrapper mandate-guide')?.shadowRoot?.textContent.includes(name), SCHOOL.fi);
    const content = await page.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
    assert.match(content, /<!-- wp:puolesta\/mandate-guide \{"theme":"koulu_tai_tutkintotodistuksen_tilaaminen","principal":"company"\} \/-->/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an unknown theme shows a notice in the editor', async () => {
    const context = await browser.newContext({viewport: {width: 1400, height: 1000}});
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${url}/wp-login.php`);
    await page.fill('#user_login', 'admin');
    await page.fill('#user_pass', adminPassword);
    await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
    await page.goto(`${url}/wp-admin/post-new.php`);
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType('puolesta/mandate-guide'));
    await page.evaluate(() => window.wp.data.dispatch('core/block-editor').insertBlocks(
      window.wp.blocks.createBlock('puolesta/mandate-guide', {theme: 'ei_tallaista_valtuusasiaa'})));
    const warning = page.locator('.block-editor-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /Ei ole Suomi\.fin valtuusasia: ei_tallaista_valtuusasiaa/);
    await context.close();
  });

  it('Site Editor (iframed canvas): the block previews the real element inside the iframe', async () => {
    const context = await browser.newContext({viewport: {width: 1400, height: 1000}});
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/wp-login.php`);
    await page.fill('#user_login', 'admin');
    await page.fill('#user_pass', adminPassword);
    await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
    await page.goto(`${url}/wp-admin/site-editor.php?postType=wp_template&postId=twentytwentythree//index`);
    const canvas = page.frameLocator('iframe[name="editor-canvas"]');
    await canvas.locator('body').waitFor();
    await page.waitForFunction(() => window.wp?.data?.select('core/block-editor')?.getBlocks().length > 0);
    await page.evaluate((theme) => window.wp.data.dispatch('core/block-editor').insertBlocks(
      window.wp.blocks.createBlock('puolesta/mandate-guide', {theme}), 0), SCHOOL.slug);
    const guide = canvas.locator('mandate-guide').first();
    await guide.waitFor();
    // Defined in the iframe's own window (not only in the parent's), rendered, with the theme's name.
    await page.waitForFunction((name) => {
      const doc = document.querySelector('iframe[name="editor-canvas"]').contentDocument;
      const el = doc.querySelector('mandate-guide');
      return doc.defaultView.customElements.get('mandate-guide') && el?.shadowRoot?.textContent.includes(name) && el.getBoundingClientRect().height > 50;
    }, SCHOOL.fi);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with WP_DEBUG on, the PHP log has no line from the plugin', () => {
    const log = existsSync(join(base, 'wp-debug.log')) ? readFileSync(join(base, 'wp-debug.log'), 'utf8') : '';
    assert.deepEqual(log.split('\n').filter((line) => /plugins\/puolesta\//.test(line)), []);
  });
});
