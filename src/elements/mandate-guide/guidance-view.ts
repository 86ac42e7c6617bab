/**
 * Text for the triage model. Every function calls msg() when it runs, so the language of the current render
 * applies (see src/localization.ts).
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {FailureReasonId, Guidance, Principal, Situation, StepId} from '../../core/triage.js';
import {msg} from '../../localization.js';
import {heading} from '../shared/heading.js';

export const principalLegend = () => msg('Whose matter are you handling?', {id: 'v0'});
export const principalHint = () => msg('Choose the one that fits best. You can change your answer.', {id: 'v1'});
export const situationLegend = () => msg('Who else shares this matter?', {id: 'v2'});
export const situationHint = (principal?: Principal) =>
  principal === 'company'
    ? msg('For example, the board or several representatives may share the matter.', {id: 'v3c'})
    : msg('For example, a child usually has two guardians who share the matter.', {id: 'v3'});

export function principalOptions(): {value: Principal; label: string; hint: string}[] {
  return [
    {value: 'person', label: msg('Another adult', {id: 'v4'}), hint: msg('For example, your parent or spouse.', {id: 'v5'})},
    {value: 'minor', label: msg('A child under 18', {id: 'v6'}), hint: msg('Your own child or a child you look after.', {id: 'v7'})},
    {value: 'company', label: msg('A company or association', {id: 'v8'}), hint: msg('For example, a housing company or a sports club.', {id: 'v9'})},
  ];
}

export function situationOptions(principal?: Principal): {value: Situation; label: string; hint: string}[] {
  return [
    {
      value: 'on-behalf',
      label: msg('I act for them', {id: 'va'}),
      hint:
        principal === 'minor'
          ? msg('You handle the matter for the child.', {id: 'vb'})
          : principal === 'company'
            ? msg('You handle the matter for the organisation.', {id: 'vc'})
            : msg('You handle the matter for the other person.', {id: 'vd'}),
    },
    {
      value: 'joint',
      label: msg('Several of us share the matter', {id: 've'}),
      hint:
        principal === 'company'
          ? msg('For example, the board decides together. One of you acts.', {id: 'vf'})
          : msg('For example, both guardians or several heirs. One of you acts.', {id: 'vg'}),
    },
    {
      value: 'alone',
      label: msg('I handle it alone', {id: 'vh'}),
      hint:
        principal === 'company'
          ? msg('You have the right to act alone for the organisation, for example as its managing director.', {id: 'vic'})
          : msg('You have the right to decide alone, for example as the only guardian.', {id: 'vi'}),
    },
  ];
}

function stepText(step: StepId): string {
  switch (step) {
    case 'check-basis-guardian':
      return msg('If you are the child’s guardian, you do not need a separate mandate: the service checks guardianship from the Population Information System.', {id: 'vj'});
    case 'check-basis-company-role':
      return msg('If you have a role in the company that is registered in the Trade Register, for example managing director, you may not need a separate mandate.', {id: 'vk'});
    case 'request-mandate':
      return msg('Log in to Suomi.fi Valtuudet and make a mandate request to the person whose matter it is.', {id: 'vl'});
    case 'principal-grants':
      return msg('The other person can also give you the mandate themselves in Suomi.fi Valtuudet.', {id: 'vm'});
    case 'guardians-grant':
      return msg('If you are not the guardian, for example a grandparent, the child’s guardian gives you a mandate in Suomi.fi Valtuudet.', {id: 'vn'});
    case 'signatories-grant':
      return msg('Otherwise a person with the right to sign for the organisation gives you a mandate in Suomi.fi Valtuudet.', {id: 'vo'});
    case 'wait-for-acceptance':
      return msg('A mandate request takes effect only when the other party accepts it.', {id: 'vp'});
    case 'choose-theme':
      return msg('Choose exactly the mandate theme named on this page.', {id: 'vq'});
    case 'return-and-choose-principal':
      return msg('When the mandate is in force, come back to this service and choose whom you act for.', {id: 'vr'});
    case 'co-parties-grant':
      return msg('Everyone else who shares the matter gives a mandate to the person who acts.', {id: 'vs'});
    case 'one-acts':
      return msg('Agree which one of you handles the matter in the e-service.', {id: 'vt'});
    case 'automatic-check':
      return msg('The e-service checks the mandates automatically when the person who acts chooses whom they act for.', {id: 'vu'});
    case 'both-guardians-validate':
      return msg('When the service needs the consent of both guardians, either guardian can start the mandate. It takes effect when both have accepted it.', {id: 'vv'});
    case 'confirm-right-alone':
      return msg('Make sure that you have the right to handle the matter alone, for example as the only guardian or by a written agreement between the guardians.', {id: 'vw'});
    case 'act-as-yourself':
      return msg('Log in to the e-service and handle the matter. You are responsible for having the right to do so.', {id: 'vx'});
  }
}

function reasonText(reason: FailureReasonId): string {
  switch (reason) {
    case 'not-accepted-yet':
      return msg('The mandate request has not been accepted yet.', {id: 'vy'});
    case 'expired':
      return msg('The mandate has expired.', {id: 'vz'});
    case 'wrong-theme':
      return msg('The mandate is for a different mandate theme.', {id: 'v10'});
    case 'limited-by-specifier':
      return msg('The mandate is limited by a specifier to something else, for example another municipality.', {id: 'v11'});
    case 'principal-guardianship':
      return msg('The person has a guardian appointed for financial matters.', {id: 'v12'});
    case 'non-disclosure':
      return msg('The person has a non-disclosure marking for personal safety.', {id: 'v13'});
    case 'child-in-care':
      return msg('The child has been taken into care, or custody has been arranged differently.', {id: 'v14'});
    case 'not-a-guardian':
      return msg('You are not registered as the child’s guardian.', {id: 'v15'});
    case 'register-not-current':
      return msg('The organisation’s data in the Trade Register is not up to date.', {id: 'v16'});
  }
}

function verdictText(g: Guidance): string {
  if (!g.mandateNeeded) return msg('You do not need a mandate.', {id: 'v17'});
  switch (g.giver) {
    case 'guardians':
      return g.situation === 'joint'
        ? msg('You need a mandate from the child’s other guardian.', {id: 'v18'})
        : msg('A guardian does not need a mandate. Anyone else needs a mandate from the child’s guardian.', {id: 'v19'});
    case 'company-signatories':
      return g.situation === 'joint'
        ? msg('You need a mandate from the others who share the matter in the organisation.', {id: 'v1a'})
        : msg('You need a mandate from the organisation, unless your own role in it is enough.', {id: 'v1b'});
    case 'co-parties':
      return msg('You need a mandate from everyone else who shares the matter.', {id: 'v1c'});
    default:
      return msg('You need a mandate from the person whose matter it is.', {id: 'v1d'});
  }
}

/** Whether a mandate is needed and who gives it: shown first, above the theme card. */
export function renderVerdict(g: Guidance): TemplateResult {
  return html`
    <div class="verdict ${g.mandateNeeded ? 'needed' : 'not-needed'}" part="verdict">
      <p><strong>${verdictText(g)}</strong></p>
      ${g.aloneRightRequired
        ? html`<p>${msg('When you handle the matter alone, nobody gives you a mandate. You must have the right to handle it alone, and you are responsible for that.', {id: 'v1e'})}</p>`
        : nothing}
    </div>
  `;
}

