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
  public const PRINCIPALS = ['person', 'minor', 'company', 'housing-company', 'association', 'foundation', 'estate', 'organisation'];

  /** How it is handled: A, B, C; anything else leaves the question to the citizen. */
  public const SITUATIONS = ['on-behalf', 'joint', 'alone'];

  /** Languages the element speaks and has a single-language file for. */
  public const LANGUAGES = ['fi', 'sv', 'en'];

  /** The element shows at most this many theme cards (src/core/themes.ts). */
  public const MAX_THEMES = 8;

  /** The guide's own default heading level; not written out when chosen. */
  public const DEFAULT_HEADING_LEVEL = 2;

  /** The html_head key of the stylesheet link a pre-rendered guide attaches; the CSP subscriber looks for it. */
  public const STYLESHEET_HEAD_KEY = 'puolesta_guide_stylesheet';

  /** Where the element reads PTV from by default. */
  public const PTV_ORIGIN = 'https://api.palvelutietovaranto.suomi.fi';

  private const SLUG = '/^[a-z0-9_]{1,200}$/';
  private const GUID = '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i';

  /** The keys of each language in data/fallback-texts.json. */
  public const TEXT_KEYS = ['intro', 'one', 'many', 'and', 'ptv', 'where', 'service', 'href'];

  /** The keys whose wording goes through Drupal's translation (href is an address, not wording). */
  public const TRANSLATABLE_KEYS = ['intro', 'one', 'many', 'and', 'ptv', 'where', 'service'];

  /** The translation context of the fallback text's source strings (the English ones). */
  public const TRANSLATION_CONTEXT = 'puolesta fallback';

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

  /**
   * The language the element will speak on a page in $langcode.
   *
   * The block writes it as the element's lang attribute, so the element, its
   * no-JS paragraph and the script file loaded for it always agree, whatever
   * the <html lang> (Drupal's interface language) says. A page in another
   * language gets the element's default, Finnish.
   */
  public static function guideLanguage(?string $langcode): string {
    return self::locale($langcode) ?? 'fi';
  }

  /** The script file for a page language: one language, or all three. */
  public static function scriptFile(?string $langcode): string {
    $locale = self::locale($langcode);
    return $locale ? "puolesta.$locale.js" : 'puolesta.js';
  }

  /**
   * The library a block attaches: the script file, and what the guide fetches.
   *
   * One library per page: "puolesta/guide" (all languages) or
   * "puolesta/guide.<lang>", with ".catalogue" (it reads mandate-themes.json
   * from the files' folder) or ".ptv" (it reads the PTV API) when needed.
   * Those variants are libraries whose only content is a dependency on the
   * script's library, which Drupal core accepts (LibraryDiscoveryParser needs
   * js, css, dependencies or drupalSettings); the CSP subscriber reads the name.
   */
  public static function library(?string $fileLanguage, bool $catalogue, bool $ptv): string {
    $name = 'puolesta/guide' . (in_array($fileLanguage, self::LANGUAGES, TRUE) ? ".$fileLanguage" : '');
    return $name . ($ptv ? '.ptv' : ($catalogue ? '.catalogue' : ''));
  }

  /**
   * What a library name attached by the block tells the CSP subscriber.
   *
   * @return array{catalogue: bool, ptv: bool}|null
   *   NULL for a library that is not one of the guide's.
   */
  public static function libraryNeeds(mixed $library): ?array {
    if (!is_string($library) || !preg_match('#^puolesta/guide(?:\.(?:fi|sv|en))?(?:\.(catalogue|ptv))?$#', $library, $m)) {
      return NULL;
    }
    $need = $m[1] ?? '';
    return ['catalogue' => $need === 'catalogue', 'ptv' => $need === 'ptv'];
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
   * the full catalogue is read, plus the PTV API when themes come from PTV;
   * style-src and style-src-elem for the files' origin when the guide is
   * pre-rendered (its stylesheet link, in the head and in the shadow root;
   * the csp module's own LibraryPolicyBuilder names both for a stylesheet).
   * The element needs no 'unsafe-inline' (lit uses constructable stylesheets).
   *
   * @return array<string, string[]>
   */
  public static function cspSources(string $baseUrl, bool $catalogue, bool $ptv, bool $stylesheet = FALSE): array {
    $files = self::origin($baseUrl);
    $sources = ['script-src' => [$files]];
    if ($stylesheet) {
      $sources['style-src'] = [$files];
      $sources['style-src-elem'] = [$files];
    }
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
   * The fallback texts: language => key => text, from data/fallback-texts.json.
   *
   * That file is the one source of the text for the builder, WordPress and
   * this module (npm run build copies it here). A missing or incomplete file
   * is an error, not an empty paragraph.
   *
   * @return array<string, array<string, string>>
   */
  public static function texts(string $path): array {
    $data = is_readable($path) ? json_decode((string) file_get_contents($path), TRUE) : NULL;
    $texts = [];
    foreach (self::LANGUAGES as $lang) {
      foreach (self::TEXT_KEYS as $key) {
        $value = $data[$lang][$key] ?? NULL;
        if (!is_string($value) || $value === '') {
          throw new \RuntimeException("Puolesta: $path has no fallback text '$lang.$key'; reinstall the module from its release archive.");
        }
        $texts[$lang][$key] = $value;
      }
    }
    return $texts;
  }

  /**
   * The no-JS fallback paragraph's inner HTML, escaped, in the guide's language.
   *
   * Shown before the script runs, without JavaScript, and again by the element
   * when a theme cannot be found.
   *
   * @param array<string, array> $catalogue
   *   Records by slug ("n" => names by language).
   * @param array<string, array<string, string>> $texts
   *   From texts().
   * @param callable|null $translate
   *   fn(string $english, string $lang): string — the site's translation of an
   *   English source text (Drupal's t()), the English text itself when there
   *   is none. Without one, or without a translation, the text from $texts.
   */
  public static function fallbackHtml(array $attributes, array $catalogue, string $lang, array $texts, ?callable $translate = NULL): string {
    $lang = self::locale($lang) ?? 'fi';
    $word = function (string $key) use ($lang, $texts, $translate): string {
      $own = $texts[$lang][$key];
      if ($translate === NULL || !in_array($key, self::TRANSLATABLE_KEYS, TRUE)) {
        return $own;
      }
      $english = $texts['en'][$key];
      $translated = (string) $translate($english, $lang);
      // Untranslated (the English source back) on a fi/sv page: the module's own text.
      return ($translated === '' || ($translated === $english && $lang !== 'en')) ? $own : $translated;
    };
    $out = [self::escape($word('intro'))];
    if (isset($attributes['service-channel'])) {
      $out[] = self::escape($word('ptv'));
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
        $out[] = self::fill($word(count($names) > 1 ? 'many' : 'one'), '{names}', self::joinList($names, $word('and')));
      }
    }
    $link = '<a href="' . self::escape($texts[$lang]['href']) . '">' . self::escape($word('service')) . '</a>';
    $out[] = self::fill($word('where'), '{service}', $link);
    return implode(' ', $out);
  }

  /**
   * Items (already HTML) as "a, b and c", the word for "and" escaped.
   *
   * @param string[] $items
   */
  public static function joinList(array $items, string $and): string {
    $last = array_pop($items);
    return $items ? implode(', ', $items) . ' ' . self::escape($and) . ' ' . $last : (string) $last;
  }

  /** Escapes a text and puts HTML in place of its one placeholder (left out when a translation lost it). */
  private static function fill(string $text, string $placeholder, string $html): string {
    $parts = explode($placeholder, $text, 2);
    return count($parts) === 2 ? self::escape($parts[0]) . $html . self::escape($parts[1]) : self::escape($text) . ' ' . $html;
  }

  /**
   * The whole element as HTML: for tests and for pages outside the render system.
   *
   * $prerendered is the declarative shadow root from prerendered() (or ''),
   * which goes first inside the element, before the no-JS paragraph.
   */
  public static function elementHtml(array $attributes, string $fallbackHtml, string $prerendered = ''): string {
    $attrs = '';
    foreach ($attributes as $name => $value) {
      $attrs .= ' ' . self::escape((string) $name) . '="' . self::escape((string) $value) . '"';
    }
    return "<mandate-guide$attrs>$prerendered<p>$fallbackHtml</p></mandate-guide>";
  }

  /**
   * The release folder the files are served from: the settings' folder and
   * release, ending in "/", or NULL when either is not valid.
   */
  public static function releaseFolder(?string $baseUrl, ?string $version): ?string {
    $base = self::baseUrl($baseUrl);
    return $base !== NULL && preg_match('/^\d+\.\d+\.\d+$/', (string) $version) ? $base . $version . '/' : NULL;
  }

  /**
   * The pre-rendered guide for a block's element attributes, or NULL.
   *
   * NULL for a PTV service channel (its themes come from PTV when the page
   * runs), a theme the pack lacks, or a pack of another release than the one
   * the page loads. Else the declarative shadow root to put first inside the
   * element ('template', exactly what prerenderGuide() in
   * src/core/prerender.ts gives) and the stylesheet for the head: its URL
   * and integrity value.
   *
   * @param array<string, string> $attributes
   *   From attributes().
   * @param array|null $pack
   *   The release's prerender.json (Prerender::load()).
   *
   * @return array{template: string, stylesheet: array{href: string, integrity: string}}|null
   */
  public static function prerendered(array $attributes, string $lang, ?array $pack, ?string $folder, ?string $version): ?array {
    if ($pack === NULL || $folder === NULL || ($pack['version'] ?? NULL) !== $version || isset($attributes['service-channel'])) {
      return NULL;
    }
    $template = Prerender::guide($pack, [
      'locale' => self::locale($lang) ?? 'fi',
      'themes' => isset($attributes['theme']) ? explode(' ', $attributes['theme']) : [],
      'principal' => $attributes['principal'] ?? '',
      'situation' => $attributes['situation'] ?? '',
      'headingLevel' => isset($attributes['heading-level']) ? (int) $attributes['heading-level'] : self::DEFAULT_HEADING_LEVEL,
      'folder' => $folder,
    ]);
    return $template === NULL ? NULL : [
      'template' => $template,
      'stylesheet' => ['href' => Prerender::stylesheetUrl($pack, $folder), 'integrity' => (string) $pack['stylesheet']['integrity']],
    ];
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
