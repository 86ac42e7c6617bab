/**
 * The rules register's ids (docs/rules.md). Every verdict, branch, step, reason, note and section of the guide
 * names the rules it rests on with these ids, so a rule cannot silently drop out of a state: the elements render
 * them as `data-rules`, and test/unit/rules.test.ts checks each rule's text in every state it covers.
 */
import {VALTUUDET_HOME, type Locale} from './locale.js';

export const RULE_IDS = [
  'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15',
  'R16', 'R17', 'R18', 'R19', 'R20', 'R21', 'R22', 'R23', 'R24', 'R25', 'R26', 'R27', 'R28', 'R29',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A part of the guide and the rules it states. */
export interface Ruled<T extends string> {
  id: T;
  rules: readonly RuleId[];
}

/**
 * DVV's page on giving a mandate by application, also the way for a person who cannot use Suomi.fi (R18, R19).
 * fi and en are the addresses the register quotes. The Swedish address could not be confirmed, so Swedish
 * readers get the Finnish page (marked hreflang="fi"), as with THEME_LIST in locale.ts.
 */
const FI_APPLICATION = `${VALTUUDET_HOME.fi}/hakemuksella-valtuuttaminen`;
export const APPLICATION_PAGE: Readonly<Record<Locale, {href: string; hreflang: Locale}>> = {
  fi: {href: FI_APPLICATION, hreflang: 'fi'},
  sv: {href: FI_APPLICATION, hreflang: 'fi'},
  en: {href: `${VALTUUDET_HOME.en}/authorisation-with-an-application`, hreflang: 'en'},
};
