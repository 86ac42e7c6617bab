<?php

declare(strict_types=1);

namespace Drupal\Tests\puolesta\Unit;

use Drupal\puolesta\GuideMarkup;
use Drupal\puolesta\Prerender;
use PHPUnit\Framework\TestCase;

/**
 * What an editor and a citizen get from the block's settings.
 *
 * @coversDefaultClass \Drupal\puolesta\GuideMarkup
 * @group puolesta
 */
final class GuideMarkupTest extends TestCase {

  /** The catalogue and release data the build ships with the module. */
  private static function data(string $file): array {
    return json_decode((string) file_get_contents(__DIR__ . '/../../../data/' . $file), TRUE);
  }

  private static function catalogue(): array {
    $records = [];
    foreach (self::data('themes.json')['themes'] as $record) {
      $records[$record['s']] = $record;
    }
    return $records;
  }

  public function testThemesAreSlugsOrThemeUrisAndCapped(): void {
    $parsed = GuideMarkup::parseThemes([
      'http://valtuusrekisteri.suomi.fi/veroasioiden_hoito',
      'VEROASIOIDEN_HOITO',
      'x" onmouseover="alert(1)',
      '../etc',
    ]);
    $this->assertSame(['veroasioiden_hoito'], $parsed['slugs'], 'a URI and an upper-case copy are the same theme');
    $this->assertSame(['x" onmouseover="alert(1)', '../etc'], $parsed['invalid']);

    $many = GuideMarkup::parseThemes(implode(' ', array_map(fn ($i) => "theme_$i", range(1, 12))));
    $this->assertCount(GuideMarkup::MAX_THEMES, $many['slugs'], 'the element shows at most 8 theme cards');
  }

  public function testTheBlockOffersTheThemesTheElementAccepts(): void {
    $slugs = array_keys(self::catalogue());
    $this->assertGreaterThanOrEqual(229, count($slugs), 'the whole catalogue, not the bundled subset');
    $refused = array_values(array_filter($slugs, fn ($slug) => GuideMarkup::themeSlug($slug) !== $slug));
    // The same slug rule as the element's (src/core/themes.ts): every catalogue slug, the longest 163 characters.
    $this->assertSame([], $refused);
  }

  public function testPresetsAcceptOnlyTheElementsValues(): void {
    foreach (GuideMarkup::PRINCIPALS as $principal) {
      $this->assertSame($principal, GuideMarkup::principal($principal));
    }
    $this->assertNull(GuideMarkup::principal('Person'), 'the element would not recognise it, so the guide asks');
    $this->assertNull(GuideMarkup::principal(''));
    $this->assertSame('joint', GuideMarkup::situation('joint'));
    $this->assertNull(GuideMarkup::situation('together'));
  }

  public function testHeadingLevelIsTwoToSix(): void {
    $this->assertSame(2, GuideMarkup::headingLevel('2'));
    $this->assertSame(6, GuideMarkup::headingLevel(6));
    $this->assertNull(GuideMarkup::headingLevel('1'), 'h1 is the page title in Drupal');
    $this->assertNull(GuideMarkup::headingLevel('7'));
    $this->assertNull(GuideMarkup::headingLevel('3; drop'));
    $this->assertNull(GuideMarkup::headingLevel(NULL));
  }

  public function testBaseUrlIsHttpsOrThisSite(): void {
    $this->assertSame('/libraries/puolesta/', GuideMarkup::baseUrl('/libraries/puolesta'));
    $this->assertSame('https://static.kunta.fi/puolesta/', GuideMarkup::baseUrl('https://static.kunta.fi/puolesta/'));
    $this->assertSame('http://localhost:8080/cdn/', GuideMarkup::baseUrl('http://localhost:8080/cdn/'), 'local development');
    foreach ([
      'http://static.kunta.fi/puolesta/',
      '//evil.example/',
      'javascript:alert(1)//',
      'https://user:pw@static.kunta.fi/',
      'https://static.kunta.fi/p/?v=1',
      '/libraries/../../etc/',
      'https://static.kunta.fi/"><script>/',
      '',
    ] as $bad) {
      $this->assertNull(GuideMarkup::baseUrl($bad), $bad);
    }
  }

