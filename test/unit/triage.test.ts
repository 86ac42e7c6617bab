import {expect} from '@open-wc/testing';
import {parsePrincipal, parseSituation, PRINCIPALS, SITUATIONS, triage, type Principal, type Situation} from '../../src/core/triage.js';

// What a citizen must be told, per combination: [principal, situation, mandate needed, who gives it].
const TABLE: Array<[Principal, Situation, boolean, string]> = [
  ['person', 'on-behalf', true, 'principal'],
  ['person', 'joint', true, 'co-parties'],
  ['person', 'alone', false, 'none'],
  ['minor', 'on-behalf', true, 'guardians'],
  ['minor', 'joint', true, 'guardians'],
  ['minor', 'alone', false, 'none'],
  ['company', 'on-behalf', true, 'company-signatories'],
  ['company', 'joint', true, 'company-signatories'],
  ['company', 'alone', false, 'none'],
];

describe('triage rules', () => {
  it('covers every principal × situation combination', () => {
    expect(TABLE.length).to.equal(PRINCIPALS.length * SITUATIONS.length);
  });

  for (const [principal, situation, needed, giver] of TABLE) {
    describe(`${principal} × ${situation}`, () => {
      const g = triage(principal, situation);
      it(needed ? `needs a mandate from ${giver}` : 'needs no mandate', () => {
        expect(g.mandateNeeded).to.equal(needed);
        expect(g.giver).to.equal(giver);
      });
      it('has steps, and joint steps only when the matter is shared', () => {
        expect(g.steps.length).to.be.greaterThan(0);
        expect(g.jointSteps.length > 0).to.equal(situation === 'joint');
      });
      it('says the right to act alone is the citizen’s own responsibility only in situation C', () => {
        expect(g.aloneRightRequired).to.equal(situation === 'alone');
        if (situation === 'alone') expect(g.steps).to.include('confirm-right-alone');
      });
      it('explains why a check can fail whenever a mandate is involved', () => {
        if (needed) {
          expect(g.failureReasons).to.include.members(['not-accepted-yet', 'expired', 'wrong-theme']);
          expect(g.steps).to.include('wait-for-acceptance');
          expect(g.steps).to.include('return-and-choose-principal');
        }
      });
      it('tells about notification, duration and the specifier only when a mandate is given', () => {
        expect(g.notifiesOtherParty).to.equal(needed);
        expect(g.durationAdvice).to.equal(needed);
        expect(g.specifierHint).to.equal(needed);
        expect(g.sameRuleOffline).to.equal(true);
      });
    });
  }

  it('lets a guardian act for their own child on the basis of guardianship', () => {
    const g = triage('minor', 'on-behalf');
    expect(g.basis).to.equal('guardianship');
    expect(g.mandateDependsOnRole).to.equal(true);
    expect(g.steps[0]).to.equal('check-basis-guardian');
    expect(g.failureReasons).to.include('not-a-guardian');
  });

  it('asks both guardians to validate a shared child matter', () => {
    expect(triage('minor', 'joint').jointSteps).to.deep.equal(['one-acts', 'both-guardians-validate', 'automatic-check']);
    expect(triage('person', 'joint').jointSteps).to.deep.equal(['one-acts', 'co-parties-grant', 'automatic-check']);
  });

  it('lets a company representative rely on a Trade Register role', () => {
    const g = triage('company', 'on-behalf');
    expect(g.basis).to.equal('company-role');
    expect(g.steps[0]).to.equal('check-basis-company-role');
    expect(g.failureReasons).to.include('register-not-current');
  });

  it('mentions guardianship of an adult and non-disclosure only where they apply', () => {
    expect(triage('person', 'on-behalf').failureReasons).to.include.members(['principal-guardianship', 'non-disclosure']);
    expect(triage('company', 'on-behalf').failureReasons).to.not.include('principal-guardianship');
  });

  describe('parsing presets from attributes', () => {
    it('accepts known values in any case and with spaces', () => {
      expect(parsePrincipal('  Person ')).to.equal('person');
      expect(parseSituation('ON-BEHALF')).to.equal('on-behalf');
    });
    for (const hostile of ['<script>', '', 'constructor', '__proto__', 'toString', 'x'.repeat(10000), 'on behalf']) {
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
