<?php

declare(strict_types=1);

namespace Drupal\puolesta;

/**
 * The module's own rules for <mandate-guide>, in plain PHP.
 *
 * No Drupal class is used here on purpose: the block, the settings form and
 * the CSP subscriber only wire these functions into Drupal, and PHPUnit can
 * test every rule without a Drupal installation. The wording and the rules
 * follow the snippet builder (src/builder/snippet.ts), so a block and a
 * pasted snippet produce the same element.
 */
final class GuideMarkup {

  /** Whose matter it is; anything else leaves the question to the citizen. */
  public const PRINCIPALS = ['person', 'minor', 'company', 'association', 'housing-company', 'organisation'];

  /** How it is handled: A, B, C; anything else leaves the question to the citizen. */
  public const SITUATIONS = ['on-behalf', 'joint', 'alone'];

  /** Languages the element speaks and has a single-language file for. */
  public const LANGUAGES = ['fi', 'sv', 'en'];

  /** The element shows at most this many theme cards (src/core/themes.ts). */
  public const MAX_THEMES = 8;

  /** The guide's own default heading level; not written out when chosen. */
  public const DEFAULT_HEADING_LEVEL = 2;

  /** Where the element reads PTV from by default. */
  public const PTV_ORIGIN = 'https://api.palvelutietovaranto.suomi.fi';

  private const SLUG = '/^[a-z0-9_]{1,200}$/';
  private const GUID = '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i';

  /** Suomi.fi-valtuudet, by name and address, in each language. */
  private const SERVICE = [
    'fi' => ['Suomi.fi-valtuudet', 'https://www.suomi.fi/valtuudet'],
    'sv' => ['Suomi.fi-fullmakter', 'https://www.suomi.fi/fullmakter'],
    'en' => ['Suomi.fi e-Authorizations', 'https://www.suomi.fi/e-authorizations'],
  ];

  /**
   * No-JS wording. It must not claim more than is sure: a mandate *may* be
   * needed. Same sentences as the builder's snippet.
   */
  private const FALLBACK = [
    'fi' => [
      'intro' => 'Jos hoidat asiaa toisen henkilön tai organisaation puolesta, voit tarvita Suomi.fi-valtuuden.',
      'one' => 'Valtuusasia on',
      'many' => 'Valtuusasiat ovat',
      'and' => 'ja',
      'where' => 'Valtuuksia pyydetään ja annetaan palvelussa',
      'ptv' => 'Palvelun kuvauksessa kerrotaan, mikä valtuusasia tarvitaan.',
    ],
    'sv' => [
      'intro' => 'Om du sköter ärendet för en annan person eller en organisation kan du behöva en fullmakt i Suomi.fi.',
      'one' => 'Fullmaktsärendet är',
      'many' => 'Fullmaktsärendena är',
      'and' => 'och',
      'where' => 'Fullmakter begärs och ges i tjänsten',
      'ptv' => 'I beskrivningen av tjänsten står vilket fullmaktsärende som behövs.',
    ],
    'en' => [
      'intro' => 'If you handle this matter for another person or an organisation, you may need a Suomi.fi mandate.',
      'one' => 'The mandate theme is',
      'many' => 'The mandate themes are',
      'and' => 'and',
      'where' => 'Mandates are requested and given in',
      'ptv' => 'The service description says which mandate theme is needed.',
    ],
  ];

  /**
   * A page language (Drupal langcode such as "sv" or "fi-x") as one of ours.
   *
   * Returns NULL for any other language: such a page gets the all-language
   * file and the element picks its own language from the page.
   */
  public static function locale(?string $langcode): ?string {
    $primary = strtolower((string) preg_split('/[-_]/', trim((string) $langcode))[0]);
    return in_array($primary, self::LANGUAGES, TRUE) ? $primary : NULL;
  }

  /** The script file for a page language: one language, or all three. */
  public static function scriptFile(?string $langcode): string {
    $locale = self::locale($langcode);
    return $locale ? "puolesta.$locale.js" : 'puolesta.js';
  }

  /**
   * Theme ids from a form or stored config: validated, deduplicated, capped.
   *
   * Accepts bare slugs and http(s)://valtuusrekisteri.suomi.fi/<slug> URIs,
   * as a list or a space/comma-separated string.
   *
   * @return array{slugs: string[], invalid: string[]}
   */
  public static function parseThemes(array|string|null $input): array {
    $tokens = is_array($input) ? array_values($input) : preg_split('/[\s,]+/', (string) $input, -1, PREG_SPLIT_NO_EMPTY);
    $slugs = [];
    $invalid = [];
    foreach ($tokens as $token) {
      $slug = is_string($token) ? self::themeSlug($token) : NULL;
      if ($slug === NULL) {
        $invalid[] = is_scalar($token) ? (string) $token : gettype($token);
      }
      elseif (!in_array($slug, $slugs, TRUE) && count($slugs) < self::MAX_THEMES) {
        $slugs[] = $slug;
      }
    }
    return ['slugs' => $slugs, 'invalid' => $invalid];
  }

