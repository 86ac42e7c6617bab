// Demo pages of the fictional municipality Esimerkkilä / Exempelby, as data: one entry per page, text per
// language. demo/server.mjs renders them (escaping every value); the end-to-end tests walk the same list.
import {readFileSync} from 'node:fs';
import {EARLY_EDUCATION_CHANNEL} from '../test/fixtures/ptv/index.mjs';

export const LANGS = ['fi', 'sv', 'en'];
export const SITE = {
  fi: {name: 'Esimerkkilän kaupunki', skip: 'Siirry sisältöön', nav: 'Päävalikko', langNav: 'Kieli', home: 'Etusivu',
    footer: 'Esimerkkilän kaupunki · Asiakaspalvelu puh. 09 123 4567 (ma–pe 9–15) · kirjaamo@esimerkkila.example',
    a11y: 'Saavutettavuusseloste', editors: 'Verkkotoimittajille: valtuusohjeen koodi omalle sivulle', developers: 'Kehittäjille', fallbackLink: 'Lue Suomi.fi-valtuuksista', fallbackText: 'Voit hoitaa asian toisen puolesta Suomi.fi-valtuuksilla.'},
  sv: {name: 'Exempelby stad', skip: 'Till innehållet', nav: 'Huvudmeny', langNav: 'Språk', home: 'Startsida',
    footer: 'Exempelby stad · Kundtjänst tfn 09 123 4567 (mån–fre 9–15) · registratur@esimerkkila.example',
    a11y: 'Tillgänglighetsutlåtande', editors: 'För webbredaktörer: kod för fullmaktsguiden på din sida', developers: 'För utvecklare', fallbackLink: 'Läs om Suomi.fi-fullmakter', fallbackText: 'Du kan sköta ärendet för någon annan med Suomi.fi-fullmakter.'},
  en: {name: 'City of Esimerkkilä', skip: 'Skip to content', nav: 'Main menu', langNav: 'Language', home: 'Home',
    footer: 'City of Esimerkkilä · Customer service tel. +358 9 123 4567 (Mon–Fri 9–15) · registry@esimerkkila.example',
    a11y: 'Accessibility statement', editors: 'For web editors: the mandate guide on your own page', developers: 'For developers', fallbackLink: 'Read about Suomi.fi e-Authorizations', fallbackText: 'You can handle the matter for someone else with Suomi.fi e-Authorizations.'},
};
export const VALTUUDET = {fi: 'https://www.suomi.fi/valtuudet', sv: 'https://www.suomi.fi/fullmakter', en: 'https://www.suomi.fi/e-authorizations'};

/**
 * Each page: slug, per-language title and paragraphs, and the guide's attributes (or none).
 * `guide: {attrs}` renders one <mandate-guide> with the site's no-JS fallback inside.
 */