/** The guidance sections after the theme card, with headings at `level` (capped at 6). */
export function renderGuidance(g: Guidance, level: number): TemplateResult {
  const h = Math.min(level, 6);
  const list = (items: string[]) => html`<ul>${items.map((text) => html`<li>${text}</li>`)}</ul>`;
  return html`
    ${g.jointSteps.length
      ? html`<section class="joint" part="joint">
          ${heading(h, msg('When several people share the matter', {id: 'v1f'}))}
          <ol>${g.jointSteps.map((step) => html`<li>${stepText(step)}</li>`)}</ol>
        </section>`
      : nothing}
    <section class="steps" part="steps">
      ${heading(h, msg('What to do', {id: 'v1g'}))}
      <ol>${g.steps.map((step) => html`<li>${stepText(step)}</li>`)}</ol>
    </section>
    ${g.failureReasons.length
      ? html`<section part="reasons">
          ${heading(h, msg('Why can the check still fail?', {id: 'v1h'}))}
          <p>${msg('The e-service only learns that acting on behalf is not allowed, not why. Common reasons:', {id: 'v1i'})}</p>
          ${list(g.failureReasons.map(reasonText))}
        </section>`
      : nothing}
    ${g.durationAdvice
      ? html`<section part="duration">
          ${heading(h, msg('For how long?', {id: 'v1j'}))}
          <p>${msg('For a one-off matter, choose a short validity. For a lasting need, a mandate can be valid for up to 25 years.', {id: 'v1k'})}</p>
        </section>`
      : nothing}
    <section part="good-to-know">
      ${heading(h, msg('Good to know', {id: 'v1l'}))}
      ${list([
        ...(g.notifiesOtherParty ? [msg('The other party gets a notification about the mandate in Suomi.fi Messages.', {id: 'v1m'})] : []),
        msg('The same rule applies when you handle the matter on the phone or at the service point.', {id: 'v1o'}),
      ])}
    </section>
  `;
}
