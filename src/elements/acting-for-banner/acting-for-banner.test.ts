import {expect, fixture, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../../test/a11y/record.js';
import './define.js';
import type {ActingForBanner} from './acting-for-banner.js';

const urls = (name: string) => ({session: `/test-session/${name}/session`, stop: `/test-session/${name}/stop`});
const banner = (name: string, lang = 'fi', extra = '') =>
  fixture<ActingForBanner>(
    html`<acting-for-banner lang=${lang} session-url=${urls(name).session} stop-url=${urls(name).stop} switch-url=${extra}></acting-for-banner>`,
  );
const region = (el: ActingForBanner) => el.shadowRoot!.querySelector('[part=banner]');
const settle = async (el: ActingForBanner) => {
  await el.refresh();
  await el.updateComplete;
};
/**
 * Waits for the banner to show someone. Another test page in the same browser may post to the
 * BroadcastChannel (as a real tab would), which starts a newer read and makes an awaited refresh() return early.
 */
const shown = async (el: ActingForBanner) => {
  await settle(el);
  await waitUntil(() => region(el), 'the banner shows the principal', {timeout: 6000});
};

describe('<acting-for-banner>', () => {
  beforeEach(async () => {
    for (const name of ['person', 'company', 'stop-fails']) await fetch(`/test-session/${name}/reset`);
  });

  for (const lang of ['fi', 'sv', 'en']) {
    it(`shows the principal's name only, in ${lang}, accessibly`, async () => {
      const el = await banner('person', lang);
      await shown(el);
      const text = region(el)!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Anni Kumpulainen');
      expect(region(el)!.getAttribute('role')).to.equal('region');
      expect(region(el)!.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      await expectAccessible(el, {element: 'acting-for-banner', state: 'acting for a person', lang});
    });
  }

  for (const [lang, phrase] of [['en', /the organisation\s+Esimerkkiyhdistys ry/], ['fi', /organisaation\s+Esimerkkiyhdistys ry\s+puolesta/], ['sv', /organisationen\s+Esimerkkiyhdistys ry/]] as const) {
    it(`names an organisation neutrally, never as a company (${lang})`, async () => {
      const el = await banner('company', lang);
      await shown(el);
      expect(region(el)!.textContent).to.match(phrase);
      expect(region(el)!.textContent).to.not.match(/compan|yritys|yrityks|företag/i);
    });
  }

  it('stays hidden while the citizen acts as themself', async () => {
    const el = await banner('none');
    await settle(el);
    expect(region(el)).to.equal(null);
  });

  for (const fault of ['server-error', 'unauthorized', 'malformed', 'wrong-shape', 'hetu-in-name']) {
    it(`never shows a false "acting for" when the session answer is ${fault}`, async () => {
      const el = await banner(fault);
      const error = oneEvent(el, 'puolesta-error');
      expect((await error).detail.code).to.match(/^session-/);
      await el.updateComplete;
      expect(region(el)).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.match(/\d{6}[-+A]\d{3}/);
    });
  }

  it('renders a hostile name as text', async () => {
    const el = await banner('markup', 'en');
    await shown(el);
    expect(region(el)!.querySelector('img')).to.equal(null);
    expect(region(el)!.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  for (const refused of ['http://evil.example/session', 'javascript:alert(1)', 'https://user:pw@evil.example/session']) {
    it(`refuses the session URL ${refused}`, async () => {
      // Listen before the banner connects: a refused URL is reported at once, without a request.
      // fixtureSync: fixture() waits a frame for plain elements, and a background test page gets no frames.
      const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('acting-for-banner');
      el.setAttribute('session-url', refused);
      const error = oneEvent(el, 'puolesta-error');
      host.append(el);
      expect((await error).detail.code).to.equal('session-url-refused');
      expect(region(el)).to.equal(null);
    });
  }

  it('may read the session from another https origin (the e-service), and shows nobody when that fails', async () => {
    // .example resolves nowhere here: the request is made (not refused) and fails like a network fault.
    const el = await fixture<ActingForBanner>(html`<acting-for-banner session-url="https://asiointi.kunta.example/valtuudet/session"></acting-for-banner>`);
    const error = oneEvent(el, 'puolesta-error');
    expect((await error).detail.code).to.equal('session-network');
    expect(region(el)).to.equal(null);
  });

  it('offers a same-origin switch link only', async () => {
    const el = await banner('person', 'en', '/valitse');
    await shown(el);
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=switch]')!.pathname).to.equal('/valitse');
    el.switchUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=switch]')).to.equal(null);
  });

  it('stops with a POST, announces it, moves focus and tells the page', async () => {
    const el = await banner('person', 'en');
    await shown(el);
    const change = oneEvent(el, 'puolesta-acting-for-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=stop]')!.click();
    expect((await change).detail).to.equal(null);
    await el.updateComplete;
    expect(region(el)).to.equal(null);
    const done = el.shadowRoot!.querySelector('.done')!;
    await waitUntil(() => el.shadowRoot!.activeElement === done, 'focus on the confirmation');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('acting as yourself');
    await expectAccessible(el, {element: 'acting-for-banner', state: 'stopped', lang: 'en'});
    // The server really forgot: a fresh read shows nothing.
    await settle(el);
    expect(region(el)).to.equal(null);
  });

  it('keeps the banner and says so when stopping fails', async () => {
    const el = await banner('stop-fails', 'en');
    await shown(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=stop]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(region(el)!.textContent).to.contain('Anni Kumpulainen');
  });

  it('updates when another tab broadcasts a change', async () => {
    const el = await banner('person', 'en');
    await shown(el);
    await fetch(urls('person').stop, {method: 'POST', headers: {'X-Puolesta': '1'}});
    const change = oneEvent(el, 'puolesta-acting-for-change');
    const other = new BroadcastChannel('puolesta');
    other.postMessage({type: 'acting-for-changed'});
    other.close();
    expect((await change).detail).to.equal(null);
  });

  it('treats a session endpoint that does not answer in time as not acting for anyone', async function () {
    // The element gives up after 5 s; another test page's broadcast may start a newer read (and a new 5 s), as a
    // real tab's would, so the test allows more than two reads.
    this.timeout(20_000);
    const el = await banner('slow', 'en');
    const error = oneEvent(el, 'puolesta-error');
    expect((await error).detail.code).to.equal('session-timeout');
    expect(region(el)).to.equal(null);
  });
});
