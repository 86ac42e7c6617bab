<?php

/**
 * @file
 * Loads Drupal core's own classes (and the csp module's) from checkouts OUTSIDE this repository, so the module
 * can be checked against core's rules by hand. See docs/integrations/drupal.md, "Checked against Drupal core".
 *
 * DRUPAL_CORE: a drupal/core checkout (the folder with lib/ and includes/).
 * CSP_MODULE: a checkout of the contributed csp module (the folder with src/).
 * Symfony comes from Debian's php-symfony-* packages (/usr/share/php).
 */

declare(strict_types=1);

$core = getenv('DRUPAL_CORE');
$csp = getenv('CSP_MODULE');
if (!$core || !is_dir("$core/lib/Drupal") || !$csp || !is_dir("$csp/src")) {
  fwrite(STDERR, "Set DRUPAL_CORE to a drupal/core checkout and CSP_MODULE to a csp module checkout.\n");
  exit(2);
}
foreach (['DependencyInjection', 'EventDispatcher', 'HttpFoundation', 'Yaml'] as $component) {
  require_once "/usr/share/php/Symfony/Component/$component/autoload.php";
}
$module = getenv('PUOLESTA_MODULE') ?: dirname(__DIR__, 3) . '/integrations/drupal/puolesta';
$prefixes = [
  'Drupal\\puolesta\\' => "$module/src/",
  'Drupal\\csp\\' => "$csp/src/",
  'Drupal\\' => "$core/lib/Drupal/",
];
spl_autoload_register(function (string $class) use ($prefixes, $core): void {
  if ($class === 'Drupal') {
    require_once "$core/lib/Drupal.php";
    return;
  }
  foreach ($prefixes as $prefix => $dir) {
    if (str_starts_with($class, $prefix)) {
      $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
      if (is_file($file)) {
        require_once $file;
      }
      return;
    }
  }
});
// Core's constants (JS_LIBRARY, CSS_AGGREGATE_DEFAULT, ...) live in includes/common.inc.
require_once "$core/includes/common.inc";
require_once "$module/puolesta.module";
define('PUOLESTA_MODULE', $module);
