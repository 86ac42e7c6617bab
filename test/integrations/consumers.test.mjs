// Consumer smoke test: the package as npm publishes it, in the projects municipalities build with.
// `npm pack` → install the tarball into throw-away Vite projects (React 19, Vue 3, plain TypeScript) with exact
// pinned versions → import every export → typecheck (and prove the typings reject deliberate mistakes) →
// `vite build` → serve the built site on 127.0.0.1 → render in Debian Chromium. Also: every `exports` target is
// in the tarball, and `puolesta/server` imports in Node. No mocks: real installs from the npm registry (through
// the shared npm cache, --prefer-offline), real compilers, a real browser. Needs `npm run build` first.
// PUOLESTA_KEEP_CONSUMERS=1 keeps the projects (the path is printed) to look into a failure.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createServer} from 'node:http';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, extname, join, normalize, resolve, sep} from 'node:path';
import {launch, root} from '../e2e/support.mjs';

const THEME = 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen';
const THEME_NAME = 'Varhaiskasvatuksen aloituksesta tai päättymisestä ilmoittaminen';
/** The Finnish verdict for a child × "handles it for them": a guardian usually needs no mandate (docs/rules.md). */
const VERDICT = 'Huoltaja ei yleensä tarvitse valtuutta.';
const PRINCIPAL_NAME = 'Anni Kumpulainen';

/** Exact versions; every one supports Node 20.19 and vite 8 (plugin-react 6 and plugin-vue 6 peer on vite ^8). */
const V = {
  vite: '8.3.8',
  typescript: '7.0.2', // the repository's own compiler (the native one)
  // vue-tsc runs on TypeScript's JavaScript API, which TypeScript 7 no longer ships: 6.0 is its newest.
  typescriptForVue: '6.0.3',
  react: '19.3.1',
  reactDom: '19.3.1',
  typesReact: '19.3.3',
  typesReactDom: '19.3.0',
  pluginReact: '6.3.0',
  vue: '3.5.45',
  pluginVue: '6.0.11',
  vueTsc: '3.3.14',
  typesNode: '20.19.43',
};

const work = mkdtempSync(join(tmpdir(), 'puolesta-consumers-'));
const started = Date.now();
let tarball;
let browser;
const installs = {};

