/**
 * Triage: whose matter (principal) × how it is handled (situation) → one answer that every part of the guide
 * shows: the verdict, the branches of steps (if … / otherwise …), the reasons a check can fail, the notes and the
 * sections for special cases. Pure data with ids only, each carrying the ids of the rules it rests on
 * (docs/rules.md); the elements turn ids into text in the page language.
 *
 *  A `on-behalf` – one person acts for another: a mandate for the exact theme, unless the citizen is the child's
 *                  guardian (R10) or has a register role the service accepts (R20).
 *  B `joint`     – several people share the matter: one acts, the others give that person a mandate; the
 *                  e-service checks it automatically (R28). For a child: every guardian confirms (R12, R13).
 *  C `alone`     – the *service* lets one person handle a shared matter alone: no mandate, but the person must
 *                  have the right to, and the municipality does not check it (R29). C is the service's property:
 *                  only the page (the editor) sets it; the guide never offers it to a citizen (ASKED_SITUATIONS).
 */
import type {RuleId, Ruled} from './rules.js';

/** Whose matter it is. */
export const PRINCIPALS = ['person', 'minor', 'company', 'housing-company', 'association', 'foundation', 'estate', 'organisation'] as const;
export type Principal = (typeof PRINCIPALS)[number];
/** Principals whose representative may act on a register role the service accepts (R20–R23). */
export const ROLE_PRINCIPALS: readonly Principal[] = ['company', 'housing-company', 'association', 'organisation'];
/** Everything that is not a person: chosen as an organisation in Suomi.fi. */
export const isOrganisation = (p: Principal): boolean => p !== 'person' && p !== 'minor';

export const SITUATIONS = ['on-behalf', 'joint', 'alone'] as const;
export type Situation = (typeof SITUATIONS)[number];
/** The situations a citizen may choose; `alone` (C) only comes from the page. */
export const ASKED_SITUATIONS: readonly Situation[] = ['on-behalf', 'joint'];

/** `none`: the citizen is known to have no guardian or register role here (after a `no-role` or `denied` answer). */
export const BASES = ['any', 'none'] as const;
export type Basis = (typeof BASES)[number];

/** Other spellings pages may use; the values of the first release keep working. */
const PRINCIPAL_ALIASES: Record<string, Principal> = {
  adult: 'person', child: 'minor', organization: 'organisation', 'housing-cooperative': 'housing-company', yhdistys: 'association',
  'death-estate': 'estate', other: 'organisation',
};

const pick = <T extends string>(list: readonly T[], value: unknown, aliases: Record<string, T> = {}): T | undefined => {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const v = value.trim().toLowerCase();
  return (list as readonly string[]).includes(v) ? (v as T) : Object.hasOwn(aliases, v) ? aliases[v] : undefined;
};
export const parsePrincipal = (value: unknown) => pick(PRINCIPALS, value, PRINCIPAL_ALIASES);
export const parseSituation = (value: unknown) => pick(SITUATIONS, value);
export const parseBasis = (value: unknown) => pick(BASES, value);

/** Whether a mandate is needed: yes; it depends on the citizen's own position (branches); or no (C). */
export type Need = 'needed' | 'depends' | 'not-needed';

export type VerdictId =
  | 'adult' | 'adult-joint'
  | 'minor' | 'minor-mandate' | 'minor-joint'
  | 'org-role' | 'org-mandate' | 'org-joint'
  | 'foundation' | 'estate'
  | 'alone';

/** A branch of steps: `guardian` / `role` (no mandate needed), `mandate` (otherwise, or the only way), `alone` (C). */
export type BranchId = 'guardian' | 'role' | 'mandate' | 'alone';

