/**
 * Text for the triage model. Every function calls msg() when it runs, so the language of the current render
 * applies (see src/localization.ts). Each text is chosen by the model's ids only — verdict, branches, steps,
 * notes and the announcement all read the same Guidance, so they cannot disagree — and each rendered block
 * carries the rule ids it states (`data-rules`, docs/rules.md).
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {Locale} from '../../core/locale.js';
import {APPLICATION_PAGE, type RuleId} from '../../core/rules.js';
import {
  isOrganisation,
  type Branch,
  type Guidance,
  type NoteId,
  type Principal,
  type ReasonId,
  type Situation,
  type StepId,
} from '../../core/triage.js';
import {msg} from '../../localization.js';
import {heading} from '../shared/heading.js';

export const principalLegend = () => msg('Whose matter is it?', {id: 'w0'});
export const situationLegend = () => msg('How is the matter handled?', {id: 'w1'});

export function principalOptions(): {value: Principal; label: string; hint?: string}[] {
  return [
    {value: 'person', label: msg('Another adult', {id: 'w2'}), hint: msg('For example, your parent or spouse.', {id: 'w3'})},
    {value: 'minor', label: msg('A child under 18', {id: 'w4'})},
    {value: 'company', label: msg('A company', {id: 'w5'}), hint: msg('For example, a limited company or a cooperative.', {id: 'q0'})},
    {value: 'housing-company', label: msg('A housing company', {id: 'w9'})},
    {value: 'association', label: msg('An association', {id: 'w7'}), hint: msg('For example, a sports club.', {id: 'w8'})},
    {value: 'foundation', label: msg('A foundation', {id: 'q1'})},
    {value: 'estate', label: msg('An estate of a deceased person', {id: 'q2'})},
    {value: 'organisation', label: msg('Another organisation', {id: 'wa'}), hint: msg('For example, a public body or a real-estate partnership.', {id: 'q3'})},
  ];
}

/** What the citizen may choose: A and B. C (`alone`) is the service's property and comes only from the page. */
export function situationOptions(p?: Principal): {value: Situation; label: string; hint: string}[] {
  return [
    {
      value: 'on-behalf',
      label: msg('I handle it for them', {id: 'wi'}),
      hint: msg('The matter is theirs, and you handle it in their name.', {id: 'wl'}),
    },
    {
      value: 'joint',
      label: msg('We share the matter, and I handle it', {id: 'wm'}),
      hint: p !== undefined && isOrganisation(p)
        ? msg('For example, two people must sign for the organisation together.', {id: 'wo'})
        : msg('For example, the co-owners of a property decide together.', {id: 'q10'}),
    },
  ];
}

/** The verdict's headline: what the citizen needs, and from whom. The live region speaks exactly this. */
export function verdictHeadline(g: Guidance): string {
  switch (g.verdict.id) {
    case 'alone':
      return msg('This service lets one person handle a shared matter alone: you need no mandate, but you must have the right to. The municipality does not check it.', {id: 'q4'});
    case 'adult':
      return msg('You need a mandate from the person whose matter it is.', {id: 'w14'});
    case 'adult-joint':
      return msg('You need a mandate from everyone else who shares the matter.', {id: 'wy'});
    case 'minor':
      return msg('A guardian usually needs no mandate. Others need a mandate that the guardians give on the child’s behalf.', {id: 'q5'});
    case 'minor-mandate':
      return msg('You need a mandate that the guardians give on the child’s behalf.', {id: 'q6'});
    case 'minor-joint':
      return msg('If the service requires every guardian’s consent, they give the one who handles the matter a mandate on the child’s behalf.', {id: 'q7'});
    case 'org-role':
      return msg('If a register shows that you may represent the organisation and this service accepts that role, you need no mandate. Otherwise you need one.', {id: 'q8'});
    case 'org-mandate':
      return msg('You need a mandate from the organisation.', {id: 'qc'});
    case 'org-joint':
      return msg('You need a mandate from those who sign for the organisation together.', {id: 'qd'});
    case 'foundation':
      return msg('You need a mandate from the foundation, usually given by application.', {id: 'qe'});
    case 'estate':
      return msg('The shareholders of an estate handle its matters together. To handle a matter alone, you need the others’ authorisation.', {id: 'qf'});
  }
}

/** For a child, one sentence under the headline: the child is the mandator, not the guardians (R11). */
const verdictDetail = (g: Guidance): string | undefined => g.principal === 'minor' && g.need !== 'not-needed'
  ? msg('The child is the mandator, even though the guardians give the mandate.', {id: 'qg'})
  : undefined;

