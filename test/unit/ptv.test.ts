import {expect} from '@open-wc/testing';
import {fetchChannelThemes, isGuid, parseChannelThemes, resolvePtvBase} from '../../src/core/ptv.js';
import {
  CERTIFICATES_SERVICE,
  EARLY_EDUCATION_CHANNEL,
  EARLY_EDUCATION_SERVICE,
  FAULTS,
  HOSTILE_CHANNEL,
  WILMA_CHANNEL,
} from '../fixtures/ptv/index.mjs';

// The test server serves the PTV samples under /ptv/api/v11/ (test/ptv-middleware.mjs): no outside network.
const base = new URL('/ptv/api/v11/', location.href).href;
const get = (channelId: string, extra: Record<string, unknown> = {}) =>
  fetchChannelThemes({base, channelId, pageUrl: location.href, ...extra});

describe('PTV service channel themes', () => {
  it('reads the themes and their names from digitalAuthorizations', async () => {
    const result = await get(EARLY_EDUCATION_CHANNEL);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.themes.map((t) => t.slug)).to.deep.equal([
      'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen',
      'koulu_tai_tutkintotodistuksen_tilaaminen',
    ]);
    expect(result.themes[1].names).to.deep.equal({
      fi: 'Koulu- tai tutkintotodistuksen tilaaminen',
      sv: 'Beställning av skol- eller examensbetyg',
      en: 'Ordering a school certificate or diploma',
    });
  });

  it('picks one service connection when a service is given', async () => {
    const one = await get(EARLY_EDUCATION_CHANNEL, {serviceId: CERTIFICATES_SERVICE.toUpperCase()});
    expect(one.ok && one.themes.map((t) => t.slug)).to.deep.equal(['koulu_tai_tutkintotodistuksen_tilaaminen']);
    const other = await get(EARLY_EDUCATION_CHANNEL, {serviceId: EARLY_EDUCATION_SERVICE});
    expect(other.ok && other.themes.length).to.equal(1);
  });

  it('says "empty" for the real Wilma channel, which lists no mandate themes', async () => {
    expect(await get(WILMA_CHANNEL)).to.deep.equal({ok: false, reason: 'empty'});
  });

  it('reports every failure as a reason, never an exception', async () => {
    expect(await get(FAULTS.NOT_FOUND)).to.deep.equal({ok: false, reason: 'not-found'});
    expect(await get(FAULTS.SERVER_ERROR)).to.deep.equal({ok: false, reason: 'server-error'});
    expect(await get(FAULTS.MALFORMED)).to.deep.equal({ok: false, reason: 'malformed'});
    expect(await get(FAULTS.SLOW, {timeoutMs: 300})).to.deep.equal({ok: false, reason: 'timeout'});
    expect(await get(EARLY_EDUCATION_CHANNEL, {base: 'http://127.0.0.1:9/'})).to.deep.equal({ok: false, reason: 'invalid-base'});
  });

  it('makes no request for an invalid GUID', async () => {
    let calls = 0;
    const fetchImpl = (() => {
      calls++;
      return Promise.reject(new Error('no'));
    }) as unknown as typeof fetch;
    expect(await get('../../etc/passwd', {fetchImpl})).to.deep.equal({ok: false, reason: 'invalid-id'});
    expect(await get(EARLY_EDUCATION_CHANNEL, {serviceId: '<b>', fetchImpl})).to.deep.equal({ok: false, reason: 'invalid-id'});
    expect(calls).to.equal(0);
  });

  it('keeps only the valid entry of a hostile response, names as plain text', async () => {
    const result = await get(HOSTILE_CHANNEL);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.themes.map((t) => t.slug)).to.deep.equal(['tilavarauksen_tekeminen']);
    expect(result.themes[0].names.fi).to.equal('<img src=x onerror=alert(1)>');
    expect(result.themes[0].names.sv).to.equal(undefined);
    expect(result.themes[0].names.en!.length).to.equal(300);
  });

  it('stops when the caller aborts (a newer request replaces it)', async () => {
    const abort = new AbortController();
    const pending = get(FAULTS.SLOW, {signal: abort.signal});
    abort.abort(new DOMException('replaced', 'AbortError'));
    let rejected = false;
    await pending.catch(() => (rejected = true));
    expect(rejected).to.equal(true);
  });

  describe('pure parts', () => {
    it('accepts only https or same-origin API bases', () => {
      expect(resolvePtvBase(null, 'https://kunta.fi/')?.href).to.equal('https://api.palvelutietovaranto.suomi.fi/api/v11/');
      expect(resolvePtvBase('/ptv/api/v11', 'http://localhost:8000/x')?.href).to.equal('http://localhost:8000/ptv/api/v11/');
      expect(resolvePtvBase('javascript:alert(1)', 'https://kunta.fi/')).to.equal(undefined);
      expect(resolvePtvBase('http://evil.example/api/', 'https://kunta.fi/')).to.equal(undefined);
      expect(resolvePtvBase('https://user:pw@api.example/', 'https://kunta.fi/')).to.equal(undefined);
    });
    it('recognises GUIDs', () => {
      expect(isGuid(EARLY_EDUCATION_CHANNEL)).to.equal(true);
      expect(isGuid('7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a3c7')).to.equal(false);
    });
    it('calls a body without services malformed', () => {
      expect(parseChannelThemes({id: 'x'})).to.deep.equal({ok: false, reason: 'malformed'});
      expect(parseChannelThemes([])).to.deep.equal({ok: false, reason: 'malformed'});
      expect(parseChannelThemes(null)).to.deep.equal({ok: false, reason: 'malformed'});
    });
  });
});
