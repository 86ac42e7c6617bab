/**
 * The elements' HTML attributes and events as types, for framework typings (`puolesta/react`, `puolesta/vue`)
 * and for anyone who builds the elements from their own templates. Attribute names are the HTML ones
 * (kebab-case); values are what the elements act on (anything else is ignored or refused at run time).
 * Types only: this module has no run-time code.
 */
import type {ActingFor} from '../core/acting-for.js';
import type {Basis, Principal, Situation} from '../core/triage.js';
import type {SituationChangeDetail} from '../elements/mandate-guide/mandate-guide.js';

export type {Principal, Situation, SituationChangeDetail};

/** `heading-level`: 1–6 (a number in JSX or a bound Vue value, a string in HTML). */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6 | '1' | '2' | '3' | '4' | '5' | '6';

/** `modes` of `<acting-for-selector>`: one mode or two, space-separated (`organisation` means `company`). */
export type SelectorMode = 'person' | 'company' | 'organisation';
export type SelectorModes = SelectorMode | `${SelectorMode} ${SelectorMode}`;

/** Detail of `puolesta-error` (every element). */
export interface PuolestaErrorDetail {
  code: string;
  /** `<mandate-guide>`: the page's value that was not understood, shortened (docs/rules.md, "Contract additions"). */
  value?: string;
}

/** Detail of `puolesta-acting-for-change` (selector and banner): the principal, or null for "myself". */
export type ActingForChangeDetail = Pick<ActingFor, 'type' | 'name'> | null;

/** Every event the elements fire: they bubble and cross shadow roots. */
export interface PuolestaEventMap {
  'puolesta-situation-change': CustomEvent<SituationChangeDetail>;
  'puolesta-acting-for-change': CustomEvent<ActingForChangeDetail>;
  'puolesta-error': CustomEvent<PuolestaErrorDetail>;
}

/** `<mandate-guide>` attributes (README, "`<mandate-guide>`"). */
export interface MandateGuideAttributes {
  /** Space-separated theme ids: bare slugs or `http://valtuusrekisteri.suomi.fi/<slug>` (at most 8). */
  theme?: string;
  /** PTV service channel GUID. */
  'service-channel'?: string;
  /** PTV service GUID: only that service's connection. */
  service?: string;
  /** PTV API base (https or same origin). */
  'ptv-base'?: string;
  /** Preset principal; otherwise the guide asks. */
  principal?: Principal;
  /** Preset situation; otherwise the guide asks A or B (C, `alone`, is only ever the page's preset). */
  situation?: Situation;
  /** `none`: the citizen has no guardianship or register role here; only the mandate branch is shown. */
  basis?: Basis;
  /** Level of the guide's heading, 1–6 (default 2). */
  'heading-level'?: HeadingLevel;
  /** Where to fetch the full catalogue for themes not bundled. */
  'catalogue-url'?: string;
}

/** `<acting-for-selector>` attributes (README, "`<acting-for-selector>`"). */
export interface ActingForSelectorAttributes {
  'start-url'?: string;
  'session-url'?: string;
  'return-url'?: string;
  modes?: SelectorModes;
  theme?: string;
  /** Whose matter the service is about, for the guidance after `denied` / `no-role`. */
  'guide-principal'?: Principal;
  'heading-level'?: HeadingLevel;
}

/** `<acting-for-banner>` attributes (README, "`<acting-for-banner>`"). */
export interface ActingForBannerAttributes {
  'session-url'?: string;
  'stop-url'?: string;
  'switch-url'?: string;
}

/** Events each element fires. */
export interface MandateGuideEvents {
  'puolesta-situation-change': PuolestaEventMap['puolesta-situation-change'];
  'puolesta-error': PuolestaEventMap['puolesta-error'];
}
export interface ActingForSelectorEvents {
  'puolesta-acting-for-change': PuolestaEventMap['puolesta-acting-for-change'];
  'puolesta-error': PuolestaEventMap['puolesta-error'];
}
export type ActingForBannerEvents = ActingForSelectorEvents;