export const PAGES = [
  {
    slug: 'index',
    title: {fi: 'Asiointi toisen puolesta', sv: 'Att sköta ärenden för någon annan', en: 'Acting on behalf of someone else'},
    intro: {
      fi: ['Voit hoitaa kaupungin asioita myös toisen puolesta: esimerkiksi lapsesi, ikääntyneen vanhempasi tai yhdistyksesi puolesta. Alla olevilta sivuilta näet, tarvitsetko siihen Suomi.fi-valtuuden.'],
      sv: ['Du kan sköta stadens ärenden också för någon annan, till exempel ditt barn, en äldre förälder eller din förening. På sidorna nedan ser du om du behöver en Suomi.fi-fullmakt.'],
      en: ['You can also handle city matters on behalf of someone else, for example your child, an elderly parent or your association. The pages below tell you whether you need a Suomi.fi mandate.'],
    },
    links: true,
  },
  {
    slug: 'varhaiskasvatus',
    title: {fi: 'Varhaiskasvatushakemus', sv: 'Ansökan om småbarnspedagogik', en: 'Applying for early childhood education'},
    intro: {
      fi: ['Hae lapsellesi varhaiskasvatuspaikkaa viimeistään neljä kuukautta ennen kuin tarvitset paikan. Hakemuksen voi tehdä lapsen huoltaja.', 'Tarvitset hakemukseen lapsen henkilötiedot, toivotun aloituspäivän ja tiedon hoitoajan tarpeesta.'],
      sv: ['Ansök om en plats inom småbarnspedagogiken senast fyra månader innan du behöver den. Ansökan kan göras av barnets vårdnadshavare.', 'Du behöver barnets personuppgifter, önskat startdatum och uppgift om behovet av vårdtid.'],
      en: ['Apply for an early childhood education place for your child at least four months before you need it. The child’s guardian can make the application.', 'You need the child’s personal details, the start date you would like and how much care the child needs.'],
    },
    guide: {theme: 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen', principal: 'minor'},
    // The city's own way for a guardian who cannot use Suomi.fi (the guide's `alternatives` slot).
    alternatives: {
      fi: 'Voit myös tuoda huoltajan allekirjoittaman valtakirjan varhaiskasvatuksen asiakaspalveluun.',
      sv: 'Du kan också lämna in en fullmakt som vårdnadshavaren har undertecknat till kundtjänsten för småbarnspedagogik.',
      en: 'You can also bring a power of attorney signed by the guardian to the early childhood education customer service.',
    },
  },
  {
    slug: 'rakennuslupa',
    title: {fi: 'Rakennuslupa', sv: 'Bygglov', en: 'Building permit'},
    intro: {
      fi: ['Rakennuslupaa haetaan sähköisesti. Hakijana on rakennuspaikan omistaja tai haltija; jos kiinteistöllä on useita omistajia, kaikkien suostumus tarvitaan.'],
      sv: ['Bygglov söks elektroniskt. Sökande är ägaren eller innehavaren av byggplatsen; om fastigheten har flera ägare behövs allas samtycke.'],
      en: ['You apply for a building permit online. The applicant is the owner or holder of the building site; if the property has several owners, everyone must consent.'],
    },
    guide: {theme: 'rakentamissuunnitelmien_yllapito'},
  },
  {
    slug: 'avustukset',
    title: {fi: 'Avustukset yhdistyksille', sv: 'Understöd för föreningar', en: 'Grants for associations'},
    intro: {
      fi: ['Kaupunki myöntää toiminta- ja kohdeavustuksia rekisteröidyille yhdistyksille. Hakemuksen tekee yhdistyksen puolesta henkilö, jolla on siihen oikeus.'],
      sv: ['Staden beviljar verksamhets- och projektunderstöd till registrerade föreningar. Ansökan görs för föreningen av en person som har rätt till det.'],
      en: ['The city awards operating and project grants to registered associations. A person who has the right to do so applies on behalf of the association.'],
    },
    bodyClass: 'grants',
    section: {fi: 'Kuka voi hakea?', sv: 'Vem kan ansöka?', en: 'Who can apply?'},
    guide: {theme: 'avustushakemuksen_tekeminen', principal: 'association', 'heading-level': '3'},
    // Our list has no official name for this theme: the city says in its own words what to look for.
    themeNote: {
      fi: 'Suomi.fi-valtuuksissa valitse valtuusasia, joka koskee avustushakemuksen tekemistä.',
      sv: 'I Suomi.fi-fullmakter väljer du det fullmaktsärende som gäller att göra en understödsansökan.',
      en: 'In Suomi.fi Valtuudet, choose the mandate theme for making a grant application.',
    },
  },
  {
    slug: 'palvelukuvaus',
    title: {fi: 'Varhaiskasvatuksen sähköinen asiointi (PTV)', sv: 'Elektronisk tjänst för småbarnspedagogik (PTV)', en: 'Early childhood education e-service (PTV)'},
    intro: {
      fi: ['Tämän sivun ohje haetaan Palvelutietovarannosta (PTV): palvelukanavan tiedoissa kerrotaan, mitä valtuusasiaa palvelu käyttää.'],
      sv: ['Anvisningen på den här sidan hämtas från Servicedatalagret (PTV): servicekanalens uppgifter anger vilket fullmaktsärende tjänsten använder.'],
      en: ['The guidance on this page comes from the Finnish Service Catalogue (PTV): the service channel says which mandate theme the service uses.'],
    },
    guide: {'service-channel': EARLY_EDUCATION_CHANNEL, 'ptv-base': '/ptv/api/v11/', theme: 'varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen'},
    developer: true,
    summary: {
      fi: 'Ohje, joka hakee palvelun valtuusasian Palvelutietovarannosta (PTV) palvelukanavan tunnuksella.',
      sv: 'En guide som hämtar tjänstens fullmaktsärende från Servicedatalagret (PTV) med servicekanalens id.',
      en: 'A guide that reads the service’s mandate theme from the Finnish Service Catalogue (PTV) by the service channel id.',
    },
  },
  {
    slug: 'galleria',
    title: {fi: 'Kaikki ohjeen tilat', sv: 'Alla lägen av anvisningen', en: 'Every state of the guide'},
    intro: {
      fi: ['Tällä sivulla näet valtuusohjeen jokaisen tilan: jokaisen asiakasryhmän ja tilanteen sekä virhetilanteet, kuten tuntemattoman valtuusasian.'],
      sv: ['På den här sidan ser du varje läge av anvisningen: varje kundgrupp och situation och felsituationerna, till exempel ett okänt fullmaktsärende.'],
      en: ['This page shows every state of the guide: each kind of customer and situation, and the error states such as an unknown mandate theme.'],
    },
    gallery: true,
    developer: true,
    summary: {
      fi: 'Valtuusohjeen kaikki tilat yhdellä sivulla, samat kuin automaattisissa testeissä.',
      sv: 'Alla lägen av anvisningen på en sida, samma som i de automatiska testerna.',
      en: 'Every state of the guide on one page, the same ones the automated tests check.',
    },
  },
  {
    slug: 'kehittajille',
    title: {fi: 'Kehittäjille', sv: 'För utvecklare', en: 'For developers'},
    intro: {
      fi: ['Nämä sivut näyttävät, miten Puolesta-osat toimivat. Ne eivät ole kuntalaisille.'],
      sv: ['De här sidorna visar hur Puolesta-delarna fungerar. De är inte avsedda för invånarna.'],
      en: ['These pages show how the Puolesta parts work. They are not for residents.'],
    },
    developerIndex: true,
  },
  {
    slug: 'saavutettavuus',
    title: {fi: 'Saavutettavuusseloste', sv: 'Tillgänglighetsutlåtande', en: 'Accessibility statement'},
    intro: {
      fi: ['Esimerkkilän kaupunki haluaa, että kaikki voivat käyttää sen verkkopalveluja. Tämä sivusto täyttää saavutettavuusvaatimukset (WCAG 2.2 AA) lukuun ottamatta kohtia, jotka kerromme alla.', 'Tunnettu puute: Linuxin WebKit-selaimissa valitsemattoman valintanapin reunus on vaalea. Jos huomaat muun puutteen, kerro siitä osoitteeseen kirjaamo@esimerkkila.example. Vastaamme kahden viikon kuluessa.'],
      sv: ['Exempelby stad vill att alla ska kunna använda stadens webbtjänster. Den här webbplatsen uppfyller tillgänglighetskraven (WCAG 2.2 AA) med undantag av det som vi berättar om nedan.', 'Känd brist: i WebKit-webbläsare på Linux har en ovald alternativknapp en ljus kant. Om du märker en annan brist, skriv till registratur@esimerkkila.example. Vi svarar inom två veckor.'],
      en: ['The City of Esimerkkilä wants everyone to be able to use its online services. This site meets the accessibility requirements (WCAG 2.2 AA) except for what we describe below.', 'Known gap: in WebKit browsers on Linux an unselected radio button has a light border. If you notice another gap, write to registry@esimerkkila.example. We answer within two weeks.'],
    },
  },
];

/** The shared guide states (tests, this demo, README). */
export const GUIDE_STATES = JSON.parse(readFileSync(new URL('../test/fixtures/guide-states.json', import.meta.url), 'utf8')).states;

/** Every URL path the demo serves as a page. */
export const pagePaths = () => LANGS.flatMap((lang) => PAGES.map((p) => pagePath(lang, p.slug)));
export const pagePath = (lang, slug) => `${lang === 'fi' ? '' : `/${lang}`}/${slug === 'index' ? '' : `${slug}.html`}`;
