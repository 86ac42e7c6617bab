import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {RULE_IDS} from '../../src/core/rules.js';
import {
  ASKED_SITUATIONS,
  BASES,
  isOrganisation,
  parseBasis,
  parsePrincipal,
  parseSituation,
  PRINCIPALS,
  ROLE_PRINCIPALS,
  rulesOf,
  SITUATIONS,
  triage,
  type Guidance,
  type StepId,
} from '../../src/core/triage.js';

const anyState = fc.tuple(fc.constantFrom(...PRINCIPALS), fc.constantFrom(...SITUATIONS), fc.constantFrom(...BASES));
/** Every state, checked by fast-check (the space is small, so this also covers it exhaustively). */
const forEveryState = (check: (g: Guidance) => void) =>
  fc.assert(fc.property(anyState, ([p, s, b]) => check(triage(p, s, b))), {numRuns: 300});
const steps = (g: Guidance): StepId[] => g.branches.flatMap((b) => b.steps.map((s) => s.id));
/** Steps that tell the citizen to ask for, give or apply for a mandate. */
const MANDATE_STEPS: StepId[] = ['ask-person', 'ask-co-parties', 'guardians-give', 'guardians-all-confirm', 'org-gives', 'joint-signatories', 'foundation-applies', 'estate-business-id'];

describe('triage: one answer, no contradictions (property-based over every principal × situation × basis)', () => {
  it('every part names at least one rule of the register, and only ids the register has', () => {
    forEveryState((g) => {
      for (const part of [g.verdict, ...g.branches, ...g.branches.flatMap((b) => b.steps), ...g.reasons, ...g.notes, ...g.sections]) {
        expect(part.rules.length, `${part.id} names no rule`).to.be.greaterThan(0);
        for (const id of part.rules) expect(RULE_IDS).to.include(id);
      }
    });
  });

  it('no mandate is needed exactly in situation C (the page\'s preset), and then nothing asks for or gives one', () => {
    forEveryState((g) => {
      expect(g.need === 'not-needed').to.equal(g.situation === 'alone');
      if (g.need !== 'not-needed') return;
      expect(steps(g).filter((s) => MANDATE_STEPS.includes(s))).to.deep.equal([]);
      expect(g.next).to.equal('act-in-service');
      expect(g.reasons).to.deep.equal([]);
      expect([...rulesOf(g)].sort()).to.deep.equal(['R29', 'R9']);
    });
  });

  it('the citizen is never offered C: only A and B are asked', () => {
    expect(ASKED_SITUATIONS).to.deep.equal(['on-behalf', 'joint']);
  });

  it('branches never contradict: "no mandate needed" branches only in A with basis any, always followed by the mandate branch', () => {
    forEveryState((g) => {
      const ids = g.branches.map((b) => b.id);
      if (g.situation === 'alone') {
        expect(ids).to.deep.equal(['alone']);
        return;
      }
      expect(ids.at(-1)).to.equal('mandate');
      const basis = ids.filter((id) => id === 'guardian' || id === 'role');
      if (g.situation === 'joint' || g.basis === 'none') expect(basis).to.deep.equal([]);
      if (g.situation === 'on-behalf' && g.basis === 'any') {
        expect(basis).to.deep.equal(g.principal === 'minor' ? ['guardian'] : ROLE_PRINCIPALS.includes(g.principal) ? ['role'] : []);
      }
      expect(g.need).to.equal(basis.length ? 'depends' : 'needed');
      // The mandate branch never says "nothing else is needed", and the basis branch never asks for a mandate.
      for (const b of g.branches.filter((x) => x.id !== 'mandate')) expect(b.steps.map((s) => s.id).filter((s) => MANDATE_STEPS.includes(s))).to.deep.equal([]);
    });
  });

  it('steps come in the order they are done: agree, then get the mandate, then come back', () => {
    forEveryState((g) => {
      if (g.situation === 'alone') return;
      const mandate = g.branches.at(-1)!.steps.map((s) => s.id);
      expect(mandate.at(-1)).to.equal(g.situation === 'joint' ? 'come-back-checked' : 'come-back');
      if (g.situation === 'joint') expect(mandate[0]).to.equal('agree-who-acts');
      expect(mandate.some((s) => MANDATE_STEPS.includes(s))).to.equal(true);
      expect(new Set(mandate).size).to.equal(mandate.length);
    });
  });

  it('a mandate state explains the check, validity, revocation, Messages and the way without Suomi.fi', () => {
    forEveryState((g) => {
      if (g.need === 'not-needed') return;
      expect(g.next).to.equal('go-to-valtuudet');
      expect(g.reasons.map((r) => r.id)).to.include.members(['expired', 'wrong-theme']);
      const request = g.principal === 'person' || ROLE_PRINCIPALS.includes(g.principal);
      expect(g.notes.map((n) => n.id)).to.have.members([...(request ? ['messages'] : []), 'validity', 'specifier', 'revoke', 'offline']);
      expect(g.sections.map((s) => s.id)).to.include('cannot-use');
    });
  });

  it('the parties fit the principal: guardians only for a child, register roles only for organisations', () => {
    forEveryState((g) => {
      const reasons = g.reasons.map((r) => r.id);
      if (reasons.some((r) => r === 'not-guardian' || r === 'child-blocked')) expect(g.principal).to.equal('minor');
      if (reasons.includes('register') || reasons.includes('role-not-accepted')) expect(ROLE_PRINCIPALS).to.include(g.principal);
      if (reasons.includes('guardianship') || g.sections.some((s) => s.id === 'guardian-of-adult')) expect(g.principal).to.equal('person');
      if (steps(g).includes('choose-org')) expect(isOrganisation(g.principal)).to.equal(true);
      if (steps(g).some((s) => s.startsWith('guardians') || s === 'choose-child')) expect(g.principal).to.equal('minor');
      // A request can only go to an adult or an organisation: never to a child (suomi.fi: the recipient "must be … aged 18 or over").
      if (g.principal === 'minor') expect(steps(g)).to.not.include('ask-person');
    });
  });

  it('"not confirmed yet" only where someone confirms in Suomi.fi', () => {
    forEveryState((g) => {
      const confirms = steps(g).some((s) => ['ask-person', 'ask-co-parties', 'guardians-give', 'guardians-all-confirm', 'org-gives', 'joint-signatories'].includes(s));
      expect(g.reasons.some((r) => r.id === 'not-confirmed')).to.equal(confirms);
    });
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
      expect(parseBasis(1)).to.equal(undefined);
    });
    it('knows the new principals and basis', () => {
      expect(parsePrincipal('Foundation')).to.equal('foundation');
      expect(parsePrincipal('death-estate')).to.equal('estate');
      expect(parseBasis(' NONE ')).to.equal('none');
    });
  });
});