export type StepId =
  | 'choose-child' //          log in and choose the child; the population register is checked (R10)
  | 'choose-org' //            log in and choose the organisation; the register role is checked (R20)
  | 'agree-who-acts' //        B: agree who handles the matter (R28)
  | 'ask-person' //            the adult gives the mandate, or confirms your request (R1, R4)
  | 'ask-co-parties' //        B: each other party gives you a mandate or confirms your request (R28, R4)
  | 'guardians-give' //        a guardian starts a mandate on the child's behalf, every guardian confirms (R11, R12, R14)
  | 'guardians-all-confirm' // B: the same for the guardian who acts (R12); a sole guardian gives it to themself (R13)
  | 'org-gives' //             the organisation gives the mandate: alone or together, or confirms a request (R21/R23, R4)
  | 'joint-signatories' //     B: those who sign together give it: one starts, the others confirm (R21/R23/R26)
  | 'foundation-applies' //    foundations: by application (R24, R19)
  | 'estate-business-id' //    with a business ID: application; without: no Suomi.fi mandates (R25)
  | 'come-back' //             when in force: log in and choose whom you act for (R2)
  | 'come-back-checked' //     …and the service checks the mandates automatically (R28)
  | 'act-in-service'; //       C: log in and handle the matter (R29)

export type ReasonId =
  | 'not-confirmed' | 'expired' | 'wrong-theme'
  | 'guardianship' | 'not-guardian' | 'child-blocked'
  | 'role-not-accepted' | 'register';

export type NoteId = 'messages' | 'validity' | 'specifier' | 'revoke' | 'offline';

/** Disclosures for special cases: the principal cannot use Suomi.fi (R18, R19); an adult with a guardian (R16, R17). */
export type SectionId = 'cannot-use' | 'guardian-of-adult';

export interface Branch extends Ruled<BranchId> {
  steps: Ruled<StepId>[];
}

export interface Guidance {
  principal: Principal;
  situation: Situation;
  basis: Basis;
  need: Need;
  verdict: Ruled<VerdictId>;
  /** The one next action shown under the verdict. */
  next: 'go-to-valtuudet' | 'act-in-service';
  /** One branch, or "if … / otherwise …" branches that never contradict each other. */
  branches: Branch[];
  reasons: Ruled<ReasonId>[];
  notes: Ruled<NoteId>[];
  sections: Ruled<SectionId>[];
}

const r = <T extends string>(id: T, ...rules: RuleId[]): Ruled<T> => ({id, rules});

/** The register that names an organisation's representatives, and the rules for who gives its mandates. */
function orgRules(p: Principal): {role: RuleId[]; gives: RuleId[]; joint: RuleId[]; request?: boolean} {
  if (!(ROLE_PRINCIPALS as readonly string[]).includes(p)) return {role: [], gives: [], joint: []};
  switch (p) {
    case 'housing-company':
      return {role: ['R20', 'R22'], gives: ['R21'], joint: ['R21'], request: true};
    case 'association':
      return {role: ['R20', 'R23'], gives: ['R23'], joint: ['R23'], request: true};
    default:
      return {role: ['R20'], gives: ['R21'], joint: ['R21'], request: true};
  }
}