function branchLead(b: Branch, g: Guidance): string | undefined {
  switch (b.id) {
    case 'guardian':
      return msg('If you are the child’s guardian:', {id: 'qi'});
    case 'role':
      // The register that names the representatives, and the roles it shows (R20, R22, R23).
      return g.principal === 'housing-company'
          ? msg('If the Trade Register shows that you are the property manager or the board chair:', {id: 'q9'})
          : g.principal === 'association'
            ? msg('If the Register of Associations shows that you may sign for the association alone:', {id: 'qa'})
            : msg('If a register shows that you may represent the organisation:', {id: 'qb'});
    case 'mandate':
      return msg('Otherwise:', {id: 'qk'});
    default:
      return undefined;
  }
}

function stepText(step: StepId, g: Guidance): string {
  switch (step) {
    case 'choose-child':
      return msg('Log in and choose the child. Suomi.fi checks from the population register that you are the guardian.', {id: 'ql'});
    case 'choose-org':
      return msg('Log in and choose the organisation. Suomi.fi checks your role.', {id: 'qm'});
    case 'agree-who-acts':
      return msg('Agree which of you handles the matter.', {id: 'w1h'});
    case 'ask-person':
      return msg('The person gives you a mandate in Suomi.fi Valtuudet, or you make them a mandate request there. A request takes effect when they confirm it.', {id: 'qn'});
    case 'ask-co-parties':
      return msg('Each of the others gives you a mandate, or confirms your mandate request, in Suomi.fi Valtuudet.', {id: 'qo'});
    case 'guardians-give':
      return msg('A guardian starts a mandate for you on the child’s behalf. It takes effect when every guardian in the population register has confirmed it.', {id: 'qp'});
    case 'guardians-all-confirm':
      return msg('One guardian starts a mandate on the child’s behalf for the one who handles the matter. Every guardian in the population register confirms it, that one too. A sole guardian gives it to themself.', {id: 'qq'});
    case 'org-gives':
      return msg('Someone who may sign for the organisation alone gives you a mandate in Suomi.fi Valtuudet, or you make the organisation a mandate request.', {id: 'qs'});
    case 'joint-signatories':
      return msg('Those who sign for the organisation together give the mandate in Suomi.fi Valtuudet: one starts, the others confirm.', {id: 'qt'});
    case 'foundation-applies':
      return msg('Those who sign for the foundation apply to DVV. The mandate takes effect once the application is processed.', {id: 'qv'});
    case 'estate-business-id':
      return msg('An estate with a business ID gives mandates by application. Without one it cannot use Suomi.fi mandates: ask this service how the shareholders can authorise you.', {id: 'qx'});
    case 'come-back':
      return msg('When the mandate is in force, come back to this service and choose whom you act for.', {id: 'w1m'});
    case 'come-back-checked':
      return `${stepText('come-back', g)} ${msg('The e-service checks the mandates automatically.', {id: 'q11'})}`;
    case 'act-in-service':
      return msg('Log in to the e-service and handle the matter.', {id: 'qy'});
  }
}

function reasonText(reason: ReasonId, g: Guidance): string {
  switch (reason) {
    case 'not-confirmed':
      return msg('Not everyone has confirmed the mandate yet.', {id: 'qz'});
    case 'expired':
      return msg('The mandate has expired.', {id: 'vz'});
    case 'wrong-theme':
      return msg('The mandate is for a different mandate theme.', {id: 'v10'});
    case 'guardianship':
      return msg('The person is under guardianship, which limits the mandates they can give.', {id: 'p0'});
    case 'child-blocked':
      return msg('The child has a non-disclosure marking or has been taken into care.', {id: 'v18'});
    case 'not-guardian':
      return msg('You are not registered as the child’s guardian.', {id: 'v15'});
    case 'role-not-accepted':
      return msg('This service does not accept your registered role.', {id: 'p1'});
    case 'register':
      return msg('The organisation’s data in its register is not up to date.', {id: 'w1u'});
  }
}

function noteText(note: NoteId): string {
  switch (note) {
    case 'messages':
      return msg('The other party is notified of a mandate request in Suomi.fi Messages only if they use them. Otherwise tell them yourself.', {id: 'p2'});
    case 'validity':
      return msg('A mandate is valid for at most 25 years and does not renew itself. For a single matter, choose a short validity.', {id: 'p3'});
    case 'specifier':
      return msg('A specifier narrows a mandate, for example to one property. Add one only if this service’s instructions ask for it.', {id: 'p4'});
    case 'revoke':
      return msg('Whoever gave the mandate (for a child, any guardian) can revoke it at any time. The mandate holder is not notified.', {id: 'p5'});
    case 'offline':
      return msg('The same rules apply on the phone or at the service point.', {id: 'v1o'});
  }
}