/** Runs a command; resolves {code, output, ms}. Stopped (its whole process group) after `limitMs`. */
function run(command, args, {cwd, limitMs = 240_000, env = {}} = {}) {
  return new Promise((resolvePromise) => {
    const t0 = Date.now();
    const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => {
      output += `\n[stopped after ${limitMs / 1000} s]`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({code: code ?? 1, output, ms: Date.now() - t0});
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function writeTree(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    await mkdir(dirname(file), {recursive: true});
    await writeFile(file, typeof text === 'string' ? text : `${JSON.stringify(text, null, 2)}\n`);
  }
}

// ── What every project shares ───────────────────────────────────────────────────────────────────────────────

/** Imports every JavaScript export of the package and checks what each gives (shown on the page as JSON). */
const CHECKS_TS = `import * as puolesta from 'puolesta';
import * as guideDefine from 'puolesta/mandate-guide.js';
import * as guideClass from 'puolesta/mandate-guide-element.js';
import * as selectorDefine from 'puolesta/acting-for-selector.js';
import * as selectorClass from 'puolesta/acting-for-selector-element.js';
import * as bannerDefine from 'puolesta/acting-for-banner.js';
import * as bannerClass from 'puolesta/acting-for-banner-element.js';
import * as core from 'puolesta/core.js';
import * as localization from 'puolesta/localization.js';
import type {Guidance, Principal} from 'puolesta/core.js';

export function checks(): Record<string, boolean> {
  const minor: Principal = 'minor';
  const guidance: Guidance = core.triage(minor, 'on-behalf');
  return {
    'puolesta: the three classes': [puolesta.MandateGuide, puolesta.ActingForSelector, puolesta.ActingForBanner].every((c) => typeof c === 'function'),
    'puolesta: core rules too': puolesta.triage === core.triage,
    'puolesta/mandate-guide.js defines <mandate-guide>': customElements.get('mandate-guide') === guideDefine.MandateGuide,
    'puolesta/mandate-guide-element.js: the same class': guideClass.MandateGuide === guideDefine.MandateGuide && puolesta.MandateGuide === guideClass.MandateGuide,
    'puolesta/acting-for-selector.js defines <acting-for-selector>': customElements.get('acting-for-selector') === selectorDefine.ActingForSelector,
    'puolesta/acting-for-selector-element.js: the same class': selectorClass.ActingForSelector === selectorDefine.ActingForSelector,
    'puolesta/acting-for-banner.js defines <acting-for-banner>': customElements.get('acting-for-banner') === bannerDefine.ActingForBanner,
    'puolesta/acting-for-banner-element.js: the same class': bannerClass.ActingForBanner === bannerDefine.ActingForBanner,
    'puolesta/core.js: triage and parseThemeId': guidance.need === 'depends' && core.parseThemeId('http://valtuusrekisteri.suomi.fi/${THEME}') === '${THEME}',
    'puolesta/localization.js: inLocale and msg': localization.inLocale('sv', () => typeof localization.msg === 'function'),
    'HTMLElementTagNameMap: createElement is typed': document.createElement('mandate-guide') instanceof guideClass.MandateGuide,
  };
}
`;
const CHECK_NAMES = [...CHECKS_TS.matchAll(/^ {4}'([^']+)':/gm)].map((m) => m[1]);

const indexHtml = (entry) => `<!doctype html>
<html lang="fi">
<head><meta charset="utf-8"><title>Puolesta consumer</title><link rel="icon" href="data:,"></head>
<body><div id="app"></div><script type="module" src="${entry}"></script></body>
</html>
`;

const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'bundler',
  strict: true,
  noEmit: true,
  isolatedModules: true,
  // Our shipped .d.ts files are checked too: a declaration that points at a missing file fails here.
  skipLibCheck: false,
  types: [],
};

/** Lines marked `MISTAKE` in a file: the typecheck must report an error on each of them, and nowhere else. */
const mistakeLines = (text) => text.split('\n').flatMap((line, i) => (/MISTAKE/.test(line) ? [i + 1] : []));

// ── The three projects ──────────────────────────────────────────────────────────────────────────────────────

const projects = {
  react: {
    title: 'React 19',
    typecheck: ['tsc', '--noEmit', '--pretty', 'false', '-p'],
    bad: 'bad/mistakes.tsx',
    files: {
      'package.json': {
        name: 'consumer-react', private: true, type: 'module',
        dependencies: {puolesta: 'TARBALL', react: V.react, 'react-dom': V.reactDom},
        devDependencies: {'@types/react': V.typesReact, '@types/react-dom': V.typesReactDom, '@vitejs/plugin-react': V.pluginReact, typescript: V.typescript, vite: V.vite},
      },
      'tsconfig.json': {compilerOptions: {...compilerOptions, jsx: 'react-jsx'}, include: ['src']},
      'tsconfig.bad.json': {extends: './tsconfig.json', include: ['src', 'bad']},
      'vite.config.js': `import {defineConfig} from 'vite';\nimport react from '@vitejs/plugin-react';\nexport default defineConfig({plugins: [react()]});\n`,
      'index.html': indexHtml('/src/main.tsx'),
      'src/checks.ts': CHECKS_TS,
      'src/main.tsx': `import 'puolesta/react';
import {StrictMode, useEffect, useRef, useState} from 'react';
import {createRoot} from 'react-dom/client';
import {MandateGuide, type ActingForChangeDetail, type Principal, type Situation} from 'puolesta';
import {checks} from './checks';

function App() {
  const [actingFor, setActingFor] = useState<ActingForChangeDetail | undefined>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const guide = useRef<MandateGuide>(null);
  useEffect(() => {
    if (!(guide.current instanceof MandateGuide) || guide.current.principal !== 'minor') setProblems((list) => [...list, 'ref']);
  }, []);
  const principal: Principal = 'minor';
  const situation: Situation = 'on-behalf';
  return (
    <>
      <acting-for-banner
        session-url="/valtuudet/session"
        stop-url="/valtuudet/stop"
        switch-url="/#kenen-puolesta"
        onpuolesta-acting-for-change={(event) => setActingFor(event.detail)}
        onpuolesta-error={(event) => setProblems((list) => [...list, event.detail.code])}
      />
      <main>
        <p id="acting-for">{actingFor === undefined ? 'no event' : actingFor ? \`\${actingFor.type}: \${actingFor.name}\` : 'myself'}</p>
        <p id="problems">{problems.join(' ')}</p>
        <acting-for-selector id="kenen-puolesta" modes="person organisation" theme="${THEME}" heading-level={2} />
        <mandate-guide theme="${THEME}" principal={principal} situation={situation} heading-level={2} className="guide" ref={guide} />
        <pre id="puolesta-exports">{JSON.stringify(checks())}</pre>
      </main>
    </>
  );
}

createRoot(document.getElementById('app')!).render(<StrictMode><App /></StrictMode>);
`,
      'bad/mistakes.tsx': `import 'puolesta/react';
export const mistakes = (
  <>
    <mandate-guide theme="${THEME}" principal="dragon" /> {/* MISTAKE: not a principal */}
    <mandate-guide theme="${THEME}" situation="sideways" /> {/* MISTAKE: not a situation */}
    <mandate-guide theme="${THEME}" heading-level={9} /> {/* MISTAKE: headings go to 6 */}
    <acting-for-selector modes="everyone" /> {/* MISTAKE: not a mode */}
    <acting-for-banner onpuolesta-acting-for-change={(event) => event.detail?.hetu} /> {/* MISTAKE: no identity code in the detail */}
    <acting-for-banner session-url={42} /> {/* MISTAKE: a URL is a string */}
  </>
);
`,
    },
  },
  vue: {
    title: 'Vue 3',
    typecheck: ['vue-tsc', '--noEmit', '--pretty', 'false', '-p'],
    bad: 'bad/Mistakes.vue',
    files: {
      'package.json': {
        name: 'consumer-vue', private: true, type: 'module',
        dependencies: {puolesta: 'TARBALL', vue: V.vue},
        devDependencies: {'@vitejs/plugin-vue': V.pluginVue, typescript: V.typescriptForVue, vite: V.vite, 'vue-tsc': V.vueTsc},
      },
      'tsconfig.json': {compilerOptions: {...compilerOptions, jsx: 'preserve'}, include: ['src/**/*.ts', 'src/**/*.vue']},
      'tsconfig.bad.json': {extends: './tsconfig.json', include: ['src/**/*.ts', 'src/**/*.vue', 'bad/*.vue']},
      // The documented set-up: Vue leaves the three tags to the browser (isPuolestaTag is plain JS, fine in Node).
      'vite.config.js': `import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';
import {isPuolestaTag} from 'puolesta/vue';
export default defineConfig({plugins: [vue({template: {compilerOptions: {isCustomElement: isPuolestaTag}}})]});
`,
      'index.html': indexHtml('/src/main.ts'),
      'src/checks.ts': CHECKS_TS,
      'src/env.d.ts': `declare module '*.vue' {\n  import type {DefineComponent} from 'vue';\n  const component: DefineComponent;\n  export default component;\n}\n`,
      'src/main.ts': `import 'puolesta/vue';
import {createApp} from 'vue';
import App from './App.vue';
createApp(App).mount('#app');
`,
      'src/App.vue': `<script setup lang="ts">
import {ref} from 'vue';
import type {ActingForChangeDetail, Principal} from 'puolesta';
import {checks} from './checks';

const actingFor = ref<ActingForChangeDetail | undefined>();
const problems = ref<string[]>([]);
const principal: Principal = 'minor';
const exportsJson = JSON.stringify(checks());
</script>

<template>
  <acting-for-banner
    session-url="/valtuudet/session"
    stop-url="/valtuudet/stop"
    switch-url="/#kenen-puolesta"
    @puolesta-acting-for-change="(event) => (actingFor = event.detail)"
    @puolesta-error="(event) => problems.push(event.detail.code)"
  />
  <main>
    <p id="acting-for">{{ actingFor === undefined ? 'no event' : actingFor ? \`\${actingFor.type}: \${actingFor.name}\` : 'myself' }}</p>
    <p id="problems">{{ problems.join(' ') }}</p>
    <acting-for-selector id="kenen-puolesta" modes="person organisation" theme="${THEME}" :heading-level="2" />
    <mandate-guide theme="${THEME}" :principal="principal" situation="on-behalf" :heading-level="2" />
    <pre id="puolesta-exports">{{ exportsJson }}</pre>
  </main>
</template>
`,
      'bad/Mistakes.vue': `<script setup lang="ts">
import 'puolesta/vue';
</script>

<template>
  <mandate-guide theme="${THEME}" principal="dragon" /><!-- MISTAKE: not a principal -->
  <mandate-guide theme="${THEME}" situation="sideways" /><!-- MISTAKE: not a situation -->
  <mandate-guide theme="${THEME}" :heading-level="9" /><!-- MISTAKE: headings go to 6 -->
  <acting-for-selector modes="everyone" /><!-- MISTAKE: not a mode -->
  <acting-for-banner @puolesta-acting-for-change="(event) => event.detail?.hetu" /><!-- MISTAKE: no identity code in the detail -->
  <acting-for-banner :session-url="42" /><!-- MISTAKE: a URL is a string -->
</template>
`,
    },
  },
  typescript: {
    title: 'plain TypeScript',
    typecheck: ['tsc', '--noEmit', '--pretty', 'false', '-p'],
    bad: 'bad/mistakes.ts',
    files: {
      'package.json': {
        name: 'consumer-typescript', private: true, type: 'module',
        dependencies: {puolesta: 'TARBALL'},
        devDependencies: {'@types/node': V.typesNode, typescript: V.typescript, vite: V.vite},
      },
      'tsconfig.json': {compilerOptions, include: ['src']},
      'tsconfig.bad.json': {extends: './tsconfig.json', include: ['src', 'bad']},
      // Node's own resolution (what a library or an SSR project often uses) must find the same types.
      'tsconfig.nodenext.json': {extends: './tsconfig.json', compilerOptions: {module: 'NodeNext', moduleResolution: 'NodeNext'}},
      // The server adapter's types, checked against Node's (not bundled: it is server code).
      'tsconfig.server.json': {compilerOptions: {...compilerOptions, lib: ['ES2022'], types: ['node']}, include: ['server']},
      'index.html': indexHtml('/src/main.ts'),
      'src/checks.ts': CHECKS_TS,
      'src/main.ts': `import type {ActingForBannerAttributes, ActingForSelectorAttributes, MandateGuideAttributes} from 'puolesta';
import {checks} from './checks.js';

/** An element with its attributes: the attribute types keep the values to what the element acts on. */
function create<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: object): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

const banner: ActingForBannerAttributes = {'session-url': '/valtuudet/session', 'stop-url': '/valtuudet/stop', 'switch-url': '/#kenen-puolesta'};
const selector: ActingForSelectorAttributes = {modes: 'person organisation', theme: '${THEME}', 'heading-level': 2};
const guide: MandateGuideAttributes = {theme: '${THEME}', principal: 'minor', situation: 'on-behalf', 'heading-level': 2};

const bannerElement = create('acting-for-banner', banner);
const actingFor = document.createElement('p');
actingFor.id = 'acting-for';
actingFor.textContent = 'no event';
const problems = document.createElement('p');
problems.id = 'problems';
// Typed by HTMLElementEventMap: event.detail is {type, name} | null here, {code} below.
bannerElement.addEventListener('puolesta-acting-for-change', (event) => {
  actingFor.textContent = event.detail ? \`\${event.detail.type}: \${event.detail.name}\` : 'myself';
});
bannerElement.addEventListener('puolesta-error', (event) => (problems.textContent += \` \${event.detail.code}\`));
const selectorElement = create('acting-for-selector', selector);
selectorElement.id = 'kenen-puolesta';
const guideElement = create('mandate-guide', guide);
guideElement.addEventListener('puolesta-situation-change', (event) => console.info(event.detail.need));
const out = document.createElement('pre');
out.id = 'puolesta-exports';
out.textContent = JSON.stringify(checks());
const main = document.createElement('main');
main.append(actingFor, problems, selectorElement, guideElement, out);
document.getElementById('app')!.append(bannerElement, main);
`,
      'bad/mistakes.ts': `import type {MandateGuideAttributes, SelectorModes} from 'puolesta';
import 'puolesta/mandate-guide.js';
export const a: MandateGuideAttributes = {principal: 'dragon'}; // MISTAKE: not a principal
export const b: MandateGuideAttributes = {situation: 'sideways'}; // MISTAKE: not a situation
export const c: MandateGuideAttributes = {'heading-level': 9}; // MISTAKE: headings go to 6
export const d: SelectorModes = 'everyone'; // MISTAKE: not a mode
document.createElement('acting-for-banner').addEventListener('puolesta-acting-for-change', (event) => event.detail?.hetu); // MISTAKE: no identity code in the detail
document.createElement('mandate-guide').addEventListener('puolesta-situation-change', (event) => event.detail.need === 'maybe'); // MISTAKE: need is needed | depends | not-needed
`,
      'server/adapter.ts': `import {createServer} from 'node:http';
import {adapterFromEnv, mountAdapter, MemorySessionStore, type HostUser} from 'puolesta/server';

const user: HostUser | null = null;
const adapter = adapterFromEnv({getUser: () => user, store: new MemorySessionStore()}, {});
const valtuudet = mountAdapter(adapter, {publicOrigin: 'https://asiointi.kunta.fi'});
createServer(async (req, res) => {
  if (await valtuudet(req, res)) return;
  res.end();
});
`,
    },
  },
};

// ── Set-up: one tarball, three installs side by side (one npm cache) ────────────────────────────────────────

before(async () => {
  for (const file of ['dist/lib/index.js', 'dist/lib/types/index.d.ts', 'dist/server/index.js', 'custom-elements.json']) {
    assert.ok(existsSync(join(root, file)), `${file} is missing: run npm run build first`);
  }
  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], {cwd: root, limitMs: 120_000});
  assert.equal(pack.code, 0, pack.output);
  const [info] = JSON.parse(pack.output.slice(pack.output.indexOf('[')));
  tarball = join(work, info.filename);
  console.log(`# npm pack: ${info.filename}, ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KB (${seconds(pack.ms)})`);

  for (const [name, project] of Object.entries(projects)) {
    const dir = join(work, name);
    project.dir = dir;
    const files = {...project.files, 'package.json': {...project.files['package.json']}};
    files['package.json'].dependencies = {...files['package.json'].dependencies, puolesta: `file:${tarball}`};
    await writeTree(dir, files);
    // Started together; each test awaits its own. Errors stay with their project.
    installs[name] = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {cwd: dir, limitMs: 300_000});
  }
  const done = await Promise.all(Object.entries(installs).map(async ([name, p]) => [name, await p]));
  for (const [name, r] of done) console.log(`# npm install (${name}): exit ${r.code}, ${seconds(r.ms)}`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (process.env.PUOLESTA_KEEP_CONSUMERS) console.log(`# projects kept in ${work}`);
  else rmSync(work, {recursive: true, force: true});
  console.log(`# consumers: ${seconds(Date.now() - started)} in all`);
});

