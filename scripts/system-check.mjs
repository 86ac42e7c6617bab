// The system parts the tests need, in one list: three browser engines, Xvfb for WebKit, a real Redis,
// openssl (throw-away TLS certificates), and PHP + PHPUnit for the Drupal module's files. `npm test` checks
// them before running anything; on a Debian machine where it runs as root it installs what is missing with
// apt and says so, otherwise it stops at once with the exact command. `.ci/run` calls this file with --install before `npm test`.
//   node scripts/system-check.mjs            report, exit 1 when something is missing
//   node scripts/system-check.mjs --install  install what is missing (root + apt), then report
import {spawnSync} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** What the tests run, and the Debian packages that bring it. */
export const SYSTEM_PARTS = [
  {name: 'Chromium', command: process.env.CHROME_PATH ?? '/usr/bin/chromium', packages: ['chromium']},
  {name: 'Firefox ESR', command: 'firefox-esr', packages: ['firefox-esr']},
  {name: 'WebKitGTK WebDriver (MiniBrowser)', command: 'WebKitWebDriver', packages: ['webkit2gtk-driver', 'libwebkit2gtk-4.1-0']},
  {name: 'Xvfb (display for WebKit)', command: 'Xvfb', packages: ['xvfb']},
  {name: 'Redis server', command: 'redis-server', packages: ['redis-server']},
  {name: 'openssl', command: 'openssl', packages: ['openssl']},
  {name: 'PHP CLI (Drupal module lint)', command: 'php', packages: ['php8.2-cli']},
  {name: 'PHPUnit (Drupal module tests)', command: 'phpunit', packages: ['phpunit']},
  {name: 'Composer (Drupal module composer.json validation)', command: 'composer', packages: ['composer']},
  {name: 'gettext msgfmt (Drupal .po and WordPress .mo files)', command: 'msgfmt', packages: ['gettext']},
  // A real WordPress (test/integrations/wordpress.test.mjs): its own MariaDB and PHP's built-in server. WordPress
  // itself comes from Debian's packages, fetched by the test with `apt-get download` (no Apache installed).
  {name: 'MariaDB server (WordPress test)', command: 'mariadb-install-db', packages: ['mariadb-server']},
  {name: 'PHP 8.2 with MySQL (WordPress test)', command: 'php8.2', packages: ['php8.2-cli', 'php8.2-mysql']},
];

function found(command) {
  const candidates = command.includes('/') ? [command] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, command));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const missingParts = () => SYSTEM_PARTS.filter((part) => !found(part.command));

const aptCommand = (packages) => `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;

/**
 * Checks (and, when allowed and possible, installs) the system parts. Resolves to true when everything is
 * there; otherwise prints what is missing and the exact command, and resolves to false.
 */
export function ensureSystem({install = true, log = console.log} = {}) {
  let missing = missingParts();
  if (!missing.length) return true;
  const packages = [...new Set(missing.flatMap((part) => part.packages))];
  const canInstall = install && process.getuid?.() === 0 && found('apt-get');
  if (canInstall) {
    log(`Installing what the tests need and this machine lacks (${missing.map((p) => p.name).join(', ')}): apt-get install ${packages.join(' ')}`);
    const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
    const update = spawnSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
    const add = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...packages], {stdio: 'inherit', env});
    missing = missingParts();
    if (add && add.status === 0 && !missing.length) return true;
  }
  log(`\nThe tests need ${missing.map((p) => p.name).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} missing on this machine. Install with:\n`);
  log(`  ${process.getuid?.() === 0 ? '' : 'sudo '}${aptCommand([...new Set(missing.flatMap((part) => part.packages))])}\n`);
  return false;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = ensureSystem({install: process.argv.includes('--install')});
  if (ok) console.log(`System parts present: ${SYSTEM_PARTS.map((p) => p.name).join(', ')}`);
  process.exit(ok ? 0 : 1);
}
