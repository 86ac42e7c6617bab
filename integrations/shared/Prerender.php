<?php
/**
 * The pre-rendered <mandate-guide>: the PHP twin of prerenderGuide() and prerenderHeadLink() in
 * src/core/prerender.ts, for the WordPress plugin and the Drupal module.
 *
 * One source, integrations/shared/Prerender.php; npm run build copies it into each package (for Drupal with the
 * module's namespace). Plain PHP 7.4 (WordPress's minimum), no CMS class, so PHPUnit and the twin test
 * (test/integrations/prerender-php.test.mjs, byte for byte against the JS) run it as it is.
 *
 * The pack is the release's prerender.json: frames per `locale|principal|situation|count` and theme cards per
 * locale and slug, all of it escaped HTML written by the build from the element's own render. This class only
 * puts the pieces together; nothing here escapes text except the stylesheet's URL and integrity value.
 */

declare(strict_types=1);

namespace Puolesta;

final class Prerender {

  private const CARDS = '{{cards}}';
  private const COPY_CARDS = '{{copy-cards}}';
  private const NOTE_SLOT = '<slot name="theme-note"></slot>';

  /**
   * The pack from a prerender.json file, or NULL when it is missing or not a pack (the page then carries the
   * plain element). Read once per path and request.
   */
  public static function load(string $path): ?array {
    static $packs = array();
    if (!array_key_exists($path, $packs)) {
      $data = is_readable($path) ? json_decode((string) file_get_contents($path), TRUE) : NULL;
      $valid = is_array($data) && is_array($data['frames'] ?? NULL) && is_array($data['cards'] ?? NULL)
        && is_string($data['stylesheet']['file'] ?? NULL) && is_string($data['stylesheet']['integrity'] ?? NULL);
      $packs[$path] = $valid ? $data : NULL;
    }
    return $packs[$path];
  }

  /** The frame key; count is 0, 1 or 2 ("two or more" share a heading). */
  public static function frameKey(string $locale, string $principal, string $situation, int $count): string {
    return $locale . '|' . $principal . '|' . $situation . '|' . min($count, 2);
  }

  /**
   * The pre-rendered shadow root, a <template shadowrootmode="open"> to put first inside <mandate-guide>, or NULL
   * when this guide cannot be pre-rendered (a theme the pack lacks, a preset it does not know).
   *
   * @param array $options
   *   locale (fi, sv, en); themes (validated slugs, at most the element's limit); principal and situation ('' or
   *   absent: the citizen answers); headingLevel (1-6, else 2); folder (the release folder, absolute or
   *   root-relative, ending in "/").
   */
  public static function guide(array $pack, array $options): ?string {
    $locale = (string) ($options['locale'] ?? '');
    // As the element reads its attribute: each theme once, at most its limit of 8 (src/core/themes.ts).
    $themes = array_slice(array_values(array_unique(array_values($options['themes'] ?? array()), SORT_REGULAR)), 0, 8);
    $key = self::frameKey($locale, (string) ($options['principal'] ?? ''), (string) ($options['situation'] ?? ''), count($themes));
    $frame = $pack['frames'][$key] ?? NULL;
    $cards = $pack['cards'][$locale] ?? NULL;
    if (!is_string($frame) || !is_array($cards)) {
      return NULL;
    }
    foreach ($themes as $slug) {
      if (!is_string($slug) || !array_key_exists($slug, $cards)) {
        return NULL;
      }
    }
    $level = $options['headingLevel'] ?? NULL;
    $level = is_int($level) && $level >= 1 && $level <= 6 ? $level : 2;
    $copy = strpos($frame, self::COPY_CARDS) !== FALSE;
    $parts = array();
    foreach ($themes as $index => $slug) {
      $card = str_replace('{{i}}', (string) $index, $cards[$slug][$copy ? 1 : 0]);
      $parts[] = $index === 0 ? $card : self::replaceFirst($card, self::NOTE_SLOT, '');
    }
    $html = self::replaceFirst($frame, $copy ? self::COPY_CARDS : self::CARDS, implode(' ', $parts));
    if ($themes) {
      $first = $cards[$themes[0]];
      $html = self::replaceFirst(self::replaceFirst($html, '{{href}}', $first[2]), '{{hreflang}}', $first[3]);
    }
    $html = preg_replace_callback('/\{\{l([0-2])\}\}/', function (array $m) use ($level): string {
      return (string) min($level + (int) $m[1], 6);
    }, $html);
    return '<template shadowrootmode="open">' . self::stylesheet($pack, (string) ($options['folder'] ?? '')) . $html . '</template>';
  }

  /** The <link> for <head> that makes every engine style pre-rendered guidance at first paint. */
  public static function headLink(array $pack, string $folder): string {
    return self::stylesheet($pack, $folder);
  }

  /** The stylesheet's URL in that folder. */
  public static function stylesheetUrl(array $pack, string $folder): string {
    return $folder . $pack['stylesheet']['file'];
  }

  private static function stylesheet(array $pack, string $folder): string {
    return '<link rel="stylesheet" href="' . self::escapeAttribute(self::stylesheetUrl($pack, $folder))
      . '" integrity="' . self::escapeAttribute($pack['stylesheet']['integrity']) . '" crossorigin="anonymous">';
  }

  /** As the JS: &, " and < (the attribute is double-quoted). */
  private static function escapeAttribute(string $value): string {
    return str_replace(array('&', '"', '<'), array('&amp;', '&quot;', '&lt;'), $value);
  }

  /** String.prototype.replace with a string pattern: the first occurrence only, the replacement taken literally. */
  private static function replaceFirst(string $haystack, string $needle, string $replacement): string {
    $at = strpos($haystack, $needle);
    return $at === FALSE ? $haystack : substr_replace($haystack, $replacement, $at, strlen($needle));
  }

}
