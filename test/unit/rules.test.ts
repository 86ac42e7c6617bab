/**
 * One test per rule of the register (docs/rules.md): for every state the register says the rule covers, in fi,
 * sv and en, the rendered blocks that carry the rule's id (`data-rules`) must say what the rule says. The
 * expectations are written from the register and its DVV / Suomi.fi sources (quoted beside each rule), not from
 * the guide's code: a rule that drops out of a state, or a text that stops saying it, fails here.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/elements/mandate-guide/define.js';
import '../../src/elements/acting-for-selector/define.js';
import type {MandateGuide} from '../../src/elements/mandate-guide/mandate-guide.js';
import {APPLICATION_PAGE, RULE_IDS, type RuleId} from '../../src/core/rules.js';
import {PRINCIPALS, type Principal} from '../../src/core/triage.js';

type Lang = 'fi' | 'sv' | 'en';
const LANGS: Lang[] = ['fi', 'sv', 'en'];
type S = 'on-behalf' | 'joint' | 'alone';
interface State {
  p: Principal;
  s: S;
  basis?: 'none';
}
const key = (st: State) => `${st.p} × ${st.s}${st.basis ? ' (basis none)' : ''}`;

const ALL_AB: State[] = PRINCIPALS.flatMap((p) => [{p, s: 'on-behalf' as const}, {p, s: 'joint' as const}]);
const ab = (...ps: Principal[]): State[] => ps.flatMap((p) => [{p, s: 'on-behalf' as const}, {p, s: 'joint' as const}]);
const C: State[] = (['person', 'minor', 'company'] as const).map((p) => ({p, s: 'alone' as const}));
const AFTER_NO_ROLE: State[] = [{p: 'minor', s: 'on-behalf', basis: 'none'}, {p: 'association', s: 'on-behalf', basis: 'none'}, {p: 'company', s: 'on-behalf', basis: 'none'}];
const ROLE = ['company', 'housing-company', 'association', 'organisation'] as const;
/** A processing time in any language: the sources disagree on it (R19), so the guide must never give one. */
const DURATION = /\d+\s*(–\s*\d+\s*)?(day|week|month|päivä|viikko|viiko|kuukau|dag|veck|månad)/i;

interface RuleSpec {
  /** The register's quote the expectation rests on (for the reader; the URL is in docs/rules.md). */
  source: string;
  covers: State[];
  /** Every pattern must match the text of the blocks tagged with the rule, in that language. */
  says: Record<Lang, RegExp[]>;
  /** Extra patterns for some states. */
  alsoIn?: (st: State) => Partial<Record<Lang, RegExp[]>> | undefined;
}

