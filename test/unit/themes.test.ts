import {expect} from '@open-wc/testing';
import {Catalogue, describeTheme, parseCatalogueJson, parseThemeId, parseThemeList, MAX_THEMES} from '../../src/core/themes.js';
import {themes as municipal} from '../../src/generated/themes-municipal.js';
import {themes as all} from '../../src/generated/themes-all.js';
import names from '../../data/theme-names.json';

describe('theme catalogue', () => {
  const catalogue = new Catalogue(municipal);

  it('accepts every slug of the catalogue as a theme id, also the longest (163 characters)', () => {
    const refused = all.filter((t) => parseThemeId(t.s) !== t.s || parseThemeList(t.s).slugs[0] !== t.s).map((t) => t.s);
    expect(refused).to.deep.equal([]);
    expect(Math.max(...all.map((t) => t.s.length))).to.be.greaterThan(150);
    expect(new Catalogue(all).size).to.equal(all.length);
  });

  it('finds a theme by bare slug and by full URI', () => {
    expect(catalogue.get('koulu_tai_tutkintotodistuksen_tilaaminen')?.n?.sv).to.equal('Beställning av skol- eller examensbetyg');
    expect(catalogue.get('http://valtuusrekisteri.suomi.fi/koulu_tai_tutkintotodistuksen_tilaaminen')?.s).to.equal(
      'koulu_tai_tutkintotodistuksen_tilaaminen',
    );
  });

  it('bundles exactly the municipal subset and the full list separately', () => {
    expect(municipal.length).to.equal(25);
    expect(all.length).to.be.greaterThan(200);
    expect(catalogue.has('sotalapsitietojen_selvittaminen')).to.equal(false);
    expect(new Catalogue(all).has('sotalapsitietojen_selvittaminen')).to.equal(true);
  });

  it('bundles each municipal theme with the slug and names the full list gives it', () => {
    const full = new Catalogue(all);
    for (const record of municipal) {
      expect(full.get(record.s), record.s).to.deep.equal(record);
    }
    expect(new Set(municipal.map((r) => r.s)).size).to.equal(municipal.length);
  });

  describe('official names merged from the harvest (data/theme-names.json)', () => {
    const full = new Catalogue(all);
    type Entry = {slug: string; labels: Record<string, string>; provenance: Record<string, string>; descriptions?: Record<string, string>; new?: boolean};
    for (const entry of names.themes as unknown as Entry[]) {
      it(`${entry.slug}: each merged name is in the catalogue and cites the page that shows it`, () => {
        const record = full.get(entry.slug);
        expect(record, 'in the full catalogue').to.exist;
        for (const [lang, label] of Object.entries(entry.labels)) {
          expect(record!.n?.[lang as 'fi'], lang).to.equal(label);
          expect(entry.provenance[lang], `source of the ${lang} name`).to.match(/^https:\/\//);
        }
        if (entry.new) expect(entry.provenance.slug, 'the official page that shows the slug exists').to.match(/^https:\/\/www\.suomi\.fi\//);
      });
    }
    it('a rejected name never reaches the catalogue, and such a theme stays Finnish-only where no name holds up', () => {
      for (const {slug, lang, name} of names.rejected) expect(full.get(slug)?.n?.[lang as 'sv']).to.not.equal(name);
      const view = describeTheme('palkkatietojen_katselu', full.get('palkkatietojen_katselu'), 'sv');
      expect(view.name).to.deep.equal({text: 'Palkkatietojen katselu', lang: 'fi'});
      expect(view.nameInOtherLanguage).to.equal(true);
    });
    it('the bundled municipal themes carry the merged names (a Swedish page gets the Swedish name)', () => {
      expect(describeTheme('veroasioiden_hoito', catalogue.get('veroasioiden_hoito'), 'sv').name).to.deep.equal({text: 'Hantering av skatteärenden', lang: 'sv'});
      expect(describeTheme('terveydenhuollon_asioiden_hoito', catalogue.get('terveydenhuollon_asioiden_hoito'), 'fi').name).to.deep.equal({text: 'Terveydenhuollon asioiden hoito', lang: 'fi'});
    });
  });

  it('parses theme ids from hostile input without throwing', () => {
    expect(parseThemeId('<script>alert(1)</script>')).to.equal(undefined);
    expect(parseThemeId('javascript:alert(1)')).to.equal(undefined);
    expect(parseThemeId('http://evil.example/veroasioiden_hoito')).to.equal(undefined);
    expect(parseThemeId('x'.repeat(5000))).to.equal(undefined);
    expect(parseThemeId(42)).to.equal(undefined);
    expect(parseThemeId('  Veroasioiden_Hoito ')).to.equal('veroasioiden_hoito');
  });

  it('splits a theme list, drops duplicates and reports what is not an id', () => {
    const {slugs, invalid} = parseThemeList('veroasioiden_hoito "><img> http://valtuusrekisteri.suomi.fi/veroasioiden_hoito p4771');
    expect(slugs).to.deep.equal(['veroasioiden_hoito', 'p4771']);
    expect(invalid).to.deep.equal(['"><img>']);
    expect(parseThemeList(Array.from({length: 50}, (_, i) => `t${i}`).join(' ')).slugs.length).to.equal(MAX_THEMES);
  });

  it('shows the official name in the page language when one exists', () => {
    const view = describeTheme('lainhuudatusasiakirjojen_tilaaminen', catalogue.get('lainhuudatusasiakirjojen_tilaaminen'), 'en');
    expect(view.name).to.deep.equal({text: 'Ordering property title registration documents', lang: 'en'});
    expect(view.nameInOtherLanguage).to.equal(false);
    expect(view.description?.lang).to.equal('en');
  });

  it('falls back to the official Finnish name, marked as Finnish, never an invented translation', () => {
    const view = describeTheme('p4771', catalogue.get('p4771'), 'sv');
    expect(view.name).to.deep.equal({text: 'Toimeentulotuki', lang: 'fi'});
    expect(view.nameInOtherLanguage).to.equal(true);
  });

  it('has no name at all for a theme no source names, but still knows it', () => {
    const view = describeTheme('avustushakemuksen_tekeminen', catalogue.get('avustushakemuksen_tekeminen'), 'fi');
    expect(view.name).to.equal(undefined);
    expect(view.known).to.equal(true);
    expect(view.uri).to.equal('http://valtuusrekisteri.suomi.fi/avustushakemuksen_tekeminen');
  });

  it('prefers names given by PTV for this service', () => {
    const view = describeTheme('p4771', catalogue.get('p4771'), 'sv', {sv: 'Utkomststöd', fi: 'Toimeentulotuki'});
    expect(view.name).to.deep.equal({text: 'Utkomststöd', lang: 'sv'});
  });

  it('links a confirmed theme page, else the public theme list in the page language', () => {
    expect(describeTheme('veroasioiden_hoito', catalogue.get('veroasioiden_hoito'), 'en').page.href).to.match(
      /^https:\/\/www\.suomi\.fi\/valtuudet\/valtuusasiat\/veroasioiden-hoito\//,
    );
    expect(describeTheme('p4771', catalogue.get('p4771'), 'en').page.href).to.equal('https://www.suomi.fi/e-authorizations/mandate-themes');
  });

  it('keeps only well-formed records from a fetched catalogue', () => {
    const records = parseCatalogueJson({
      themes: [
        {s: 'ok_theme', n: {fi: 'Nimi', xx: 'no'}, u: 'javascript:alert(1)'},
        {s: '../etc/passwd'},
        null,
        'junk',
        {s: 'linked', u: 'https://www.suomi.fi/valtuudet/valtuusasiat/x/1'},
      ],
    });
    expect(records.map((r) => r.s)).to.deep.equal(['ok_theme', 'linked']);
    expect(records[0].n).to.deep.equal({fi: 'Nimi'});
    expect(records[0].u).to.equal(undefined);
    expect(parseCatalogueJson('nonsense')).to.deep.equal([]);
  });
});