/** The "cannot use Suomi.fi" section: the routes DVV offers (R18) or the application (R12, R19), with a link, no time. */
function cannotUse(g: Guidance, locale: Locale): TemplateResult {
  const routes = g.principal === 'foundation' || g.principal === 'estate'
    ? undefined // their steps already say "by application"
    : g.principal === 'person'
    ? msg('If they understand what a mandate means, they can confirm your request at a DVV service point, or apply online, by post or at a service point with an official’s help.', {id: 'p8'})
    : g.principal === 'minor'
      ? msg('If a guardian cannot use Suomi.fi, the guardians give the mandate by application.', {id: 'p9'})
      : msg('An organisation that cannot give mandates in Suomi.fi Valtuudet, such as a public body, gives them by application.', {id: 'pa'});
  return html`${routes ? html`<p>${routes}</p>` : nothing}
    <p>${msg('An official processes an application; the mandate takes effect after that.', {id: 'pb'})}</p>
    <p><a href=${APPLICATION_PAGE[locale].href} hreflang=${APPLICATION_PAGE[locale].hreflang} target="_blank" rel="noopener noreferrer"
      >${msg('Authorisation with an application', {id: 'pc'})}<span class="visually-hidden"> ${msg('(opens in a new tab)', {id: 'gf'})}</span></a></p>
    <slot name="alternatives"></slot>`;
}

function guardianOfAdult(): TemplateResult {
  return html`<p>${msg('They can still give mandates in personal matters, such as health. In money matters guardianship may limit this.', {id: 'pd'})}</p>
    <p>${msg('A guardian can handle their money matters without a mandate where the e-service allows it; a public guardian only where it has turned this on (possible since 20 January 2026).', {id: 'pe'})}</p>`;
}

// Empty in the script-tag builds, which leave the ids out (vite.config.ts, stripRuleIds): then no attribute.
const rulesAttr = (rules: readonly RuleId[]) => rules.join(' ').trim() || nothing;
/** One list item: every step, reason and note shares this template. */
const li = (text: string, rules: readonly RuleId[]) => html`<li data-rules=${rulesAttr(rules)}>${text}</li>`;

/** Secondary material in a native disclosure, closed by default. */
const disclosure = (part: string, rules: readonly RuleId[], summary: string, body: unknown) =>
  html`<details part=${part} data-rules=${rulesAttr(rules)}><summary>${summary}</summary><div class="details-body">${body}</div></details>`;

/**
 * Answer first, in one template: the verdict (what you need, from whom, and one sentence more), the next action
 * (`choose`), the steps in branches (if … / otherwise …), then secondary material in disclosures.
 */
export function renderAnswer(g: Guidance, id: string, choose: unknown, level: number, locale: Locale): TemplateResult {
  const detail = verdictDetail(g);
  const several = g.branches.length > 1;
  const sectionRules = (section: string) => g.sections.find((s) => s.id === section)?.rules;
  const cannot = sectionRules('cannot-use');
  const guardian = sectionRules('guardian-of-adult');
  return html`
    <div class="answer">
      <div class="verdict ${g.need}" part="verdict" id=${id} tabindex="-1" data-rules=${rulesAttr(g.verdict.rules)}>
        <p class="headline"><strong>${verdictHeadline(g)}</strong></p>
        ${detail ? html`<p>${detail}</p>` : nothing}
      </div>
      ${choose}
      <section class="steps" part="steps">
        ${heading(level, msg('What to do', {id: 'v1g'}))}
        ${g.branches.map((b) => html`<div data-branch=${b.id} data-rules=${rulesAttr(b.rules)}>
          ${several ? html`<p class="branch-lead"><strong>${branchLead(b, g)}</strong></p>` : nothing}
          <ol>${b.steps.map((step) => li(stepText(step.id, g), step.rules))}</ol>
        </div>`)}
      </section>
      <div class="more">
        ${g.reasons.length
          ? disclosure('reasons', [...new Set(g.reasons.flatMap((r) => r.rules))], msg('Why can the mandate check still fail?', {id: 'w1z'}),
              html`<p>${msg('The e-service is not told why. Common reasons:', {id: 'q13'})}</p>
                <ul>${g.reasons.map((r) => li(reasonText(r.id, g), r.rules))}</ul>`)
          : nothing}
        ${cannot ? disclosure('alternatives', cannot, msg('If the mandate cannot be given in Suomi.fi', {id: 'pf'}), cannotUse(g, locale)) : nothing}
        ${guardian ? disclosure('guardianship', guardian, msg('If the person has a guardian', {id: 'pg'}), guardianOfAdult()) : nothing}
        ${disclosure('good-to-know', [...new Set(g.notes.flatMap((n) => n.rules))], msg('Good to know', {id: 'v1l'}),
          html`<ul>${g.notes.map((n) => li(noteText(n.id), n.rules))}</ul>`)}
      </div>
    </div>
  `;
}
