/**
 * Text for the triage model. Every function calls msg() when it runs, so the language of the current render
 * applies (see src/localization.ts).
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {FailureReasonId, Guidance, Principal, Situation, StepId} from '../../core/triage.js';
import {msg} from '../../localization.js';
import {heading} from '../shared/heading.js';

export const principalLegend = () => msg('Whose matter are you handling?');
export const principalHint = () => msg('Choose the one that fits best. You can change your answer.');
export const situationLegend = () => msg('Who else shares this matter?');
export const situationHint = () => msg('For example, a child usually has two guardians who share the matter.');

export function principalOptions(): {value: Principal; label: string; hint: string}[] {
  return [
    {value: 'person', label: msg('Another adult'), hint: msg('For example, your parent or spouse.')},
    {value: 'minor', label: msg('A child under 18'), hint: msg('Your own child or a child you look after.')},
    {value: 'company', label: msg('A company or association'), hint: msg('For example, a housing company or a sports club.')},
  ];
}

export function situationOptions(principal?: Principal): {value: Situation; label: string; hint: string}[] {
  return [
    {
      value: 'on-behalf',
      label: msg('I act for them'),
      hint:
        principal === 'minor'
          ? msg('You handle the matter for the child.')
          : principal === 'company'
            ? msg('You handle the matter for the organisation.')
            : msg('You handle the matter for the other person.'),
    },
    {
      value: 'joint',
      label: msg('Several of us share the matter'),
      hint:
        principal === 'company'
          ? msg('For example, the board decides together. One of you acts.')
          : msg('For example, both guardians or several heirs. One of you acts.'),
    },
    {
      value: 'alone',
      label: msg('I handle it alone'),
      hint: msg('You have the right to decide alone, for example as the only guardian.'),
    },
  ];
}

function stepText(step: StepId): string {
  switch (step) {
    case 'check-basis-guardian':
      return msg('If you are the child’s guardian, you do not need a separate mandate: the service checks guardianship from the Population Information System.');
    case 'check-basis-company-role':
      return msg('If you have a role in the company that is registered in the Trade Register, for example managing director, you may not need a separate mandate.');
    case 'request-mandate':
      return msg('Log in to Suomi.fi Valtuudet and make a mandate request to the person whose matter it is.');
    case 'principal-grants':
      return msg('The other person can also give you the mandate themselves in Suomi.fi Valtuudet.');
    case 'guardians-grant':
      return msg('If you are not the guardian, for example a grandparent, the child’s guardian gives you a mandate in Suomi.fi Valtuudet.');
    case 'signatories-grant':
      return msg('Otherwise a person with the right to sign for the organisation gives you a mandate in Suomi.fi Valtuudet.');
    case 'wait-for-acceptance':
      return msg('A mandate request takes effect only when the other party accepts it.');
    case 'choose-theme':
      return msg('Choose exactly the mandate theme named on this page.');
    case 'return-and-choose-principal':
      return msg('When the mandate is in force, come back to this service and choose whom you act for.');
    case 'co-parties-grant':
      return msg('Everyone else who shares the matter gives a mandate to the person who acts.');
    case 'one-acts':
      return msg('Agree which one of you handles the matter in the e-service.');
    case 'automatic-check':
      return msg('The e-service checks the mandates automatically when the person who acts chooses whom they act for.');
    case 'both-guardians-validate':
      return msg('When the service needs the consent of both guardians, either guardian can start the mandate. It takes effect when both have accepted it.');
    case 'confirm-right-alone':
      return msg('Make sure that you have the right to handle the matter alone, for example as the only guardian or by a written agreement between the guardians.');
    case 'act-as-yourself':
      return msg('Log in to the e-service and handle the matter. You are responsible for having the right to do so.');
  }
}

function reasonText(reason: FailureReasonId): string {
  switch (reason) {
    case 'not-accepted-yet':
      return msg('The mandate request has not been accepted yet.');
    case 'expired':
      return msg('The mandate has expired.');
    case 'wrong-theme':
      return msg('The mandate is for a different mandate theme.');
    case 'limited-by-specifier':
      return msg('The mandate is limited by a specifier to something else, for example another municipality.');
    case 'principal-guardianship':
      return msg('The person has a guardian appointed for financial matters.');
    case 'non-disclosure':
      return msg('The person has a non-disclosure marking for personal safety.');
    case 'child-in-care':
      return msg('The child has been taken into care, or custody has been arranged differently.');
    case 'not-a-guardian':
      return msg('You are not registered as the child’s guardian.');
    case 'register-not-current':
      return msg('The organisation’s data in the Trade Register is not up to date.');
  }
}

function verdictText(g: Guidance): string {
  if (!g.mandateNeeded) return msg('You do not need a mandate.');
  switch (g.giver) {
    case 'guardians':
      return g.situation === 'joint'
        ? msg('You need a mandate from the child’s other guardian.')
        : msg('A guardian does not need a mandate. Anyone else needs a mandate from the child’s guardian.');
    case 'company-signatories':
      return g.situation === 'joint'
        ? msg('You need a mandate from the others who share the matter in the organisation.')
        : msg('You need a mandate from the organisation, unless your own role in it is enough.');
    case 'co-parties':
      return msg('You need a mandate from everyone else who shares the matter.');
    default:
      return msg('You need a mandate from the person whose matter it is.');
  }
}

/** The guidance sections after the theme card, with headings at `level` (capped at 6). */
export function renderGuidance(g: Guidance, level: number): TemplateResult {
  const h = Math.min(level, 6);
  const list = (items: string[]) => html`<ul>${items.map((text) => html`<li>${text}</li>`)}</ul>`;
  return html`
    <div class="verdict ${g.mandateNeeded ? 'needed' : 'not-needed'}" part="verdict">
      <p><strong>${verdictText(g)}</strong></p>
      ${g.aloneRightRequired
        ? html`<p>${msg('When you handle the matter alone, nobody gives you a mandate. You must have the right to handle it alone, and you are responsible for that.')}</p>`
        : nothing}
    </div>
    ${g.jointSteps.length
      ? html`<section class="joint" part="joint">
          ${heading(h, msg('When several people share the matter'))}
          <ol>${g.jointSteps.map((step) => html`<li>${stepText(step)}</li>`)}</ol>
        </section>`
      : nothing}
    <section class="steps" part="steps">
      ${heading(h, msg('What to do'))}
      <ol>${g.steps.map((step) => html`<li>${stepText(step)}</li>`)}</ol>
    </section>
    ${g.failureReasons.length
      ? html`<section part="reasons">
          ${heading(h, msg('Why can the check still fail?'))}
          <p>${msg('The e-service only learns that acting on behalf is not allowed, not why. Common reasons:')}</p>
          ${list(g.failureReasons.map(reasonText))}
        </section>`
      : nothing}
    ${g.durationAdvice
      ? html`<section part="duration">
          ${heading(h, msg('For how long?'))}
          <p>${msg('For a one-off matter, choose a short validity. For a lasting need, a mandate can be valid for up to 25 years.')}</p>
        </section>`
      : nothing}
    <section part="good-to-know">
      ${heading(h, msg('Good to know'))}
      ${list([
        ...(g.notifiesOtherParty ? [msg('The other party gets a notification about the mandate in Suomi.fi Messages.')] : []),
        ...(g.specifierHint ? [msg('If the mandate theme allows it, a specifier can limit the mandate, for example to this municipality or to one property.')] : []),
        msg('The same rule applies when you handle the matter on the phone or at the service point.'),
      ])}
    </section>
  `;
}
