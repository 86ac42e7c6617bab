import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../../test/a11y/record.js';
import {sendKeys} from '@web/test-runner-commands';
import './define.js';
import type {ActingForSelector} from './acting-for-selector.js';

type Spy = ActingForSelector & {navigate: (url: string) => void; went?: string};
const spy = (el: ActingForSelector) => {
  const s = el as Spy;
  s.navigate = (url: string) => (s.went = url);
  return s;
};
const radio = (el: Element, value: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.value === value)!;
const submit = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=continue]')!.click();
const live = (el: Element) => el.shadowRoot!.querySelector('[role=status][aria-live=polite]')!.textContent!;

describe('<acting-for-selector>', () => {
  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  for (const lang of ['fi', 'sv', 'en']) {
    it(`offers myself / a person / a company in ${lang}, accessibly`, async () => {
      const el = await fixture<ActingForSelector>(html`<acting-for-selector lang=${lang}></acting-for-selector>`);
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.value);
      expect(values).to.deep.equal(['self', 'person', 'company']);
      expect(el.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.not.equal('');
      await expectAccessible(el, {element: 'acting-for-selector', state: 'the choice', lang});
    });
  }

  it('offers only the modes asked for', async () => {
    const el = await fixture<ActingForSelector>(html`<acting-for-selector modes="company"></acting-for-selector>`);
    expect(radio(el, 'person')).to.equal(undefined);
    expect(radio(el, 'company')).to.exist;
  });

  it('requires an explicit choice before leaving', async () => {
    const el = spy(await fixture<ActingForSelector>(html`<acting-for-selector lang="en"></acting-for-selector>`));
    submit(el);
    await el.updateComplete;
    expect(el.went).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Choose');
  });

  it('goes to the start URL with the mode and a safe return path, and shows it is busy', async () => {
    history.replaceState(null, '', '/hakemus?vaihe=2');
    const el = spy(await fixture<ActingForSelector>(html`<acting-for-selector lang="sv"></acting-for-selector>`));
    radio(el, 'person').click();
    submit(el);
    await el.updateComplete;
    const url = new URL(el.went!);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/valtuudet/start');
    expect(url.searchParams.get('mode')).to.equal('person');
    expect(url.searchParams.get('return')).to.equal('/hakemus?vaihe=2');
    expect(url.searchParams.get('lang')).to.equal('sv');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=continue]')!;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
  });

  it('never sends a hostile return-url or start-url off the site', async () => {
    const el = spy(
      await fixture<ActingForSelector>(html`<acting-for-selector return-url="//evil.example/x" modes="company"></acting-for-selector>`),
    );
    radio(el, 'company').click();
    submit(el);
    expect(new URL(el.went!).searchParams.get('return')).to.equal('/');
    const other = spy(await fixture<ActingForSelector>(html`<acting-for-selector start-url="https://evil.example/start"></acting-for-selector>`));
    radio(other, 'person').click();
    const error = oneEvent(other, 'puolesta-error');
    submit(other);
    expect((await error).detail.code).to.equal('start-url-refused');
    expect(other.went).to.equal(undefined);
  });

  it('choosing myself stays on the page and says so', async () => {
    const el = spy(await fixture<ActingForSelector>(html`<acting-for-selector lang="en"></acting-for-selector>`));
    radio(el, 'self').click();
    const change = oneEvent(el, 'puolesta-acting-for-change');
    submit(el);
    expect((await change).detail).to.equal(null);
    expect(el.went).to.equal(undefined);
    expect(live(el)).to.contain('yourself');
  });

  it('can be used with the keyboard alone', async () => {
    const el = spy(await fixture<ActingForSelector>(html`<acting-for-selector lang="en"></acting-for-selector>`));
    radio(el, 'self').focus();
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(new URL(el.went!).searchParams.get('mode')).to.equal('person');
  });

  for (const [result, phrase] of [
    ['cancelled', 'cancelled'],
    ['denied', 'did not allow you'],
    ['expired', 'session ended'],
    ['no-role', 'no role that lets you act for the organisation in this service'],
    ['error', 'went wrong'],
    ['<script>', 'went wrong'],
  ]) {
    it(`on return with acting-for=${result}: announces it and cleans the address bar`, async () => {
      history.replaceState(null, '', `/hakemus?x=1&acting-for=${encodeURIComponent(result)}`);
      const el = await fixture<ActingForSelector>(html`<acting-for-selector lang="en" theme="veroasioiden_hoito"></acting-for-selector>`);
      await el.updateComplete;
      expect(location.search).to.equal('?x=1');
      expect(live(el)).to.contain(phrase);
      expect(el.shadowRoot!.querySelector('[part=result]')!.textContent).to.contain(phrase);
      await expectAccessible(el, {element: 'acting-for-selector', state: `back from Suomi.fi: ${result}`, lang: 'en'});
    });
  }

  // The same outcomes in Finnish and Swedish: said, and accessible.
  for (const result of ['cancelled', 'denied', 'expired', 'no-role', 'error']) {
    for (const lang of ['fi', 'sv']) {
      it(`back from Suomi.fi with ${result}, in ${lang}: a message in ${lang}, accessible`, async () => {
        const returnWith = async (l: string) => {
          history.replaceState(null, '', `/hakemus?acting-for=${result}`);
          const el = await fixture<ActingForSelector>(html`<acting-for-selector lang=${l} theme="veroasioiden_hoito"></acting-for-selector>`);
          await el.updateComplete;
          return el;
        };
        const english = live(await returnWith('en')).trim();
        const el = await returnWith(lang);
        expect(live(el).trim()).to.not.equal('');
        expect(live(el).trim()).to.not.equal(english);
        await expectAccessible(el, {element: 'acting-for-selector', state: `back from Suomi.fi: ${result}`, lang});
      });
    }
  }

  it('after a denial, offers the mandate guidance for the theme', async () => {
    history.replaceState(null, '', '/hakemus?acting-for=denied');
    const el = await fixture<ActingForSelector>(html`<acting-for-selector lang="en" theme="lainhuudatusasiakirjojen_tilaaminen"></acting-for-selector>`);
    await el.updateComplete;
    const guide = el.shadowRoot!.querySelector('mandate-guide')!;
    expect(guide.getAttribute('theme')).to.equal('lainhuudatusasiakirjojen_tilaaminen');
    el.shadowRoot!.querySelector('summary')!.click();
    await waitUntil(() => guide.shadowRoot?.textContent?.includes('Ordering property title registration documents'));
  });

  it('after a denial on a child’s service (guide-principal="minor"): the child’s mandate branch only, never the adult guide', async () => {
    history.replaceState(null, '', '/hakemus?acting-for=denied');
    const el = await fixture<ActingForSelector>(html`<acting-for-selector lang="fi" guide-principal="minor" theme="varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen"></acting-for-selector>`);
    await el.updateComplete;
    const guide = el.shadowRoot!.querySelector('mandate-guide')!;
    expect([guide.getAttribute('principal'), guide.getAttribute('situation'), guide.getAttribute('basis')]).to.deep.equal(['minor', 'on-behalf', 'none']);
    await waitUntil(() => guide.shadowRoot?.querySelector('[part=verdict]'));
    const text = guide.shadowRoot!.textContent!;
    expect(text).to.contain('Tarvitset valtuuden, jonka huoltajat antavat lapsen puolesta.');
    expect(text).to.not.contain('Huoltaja ei yleensä tarvitse valtuutta');
    expect([...guide.shadowRoot!.querySelectorAll<HTMLElement>('[data-branch]')].map((b) => b.dataset.branch)).to.deep.equal(['mandate']);
  });

  it('after no-role: the organisation’s mandate branch only, never "your registered role may be enough"', async () => {
    history.replaceState(null, '', '/hakemus?acting-for=no-role');
    const el = await fixture<ActingForSelector>(html`<acting-for-selector lang="sv" modes="company" theme="veroasioiden_hoito"></acting-for-selector>`);
    await el.updateComplete;
    const guide = el.shadowRoot!.querySelector('mandate-guide')!;
    expect([guide.getAttribute('principal'), guide.getAttribute('basis')]).to.deep.equal(['organisation', 'none']);
    await waitUntil(() => guide.shadowRoot?.querySelector('[part=verdict]'));
    expect(guide.shadowRoot!.querySelector('[part=verdict]')!.textContent!.trim()).to.equal('Du behöver en fullmakt av organisationen.');
    expect(guide.shadowRoot!.textContent).to.not.match(/registrerade roll räcker|behöver du ingen fullmakt/);
  });

  it('on a successful return, names the principal from the session', async () => {
    history.replaceState(null, '', '/hakemus?acting-for=ok');
    const el = await fixture<ActingForSelector>(
      html`<acting-for-selector lang="en" session-url="/test-session/person/session"></acting-for-selector>`,
    );
    await waitUntil(() => live(el).includes('Anni Kumpulainen'));
    expect(location.search).to.equal('');
  });
});
