import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {
  isOrganisation,
  MANDATE_STEPS,
  parsePrincipal,
  parseSituation,
  PRINCIPALS,
  SITUATIONS,
  STEP_PARTY,
  triage,
  type Guidance,
} from '../../src/core/triage.js';

const anyState = fc.tuple(fc.constantFrom(...PRINCIPALS), fc.constantFrom(...SITUATIONS));
/** Every state, checked by fast-check (the space is small, so this also covers it exhaustively). */
const forEveryState = (check: (g: Guidance) => void) =>
  fc.assert(fc.property(anyState, ([p, s]) => check(triage(p, s))), {numRuns: 200});

describe('triage: one answer, no contradictions (property-based over every principal × situation)', () => {
  it('no mandate is needed exactly in situation C, and then nothing asks for or gives one', () => {
    forEveryState((g) => {
      expect(g.need === 'not-needed').to.equal(g.situation === 'alone');
      if (g.need !== 'not-needed') return;
      expect(g.giver).to.equal(null);
      expect(g.steps.filter((s) => MANDATE_STEPS.includes(s))).to.deep.equal([]);
      expect(g.next).to.equal('act-in-service');
    });
  });

  it('situation C never speaks of a check: no failure reasons, no automatic check, no mandate extras', () => {
    forEveryState((g) => {
      if (g.situation !== 'alone') return;
      expect(g.failureReasons).to.deep.equal([]);
      expect(g.steps).to.not.include('return-and-choose-checked');
      expect([g.duration, g.alternatives]).to.deep.equal([false, false]);
      expect(g.notes).to.deep.equal(['same-rule-offline']);
    });
  });

  it('every step that names a party names the verdict’s party, and only when there is one', () => {
    forEveryState((g) => {
      const naming = g.steps.filter((s) => STEP_PARTY[s] === 'giver');
      if (g.giver === null) expect(naming).to.deep.equal([]);
      else expect(naming.length).to.be.greaterThan(0);
    });
  });

  it('steps come in the order they are done: ask (after logging in), then wait, then come back', () => {
    forEveryState((g) => {
      const at = (id: string) => g.steps.indexOf(id as never);
      if (at('request-from-giver') >= 0) expect(at('request-from-giver')).to.be.lessThan(at('takes-effect-when-accepted'));
      const back = Math.max(at('return-and-choose'), at('return-and-choose-checked'));
      if (at('takes-effect-when-accepted') >= 0) expect(at('takes-effect-when-accepted')).to.be.lessThan(back);
      if (g.need !== 'not-needed') expect(g.steps.at(-1)).to.be.oneOf(['return-and-choose', 'return-and-choose-checked']);
      expect(new Set(g.steps).size).to.equal(g.steps.length);
    });
  });

  it('a mandate state leads to Suomi.fi Valtuudet and explains why the check can fail, how long, and the alternatives', () => {
    forEveryState((g) => {
      if (g.need === 'not-needed') return;
      expect(g.next).to.equal('go-to-valtuudet');
      expect(g.failureReasons).to.include.members(['expired', 'wrong-theme']);
      // "not accepted yet" only where a request waits for acceptance.
      expect(g.failureReasons.includes('not-accepted-yet')).to.equal(g.steps.includes('takes-effect-when-accepted'));
      expect([g.duration, g.alternatives]).to.deep.equal([true, true]);
      expect(g.notes).to.include.members(['notified-if-messages', 'no-blanket-mandate', 'same-rule-offline', 'dvv-keeper']);
    });
  });

  it('the parties fit the principal: guardians only for a child, signatories only for an organisation', () => {
    forEveryState((g) => {
      if (g.giver === 'guardian' || g.giver === 'other-guardian') expect(g.principal).to.equal('minor');
      if (g.giver === 'signatories' || g.giver === 'joint-signatories') expect(isOrganisation(g.principal)).to.equal(true);
      if (g.failureReasons.includes('register-not-current')) expect(isOrganisation(g.principal)).to.equal(true);
      if (g.failureReasons.some((r) => r === 'not-a-guardian' || r === 'child-in-care')) expect(g.principal).to.equal('minor');
      if (g.failureReasons.includes('principal-guardianship')) expect(g.principal).to.equal('person');
    });
  });

  it('“it depends” only where a guardian or a registered role can act without a mandate', () => {
    forEveryState((g) => {
      expect(g.need === 'depends').to.equal(g.situation === 'on-behalf' && g.principal !== 'person');
      if (g.need === 'depends') expect(g.steps[0]).to.equal('basis-is-enough');
    });
  });


  it('situation B: one acts and the others give mandates, checked automatically', () => {
    for (const p of PRINCIPALS) {
      const g = triage(p, 'joint');
      expect(g.steps[0]).to.equal('agree-who-acts');
      expect(g.steps.at(-1)).to.equal('return-and-choose-checked');
      expect(g.giver).to.equal(p === 'minor' ? 'other-guardian' : isOrganisation(p) ? 'joint-signatories' : 'co-parties');
    }
  });

  describe('parsing presets from attributes', () => {
    it('accepts known values in any case and with spaces, and the first release’s values', () => {
      expect(parsePrincipal('  Person ')).to.equal('person');
      expect(parsePrincipal('company')).to.equal('company');
      expect(parsePrincipal('Association')).to.equal('association');
      expect(parsePrincipal('organization')).to.equal('organisation');
      expect(parseSituation('ON-BEHALF')).to.equal('on-behalf');
    });
    it('never turns an arbitrary string into anything but a known value', () => {
      fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 50}), (raw) => {
        const p = parsePrincipal(raw);
        const s = parseSituation(raw);
        expect(p === undefined || PRINCIPALS.includes(p)).to.equal(true);
        expect(s === undefined || SITUATIONS.includes(s)).to.equal(true);
      }), {numRuns: 2000});
    });
    for (const hostile of ['<script>', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'x'.repeat(10000), 'on behalf']) {
      it(`ignores ${JSON.stringify(hostile.slice(0, 20))}`, () => {
        expect(parsePrincipal(hostile)).to.equal(undefined);
        expect(parseSituation(hostile)).to.equal(undefined);
      });
    }
    it('ignores non-strings', () => {
      expect(parsePrincipal(null)).to.equal(undefined);
      expect(parseSituation({})).to.equal(undefined);
    });
  });
});
