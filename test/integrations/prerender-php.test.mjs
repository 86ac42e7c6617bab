// The CMS packages' pre-rendered guide (integrations/shared/Prerender.php, as shipped in the WordPress plugin zip
// and the Drupal module archive) against the reference, prerenderGuide() / prerenderHeadLink() of dist/lib/core.js:
// the same string, byte for byte, over every language, every principal and situation (and none), 0, 1 and 3 themes
// in and outside the script's bundled subset, heading levels 2-6, and null for what cannot be pre-rendered (a theme
// the pack lacks, a preset it does not know). The JS is what the builder uses; that it is what the element renders
// is tested separately (test/unit, the pack's own test). Needs php (Debian php8.2-cli) and a build.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const {prerenderGuide, prerenderHeadLink, PRINCIPALS, SITUATIONS} = await import(join(root, 'dist/lib/core.js'));
const packFile = join(root, `dist/cdn/${version}/prerender.json`);
const pack = JSON.parse(readFileSync(packFile, 'utf8'));

// What ships: each package's copy, unpacked from its archive.
const work = mkdtempSync(join(tmpdir(), 'puolesta-prerender-php-'));
process.on('exit', () => rmSync(work, {recursive: true, force: true}));
const unzip = (archive, into) => {
  const run = spawnSync('unzip', ['-q', join(root, `dist/integrations/${archive}`), '-d', join(work, into)], {encoding: 'utf8'});
  if (run.status !== 0) throw new Error(`cannot unpack ${archive} (npm run build): ${run.stderr}`);
  return join(work, into, 'puolesta');
};
const copies = {
  wordpress: {file: join(unzip(`puolesta-wordpress-${version}.zip`, 'wp'), 'includes/Prerender.php'), cls: '\\Puolesta\\Prerender'},
  drupal: {file: join(unzip(`puolesta-drupal-${version}.zip`, 'drupal'), 'src/Prerender.php'), cls: '\\Drupal\\puolesta\\Prerender'},
};

// Themes: in the bundled subset (the script carries them) and outside it (only the full catalogue has them).
const pick = (name) => [join(root, '..', 'shared', 'data', name), join(root, 'data', name)].find((p) => existsSync(p));
const bundled = JSON.parse(readFileSync(pick('municipal-themes.json'), 'utf8')).themes;
const inPack = (slug) => ['fi', 'sv', 'en'].every((l) => Object.hasOwn(pack.cards[l], slug));
const inside = bundled.filter(inPack);
const outside = Object.keys(pack.cards.fi).filter((slug) => !bundled.includes(slug) && inPack(slug));
assert.ok(inside.length >= 3 && outside.length >= 3, 'the pack has themes in and outside the bundled subset');
// The last two as an attribute may come: a theme twice (the element shows it once), more than the element's limit of 8.
const themeSets = [[], [inside[0]], [outside[0]], [inside[1], outside[1], inside[2]], [outside[2], outside[0], outside[1]], [inside[0], outside[0], inside[0]], [...inside.slice(0, 6), ...outside.slice(0, 4)]];
const FOLDER = 'https://static.kunta.fi/puolesta/0.1.0/';

const cases = [];
for (const locale of ['fi', 'sv', 'en']) {
  for (const principal of ['', ...PRINCIPALS]) {
    for (const situation of ['', ...SITUATIONS]) {
      for (const themes of themeSets) {
        for (const headingLevel of [2, 3, 4, 5, 6]) cases.push({locale, themes, principal, situation, headingLevel, folder: FOLDER});
      }
    }
  }
}
// What cannot be pre-rendered, and odd but allowed input.
const edge = [
  {locale: 'fi', themes: ['ei_tallaista_valtuusasiaa'], principal: '', situation: '', headingLevel: 2, folder: FOLDER},
  {locale: 'sv', themes: [inside[0], 'ei_tallaista_valtuusasiaa'], principal: 'person', situation: 'on-behalf', headingLevel: 3, folder: FOLDER},
  {locale: 'fi', themes: [inside[0]], principal: 'someone', situation: '', headingLevel: 2, folder: FOLDER},
  {locale: 'fi', themes: [inside[0]], principal: '', situation: 'sometimes', headingLevel: 2, folder: FOLDER},
  {locale: 'de', themes: [inside[0]], principal: '', situation: '', headingLevel: 2, folder: FOLDER},
  {locale: 'en', themes: [outside[0]], principal: 'minor', situation: 'joint', headingLevel: 1, folder: '/libraries/puolesta/0.1.0/'},
  {locale: 'en', themes: [outside[0]], principal: 'minor', situation: 'joint', headingLevel: 9, folder: '/a "b" & <c>/'},
];