  /** One theme id (bare slug or theme URI) as a slug, else NULL. */
  public static function themeSlug(string $raw): ?string {
    $value = trim($raw);
    if (preg_match('#^https?://valtuusrekisteri\.suomi\.fi/(.*)$#i', $value, $m)) {
      $value = $m[1];
    }
    $value = strtolower($value);
    return preg_match(self::SLUG, $value) ? $value : NULL;
  }

  /** A preset principal, or NULL when the guide should ask. */
  public static function principal(?string $value): ?string {
    return in_array($value, self::PRINCIPALS, TRUE) ? $value : NULL;
  }

  /** A preset situation, or NULL when the guide should ask. */
  public static function situation(?string $value): ?string {
    return in_array($value, self::SITUATIONS, TRUE) ? $value : NULL;
  }

  /**
   * The heading level for a block: 2–6.
   *
   * Level 1 is the page title's in Drupal, so the block does not offer it.
   * Anything else is NULL, for the form to refuse.
   */
  public static function headingLevel(int|string|null $value): ?int {
    if (is_string($value) && !preg_match('/^[2-6]$/', trim($value))) {
      return NULL;
    }
    $level = (int) $value;
    return $level >= 2 && $level <= 6 ? $level : NULL;
  }

  /** A PTV service channel GUID (lower case), or NULL. */
  public static function serviceChannel(?string $value): ?string {
    $value = trim((string) $value);
    return preg_match(self::GUID, $value) ? strtolower($value) : NULL;
  }

  /**
   * The folder the release files are served from, ending in "/", or NULL.
   *
   * Allowed: https URLs without credentials, query or fragment, and
   * root-relative paths on the site itself ("/libraries/puolesta/"). Plain
   * http is allowed only for loopback hosts (local development), the same
   * rule the elements apply to their own endpoints.
   */
  public static function baseUrl(?string $value): ?string {
    $value = trim((string) $value);
    if ($value === '' || preg_match('/[\s"\'<>\\\\]/', $value)) {
      return NULL;
    }
    if (!str_ends_with($value, '/')) {
      $value .= '/';
    }
    if ($value[0] === '/') {
      // "//host/" would be another host; ".." could leave the folder.
      if (str_starts_with($value, '//') || preg_match('#(^|/)\.\.?(/|$)#', $value) || preg_match('/[?#]/', $value)) {
        return NULL;
      }
      return $value;
    }
    $parts = parse_url($value);
    if ($parts === FALSE || empty($parts['host']) || isset($parts['user']) || isset($parts['pass'])
      || isset($parts['query']) || isset($parts['fragment'])) {
      return NULL;
    }
    $scheme = strtolower($parts['scheme'] ?? '');
    $loopback = in_array(strtolower($parts['host']), ['localhost', '127.0.0.1', '[::1]'], TRUE);
    if ($scheme !== 'https' && !($scheme === 'http' && $loopback)) {
      return NULL;
    }
    return $value;
  }

  /** The origin ("https://host[:port]") of a base URL, or "'self'" for a root-relative one. */
  public static function origin(string $baseUrl): string {
    if ($baseUrl[0] === '/') {
      return "'self'";
    }
    $parts = parse_url($baseUrl);
    $port = isset($parts['port']) ? ':' . $parts['port'] : '';
    return strtolower($parts['scheme']) . '://' . strtolower($parts['host']) . $port;
  }

  /**
   * Whether the guide will fetch the full catalogue for these themes.
   *
   * The script bundles the municipal subset; any other theme makes it read
   * mandate-themes.json from the files' folder.
   *
   * @param string[] $slugs
   * @param string[] $bundled
   */
  public static function needsCatalogue(array $slugs, array $bundled): bool {
    return (bool) array_diff($slugs, $bundled);
  }

  /**
   * The CSP sources a page with the guide needs, per directive.
   *
   * script-src for the files' origin; connect-src for the same origin when
   * the full catalogue is read, plus the PTV API when themes come from PTV.
   * The element needs no 'unsafe-inline' (lit uses constructable stylesheets).
   *
   * @return array<string, string[]>
   */
  public static function cspSources(string $baseUrl, bool $catalogue, bool $ptv): array {
    $files = self::origin($baseUrl);
    $sources = ['script-src' => [$files]];
    $connect = [];
    if ($ptv) {
      $connect = [self::PTV_ORIGIN, $files];
    }
    elseif ($catalogue) {
      $connect = [$files];
    }
    if ($connect) {
      $sources['connect-src'] = $connect;
    }
    return $sources;
  }

