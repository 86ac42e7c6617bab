/**
 * Triage: whose matter (principal) × how it is handled (situation) → one answer that every part of the guide
 * shows: the verdict, the next action, the numbered steps, the notes and the screen-reader announcement.
 * Pure data with ids only; the elements turn ids into text in the page language. Because every part comes
 * from this one answer, the parts cannot contradict each other (property tests check the invariants).
 *
 *  A `on-behalf` – one person acts for another: a mandate for the exact theme (unless guardianship or a
 *                  registered role is enough).
 *  B `joint`     – several people share the matter: one acts, the others give that person a mandate; the
 *                  e-service checks it automatically.
 *  C `alone`     – one person acts alone in a shared matter: no mandate, but they must have the right to.
 */

/** Whose matter it is. Organisations differ in the register that names who may represent them. */
export const PRINCIPALS = ['person', 'minor', 'company', 'association', 'housing-company', 'organisation'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type OrganisationKind = Extract<Principal, 'company' | 'association' | 'housing-company' | 'organisation'>;
export const ORGANISATIONS: readonly OrganisationKind[] = ['company', 'association', 'housing-company', 'organisation'];
export const isOrganisation = (p: Principal): p is OrganisationKind => (ORGANISATIONS as readonly string[]).includes(p);

export const SITUATIONS = ['on-behalf', 'joint', 'alone'] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Other spellings pages may use; the values of the first release keep working. */
const PRINCIPAL_ALIASES: Record<string, Principal> = {
  adult: 'person', child: 'minor', organization: 'organisation', 'housing-cooperative': 'housing-company', yhdistys: 'association',
};

const pick = <T extends string>(list: readonly T[], value: unknown, aliases: Record<string, T> = {}): T | undefined => {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const v = value.trim().toLowerCase();
  return (list as readonly string[]).includes(v) ? (v as T) : Object.hasOwn(aliases, v) ? aliases[v] : undefined;
};
export const parsePrincipal = (value: unknown) => pick(PRINCIPALS, value, PRINCIPAL_ALIASES);
export const parseSituation = (value: unknown) => pick(SITUATIONS, value);

/** A party the guide names: who gives the mandate, or who the citizen is. */
export type Party =
  | 'principal' //       the adult whose matter it is (valtuuttaja)
  | 'guardian' //        the child's guardian(s)
  | 'other-guardian' //  the child's other guardian
  | 'co-parties' //      everyone else who shares the matter
  | 'signatories' //     who may sign for the organisation (alone)
  | 'joint-signatories'; // who sign for the organisation together

/** Whether a mandate is needed: yes; it depends on the citizen's own position; or no, if they have the right. */
export type Need = 'needed' | 'depends' | 'not-needed';


export type StepId =
  | 'request-from-giver' //      log in to Suomi.fi Valtuudet and make a mandate request to the giver
  | 'giver-gives' //             …or the giver gives it themselves
  | 'agree-who-acts'
  | 'takes-effect-when-accepted'
  | 'return-and-choose'
  | 'return-and-choose-checked' // …and the e-service checks the mandates automatically (situation B)
  | 'basis-is-enough' //         a guardian / registered role needs no mandate
  | 'confirm-right-alone'
  | 'act-in-service';

/** Which party each step names (none = names nobody but the citizen). */
export const STEP_PARTY: Record<StepId, 'giver' | 'none'> = {
  'request-from-giver': 'giver',
  'giver-gives': 'giver',
  'agree-who-acts': 'none',
  'takes-effect-when-accepted': 'giver',
  'return-and-choose': 'none',
  'return-and-choose-checked': 'none',
  'basis-is-enough': 'none',
  'confirm-right-alone': 'none',
  'act-in-service': 'none',
};
/** Steps that tell the citizen to ask for or give a mandate. */
export const MANDATE_STEPS: readonly StepId[] = ['request-from-giver', 'giver-gives', 'takes-effect-when-accepted'];

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

export type NoteId =
  | 'notified-if-messages' // the other party is told in Suomi.fi Messages, if they use it
  | 'no-blanket-mandate' //   no mandate covers all dealings with the municipality; a specifier can limit it to this one
  | 'same-rule-offline'
  | 'dvv-keeper';

export interface Guidance {
  principal: Principal;
  situation: Situation;
  need: Need;
  /** Who gives the mandate; null when nobody does (situation C). */
  giver: Party | null;
  /** The one next action shown under the verdict. */
  next: 'go-to-valtuudet' | 'act-in-service';
  steps: StepId[];
  /** Secondary material, shown in closed disclosures. Empty where it does not apply. */
  failureReasons: FailureReasonId[];
  duration: boolean;
  alternatives: boolean;
  notes: NoteId[];
}

const COMMON_FAILURES: FailureReasonId[] = ['not-accepted-yet', 'expired', 'wrong-theme', 'limited-by-specifier'];
const MANDATE_NOTES: NoteId[] = ['notified-if-messages', 'no-blanket-mandate', 'same-rule-offline', 'dvv-keeper'];

export function triage(principal: Principal, situation: Situation): Guidance {
  const mandate = (need: Need, giver: Party, steps: StepId[], failureReasons: FailureReasonId[]): Guidance => ({
    principal, situation, need, giver, next: 'go-to-valtuudet', steps, failureReasons,
    duration: true, alternatives: true, notes: MANDATE_NOTES,
  });
  const org = isOrganisation(principal);
  const registerFailure: FailureReasonId[] = org ? ['register-not-current'] : [];

  if (situation === 'alone') {
    // C: nobody gives a mandate; the citizen must have the right to handle the matter alone. No check is
    // made on their behalf, so nothing here speaks of one.
    return {
      principal, situation, need: 'not-needed', giver: null, next: 'act-in-service',
      steps: ['confirm-right-alone', 'act-in-service'], failureReasons: [], duration: false, alternatives: false,
      notes: ['same-rule-offline'],
    };
  }

  if (situation === 'joint') {
    // B: one acts in the e-service; everyone else who shares the matter gives that person a mandate.
    const giver: Party = principal === 'minor' ? 'other-guardian' : org ? 'joint-signatories' : 'co-parties';
    // The other guardian gives the mandate (it is in force at once); other co-parties accept a request.
    const asking: StepId[] = principal === 'minor' ? ['giver-gives'] : ['request-from-giver', 'takes-effect-when-accepted'];
    const common = principal === 'minor' ? COMMON_FAILURES.filter((r) => r !== 'not-accepted-yet') : COMMON_FAILURES;
    return mandate('needed', giver,
      ['agree-who-acts', ...asking, 'return-and-choose-checked'],
      [...common, ...(principal === 'minor' ? (['child-in-care', 'non-disclosure'] as const) : []), ...registerFailure]);
  }

  // A: one person acts for another.
  if (principal === 'minor') {
    // A guardian acts on the basis of guardianship in the population register; anyone else gets a mandate
    // from the guardian, who gives it (a child cannot be asked).
    return mandate('depends', 'guardian',
      ['basis-is-enough', 'giver-gives', 'takes-effect-when-accepted', 'return-and-choose'],
      ['not-a-guardian', 'child-in-care', 'non-disclosure', ...COMMON_FAILURES]);
  }
  if (org) {
    return mandate('depends', 'signatories',
      ['basis-is-enough', 'request-from-giver', 'takes-effect-when-accepted', 'return-and-choose'],
      [...COMMON_FAILURES, ...registerFailure]);
  }
  return mandate('needed', 'principal',
    ['request-from-giver', 'takes-effect-when-accepted', 'return-and-choose'],
    [...COMMON_FAILURES, 'principal-guardianship', 'non-disclosure']);
}