  public function testAttributesForTheElement(): void {
    $this->assertSame([
      'theme' => 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen',
      'principal' => 'minor',
      'situation' => 'on-behalf',
      'heading-level' => '3',
    ], GuideMarkup::attributes([
      'themes' => ['varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen'],
      'principal' => 'minor',
      'situation' => 'on-behalf',
      'heading_level' => 3,
    ]));
    // Defaults are not written out; hostile stored values are dropped, so the guide asks.
    $this->assertSame(['theme' => 'veroasioiden_hoito'], GuideMarkup::attributes([
      'themes' => ['veroasioiden_hoito', '<b>'],
      'principal' => '" onclick="x',
      'heading_level' => 2,
    ]));
    $this->assertSame(['service-channel' => '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22'], GuideMarkup::attributes([
      'themes' => ['veroasioiden_hoito'],
      'service_channel' => '0E9C7A4B-5E0D-4B54-9A86-6E2F3C8B1D22',
    ]), 'PTV wins over a fixed theme, as in the builder');
  }

  public function testScriptFileFollowsThePageLanguage(): void {
    $this->assertSame('puolesta.sv.js', GuideMarkup::scriptFile('sv'));
    $this->assertSame('puolesta.fi.js', GuideMarkup::scriptFile('fi-FI'));
    $this->assertSame('puolesta.js', GuideMarkup::scriptFile('de'), 'other languages get the file with all three');
  }

  public function testCspSources(): void {
    $this->assertSame(['script-src' => ['https://static.kunta.fi']],
      GuideMarkup::cspSources('https://static.kunta.fi/puolesta/', FALSE, FALSE));
    $this->assertSame(['script-src' => ["'self'"], 'connect-src' => ["'self'"]],
      GuideMarkup::cspSources('/libraries/puolesta/', TRUE, FALSE), 'the full catalogue comes from the same folder');
    $this->assertSame(['script-src' => ['http://localhost:8080'], 'connect-src' => ['https://api.palvelutietovaranto.suomi.fi', 'http://localhost:8080']],
      GuideMarkup::cspSources('http://localhost:8080/cdn/', FALSE, TRUE));
    $this->assertSame(['script-src' => ['https://static.kunta.fi'], 'style-src' => ['https://static.kunta.fi'], 'style-src-elem' => ['https://static.kunta.fi']],
      GuideMarkup::cspSources('https://static.kunta.fi/puolesta/', FALSE, FALSE, TRUE), 'a pre-rendered guide links its stylesheet from the files\' folder');
  }

  public function testOnlyThemesOutsideTheBundleNeedTheCatalogue(): void {
    $bundled = self::data('themes.json')['bundled'];
    $this->assertNotEmpty($bundled);
    $this->assertFalse(GuideMarkup::needsCatalogue([$bundled[0]], $bundled));
    $this->assertTrue(GuideMarkup::needsCatalogue([$bundled[0], 'adoptiotietojen_selvittaminen'], $bundled));
  }

  /** The one fallback text (data/fallback-texts.json, copied here by the build). */
  private static function texts(): array {
    return GuideMarkup::texts(__DIR__ . '/../../../data/fallback-texts.json');
  }

