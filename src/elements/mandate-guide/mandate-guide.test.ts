import {aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../../test/a11y/record.js';
import {sendKeys} from '@web/test-runner-commands';
import './define.js';
import type {MandateGuide} from './mandate-guide.js';
import {guideCases, LOCALES_UNDER_TEST} from '../../../test/fixtures/guide-cases.js';
import {ASKED_SITUATIONS, PRINCIPALS} from '../../core/triage.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const ready = async (el: MandateGuide) => {
  await el.updateComplete;
  await waitUntil(() => !shadow(el).querySelector('.loading'), 'guide still loading', {timeout: 7000});
  await el.updateComplete;
};
const radios = (el: Element, name: string) =>
  [...shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.name.endsWith(name));
const live = (el: Element) => shadow(el).querySelector('[role=status][aria-live=polite]')!.textContent!.trim();
const submit = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part=questions] button[type=submit]')!.click();
/** Words for an automatic check of mandates: situation C (nothing is checked for the citizen) must never use them. */
const AUTO_CHECK_WORDS = {fi: /automaattisesti/i, sv: /automatiskt/i, en: /automatically/i};
/** Words for a mandate request, giving or starting a mandate, or applying for one. */
const MANDATE_ACTION_WORDS = {
  fi: /valtuuspyyn|antaa sinulle valtuuden|aloittaa|hakemuksella|hakevat/i,
  sv: /begäran om fullmakt|ger dig en fullmakt|påbörjar|ansökan|ansöker/i,
  en: /mandate request|gives you a mandate|starts a mandate|by application|apply to DVV/i,
};
const COMPANY_WORDS = {fi: /yritys|yrityks|kaupparekister/i, sv: /företag|handelsregist/i, en: /compan|trade register/i};