export function triage(principal: Principal, situation: Situation, basis: Basis = 'any'): Guidance {
  if (situation === 'alone') {
    // C: nobody gives a mandate and nothing is checked for the citizen, so nothing here speaks of a check.
    return {
      principal, situation, basis, need: 'not-needed', verdict: r('alone', 'R29'), next: 'act-in-service',
      branches: [{id: 'alone', rules: ['R29'], steps: [r('act-in-service', 'R29')]}],
      reasons: [], notes: [r('offline', 'R9')], sections: [],
    };
  }

  const joint = situation === 'joint';
  const minor = principal === 'minor';
  const roles = orgRules(principal);
  const comeBack = joint ? r('come-back-checked', 'R28') : r('come-back', 'R2');
  const agree = joint ? [r('agree-who-acts', 'R28')] : [];

  // Who gives the mandate, as steps (the branch that needs a mandate).
  let giving: Ruled<StepId>[];
  let verdict: Ruled<VerdictId>;
  if (principal === 'person') {
    giving = [joint ? r('ask-co-parties', 'R28', 'R4') : r('ask-person', 'R1', 'R4')];
    verdict = joint ? r('adult-joint', 'R28', 'R1') : r('adult', 'R1');
  } else if (minor) {
    giving = joint
      ? [r('guardians-all-confirm', 'R12', 'R11', 'R13')]
      : [r('guardians-give', 'R11', 'R12', 'R14')];
    verdict = joint ? r('minor-joint', 'R12', 'R11') : basis === 'none' ? r('minor-mandate', 'R11', 'R12') : r('minor', 'R10', 'R11');
  } else if (principal === 'foundation') {
    giving = [r('foundation-applies', 'R24', 'R19')];
    verdict = r('foundation', 'R24');
  } else if (principal === 'estate') {
    giving = [r('estate-business-id', 'R25', 'R19')];
    verdict = r('estate', 'R25');
  } else {
    giving = joint
      ? [r('joint-signatories', ...roles.joint)]
      : [r('org-gives', ...roles.gives, 'R4'), r('joint-signatories', ...roles.joint)];
    verdict = joint ? r('org-joint', ...roles.joint, 'R28') : basis === 'none' ? r('org-mandate', ...roles.gives) : r('org-role', ...roles.role);
  }

  const mandateBranch: Branch = {id: 'mandate', rules: verdict.rules, steps: [...agree, ...giving, comeBack]};
  // A: a guardian (R10) or a register role the service accepts (R20) needs no mandate – unless the citizen is
  // known to have neither (basis `none`, after `no-role` / `denied`): then only the mandate branch is shown.
  const basisBranch: Branch | undefined = joint || basis === 'none'
    ? undefined
    : minor
      ? {id: 'guardian', rules: ['R10'], steps: [r('choose-child', 'R10')]}
      : (ROLE_PRINCIPALS as readonly string[]).includes(principal)
        ? {id: 'role', rules: roles.role, steps: [r('choose-org', ...roles.role)]}
        : undefined;

  const reasons: Ruled<ReasonId>[] = [
    ...(minor && basisBranch ? [r<ReasonId>('not-guardian', 'R10')] : []),
    ...(minor ? [r<ReasonId>('child-blocked', 'R15')] : []),
    ...(basisBranch?.id === 'role' ? [r<ReasonId>('role-not-accepted', 'R20')] : []),
    // Waiting for a confirmation only where someone confirms in Suomi.fi (not a foundation's or estate's application).
    ...(principal === 'foundation' || principal === 'estate' ? [] : [r<ReasonId>('not-confirmed', minor ? 'R12' : 'R4')]),
    r('expired', 'R6'),
    r('wrong-theme', 'R2'),
    ...(principal === 'person' ? [r<ReasonId>('guardianship', 'R16')] : []),
    ...((ROLE_PRINCIPALS as readonly string[]).includes(principal) ? [r<ReasonId>('register', principal === 'association' ? 'R23' : 'R20')] : []),
  ];

  return {
    principal, situation, basis,
    need: basisBranch ? 'depends' : 'needed',
    verdict,
    next: 'go-to-valtuudet',
    branches: basisBranch ? [basisBranch, mandateBranch] : [mandateBranch],
    reasons,
    // Suomi.fi Messages tell of a mandate request: only where one can be made (to an adult or an organisation).
    notes: [...(principal === 'person' || roles.request ? [r<NoteId>('messages', 'R5')] : []), r('validity', 'R6'), r('specifier', 'R7'), r('revoke', 'R8'), r('offline', 'R9')],
    sections: [
      r('cannot-use', ...((principal === 'person' ? ['R18', 'R19'] : minor ? ['R12', 'R19'] : principal === 'organisation' ? ['R19', 'R27'] : ['R19']) as RuleId[])),
      ...(principal === 'person' ? [r<SectionId>('guardian-of-adult', 'R16', 'R17')] : []),
    ],
  };
}

/** Every rule id a guidance states, in any part. */
export function rulesOf(g: Guidance): Set<RuleId> {
  const all = [g.verdict, ...g.branches, ...g.branches.flatMap((b) => b.steps), ...g.reasons, ...g.notes, ...g.sections];
  return new Set(all.flatMap((part) => part.rules));
}