// ── The checks ──────────────────────────────────────────────────────────────────────────────────────────────

/** Serves a built `dist` folder and the adapter's session answer (acting for a made-up person). */
async function serveBuilt(dir) {
  const types = {'.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.json': 'application/json'};
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/valtuudet/session') {
      res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
      return res.end(JSON.stringify({actingFor: {type: 'person', name: PRINCIPAL_NAME, themes: []}}));
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {'Content-Type': types[extname(file)] ?? 'application/octet-stream'});
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r)))};
}

/** Errors reported for `file`, as line numbers; the output of tsc / vue-tsc with --pretty false. */
function errorLines(output, file) {
  const re = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\((\\d+),\\d+\\): error`, 'g');
  return [...new Set([...output.matchAll(re)].map((m) => +m[1]))].sort((a, b) => a - b);
}

async function consumer(t, name) {
  const project = projects[name];
  const {dir} = project;
  const t0 = Date.now();
  const install = await installs[name];
  if (Date.now() - t0 > 1000) t.diagnostic(`waited ${seconds(Date.now() - t0)} for npm install`);
  assert.equal(install.code, 0, `npm install failed:\n${install.output}`);
  const [bin, ...args] = project.typecheck;
  const tool = join(dir, 'node_modules', '.bin', bin);

  // 1. The project as written typechecks, with our typings and every shipped .d.ts checked.
  const good = await run(tool, [...args, 'tsconfig.json'], {cwd: dir});
  t.diagnostic(`${bin} (clean project): exit ${good.code}, ${seconds(good.ms)}`);
  assert.equal(good.code, 0, `${bin} failed on the clean project:\n${good.output}`);

  // 2. The typings bite: each deliberate mistake is an error on its own line, and nothing else is.
  const expected = mistakeLines(project.files[project.bad]);
  const bad = await run(tool, [...args, 'tsconfig.bad.json'], {cwd: dir});
  t.diagnostic(`${bin} (deliberate mistakes): exit ${bad.code}, ${seconds(bad.ms)}`);
  assert.notEqual(bad.code, 0, `${bin} accepted the deliberate mistakes:\n${bad.output}`);
  assert.deepEqual(errorLines(bad.output, project.bad), expected, `errors on exactly the MISTAKE lines of ${project.bad}:\n${bad.output}`);
  const elsewhere = bad.output.split('\n').filter((l) => /error TS/.test(l) && !l.startsWith(project.bad));
  assert.deepEqual(elsewhere, [], 'no error outside the mistakes file');

  if (project.files['tsconfig.nodenext.json']) {
    const nodenext = await run(tool, [...args, 'tsconfig.nodenext.json'], {cwd: dir});
    t.diagnostic(`${bin} (moduleResolution NodeNext): exit ${nodenext.code}, ${seconds(nodenext.ms)}`);
    assert.equal(nodenext.code, 0, `${bin} failed with NodeNext resolution:\n${nodenext.output}`);
  }

  // 3. vite build.
  const build = await run(join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {cwd: dir});
  t.diagnostic(`vite build: exit ${build.code}, ${seconds(build.ms)}`);
  assert.equal(build.code, 0, `vite build failed:\n${build.output}`);

  // 4. Chromium renders the built site.
  const shown = Date.now();
  const site = await serveBuilt(join(dir, 'dist'));
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(site.url);
    await page.waitForFunction(
      () => document.querySelector('mandate-guide')?.shadowRoot?.querySelector('[part~=verdict]') &&
        document.querySelector('acting-for-banner')?.shadowRoot?.querySelector('[part~=banner]'),
      null,
      {timeout: 10_000},
    );
    const seen = await page.evaluate(() => {
      const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const guide = document.querySelector('mandate-guide').shadowRoot;
      return {
        themeName: text(guide.querySelector('[part~=theme-name]')),
        verdict: text(guide.querySelector('[part~=verdict]')),
        guide: text(guide),
        banner: text(document.querySelector('acting-for-banner').shadowRoot.querySelector('[part~=banner]')),
        selector: text(document.querySelector('acting-for-selector').shadowRoot),
        actingFor: text(document.getElementById('acting-for')),
        problems: text(document.getElementById('problems')),
        exports: JSON.parse(document.getElementById('puolesta-exports').textContent),
      };
    });
    assert.ok(seen.guide.includes(THEME_NAME), `the guide names the theme: ${seen.guide.slice(0, 400)}`);
    assert.ok(seen.verdict.includes(VERDICT), `the guide gives the verdict: ${seen.verdict}`);
    assert.ok(seen.banner.includes(PRINCIPAL_NAME), `the banner names the principal: ${seen.banner}`);
    assert.ok(seen.selector.length > 20, `the selector renders: ${seen.selector}`);
    // The framework's own event binding received the element's event, with its detail.
    assert.equal(seen.actingFor, `person: ${PRINCIPAL_NAME}`, 'the puolesta-acting-for-change handler ran');
    assert.equal(seen.problems, '', 'no puolesta-error');
    assert.deepEqual(Object.keys(seen.exports), CHECK_NAMES);
    assert.deepEqual(Object.entries(seen.exports).filter(([, ok]) => !ok).map(([n]) => n), [], 'every export check holds');
    assert.deepEqual(consoleErrors, [], 'no console errors');
    t.diagnostic(`Chromium: rendered and checked in ${seconds(Date.now() - shown)}`);
  } finally {
    await page.close();
    await site.close();
  }
}

test('React 19 (vite + @vitejs/plugin-react): JSX typechecks, mistakes are caught, builds and renders in Chromium', (t) => consumer(t, 'react'));
test('Vue 3 (vite + @vitejs/plugin-vue + vue-tsc): templates typecheck, mistakes are caught, builds and renders in Chromium', (t) => consumer(t, 'vue'));
test('plain TypeScript (vite, no framework): typechecks, mistakes are caught, builds and renders in Chromium', (t) => consumer(t, 'typescript'));

test('the installed tarball: every exports target and every relative import of its .d.ts files exists', async () => {
  assert.equal((await installs.typescript).code, 0);
  const installed = join(projects.typescript.dir, 'node_modules', 'puolesta');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const targets = [];
  for (const [key, value] of Object.entries(manifest.exports)) {
    for (const target of typeof value === 'string' ? [value] : Object.values(value)) targets.push([key, target]);
  }
  targets.push(['main', manifest.main], ['types', manifest.types], ['customElements', manifest.customElements]);
  const missing = targets.filter(([, target]) => !existsSync(join(installed, target))).map(([k, target]) => `${k} → ${target}`);
  assert.deepEqual(missing, [], 'exports targets missing from the tarball');
  // Every .d.ts reachable from a types entry must resolve its relative imports inside the package.
  const dts = [];
  const walk = (d) => readdirSync(d, {withFileTypes: true}).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.d.ts') && dts.push(join(d, e.name))));
  walk(join(installed, 'dist'));
  const broken = [];
  for (const file of dts) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.d.ts');
      if (!existsSync(target)) broken.push(`${file.slice(installed.length + 1)} → ${spec}`);
    }
  }
  assert.deepEqual(broken, [], 'relative imports of shipped .d.ts files that point nowhere');
});

test('puolesta/server imports in Node from the installed tarball, and its types check against @types/node', async (t) => {
  const {dir} = projects.typescript;
  assert.equal((await installs.typescript).code, 0);
  const node = await run(process.execPath, ['--input-type=module', '-e', `
    const server = await import('puolesta/server');
    const names = ['adapterFromEnv', 'mountAdapter', 'ValtuudetAdapter', 'MemorySessionStore', 'RedisSessionStore', 'configFromEnv'];
    const missing = names.filter((n) => typeof server[n] !== 'function');
    if (missing.length) throw new Error('missing: ' + missing);
    console.log('ok ' + Object.keys(server).length + ' exports');
  `], {cwd: dir});
  assert.equal(node.code, 0, node.output);
  assert.match(node.output, /^ok \d+ exports/m);
  const types = await run(join(dir, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.server.json'], {cwd: dir});
  t.diagnostic(`tsc (server): exit ${types.code}, ${seconds(types.ms)}`);
  assert.equal(types.code, 0, types.output);
});