const RULES: Partial<Record<RuleId, RuleSpec>> = {
  R1: {source: 'suomi.fi: "can only act on behalf of an adult by using a mandate"', covers: ab('person'),
    says: {en: [/need a mandate from/], fi: [/Tarvitset valtuuden/], sv: [/behöver en fullmakt av/]}},
  R2: {source: 'suomi.fi: "you cannot grant a so-called general power of attorney"; each service decides its theme', covers: ALL_AB,
    says: {en: [/mandate theme/i, /different mandate theme/], fi: [/valtuusasia/, /toiseen valtuusasiaan/], sv: [/fullmaktsärende/, /annat fullmaktsärende/]}},
  R3: {source: 'dvv.fi: "search for mandate themes by … the name"', covers: ALL_AB,
    says: {en: [/Choose this mandate theme in Suomi\.fi/], fi: [/Valitse Suomi\.fissä tämä valtuusasia/], sv: [/Välj det här fullmaktsärendet i Suomi\.fi/]}},
  R4: {source: 'suomi.fi: a request "is valid only when the mandator has confirmed it"; granted mandates need no approval',
    covers: ab('person', ...ROLE),
    says: {en: [/confirm/], fi: [/vahvist/], sv: [/(godkänn|bekräft)/]},
    // Where the citizen can ask: the request, and that it needs the other party's confirmation.
    alsoIn: (st) => st.p === 'person' || st.s === 'on-behalf' ? {en: [/mandate request/], fi: [/valtuuspyyn/], sv: [/begär(an om| du)? fullmakt/]} : undefined},
  R5: {source: 'suomi.fi: "If you have not activated Suomi.fi Messages, only the sender of the request can inform you"', covers: ab('person', ...ROLE),
    says: {en: [/Suomi\.fi Messages only if they use/, /Otherwise tell them yourself/], fi: [/Suomi\.fi-viesteihin vain, jos/, /Muuten kerro/], sv: [/Suomi\.fi-meddelanden bara om/, /Annars berättar du själv/]}},
  R6: {source: 'suomi.fi: "maximum of 25 years"; "You cannot automatically extend the validity"', covers: ALL_AB,
    says: {en: [/25 years/, /does not renew itself/, /has expired/], fi: [/25 vuotta/, /jatku itsestään/, /ei ole enää voimassa/], sv: [/25 år/, /förnyas inte/, /gäller inte längre/]}},
  R7: {source: 'suomi.fi: "only use the specifier after you have received more detailed instructions on the e-service"', covers: ALL_AB,
    says: {en: [/specifier/i, /only if this service’s instructions ask/], fi: [/tarkenne/i, /vain, jos tämän palvelun ohjeissa/], sv: [/specifikation/i, /bara om den här tjänstens anvisningar/]}},
  R8: {source: 'suomi.fi: any guardian can invalidate; "The assignee will not be notified"', covers: ALL_AB,
    says: {en: [/revoke it at any time/, /any guardian/, /not notified/], fi: [/perua sen milloin tahansa/, /kuka tahansa huoltajista/, /ei saa tästä ilmoitusta/], sv: [/återkalla den när som helst/, /vilken vårdnadshavare som helst/, /inget meddelande/]}},
  R9: {source: 'municipal guide: a phone call or visit must not be a way round the mandate', covers: [...ALL_AB, ...C],
    says: {en: [/on the phone or at the service point/], fi: [/puhelimessa ja asiointipisteessä/], sv: [/per telefon eller på en servicepunkt/]}},
  R10: {source: 'dvv.fi: "guardians … can usually act on behalf of their child … without a specific mandate"', covers: [{p: 'minor', s: 'on-behalf'}],
    says: {en: [/guardian usually needs no mandate/, /population register that you are the guardian/, /not registered as the child’s guardian/],
      fi: [/Huoltaja ei yleensä tarvitse valtuutta/, /väestötietojärjestelmästä, että olet huoltaja/, /Sinua ei ole merkitty lapsen huoltajaksi/],
      sv: [/vårdnadshavare behöver oftast ingen fullmakt/, /befolkningsdatasystemet att du är vårdnadshavare/, /inte registrerad som barnets vårdnadshavare/]}},
  R11: {source: 'dvv.fi: "Alaikäinen ei voi … tehdä valtuuksia"; guardians act for the child', covers: [...ab('minor'), {p: 'minor', s: 'on-behalf', basis: 'none'}],
    says: {en: [/on the child’s behalf/, /The child is the mandator/], fi: [/lapsen puolesta/, /Lapsi on valtuuttaja/], sv: [/för barnets räkning/, /Barnet är fullmaktsgivare/]}},
  R12: {source: 'suomi.fi: "all guardians of the minor, as per the population register, must confirm the mandate"', covers: [...ab('minor'), {p: 'minor', s: 'on-behalf', basis: 'none'}],
    says: {en: [/[Ee]very guardian in the population register/], fi: [/väestötietojärjestelmään merkit\w* huoltaja/], sv: [/[Vv]arje vårdnadshavare i befolkningsdatasystemet/]}},
  R13: {source: 'suomi.fi (sv): "ska även en ensamförsörjare ge sig själv fullmakt"', covers: [{p: 'minor', s: 'joint'}],
    says: {en: [/sole guardian gives it to themself/], fi: [/Ainoa huoltaja antaa valtuuden itselleen/], sv: [/ensam vårdnadshavare ger fullmakten åt sig själv/]}},
  R14: {source: 'dvv.fi: "may also be granted to a person other than their guardian"', covers: [{p: 'minor', s: 'on-behalf'}, {p: 'minor', s: 'on-behalf', basis: 'none'}],
    says: {en: [/starts a mandate for you/], fi: [/aloittaa sinulle valtuuden/], sv: [/påbörjar en fullmakt åt dig/]}},
  R15: {source: 'suomi.fi: non-disclosure and taking into care can block acting for a child', covers: ab('minor'),
    says: {en: [/non-disclosure/, /taken into care/], fi: [/turvakielto/, /huostaan/], sv: [/spärrmarkering/, /omhändertagits/]}},
  R16: {source: 'dvv.fi 5.9.2023: persons under guardianship may authorise others in matters concerning their own person', covers: ab('person'),
    says: {en: [/under guardianship/, /personal matters/], fi: [/edunvalvon/, /henkilöään koskevissa asioissa/], sv: [/intressebevakning/, /personliga ärenden/]}},
  R17: {source: 'kehittajille.suomi.fi 19/1/2026: public guardians "without a separate Suomi.fi e-Authorization" if the e-service allows it', covers: ab('person'),
    says: {en: [/without a mandate where the e-service allows it/, /public guardian only where/, /20 January 2026/], fi: [/ilman valtuutta, jos asiointipalvelu sallii/, /yleinen edunvalvoja vain/, /20\.1\.2026/], sv: [/utan fullmakt där e-tjänsten tillåter/, /allmän intressebevakare bara där/, /20\.1\.2026/]}},
  R18: {source: 'suomi.fi 31/3/2026: four ways if you cannot identify yourself; "must be able to understand what granting a mandate means"', covers: ab('person'),
    says: {en: [/understand what a mandate means/, /DVV service point/, /online, by post/], fi: [/ymmärtää, mitä valtuuttaminen tarkoittaa/, /DVV:n palvelupisteessä/, /verkossa, postitse/], sv: [/förstår vad en fullmakt innebär/, /serviceställe hos DVV/, /på nätet, per post/]}},
  R19: {source: 'suomi.fi: processing times conflict (1 week … 2 months): link, no time', covers: ALL_AB,
    says: {en: [/official processes an application/], fi: [/Virkailija käsittelee hakemuksen/], sv: [/tjänsteman behandlar ansökan/]}},
  R20: {source: 'suomi.fi: no mandate only if "the role has been specified in the service as a role entitled to act on behalf"',
    covers: ROLE.map((p) => ({p, s: 'on-behalf' as const})),
    says: {en: [/this service accepts that role/, /Suomi\.fi checks your role/, /does not accept your registered role/], fi: [/tämä palvelu hyväksyy roolisi/, /Suomi\.fi tarkistaa roolisi/, /ei hyväksy rekisteriin merkittyä rooliasi/], sv: [/den här tjänsten godkänner din roll/, /Suomi\.fi kontrollerar din roll/, /godkänner inte din registrerade roll/]}},
  R21: {source: 'suomi.fi: "one person starts the authorisation and the others validate it"', covers: ab('company', 'housing-company', 'organisation'),
    says: {en: [/one starts, the others confirm/], fi: [/yksi aloittaa, muut vahvistavat/], sv: [/en påbörjar, de andra bekräftar/]},
    alsoIn: (st) => st.s === 'on-behalf' ? {en: [/sign for the organisation alone/], fi: [/kirjoittaa organisaation nimi yksin/], sv: [/ensam tecknar organisationens namn/]} : undefined},
  R22: {source: 'osakehuoneistorekisteri.fi: the property manager or board chair is read from the Trade Register', covers: [{p: 'housing-company', s: 'on-behalf'}],
    says: {en: [/Trade Register shows that you are the property manager or the board chair/], fi: [/kaupparekisterin mukaan isännöitsijä tai hallituksen puheenjohtaja/], sv: [/handelsregistret visar att du är disponent eller styrelseordförande/]}},
  R23: {source: 'dvv.fi 3.9.2024: a chair with sole signing rights acts without a mandate; two joint signatories grant online since August 2024', covers: ab('association'),
    says: {en: [/one starts, the others confirm/], fi: [/yksi aloittaa, muut vahvistavat/], sv: [/en påbörjar, de andra bekräftar/]},
    alsoIn: (st) => st.s === 'on-behalf' ? {en: [/Register of Associations shows that you may sign for the association alone/], fi: [/yhdistysrekisterin mukaan saat kirjoittaa yhdistyksen nimen yksin/], sv: [/föreningsregistret visar att du ensam får teckna föreningens namn/]} : undefined},
  R24: {source: 'suomi.fi: foundations authorise with an application (conflicting Incomes Register page: "usually")', covers: ab('foundation'),
    says: {en: [/foundation/i, /by application|apply to DVV/], fi: [/[Ss]äätiö/, /hakemuksella|hakevat valtuutta DVV:ltä/], sv: [/stiftelse/i, /med en ansökan|ansöker om fullmakten hos DVV/]}},
  R25: {source: 'vero.fi: "by all the shareholders together or by a person authorised by the shareholders"; business ID needed', covers: ab('estate'),
    says: {en: [/shareholders/, /business ID/], fi: [/osakk/, /Y-tunnus/], sv: [/delägar/, /FO-nummer/]}},
  R27: {source: 'suomi.fi: public administration needs a mandate application', covers: ab('organisation'),
    says: {en: [/public body/, /by application/], fi: [/julkinen organisaatio/, /hakemuksella/], sv: [/offentlig organisation/, /med en ansökan/]}},
  R28: {source: 'municipal guide: one acts, the others give mandates; "Valtuutuksen tarkistus on automaattinen"', covers: PRINCIPALS.map((p) => ({p, s: 'joint' as const})),
    says: {en: [/Agree which of you handles the matter/, /checks the mandates automatically/], fi: [/Sopikaa/, /tarkistaa valtuudet automaattisesti/], sv: [/Kom överens/, /kontrollerar fullmakterna automatiskt/]}},
  R29: {source: 'municipal guide: "hänellä on oltava oikeus asioida yhteisessä asiassa" (only source)', covers: C,
    says: {en: [/you need no mandate/, /must have the right/, /does not check it/], fi: [/et tarvitse valtuutta/, /oikeus hoitaa asia/, /Kunta ei tarkista/], sv: [/behöver ingen fullmakt/, /rätt att sköta ärendet/, /Kommunen kontrollerar inte/]}},
};
/** Rules the guide does not state on its own (docs/rules.md says why): no block may claim them. */
const NOT_STATED: RuleId[] = ['R26'];