  public function testFallbackNamesTheThemeInThePageLanguage(): void {
    $catalogue = self::catalogue();
    $fi = GuideMarkup::fallbackHtml(['theme' => 'ajoneuvotietojen_selvittaminen'], $catalogue, 'fi', self::texts());
    $this->assertStringContainsString('Valtuusasia on <strong>Ajoneuvotietojen tilaaminen</strong>.', $fi);
    $this->assertStringContainsString('<a href="https://www.suomi.fi/valtuudet">Suomi.fi-valtuudet</a>', $fi);

    // A theme the catalogue names only in Finnish: the Finnish name, marked as Finnish, never a made-up one.
    $finnishOnly = current(array_filter($catalogue, fn ($r) => isset($r['n']['fi']) && !isset($r['n']['sv'])));
    $this->assertIsArray($finnishOnly, 'the catalogue has a theme without a Swedish name');
    $sv = GuideMarkup::fallbackHtml(['theme' => 'ajoneuvotietojen_selvittaminen ' . $finnishOnly['s']], $catalogue, 'sv', self::texts());
    $this->assertStringContainsString('Fullmaktsärendena är <strong>Beställning av fordonsuppgifter</strong> och <span lang="fi"><strong>' . GuideMarkup::escape($finnishOnly['n']['fi']) . '</strong></span>.', $sv);
    $this->assertStringContainsString('<a href="https://www.suomi.fi/fullmakter">Suomi.fi-fullmakter</a>', $sv);

    $ptv = GuideMarkup::fallbackHtml(['service-channel' => '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22'], $catalogue, 'en', self::texts());
    $this->assertStringContainsString('The service description says which mandate theme is needed.', $ptv);
  }

  public function testThreeNamesAreJoinedAsInTheBuilder(): void {
    $html = GuideMarkup::fallbackHtml(['theme' => 'ajoneuvotietojen_selvittaminen veroasioiden_hoito adoptiotietojen_selvittaminen'],
      self::catalogue(), 'fi', self::texts());
    $this->assertMatchesRegularExpression('#^[^<]*Valtuusasiat ovat <strong>[^<]+</strong>, <strong>[^<]+</strong> ja <strong>[^<]+</strong>\. #u', $html);
  }

  public function testTheSitesTranslationWinsAndIsEscaped(): void {
    $translate = fn (string $english, string $lang) => $english === 'Mandates are requested and given in {service}.' ? 'Valtuudet <b>palvelussa</b> {service}.' : $english;
    $html = GuideMarkup::fallbackHtml([], [], 'fi', self::texts(), $translate);
    $this->assertStringContainsString('Valtuudet &lt;b&gt;palvelussa&lt;/b&gt; <a href="https://www.suomi.fi/valtuudet">Suomi.fi-valtuudet</a>.', $html);
    $this->assertStringStartsWith('Jos hoidat asiaa', $html, 'an untranslated sentence keeps the module\'s Finnish');
  }

  public function testAMissingTextFileIsAClearError(): void {
    $this->expectException(\RuntimeException::class);
    $this->expectExceptionMessage('reinstall the module from its release archive');
    GuideMarkup::texts('/nonexistent/fallback-texts.json');
  }

  public function testOneLanguageDecidesElementFileAndLibrary(): void {
    $this->assertSame('sv', GuideMarkup::guideLanguage('sv-FI'));
    $this->assertSame('fi', GuideMarkup::guideLanguage('de'), 'the element\'s default language');
    $this->assertSame('puolesta/guide.sv.ptv', GuideMarkup::library('sv', FALSE, TRUE));
    $this->assertSame('puolesta/guide.catalogue', GuideMarkup::library(NULL, TRUE, FALSE));
    $this->assertSame(['catalogue' => FALSE, 'ptv' => TRUE], GuideMarkup::libraryNeeds('puolesta/guide.sv.ptv'));
    $this->assertSame(['catalogue' => FALSE, 'ptv' => FALSE], GuideMarkup::libraryNeeds('puolesta/guide'));
    $this->assertNull(GuideMarkup::libraryNeeds('puolesta/guide.de'));
    $this->assertNull(GuideMarkup::libraryNeeds('core/drupal'));
  }

  public function testElementHtmlEscapesAttributeValues(): void {
    $html = GuideMarkup::elementHtml(['theme' => 'a" onclick="x'], 'text');
    $this->assertSame('<mandate-guide theme="a&quot; onclick=&quot;x"><p>text</p></mandate-guide>', $html);
  }

  /** The release's pack, as the build ships it in data/prerender/<version>.json. */
  private static function pack(): array {
    $releases = array_keys(GuideMarkup::releases(__DIR__ . '/../../../data/releases.json'));
    $version = end($releases);
    $pack = Prerender::load(__DIR__ . "/../../../data/prerender/$version.json");
    self::assertNotNull($pack, "data/prerender/$version.json");
    return $pack;
  }

