/**
 * Triage: whose matter (principal) × how it is shared (situation) → what the citizen must do.
 * Pure data with ids only; the elements turn ids into text in the page language.
 *
 *  A `on-behalf` – one person acts for another: a mandate for the exact theme (or guardianship / a role).
 *  B `joint`     – several people share the matter: one acts, the others give that person a mandate; the
 *                  e-service checks it automatically.
 *  C `alone`     – one person acts alone in a shared matter: no mandate, but they must have the right to.
 */

export const PRINCIPALS = ['person', 'minor', 'company'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export const SITUATIONS = ['on-behalf', 'joint', 'alone'] as const;
export type Situation = (typeof SITUATIONS)[number];

const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined => {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const v = value.trim().toLowerCase();
  return (list as readonly string[]).includes(v) ? (v as T) : undefined;
};
export const parsePrincipal = (value: unknown) => pick(PRINCIPALS, value);
export const parseSituation = (value: unknown) => pick(SITUATIONS, value);

/** Who gives the mandate. */
export type Giver = 'principal' | 'guardians' | 'company-signatories' | 'co-parties' | 'none';

/** What lets the citizen act, when it is not a mandate they are given. */
export type Basis = 'mandate' | 'guardianship' | 'company-role' | 'right-to-act-alone';

export type StepId =
  | 'check-basis-guardian'
  | 'check-basis-company-role'
  | 'request-mandate'
  | 'principal-grants'
  | 'guardians-grant'
  | 'signatories-grant'
  | 'wait-for-acceptance'
  | 'choose-theme'
  | 'return-and-choose-principal'
  | 'co-parties-grant'
  | 'one-acts'
  | 'automatic-check'
  | 'both-guardians-validate'
  | 'confirm-right-alone'
  | 'act-as-yourself';

export type FailureReasonId =
  | 'not-accepted-yet'
  | 'expired'
  | 'wrong-theme'
  | 'limited-by-specifier'
  | 'principal-guardianship'
  | 'non-disclosure'
  | 'child-in-care'
  | 'not-a-guardian'
  | 'register-not-current';

export interface Guidance {
  principal: Principal;
  situation: Situation;
  /** Whether someone must give the citizen a Suomi.fi mandate for this matter. */
  mandateNeeded: boolean;
  /** Whether a mandate may be needed depending on the citizen's own position (guardian? role in the company?). */
  mandateDependsOnRole: boolean;
  giver: Giver;
  basis: Basis;
  /** The citizen may ask for the mandate in Suomi.fi; it takes effect when the giver accepts. */
  canRequest: boolean;
  steps: StepId[];
  /** Situation B only: how the shared matter works. */
  jointSteps: StepId[];
  /** Situation C only: no mandate, but the right to act alone is the citizen's responsibility. */
  aloneRightRequired: boolean;
  /** Why the e-service's check can still say "not allowed" (it never learns why). */
  failureReasons: FailureReasonId[];
  /** Advice on validity: short for one-off matters, long (up to 25 years) for lasting ones. */
  durationAdvice: boolean;
  /** The other party is told through Suomi.fi Messages. */
  notifiesOtherParty: boolean;
  /** A specifier (tarkenne) may limit the mandate, e.g. to one municipality or property. */
  specifierHint: boolean;
  /** The same rule applies on the phone and at the service point. */
  sameRuleOffline: true;
}

const COMMON_FAILURES: FailureReasonId[] = ['not-accepted-yet', 'expired', 'wrong-theme', 'limited-by-specifier'];

export function triage(principal: Principal, situation: Situation): Guidance {
  const base = {
    principal,
    situation,
    jointSteps: [] as StepId[],
    aloneRightRequired: false,
    sameRuleOffline: true as const,
  };

  if (situation === 'alone') {
    // C: nobody gives a mandate; the citizen must have the right to handle the matter alone.
    return {
      ...base,
      mandateNeeded: false,
      mandateDependsOnRole: false,
      giver: 'none',
      basis: 'right-to-act-alone',
      canRequest: false,
      steps: ['confirm-right-alone', 'act-as-yourself'],
      aloneRightRequired: true,
      failureReasons: principal === 'minor' ? ['not-a-guardian', 'child-in-care', 'non-disclosure'] : [],
      durationAdvice: false,
      notifiesOtherParty: false,
      specifierHint: false,
    };
  }

  if (situation === 'joint') {
    // B: one acts in the e-service; everyone else who shares the matter gives that person a mandate.
    const giver: Giver = principal === 'minor' ? 'guardians' : principal === 'company' ? 'company-signatories' : 'co-parties';
    return {
      ...base,
      mandateNeeded: true,
      mandateDependsOnRole: false,
      giver,
      basis: 'mandate',
      canRequest: true,
      steps: ['choose-theme', 'request-mandate', 'wait-for-acceptance', 'return-and-choose-principal'],
      jointSteps: principal === 'minor' ? ['one-acts', 'both-guardians-validate', 'automatic-check'] : ['one-acts', 'co-parties-grant', 'automatic-check'],
      failureReasons: [
        ...COMMON_FAILURES,
        ...(principal === 'minor' ? (['child-in-care', 'non-disclosure'] as const) : []),
        ...(principal === 'company' ? (['register-not-current'] as const) : []),
      ],
      durationAdvice: true,
      notifiesOtherParty: true,
      specifierHint: true,
    };
  }

  // A: one person acts for another.
  if (principal === 'minor') {
    // A guardian acts on the basis of guardianship from the population register; anyone else needs a
    // mandate from the guardian(s).
    return {
      ...base,
      mandateNeeded: true,
      mandateDependsOnRole: true,
      giver: 'guardians',
      basis: 'guardianship',
      canRequest: true,
      steps: ['check-basis-guardian', 'guardians-grant', 'choose-theme', 'wait-for-acceptance', 'return-and-choose-principal'],
      failureReasons: ['not-a-guardian', 'child-in-care', 'non-disclosure', ...COMMON_FAILURES],
      durationAdvice: true,
      notifiesOtherParty: true,
      specifierHint: true,
    };
  }
  if (principal === 'company') {
    return {
      ...base,
      mandateNeeded: true,
      mandateDependsOnRole: true,
      giver: 'company-signatories',
      basis: 'company-role',
      canRequest: true,
      steps: ['check-basis-company-role', 'signatories-grant', 'choose-theme', 'wait-for-acceptance', 'return-and-choose-principal'],
      failureReasons: [...COMMON_FAILURES, 'register-not-current'],
      durationAdvice: true,
      notifiesOtherParty: true,
      specifierHint: true,
    };
  }
  return {
    ...base,
    mandateNeeded: true,
    mandateDependsOnRole: false,
    giver: 'principal',
    basis: 'mandate',
    canRequest: true,
    steps: ['choose-theme', 'request-mandate', 'principal-grants', 'wait-for-acceptance', 'return-and-choose-principal'],
    failureReasons: [...COMMON_FAILURES, 'principal-guardianship', 'non-disclosure'],
    durationAdvice: true,
    notifiesOtherParty: true,
    specifierHint: true,
  };
}