  /**
   * The element's attributes from a block's stored settings.
   *
   * Values are validated here; they are still escaped on output (Drupal's
   * Attribute class does it for the render array, elementHtml() here).
   * Invalid values are left out, so the guide asks instead.
   *
   * @return array<string, string>
   */
  public static function attributes(array $settings): array {
    $attributes = [];
    $channel = self::serviceChannel($settings['service_channel'] ?? NULL);
    $themes = self::parseThemes($settings['themes'] ?? [])['slugs'];
    if ($channel) {
      $attributes['service-channel'] = $channel;
    }
    elseif ($themes) {
      $attributes['theme'] = implode(' ', $themes);
    }
    if ($principal = self::principal($settings['principal'] ?? NULL)) {
      $attributes['principal'] = $principal;
    }
    if ($situation = self::situation($settings['situation'] ?? NULL)) {
      $attributes['situation'] = $situation;
    }
    $level = self::headingLevel($settings['heading_level'] ?? NULL);
    if ($level !== NULL && $level !== self::DEFAULT_HEADING_LEVEL) {
      $attributes['heading-level'] = (string) $level;
    }
    return $attributes;
  }

  /**
   * A theme's name for a page language, from a catalogue record.
   *
   * Official names are never invented: without one in the page language the
   * Finnish name is used and marked as Finnish; without any, NULL.
   *
   * @return array{text: string, lang: string}|null
   */
  public static function themeName(?array $record, string $lang): ?array {
    $names = $record['n'] ?? [];
    foreach ([$lang, 'fi'] as $candidate) {
      if (isset($names[$candidate]) && is_string($names[$candidate]) && $names[$candidate] !== '') {
        return ['text' => $names[$candidate], 'lang' => $candidate];
      }
    }
    return NULL;
  }

  /**
   * The no-JS fallback paragraph's inner HTML, escaped, in the page language.
   *
   * Shown before the script runs, without JavaScript, and again by the element
   * when a theme cannot be found.
   *
   * @param array<string, array> $catalogue
   *   Records by slug ("n" => names by language).
   */
  public static function fallbackHtml(array $attributes, array $catalogue, ?string $langcode): string {
    $lang = self::locale($langcode) ?? 'fi';
    $words = self::FALLBACK[$lang];
    $out = [self::escape($words['intro'])];
    if (isset($attributes['service-channel'])) {
      $out[] = self::escape($words['ptv']);
    }
    elseif (isset($attributes['theme'])) {
      $names = [];
      foreach (explode(' ', $attributes['theme']) as $slug) {
        $name = self::themeName($catalogue[$slug] ?? NULL, $lang);
        if ($name) {
          $strong = '<strong>' . self::escape($name['text']) . '</strong>';
          $names[] = $name['lang'] === $lang ? $strong : '<span lang="' . $name['lang'] . '">' . $strong . '</span>';
        }
      }
      if ($names) {
        $last = array_pop($names);
        $list = $names ? implode(', ', $names) . ' ' . self::escape($words['and']) . ' ' . $last : $last;
        $out[] = self::escape(count($names) ? $words['many'] : $words['one']) . ' ' . $list . '.';
      }
    }
    [$service, $href] = self::SERVICE[$lang];
    $out[] = self::escape($words['where']) . ' <a href="' . self::escape($href) . '">' . self::escape($service) . '</a>.';
    return implode(' ', $out);
  }

  /**
   * The whole element as HTML: for tests and for pages outside the render system.
   */
  public static function elementHtml(array $attributes, string $fallbackHtml): string {
    $attrs = '';
    foreach ($attributes as $name => $value) {
      $attrs .= ' ' . self::escape((string) $name) . '="' . self::escape((string) $value) . '"';
    }
    return "<mandate-guide$attrs><p>$fallbackHtml</p></mandate-guide>";
  }

  /**
   * The releases this module knows: version => file => sha384 integrity.
   *
   * Read from data/releases.json, written by `npm run build` from each
   * release's integrity.json. A missing or broken file gives no releases.
   *
   * @return array<string, array<string, string>>
   */
  public static function releases(string $path): array {
    $data = is_readable($path) ? json_decode((string) file_get_contents($path), TRUE) : NULL;
    $releases = [];
    foreach (is_array($data['releases'] ?? NULL) ? $data['releases'] : [] as $version => $files) {
      if (!preg_match('/^\d+\.\d+\.\d+$/', (string) $version) || !is_array($files)) {
        continue;
      }
      foreach ($files as $file => $integrity) {
        if (preg_match('/^puolesta(\.(fi|sv|en))?\.js$/', (string) $file) && is_string($integrity)
          && preg_match('#^sha384-[A-Za-z0-9+/]{64}$#', $integrity)) {
          $releases[(string) $version][(string) $file] = $integrity;
        }
      }
    }
    return $releases;
  }

  /** HTML-escapes text and attribute values (quotes included), as Html::escape does. */
  public static function escape(string $text): string {
    return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
  }

}