  public function testABlockWithThemesIsPreRenderedIntoTheElement(): void {
    $pack = self::pack();
    $attributes = GuideMarkup::attributes(['themes' => ['veroasioiden_hoito'], 'principal' => 'person', 'heading_level' => 3]);
    $folder = GuideMarkup::releaseFolder('/libraries/puolesta/', $pack['version']);
    $this->assertSame("/libraries/puolesta/{$pack['version']}/", $folder);
    $result = GuideMarkup::prerendered($attributes, 'sv', $pack, $folder, $pack['version']);
    $this->assertNotNull($result);
    // The shadow root: its stylesheet from the release folder with the pack's integrity value, the Swedish guide
    // at the block's heading level, the theme's card.
    $this->assertStringStartsWith('<template shadowrootmode="open"><link rel="stylesheet" href="' . $folder . 'puolesta-guide.css" integrity="' . $pack['stylesheet']['integrity'] . '" crossorigin="anonymous">', $result['template']);
    $this->assertStringEndsWith('</template>', $result['template']);
    $this->assertStringContainsString('lang="sv"', $result['template']);
    $this->assertMatchesRegularExpression('/role="heading" aria-level="3" class="heading h3" part="heading"/', $result['template']);
    $this->assertStringNotContainsString('{{', $result['template'], 'every placeholder filled');
    $this->assertSame(['href' => $folder . 'puolesta-guide.css', 'integrity' => $pack['stylesheet']['integrity']], $result['stylesheet']);
    // The element: the template first, then the no-JS paragraph.
    $html = GuideMarkup::elementHtml($attributes + ['lang' => 'sv'], 'text', $result['template']);
    $this->assertStringStartsWith('<mandate-guide theme="veroasioiden_hoito" principal="person" heading-level="3" lang="sv"><template shadowrootmode="open">', $html);
    $this->assertStringEndsWith('</template><p>text</p></mandate-guide>', $html);
  }

  public function testWhatCannotBePreRenderedStaysThePlainElement(): void {
    $pack = self::pack();
    $folder = GuideMarkup::releaseFolder('/libraries/puolesta/', $pack['version']);
    $ptv = GuideMarkup::attributes(['service_channel' => '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22']);
    $this->assertNull(GuideMarkup::prerendered($ptv, 'fi', $pack, $folder, $pack['version']), 'PTV: the themes come when the page runs');
    $unknown = GuideMarkup::attributes(['themes' => ['veroasioiden_hoito', 'ei_tallaista_valtuusasiaa']]);
    $this->assertNull(GuideMarkup::prerendered($unknown, 'fi', $pack, $folder, $pack['version']), 'a theme the pack lacks');
    $known = GuideMarkup::attributes(['themes' => ['veroasioiden_hoito']]);
    $this->assertNull(GuideMarkup::prerendered($known, 'fi', $pack, '/libraries/puolesta/9.9.9/', '9.9.9'), 'a pack of another release than the page loads');
    $this->assertNull(GuideMarkup::prerendered($known, 'fi', NULL, $folder, $pack['version']), 'no pack');
    $this->assertNull(GuideMarkup::prerendered($known, 'fi', $pack, NULL, $pack['version']), 'no valid folder');
    $this->assertNull(GuideMarkup::releaseFolder('http://static.kunta.fi/', $pack['version']), 'plain http is refused, as for the script');
    $this->assertNull(Prerender::load('/nonexistent/prerender.json'));
  }

  public function testReleasesPinTheBuiltFiles(): void {
    $releases = GuideMarkup::releases(__DIR__ . '/../../../data/releases.json');
    $this->assertNotEmpty($releases);
    foreach ($releases as $version => $files) {
      $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+$/', $version);
      $this->assertSame(['puolesta.en.js', 'puolesta.fi.js', 'puolesta.js', 'puolesta.sv.js'], array_keys($files));
    }
    $this->assertSame([], GuideMarkup::releases('/nonexistent/releases.json'));
  }

}
