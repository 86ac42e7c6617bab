<?php

/**
 * @file
 * Loads the module's plain-PHP class for tests run outside Drupal.
 */

declare(strict_types=1);

require_once __DIR__ . '/../src/GuideMarkup.php';
// Written by npm run build from integrations/shared/Prerender.php.
require_once __DIR__ . '/../src/Prerender.php';
