// The builder's pure parts: URL state (hostile input in, same choices out), the snippet text and the CSP sources.
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {PRINCIPALS, SITUATIONS} from '../../src/core/triage.js';
import {cspLines, elementHtml, elementModel, PTV_API_ORIGIN, scriptHtml, scriptModel, type Release} from '../../src/builder/snippet.js';
import {defaultState, HEADING_LEVELS, PAGE_LANGS, parseFilesFolder, queryFromState, stateFromQuery, WIDTHS, type BuilderState} from '../../src/builder/state.js';

const KNOWN = ['veroasioiden_hoito', 'ajoneuvotietojen_selvittaminen', 'koulu_tai_tutkintotodistuksen_tilaaminen'];
const known = (slug: string) => KNOWN.includes(slug);
const RELEASE: Release = {version: '9.9.9', algorithm: 'sha384', files: {
  'puolesta.js': {integrity: 'sha384-all', bytes: 1}, 'puolesta.fi.js': {integrity: 'sha384-fi', bytes: 1},
  'puolesta.sv.js': {integrity: 'sha384-sv', bytes: 1}, 'puolesta.en.js': {integrity: 'sha384-en', bytes: 1},
}};
const name = (slug: string, lang: 'fi' | 'sv' | 'en') => ({text: `<${slug}> & "${lang}"`, lang: 'fi' as const});

const stateArb: fc.Arbitrary<BuilderState> = fc.record({
  ui: fc.constantFrom('fi', 'sv', 'en'),
  source: fc.constantFrom('catalogue', 'ptv'),
  themes: fc.uniqueArray(fc.constantFrom(...KNOWN), {maxLength: 3}),
  channel: fc.oneof(fc.constant(''), fc.uuid().map((u) => u.toLowerCase())),
  principal: fc.option(fc.constantFrom(...PRINCIPALS), {nil: undefined}),
  situation: fc.option(fc.constantFrom(...SITUATIONS), {nil: undefined}),
  heading: fc.constantFrom(...HEADING_LEVELS),
  page: fc.constantFrom(...PAGE_LANGS),
  files: fc.constantFrom('', 'https://www.kunta.fi/puolesta/', 'https://cdn.example/p/0.1.0/'),
  plain: fc.boolean(),
  width: fc.constantFrom(...WIDTHS),
}) as fc.Arbitrary<BuilderState>;

describe('builder state in the URL', () => {
  it('a shared link gives back every choice', () => {
    fc.assert(fc.property(stateArb, (state) => {
      expect(stateFromQuery(queryFromState(state), known)).to.deep.equal(state);
    }));
  });

  it('any query string gives a valid state, and unknown or malformed values fall back to the defaults', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('lang', 'theme', 'channel', 'source', 'principal', 'situation', 'heading', 'page', 'files', 'width'), fc.string()), (params) => {
      const state = stateFromQuery(new URLSearchParams(params), known);
      expect(['fi', 'sv', 'en']).to.include(state.ui);
      expect(state.themes.every(known)).to.equal(true);
      expect(state.channel === '' || /^[0-9a-f-]{36}$/.test(state.channel)).to.equal(true);
      expect(state.files === '' || state.files.startsWith('https://') || state.files.startsWith('http://localhost')
        || state.files.startsWith('http://127.0.0.1') || state.files.startsWith('http://[::1]')).to.equal(true);
      expect(HEADING_LEVELS as readonly number[]).to.include(state.heading);
      expect(PAGE_LANGS as readonly string[]).to.include(state.page);
    }));
  });

  it('the files folder must be an https folder without credentials, query or fragment', () => {
    expect(parseFilesFolder('https://www.kunta.fi/puolesta')).to.equal('https://www.kunta.fi/puolesta/');
    expect(parseFilesFolder('http://localhost:8080/builder/cdn/1.0.0/')).to.equal('http://localhost:8080/builder/cdn/1.0.0/');
    for (const bad of ['http://www.kunta.fi/', 'javascript:alert(1)//', 'https://user:pw@kunta.fi/', 'https://kunta.fi/?x=1', 'https://kunta.fi/#a', '/relative/', 'data:text/javascript,1', ''])
      expect(parseFilesFolder(bad), bad).to.equal(undefined);
  });
});

describe('builder snippet', () => {
  it('names the per-language file for a one-language page and the all-language file otherwise', () => {
    for (const page of PAGE_LANGS) {
      const script = scriptModel({...defaultState('fi'), page}, RELEASE, 'https://cdn.example/p/');
      expect(script.src).to.equal(`https://cdn.example/p/${page === 'multi' ? 'puolesta.js' : `puolesta.${page}.js`}`);
      expect(scriptHtml(script)).to.contain(`integrity="${RELEASE.files[script.file].integrity}"`).and.contain('crossorigin="anonymous"');
    }
  });

  it('writes names from data as text: no markup from a theme name can reach the snippet', () => {
    const state = {...defaultState('sv'), themes: ['veroasioiden_hoito'], page: 'sv' as const};
    const htmlText = elementHtml(elementModel(state, name));
    expect(htmlText).to.contain('&lt;veroasioiden_hoito&gt; &amp; &quot;sv&quot;');
    expect(htmlText).not.to.contain('<veroasioiden_hoito>');
    // A Finnish-only name on a Swedish page is marked as Finnish; the link is the Swedish Suomi.fi page.
    expect(htmlText).to.contain('<span lang="fi"><strong>').and.contain('href="https://www.suomi.fi/fullmakter"');
  });

  it('asks for connect-src only when the guide will fetch: PTV, or a theme outside the bundled subset', () => {
    const folder = 'https://cdn.example/p/';
    const bundled = (slug: string) => slug === 'veroasioiden_hoito';
    const base = defaultState('fi');
    expect(cspLines({...base, themes: ['veroasioiden_hoito']}, folder, bundled)).to.deep.equal(['script-src https://cdn.example']);
    expect(cspLines({...base, themes: ['veroasioiden_hoito', 'ajoneuvotietojen_selvittaminen']}, folder, bundled))
      .to.deep.equal(['script-src https://cdn.example', 'connect-src https://cdn.example']);
    expect(cspLines({...base, source: 'ptv', channel: '7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a3c70'}, folder, bundled))
      .to.deep.equal(['script-src https://cdn.example', `connect-src ${PTV_API_ORIGIN} https://cdn.example`]);
  });

  it('asks for style-src too when the code carries the ready-made guide (its stylesheet)', () => {
    const folder = 'https://cdn.example/p/';
    expect(cspLines({...defaultState('fi'), themes: ['veroasioiden_hoito']}, folder, () => true, true))
      .to.deep.equal(['script-src https://cdn.example', 'style-src https://cdn.example']);
  });
});
