// One no-JS fallback text: the Drupal module writes the same paragraph as the snippet builder, in every language,
// for one theme, several themes ("a, b ja c") and a PTV channel. (WordPress is compared in its own real-WordPress
// test.) Before data/fallback-texts.json each had its own copy, and WordPress joined names without "ja".
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {test} from 'node:test';
import {builderFallback, normalise} from './builder-fallback.mjs';

const module = 'integrations/drupal/puolesta';
const CASES = [
  {themes: ['ajoneuvotietojen_selvittaminen']},
  {themes: ['ajoneuvotietojen_selvittaminen', 'veroasioiden_hoito']},
  {themes: ['ajoneuvotietojen_selvittaminen', 'veroasioiden_hoito', 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen']},
  {channel: '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22'},
];

/** The Drupal module's paragraph, from its own GuideMarkup with its generated data. */
function drupalFallback({themes = [], channel = '', lang}) {
  const php = `require '${module}/src/GuideMarkup.php';
    use Drupal\\puolesta\\GuideMarkup;
    $records = [];
    foreach (json_decode(file_get_contents('${module}/data/themes.json'), TRUE)['themes'] as $r) { $records[$r['s']] = $r; }
    $attributes = GuideMarkup::attributes(json_decode($argv[1], TRUE));
    echo GuideMarkup::fallbackHtml($attributes, $records, $argv[2], GuideMarkup::texts('${module}/data/fallback-texts.json'));`;
  const run = spawnSync('php', ['-r', php, JSON.stringify({themes, service_channel: channel}), lang], {encoding: 'utf8'});
  assert.equal(run.status, 0, run.stderr);
  return normalise(run.stdout);
}

for (const lang of ['fi', 'sv', 'en']) {
  test(`Drupal writes the builder's fallback paragraph (${lang})`, () => {
    for (const example of CASES) {
      assert.equal(drupalFallback({...example, lang}), builderFallback({...example, lang}), JSON.stringify(example));
    }
  });
}

test('three names are joined with commas and the language\'s "and"', () => {
  const three = CASES[2];
  for (const [lang, and] of [['fi', 'ja'], ['sv', 'och'], ['en', 'and']]) {
    // "<name>, <name> <and> <name>." whether or not the middle name is marked as Finnish.
    assert.match(builderFallback({...three, lang}), new RegExp(`</strong>, (<span lang="fi">)?<strong>[^<]+</strong>(</span>)? ${and} (<span lang="fi">)?<strong>[^<]+</strong>(</span>)?\\.`));
  }
});