/** Each case through a PHP copy of Prerender; its results in order (null where it gives NULL). */
function php({file, cls}, list) {
  const input = join(work, 'cases.json');
  writeFileSync(input, JSON.stringify(list));
  const code = `require $argv[1]; $pack = ${cls}::load($argv[2]); if ($pack === NULL) { fwrite(STDERR, "no pack\\n"); exit(1); }
    $out = array(); foreach (json_decode(file_get_contents($argv[3]), TRUE) as $c) {
      $out[] = isset($c['headLink']) ? ${cls}::headLink($pack, $c['headLink']) : ${cls}::guide($pack, $c); }
    echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);`;
  const run = spawnSync('php', ['-d', 'memory_limit=1G', '-r', code, file, packFile, input], {encoding: 'utf8', maxBuffer: 1 << 30});
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

for (const [cms, copy] of Object.entries(copies)) {
  test(`${cms}: the shipped Prerender.php gives prerenderGuide()'s output byte for byte (${cases.length} guides)`, () => {
    const got = php(copy, cases);
    assert.equal(got.length, cases.length);
    let counts = 0;
    cases.forEach((options, i) => {
      const want = prerenderGuide(pack, options);
      assert.notEqual(want, null, `the reference pre-renders ${JSON.stringify(options)}`);
      if (got[i] !== want) assert.equal(got[i], want, JSON.stringify(options)); // compare only on a difference: 2 700 long strings
      counts += 1;
    });
    assert.equal(counts, 3 * (PRINCIPALS.length + 1) * (SITUATIONS.length + 1) * themeSets.length * 5);
    // The matrix is not trivially the same string: levels, themes and presets change the output.
    const sample = (o) => prerenderGuide(pack, {...cases[0], ...o});
    assert.notEqual(sample({headingLevel: 4}), sample({headingLevel: 2}));
    assert.match(sample({themes: [outside[0]], headingLevel: 5}), /aria-level="6"/);
  });

  test(`${cms}: null where the reference gives null, the same string where it does not; the head link`, () => {
    const got = php(copy, edge);
    const want = edge.map((options) => prerenderGuide(pack, options));
    assert.deepEqual(want.slice(0, 5), [null, null, null, null, null], 'unknown theme, preset or language: the plain element');
    assert.deepEqual(got, want);
    assert.ok(want[6].includes('href="/a &quot;b&quot; &amp; &lt;c>/puolesta-guide.css"'));
    const folders = [FOLDER, '/libraries/puolesta/0.1.0/', '/a "b" & <c>/'];
    assert.deepEqual(php(copy, folders.map((headLink) => ({headLink}))), folders.map((folder) => prerenderHeadLink(pack, folder)));
  });
}

test('both packages ship the one source (integrations/shared/Prerender.php; Drupal with its namespace)', () => {
  const source = readFileSync(join(root, 'integrations/shared/Prerender.php'), 'utf8');
  assert.equal(readFileSync(copies.wordpress.file, 'utf8'), source);
  assert.equal(readFileSync(copies.drupal.file, 'utf8'), source.replace('namespace Puolesta;', 'namespace Drupal\\puolesta;'));
  const lint = spawnSync('php', ['-l', copies.wordpress.file], {encoding: 'utf8'});
  assert.equal(lint.status, 0, lint.stdout);
});