describe('<mandate-guide>', () => {
  describe('every fixture state and language is accessible', () => {
    for (const c of guideCases) {
      for (const lang of LOCALES_UNDER_TEST) {
        it(`${c.name.en} (${lang}) passes axe`, async () => {
          const el = await fixture<MandateGuide>(c.render(lang));
          await ready(el);
          expect(shadow(el).textContent!.trim().length).to.be.greaterThan(0);
          await expectAccessible(el, {element: 'mandate-guide', state: c.name.en, lang});
        });
      }
    }
  });

  it('shows the theme card and what to choose in Suomi.fi when everything is preset', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="sv" theme="koulu_tai_tutkintotodistuksen_tilaaminen" principal="person" situation="on-behalf"></mandate-guide>`,
    );
    await ready(el);
    expect(shadow(el).querySelector('fieldset')).to.equal(null);
    const choose = shadow(el).querySelector('[part=choose]')!;
    expect(choose.querySelector('[part=theme-name]')!.textContent!.trim()).to.equal('Beställning av skol- eller examensbetyg');
    expect(choose.querySelector('button')!.textContent!.trim(), 'a copy button beside the name').to.equal('Kopiera namnet');
    const valtuudet = [...choose.querySelectorAll('a')].find((a) => a.href.startsWith('https://www.suomi.fi/fullmakter'));
    expect(valtuudet, 'link to Suomi.fi Valtuudet in Swedish').to.exist;
    expect(valtuudet!.target).to.equal('_blank');
    expect(valtuudet!.rel).to.contain('noopener');
    expect(valtuudet!.querySelector('.visually-hidden')!.textContent!.trim().length).to.be.greaterThan(0);
  });

  it('shows the official Finnish name marked lang="fi" on a Swedish page when no Swedish name exists', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="sv" theme="p4771" principal="person" situation="on-behalf"></mandate-guide>`,
    );
    await ready(el);
    const name = shadow(el).querySelector('[part=theme] [lang=fi]');
    expect(name?.textContent).to.equal('Toimeentulotuki');
    // Unknown is not "does not exist": the note says only what we know.
    expect(shadow(el).querySelector('[part=theme] .note')!.textContent).to.equal('Vi känner till det officiella namnet på det här fullmaktsärendet bara på finska.');
  });

  it('never shows a raw id as a theme heading when the list has no name for it', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="fi" theme="avustushakemuksen_tekeminen" principal="association" situation="on-behalf"></mandate-guide>`,
    );
    await ready(el);
    const heading = shadow(el).querySelector('[part=theme-name]')!.textContent!.trim();
    expect(heading).to.equal('Tämän palvelun valtuusasia');
    expect(text(el)).to.not.contain('avustushakemuksen_tekeminen');
  });

  it('asks with radio fieldsets, answers on "Show guidance", and fires puolesta-situation-change', async () => {
    const el = await fixture<MandateGuide>(html`<mandate-guide lang="en" theme="veroasioiden_hoito"></mandate-guide>`);
    await ready(el);
    const fieldsets = shadow(el).querySelectorAll('fieldset');
    expect(fieldsets.length).to.equal(2);
    fieldsets.forEach((f) => expect(f.querySelector('legend')!.textContent!.trim()).to.not.equal(''));
    expect(shadow(el).querySelector('[part=verdict]')).to.equal(null);

    radios(el, 'principal').find((r) => r.value === 'person')!.click();
    radios(el, 'situation').find((r) => r.value === 'on-behalf')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=verdict]'), 'no answer before the citizen asks for it').to.equal(null);
    const event = oneEvent(el, 'puolesta-situation-change');
    submit(el);
    const {detail} = await event;
    expect(detail).to.deep.equal({principal: 'person', situation: 'on-behalf', mandateNeeded: true, need: 'needed'});
    await el.updateComplete;
    const verdict = shadow(el).querySelector<HTMLElement>('[part=verdict]')!;
    expect(shadow(el).activeElement, 'focus moves to the answer').to.equal(verdict);
    expect(shadow(el).querySelector('fieldset'), 'the questions give way to a summary').to.equal(null);
    expect(text(el)).to.contain('Another adult');
    expect(live(el)).to.contain(verdict.querySelector('.headline')!.textContent!.trim());
  });

  it('says what is missing instead of answering, and keeps what was chosen', async () => {
    const el = await fixture<MandateGuide>(html`<mandate-guide lang="fi" theme="veroasioiden_hoito"></mandate-guide>`);
    await ready(el);
    radios(el, 'principal').find((r) => r.value === 'minor')!.click();
    submit(el);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=verdict]')).to.equal(null);
    expect(text(el)).to.contain('Valitse, miten asia hoidetaan.');
    expect(radios(el, 'principal').find((r) => r.checked)?.value).to.equal('minor');
    expect(shadow(el).activeElement).to.equal(radios(el, 'situation')[0]);
    await expectAccessible(el, {element: 'mandate-guide', state: 'an answer missing after "Show guidance"', lang: 'fi'});
    radios(el, 'situation')[0].click();
    await el.updateComplete;
    expect(text(el), 'the message goes once the question is answered').to.not.contain('Valitse, miten asia hoidetaan.');
  });

  it('"Change answers" brings the questions back with the answers chosen', async () => {
    const el = await fixture<MandateGuide>(html`<mandate-guide lang="en" theme="veroasioiden_hoito" principal="company"></mandate-guide>`);
    await ready(el);
    radios(el, 'situation').find((r) => r.value === 'joint')!.click();
    submit(el);
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part=summary] button')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect(radios(el, 'situation').find((r) => r.checked)?.value).to.equal('joint');
    expect(shadow(el).activeElement).to.equal(radios(el, 'situation').find((r) => r.checked));
    expect(radios(el, 'principal'), 'a preset is not asked').to.deep.equal([]);
  });

  it('can be answered with the keyboard alone', async () => {
    const el = await fixture<MandateGuide>(html`<mandate-guide lang="en"></mandate-guide>`);
    await ready(el);
    radios(el, 'principal')[0].focus();
    await sendKeys({press: ' '}); // Space: puppeteer's BiDi keyboard (Firefox) knows it only as ' '
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    expect(radios(el, 'principal').find((r) => r.checked)?.value).to.equal('minor');
    // The focus ring stays while arrows move through the choices (WebKit drops :focus-visible here).
    const focused = shadow(el).activeElement as HTMLInputElement;
    expect(focused.value).to.equal('minor');
    expect(getComputedStyle(focused).outlineStyle).to.not.equal('none');
    await sendKeys({press: 'Tab'});
    await sendKeys({press: ' '}); // Space: puppeteer's BiDi keyboard (Firefox) knows it only as ' '
    await el.updateComplete;
    expect(radios(el, 'situation').some((r) => r.checked)).to.equal(true);
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => shadow(el).querySelector('[part=verdict]'), 'Enter on "Show guidance" answers');
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[part=verdict]'));
  });

  it('puts the municipality\'s own alternatives in the "cannot use Suomi.fi" disclosure', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="fi" theme="veroasioiden_hoito" principal="person" situation="on-behalf"
        ><p slot="alternatives" id="paper">Paperinen valtakirja käy myös.</p></mandate-guide
      >`,
    );
    await ready(el);
    const slot = shadow(el).querySelector<HTMLSlotElement>('[part=alternatives] slot[name=alternatives]')!;
    expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['paper']);
    expect(shadow(el).querySelector('[part=alternatives] summary')!.textContent).to.contain('Suomi.fi');
  });

  it('never offers situation C to the citizen: only the page sets it', async () => {
    const el = await fixture<MandateGuide>(html`<mandate-guide lang="fi" theme="veroasioiden_hoito"></mandate-guide>`);
    await ready(el);
    expect(radios(el, 'situation').map((r) => r.value)).to.deep.equal(['on-behalf', 'joint']);
  });

  for (const lang of LOCALES_UNDER_TEST) {
    it(`C preset by the page (${lang}): no mandate, the duty to have the right, and that the municipality does not check it`, async () => {
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang=${lang} theme="veroasioiden_hoito" principal="minor" situation="alone"></mandate-guide>`,
      );
      await ready(el);
      expect(shadow(el).querySelector('[part=choose]')).to.equal(null);
      const verdict = shadow(el).querySelector('[part=verdict]')!.textContent!;
      expect(verdict).to.match({en: /you need no mandate.*must have the right.*does not check it/, fi: /et tarvitse valtuutta.*oikeus hoitaa asia.*Kunta ei tarkista/, sv: /behöver ingen fullmakt.*rätt att sköta ärendet.*Kommunen kontrollerar inte/}[lang]);
      expect(text(el)).to.not.match(AUTO_CHECK_WORDS[lang]);
      expect(text(el)).to.not.match(MANDATE_ACTION_WORDS[lang]);
      expect(shadow(el).querySelector('details')).to.exist; // the same rule on the phone (R9)
    });
  }

  describe('every principal × situation × language: one consistent answer', () => {
    for (const principal of PRINCIPALS) {
      for (const situation of ASKED_SITUATIONS) {
        for (const lang of LOCALES_UNDER_TEST) {
          it(`${principal} × ${situation} (${lang})`, async () => {
            const el = await fixture<MandateGuide>(html`<mandate-guide lang=${lang} theme="veroasioiden_hoito" principal=${principal}></mandate-guide>`);
            await ready(el);
            radios(el, 'situation').find((r) => r.value === situation)!.click();
            submit(el);
            await el.updateComplete;
            const verdict = shadow(el).querySelector('[part=verdict] .headline')!.textContent!.trim();
            const all = text(el);
            expect(live(el), 'the screen reader hears the verdict').to.contain(verdict);
            expect(all, 'how to get the mandate').to.match(MANDATE_ACTION_WORDS[lang]);
            expect(shadow(el).querySelector('[part=choose]')).to.exist;
            // Branches, never contradicting steps: a "no mandate needed" branch only before an "otherwise" branch.
            const branches = [...shadow(el).querySelectorAll<HTMLElement>('[data-branch]')].map((b) => b.dataset.branch);
            expect(branches.at(-1)).to.equal('mandate');
            expect(branches.length === 2).to.equal(situation === 'on-behalf' && ['minor', 'company', 'housing-company', 'association', 'organisation'].includes(principal));
            if (principal !== 'company' && principal !== 'housing-company' && principal !== 'organisation') {
              expect(all, 'a company is named only for a company').to.not.match(COMPANY_WORDS[lang]);
            }
            const details = [...shadow(el).querySelectorAll('details')];
            expect(details.length).to.be.greaterThan(0);
            expect(details.every((d) => !d.open), 'secondary material starts closed').to.equal(true);
          });
        }
      }
    }
  });

  describe('language', () => {
    it('follows the nearest ancestor lang, then <html lang>, and changes with it', async () => {
      // fixtureSync: fixture() waits a frame for plain elements, and a background test page gets no frames.
      const wrapper = fixtureSync<HTMLDivElement>(
        html`<div lang="sv"><mandate-guide principal="person" situation="on-behalf" theme="koulu_tai_tutkintotodistuksen_tilaaminen"></mandate-guide></div>`,
      );
      const el = wrapper.querySelector('mandate-guide')!;
      await ready(el);
      expect(shadow(el).querySelector('section')!.lang).to.equal('sv');
      expect(text(el)).to.contain('Beställning av skol- eller examensbetyg');
      wrapper.setAttribute('lang', 'en-GB');
      await waitUntil(() => shadow(el).querySelector('section')!.lang === 'en');
      expect(text(el)).to.contain('Ordering a school certificate or diploma');
      wrapper.removeAttribute('lang');
      const htmlLang = document.documentElement.getAttribute('lang');
      document.documentElement.setAttribute('lang', 'fi');
      try {
        await waitUntil(() => shadow(el).querySelector('section')!.lang === 'fi');
        expect(text(el)).to.contain('Koulu- tai tutkintotodistuksen tilaaminen');
      } finally {
        if (htmlLang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', htmlLang);
      }
    });

    it('defaults to Finnish when no ancestor names a supported language', async () => {
      const htmlLang = document.documentElement.getAttribute('lang');
      document.documentElement.setAttribute('lang', 'de');
      try {
        const el = await fixture<MandateGuide>(html`<mandate-guide></mandate-guide>`);
        await ready(el);
        expect(shadow(el).querySelector('section')!.lang).to.equal('fi');
      } finally {
        if (htmlLang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', htmlLang);
      }
    });
  });

  describe('hostile and unknown input', () => {
    it('an unknown theme goes to the console and an event, never raw into the citizen text', async () => {
      const warned: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
      const errors: {code: string; value?: string}[] = [];
      const listen = (e: Event) => errors.push((e as CustomEvent).detail);
      document.addEventListener('puolesta-error', listen);
      try {
        const el = await fixture<MandateGuide>(
          // No catalogue-url: the registered full catalogue (the npm build's lazy chunk) answers that the theme is unknown.
          html`<mandate-guide lang="en" theme="no_such_theme_here" principal="person" situation="on-behalf"></mandate-guide>`,
        );
        await ready(el);
        await waitUntil(() => errors.length > 0, 'no puolesta-error');
        expect(text(el)).to.not.contain('no_such_theme_here');
        expect(shadow(el).querySelector('[part=notice]')!.textContent).to.equal('We cannot show this page’s mandate theme. See the service’s own instructions.');
        expect(errors).to.deep.include({code: 'unknown-theme', value: 'no_such_theme_here'});
        expect(warned.some((w) => w.includes('unknown-theme') && w.includes('no_such_theme_here'))).to.equal(true);
      } finally {
        console.warn = warn;
        document.removeEventListener('puolesta-error', listen);
      }
    });

    it('shows the light-DOM fallback for an unknown theme', async () => {
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang="en" theme="no_such_theme_here" catalogue-url="/src/generated/public/mandate-themes.json" principal="person" situation="on-behalf"
          ><p id="fallback">Ask the customer service.</p></mandate-guide
        >`,
      );
      await ready(el);
      const slot = shadow(el).querySelector<HTMLSlotElement>('.fallback slot')!;
      expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['fallback']);
    });

    it('renders markup and script in attributes as text, never as elements', async () => {
      const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang="en" theme=${evil} principal=${evil} situation=${'"><svg onload=alert(1)>'} heading-level="javascript:alert(1)"></mandate-guide>`,
      );
      await ready(el);
      expect(shadow(el).querySelector('img, script, svg')).to.equal(null);
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
      expect(text(el), 'editor mistakes never reach the citizen text').to.not.contain('<img');
      expect(text(el)).to.not.contain('svg');
      expect(shadow(el).querySelectorAll('[part=notice]').length).to.equal(1);
      expect(radios(el, 'principal').length, 'an unknown preset is asked instead').to.be.greaterThan(0);
      expect(shadow(el).querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('2');
      await expectAccessible(el, {element: 'mandate-guide', state: 'markup and script in every attribute', lang: 'en'});
    });

    it('shortens very long values in the event and shows no notice for an unknown preset', async () => {
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const el = fixtureSync<MandateGuide>(html`<mandate-guide lang="en" principal=${'x'.repeat(10000)}></mandate-guide>`);
        const {detail} = await oneEvent(el, 'puolesta-error');
        expect(detail.code).to.equal('unknown-principal');
        expect(detail.value.length).to.be.lessThan(100);
        await ready(el);
        expect(shadow(el).querySelector('[part=notice]')).to.equal(null);
      } finally {
        console.warn = warn;
      }
    });

    it('builds links only to https Suomi.fi addresses', async () => {
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang="fi" theme="javascript:alert(1) veroasioiden_hoito" principal="company" situation="on-behalf"></mandate-guide>`,
      );
      await ready(el);
      const links = [...shadow(el).querySelectorAll('a')];
      expect(links.length).to.be.greaterThan(1);
      for (const a of links) expect(new URL(a.href).origin).to.equal('https://www.suomi.fi');
    });

    it('uses heading-level for its outline and caps sub-headings at 6', async () => {
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang="en" heading-level="6" theme="veroasioiden_hoito" principal="person" situation="joint"></mandate-guide>`,
      );
      await ready(el);
      const levels = [...shadow(el).querySelectorAll('[role=heading]')].map((h) => Number(h.getAttribute('aria-level')));
      expect(levels[0]).to.equal(6);
      expect(Math.max(...levels)).to.equal(6);
    });
  });

  describe('themes from PTV', () => {
    it('takes theme names from the service channel', async () => {
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang="en" ptv-base="/ptv/api/v11/" service-channel="7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a3c70" principal="person" situation="on-behalf"></mandate-guide>`,
      );
      await ready(el);
      expect(text(el)).to.contain('Ordering a school certificate or diploma');
      expect(shadow(el).querySelectorAll('[part=theme]').length).to.be.greaterThanOrEqual(1);
    });

    it('falls back to the theme attribute with a polite note when PTV fails', async () => {
      const el = await fixture<MandateGuide>(
        html`<mandate-guide lang="en" ptv-base="/ptv/api/v11/" service-channel="00000000-0000-4000-8000-000000000500" theme="veroasioiden_hoito" principal="person" situation="on-behalf"
          ><p>Fallback text</p></mandate-guide
        >`,
      );
      const error = oneEvent(el, 'puolesta-error');
      expect((await error).detail.code).to.match(/^ptv-/);
      await ready(el);
      // The official English name (data/theme-names.json: Suomi.fi and the Tax Administration's English pages).
      expect(text(el)).to.contain('Managing of tax affairs');
      expect(shadow(el).querySelector('[part=notice]')).to.exist;
      await expectAccessible(el, {element: 'mandate-guide', state: 'PTV fails, theme attribute used', lang: 'en'});
    });
  });

  it('loads a theme that is not bundled from the full catalogue', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="en" theme="sotalapsitietojen_selvittaminen" principal="person" situation="on-behalf"></mandate-guide>`,
    );
    await ready(el);
    expect(text(el)).to.contain('Ordering information on wartime child evacuees');
  });

  it('refuses a catalogue-url on another origin and says so', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="en" catalogue-url="http://evil.example/themes.json" theme="sotalapsitietojen_selvittaminen" principal="person" situation="on-behalf"></mandate-guide>`,
    );
    await ready(el);
    expect(text(el)).to.not.contain('sotalapsitietojen_selvittaminen');
    expect(shadow(el).querySelector('[part=notice]')).to.exist;
  });

  it('copies the exact theme name and announces it', async () => {
    const el = await fixture<MandateGuide>(
      html`<mandate-guide lang="en" theme="lainhuudatusasiakirjojen_tilaaminen" principal="person" situation="on-behalf"></mandate-guide>`,
    );
    await ready(el);
    shadow(el).querySelector<HTMLButtonElement>('[part=choose] button')!.click();
    await waitUntil(() => live(el) !== '');
    // Headless Chromium may refuse the clipboard; then the name must be selected for a manual copy.
    const copied = live(el).includes('Ordering property title registration documents');
    const selected = getSelection()!.toString() === 'Ordering property title registration documents';
    expect(copied || selected).to.equal(true);
    await aTimeout(0);
  });
});
