// The open-redirect class, closed: whatever a `return` value is, the `Location` a browser finally follows
// stays on the site's origin. Property-based (fast-check) over arbitrary strings and over strings built from
// the pieces real attacks are made of (dot segments, percent-encoding, backslashes, tabs and newlines, Unicode
// look-alikes, schemes and hosts), first on the core rule, then through the real adapter and simulator for
// every outcome of the flow (ok, cancelled, denied, error, expired).
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {resolveLocation, safeReturnPath} from '../../dist/lib/core.js';
import {HOSTILE_RETURNS} from '../fixtures/session-cases.mjs';
import {choose} from './sim-helpers.mjs';
import {Browser, startHost} from './host-helpers.mjs';

const SITE = 'https://asiointi.kunta.example';

/** Pieces of hostile return values; joined in any order and number. */
const PIECES = [
  '/', '//', '///', '\\', '\\\\', '.', '..', '%2e', '%2E', '%2e%2e', '.%2e', '%2f', '%2F', '%5c', '%5C', '%25', '%252f',
  '%09', '%0a', '%0d', '%00', '\t', '\n', '\r', ' ', '\u00a0', '\u3000', '\ufeff', '\u200b',
  '／', '＼', '∕', '⁄', '﹨', '。', '．', 'ｅｖｉｌ', '%EF%BC%8F',
  'evil.example', 'evil.example:443', '@', ':', '?', '#', '&', '=', 'http:', 'https:', 'javascript:', 'data:', 'file:',
  'x', 'hakemus', 'päivähoito', '%', '%E0%A4%A', 'acting-for=ok',
];
const pieced = fc.array(fc.constantFrom(...PIECES), {minLength: 1, maxLength: 10}).map((parts) => parts.join(''));
const startsWithSlash = pieced.map((s) => `/${s}`);
const anyString = fc.string({unit: 'binary', maxLength: 60});
const hostile = fc.oneof(pieced, startsWithSlash, anyString, fc.webUrl(), fc.webPath(), fc.constantFrom(...HOSTILE_RETURNS));

/** The URL a browser on SITE opens after the adapter's redirect to `safeReturnPath(raw)?acting-for=…`. */
function followed(location, site = SITE) {
  const href = resolveLocation(location, `${site}/valtuudet/callback?state=x`);
  assert.ok(href, `unparseable Location ${JSON.stringify(location)}`);
  return new URL(href);
}

describe('safeReturnPath (property-based)', () => {
  it('whatever the value, the redirect a browser follows stays on the site', () => {
    fc.assert(fc.property(hostile, (raw) => {
      const path = safeReturnPath(raw);
      assert.equal(followed(`${path}${path.includes('?') ? '&' : '?'}acting-for=cancelled`).origin, SITE, JSON.stringify(raw));
      assert.ok(path.startsWith('/') && !path.startsWith('//') && !path.includes('\\'), JSON.stringify(path));
      // Already in the form URL parsing gives it: a server that re-parses it (as every redirect helper does)
      // writes the same path, never a collapsed `//host`.
      const reparsed = followed(path);
      assert.equal(`${reparsed.pathname}${reparsed.search}${reparsed.hash}`, path, JSON.stringify(raw));
    }), {numRuns: 5000});
  });

  it('is idempotent: what it hands out passes unchanged', () => {
    fc.assert(fc.property(hostile, (raw) => {
      const once = safeReturnPath(raw);
      assert.equal(safeReturnPath(once), once);
    }), {numRuns: 3000});
  });

  it('refuses rather than repairs: a value with a dot segment or encoded separator falls back to /', () => {
    const doubtful = fc.tuple(fc.webPath(), fc.constantFrom('/..', '/.', '/%2e%2e', '/%2E.', '/%2f', '/%5c', '/x%2F'), fc.webPath())
      .map(([a, dots, b]) => `${a}${dots}${b.startsWith('/') ? b : `/${b}`}`);
    fc.assert(fc.property(doubtful, (raw) => assert.equal(safeReturnPath(raw), '/', JSON.stringify(raw))), {numRuns: 2000});
  });

  it('keeps every ordinary site path as it is', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,15}$/);
    const ordinary = fc.tuple(fc.array(segment, {minLength: 0, maxLength: 5}), fc.option(fc.stringMatching(/^[a-z]{1,8}=[a-z0-9]{0,8}$/)), fc.option(segment))
      .map(([segments, query, hash]) => `/${segments.join('/')}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`);
    fc.assert(fc.property(ordinary, (path) => assert.equal(safeReturnPath(path), path)), {numRuns: 2000});
  });

  it('the attacks named in the report all fall back to /', () => {
    for (const raw of ['/x/../..//evil.example', '/..//evil.example', '/%2e%2e//evil.example', '/x/..\\/evil.example']) {
      assert.equal(safeReturnPath(raw), '/', raw);
    }
  });
});

describe('the adapter never redirects off the site (property-based, real adapter and simulator)', () => {
  let host;
  before(async () => {
    host = await startHost();
  });
  after(() => host.close());

  const sameSite = (location, raw) => {
    const url = followed(location, host.origin);
    assert.equal(url.origin, host.origin, `${JSON.stringify(raw)} → ${location}`);
    return url;
  };

  it('start refusals (unknown mode, not logged in) send any return value back to this site', async () => {
    await fc.assert(fc.asyncProperty(hostile, fc.boolean(), async (raw, loggedIn) => {
      const browser = new Browser(host, loggedIn ? 'matti' : null);
      const start = await browser.request(`/valtuudet/start?${new URLSearchParams({mode: loggedIn ? 'nobody' : 'person', return: raw})}`);
      assert.equal(start.status, 302);
      assert.equal(sameSite(start.location, raw).searchParams.get('acting-for'), 'error');
    }), {numRuns: 300});
  });

  it('a cancelled Suomi.fi selection comes back to this site for any return value', async () => {
    await fc.assert(fc.asyncProperty(hostile, async (raw) => {
      const browser = new Browser(host);
      const start = await browser.request(`/valtuudet/start?${new URLSearchParams({mode: 'person', return: raw})}`);
      const picked = await choose(start.location, {action: 'cancel'});
      const back = await browser.request(picked.location);
      assert.equal(sameSite(back.location, raw).searchParams.get('acting-for'), 'cancelled');
    }), {numRuns: 150});
  });

  // Every outcome of the real flow, each with the dot-segment attacks from the report and the shared list.
  const OUTCOMES = [
    ['ok', {choice: 'anni'}],
    ['cancelled', {action: 'cancel'}],
    ['denied', {choice: 'toivo'}],
    ['error', {choice: 'anni', simulate: 'server-error'}],
    ['expired', {choice: 'anni', simulate: 'expired'}],
  ];
  for (const [outcome, how] of OUTCOMES) {
    it(`${outcome}: every hostile return value comes back to / on this site`, async () => {
      for (const raw of HOSTILE_RETURNS) {
        const browser = new Browser(host);
        const back = await browser.flow({...how, returnPath: raw});
        assert.equal(back.origin, host.origin, JSON.stringify(raw));
        assert.equal(back.pathname, '/', JSON.stringify(raw));
        assert.equal(back.searchParams.get('acting-for'), outcome, JSON.stringify(raw));
      }
    });
  }
});