/** Every state any rule covers, rendered once per language; per rule, the text of the blocks tagged with it. */
interface Rendered {
  byRule: Map<RuleId, string>;
  /** Rules named by the verdict and the steps (the answer itself, not the reasons a check can fail). */
  answer: Set<RuleId>;
  all: string;
  links: Map<RuleId, string[]>;
}
const cache = new Map<string, Promise<Rendered>>();
function render(st: State, lang: Lang): Promise<Rendered> {
  const k = `${key(st)} ${lang}`;
  let pending = cache.get(k);
  if (!pending) {
    pending = (async () => {
      const el = document.createElement('mandate-guide') as MandateGuide;
      el.setAttribute('lang', lang);
      el.setAttribute('theme', 'veroasioiden_hoito');
      el.setAttribute('principal', st.p);
      el.setAttribute('situation', st.s);
      if (st.basis) el.setAttribute('basis', st.basis);
      document.body.append(el);
      try {
        await el.updateComplete;
        await waitUntil(() => el.shadowRoot!.querySelector('[part=verdict]'), `no verdict for ${k}`, {timeout: 5000});
        const byRule = new Map<RuleId, string>();
        const links = new Map<RuleId, string[]>();
        for (const block of el.shadowRoot!.querySelectorAll<HTMLElement>('[data-rules]')) {
          for (const id of block.dataset.rules!.split(' ') as RuleId[]) {
            byRule.set(id, `${byRule.get(id) ?? ''} ${block.textContent!.replace(/\s+/g, ' ')}`);
            links.set(id, [...(links.get(id) ?? []), ...[...block.querySelectorAll('a')].map((a) => a.href)]);
          }
        }
        const answer = new Set([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=verdict], [part=steps] [data-rules]')].flatMap((b) => b.dataset.rules!.split(' ') as RuleId[]));
        return {byRule, answer, links, all: el.shadowRoot!.textContent!.replace(/\s+/g, ' ')};
      } finally {
        el.remove();
      }
    })();
    cache.set(k, pending);
  }
  return pending;
}

describe('rules register: each rule is stated in every state it covers, in fi, sv and en', () => {
  it('every rule of the register has a test here or is listed as not stated', () => {
    for (const id of RULE_IDS) expect(!!RULES[id] || NOT_STATED.includes(id), `${id} has no test`).to.equal(true);
  });

  for (const [id, spec] of Object.entries(RULES) as [RuleId, RuleSpec][]) {
    it(`${id} (${spec.source.slice(0, 70)}…): ${spec.covers.length} states × 3 languages`, async () => {
      for (const st of spec.covers) {
        for (const lang of LANGS) {
          const {byRule} = await render(st, lang);
          const text = byRule.get(id);
          expect(text, `${id} missing from ${key(st)} (${lang})`).to.be.a('string');
          for (const re of [...spec.says[lang], ...(spec.alsoIn?.(st)?.[lang] ?? [])]) {
            expect(text, `${id} in ${key(st)} (${lang})`).to.match(re);
          }
        }
      }
    });
  }

  it('R19: where an application is mentioned, the guide links to it and never gives a processing time', async () => {
    for (const st of ALL_AB) {
      for (const lang of LANGS) {
        const {links, all} = await render(st, lang);
        expect(links.get('R19'), `${key(st)} (${lang})`).to.include(APPLICATION_PAGE[lang].href);
        expect(all, `${key(st)} (${lang})`).to.not.match(DURATION);
      }
    }
  });

  it('R10 and R20 never appear in the answer when the citizen is known to have no guardianship or role (basis none): only the mandate branch', async () => {
    for (const st of AFTER_NO_ROLE) {
      for (const lang of LANGS) {
        const {answer, all} = await render(st, lang);
        expect(answer.has('R10') || answer.has('R20'), `${key(st)} (${lang})`).to.equal(false);
        expect(all, `${key(st)} (${lang})`).to.not.match({en: /needs? no mandate/, fi: /ei (yleensä )?tarvitse valtuutta/, sv: /behöver (oftast )?ingen fullmakt/}[lang]);
      }
    }
  });

  it('R29 (situation C) is never stated in A or B, and C never speaks of giving or asking for a mandate', async () => {
    for (const st of ALL_AB) {
      for (const lang of LANGS) expect((await render(st, lang)).byRule.has('R29'), `${key(st)} (${lang})`).to.equal(false);
    }
    for (const st of C) {
      for (const lang of LANGS) {
        const {all} = await render(st, lang);
        expect(all, `${key(st)} (${lang})`).to.not.match({en: /mandate request|gives you a mandate/, fi: /valtuuspyyn|antaa sinulle valtuuden/, sv: /begäran om fullmakt|ger dig en fullmakt/}[lang]);
      }
    }
  });

  it('rules the guide does not state are claimed by no block in any state', async () => {
    for (const st of [...ALL_AB, ...C, ...AFTER_NO_ROLE]) {
      for (const lang of LANGS) {
        const {byRule} = await render(st, lang);
        for (const id of NOT_STATED) expect(byRule.has(id), `${id} in ${key(st)} (${lang})`).to.equal(false);
      }
    }
  });

  it('a child is never the one asked: no mandate request to a child, and the guardian is never called the mandator', async () => {
    for (const st of [...ab('minor'), {p: 'minor' as const, s: 'on-behalf' as const, basis: 'none' as const}]) {
      for (const lang of LANGS) {
        const {all} = await render(st, lang);
        expect(all, `${key(st)} (${lang})`).to.not.match({en: /guardian who gives the mandate is the mandator|request to the child/i, fi: /huoltaja on valtuuttaja/i, sv: /vårdnadshavaren som ger fullmakten är fullmaktsgivare/i}[lang]);
      }
    }
  });

  describe('the selector states rules too, in fi, sv and en', () => {
    const SELECTOR: Record<string, {result?: string; rules: RuleId[]; says: Record<Lang, RegExp>}> = {
      'person hint': {rules: ['R1', 'R10'], says: {en: /their mandate, or to be their guardian/, fi: /valtuuden tai sinun on oltava hänen huoltajansa/, sv: /fullmakt eller vara personens vårdnadshavare/}},
      'organisation hint': {rules: ['R20', 'R21'], says: {en: /a mandate or a role in it/, fi: /valtuuden tai aseman organisaatiossa/, sv: /fullmakt eller en roll i organisationen/}},
      'denied: only allowed or not': {result: 'denied', rules: ['R10'], says: {en: /did not allow you/, fi: /ei sallinut sinun/, sv: /tillät inte/}},
      'denied: in force, right theme': {result: 'denied', rules: ['R2', 'R6'], says: {en: /in force and covers the right mandate theme/, fi: /voimassa ja koskee oikeaa valtuusasiaa/, sv: /giltig och gäller rätt fullmaktsärende/}},
      'no-role: the register role': {result: 'no-role', rules: ['R20'], says: {en: /no role that lets you act for the organisation in this service/, fi: /ei ole roolia, jolla voisit asioida organisaation puolesta tässä palvelussa/, sv: /ingen roll som ger dig rätt att uträtta ärenden för organisationen här/}},
      'no-role: who gives the mandate': {result: 'no-role', rules: ['R21'], says: {en: /may sign for the organisation/, fi: /nimenkirjoitusoikeus/, sv: /teckna organisationens namn/}},
    };
    for (const [name, spec] of Object.entries(SELECTOR)) {
      it(`${name} (${spec.rules.join(' ')})`, async () => {
        for (const lang of LANGS) {
          history.replaceState(null, '', spec.result ? `/hakemus?acting-for=${spec.result}` : '/hakemus');
          const el = document.createElement('acting-for-selector');
          el.setAttribute('lang', lang);
          el.setAttribute('theme', 'veroasioiden_hoito');
          document.body.append(el);
          try {
            await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
            const blocks = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-rules]')].filter((b) => spec.rules.every((r) => b.dataset.rules!.split(' ').includes(r)));
            expect(blocks.map((b) => b.textContent).join(' '), `${name} (${lang})`).to.match(spec.says[lang]);
          } finally {
            el.remove();
            history.replaceState(null, '', '/');
          }
        }
      });
    }
  });
});
