/**
 * Text for the triage model. Every function calls msg() when it runs, so the language of the current render
 * applies (see src/localization.ts). Each text is chosen by the model's ids only — verdict, steps, notes and
 * the announcement all read the same Guidance, so they cannot disagree.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {
  isOrganisation,
  type FailureReasonId,
  type Guidance,
  type NoteId,
  type Principal,
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
    {value: 'company', label: msg('A company', {id: 'w5'}), hint: msg('For example, a limited company.', {id: 'w6'})},
    {value: 'association', label: msg('An association', {id: 'w7'}), hint: msg('For example, a sports club.', {id: 'w8'})},
    {value: 'housing-company', label: msg('A housing company', {id: 'w9'})},
    {value: 'organisation', label: msg('Another organisation', {id: 'wa'}), hint: msg('For example, a foundation or a cooperative.', {id: 'wb'})},
  ];
}

/** "For example, …" for acting alone, in the principal's own terms. */
function aloneExample(p: Principal | undefined): string {
  switch (p) {
    case 'minor':
      return msg('For example, you are the child’s only guardian.', {id: 'wc'});
    case 'company':
      return msg('For example, you are the managing director.', {id: 'wd'});
    case 'association':
      return msg('For example, you may sign for the association alone.', {id: 'we'});
    case 'housing-company':
      return msg('For example, you are the property manager.', {id: 'wf'});
    case 'organisation':
      return msg('For example, you may sign for the organisation alone.', {id: 'wg'});
    default:
      return msg('For example, you own the property alone.', {id: 'wh'});
  }
}

export function situationOptions(p?: Principal): {value: Situation; label: string; hint: string}[] {
  const org = p !== undefined && isOrganisation(p);
  return [
    {
      value: 'on-behalf',
      label: msg('I handle it for them', {id: 'wi'}),
      hint: p === 'minor'
        ? msg('The matter is the child’s, and you handle it in the child’s name.', {id: 'wj'})
        : org
          ? msg('You handle the matter in the organisation’s name.', {id: 'wk'})
          : msg('The matter is theirs, and you handle it in their name.', {id: 'wl'}),
    },
    {
      value: 'joint',
      label: msg('We share the matter, and I handle it', {id: 'wm'}),
      hint: p === 'minor'
        ? msg('For example, both guardians decide together.', {id: 'wn'})
        : org
          ? msg('For example, two people must sign for the organisation together.', {id: 'wo'})
          : msg('For example, co-owners or heirs decide together.', {id: 'wp'}),
    },
    {value: 'alone', label: msg('I have the right to handle it alone', {id: 'wq'}), hint: aloneExample(p)},
  ];
}

/** The verdict's headline: what the citizen needs, and from whom. The live region speaks exactly this. */
export function verdictHeadline(g: Guidance): string {
  if (g.need === 'not-needed') return msg('You need no mandate if you have the right to handle the matter alone.', {id: 'wv'});
  switch (g.giver) {
    case 'guardian':
      return msg('A guardian needs no mandate. Anyone else needs a mandate from the child’s guardian.', {id: 'ww'});
    case 'other-guardian':
      return msg('You need a mandate from the child’s other guardian.', {id: 'wx'});
    case 'co-parties':
      return msg('You need a mandate from everyone else who shares the matter.', {id: 'wy'});
    case 'signatories':
      return g.principal === 'company'
        ? msg('If the Trade Register shows that you may represent the company, you need no mandate. Otherwise you need a mandate from the company.', {id: 'wz'})
        : g.principal === 'association'
          ? msg('If the Register of Associations shows that you may sign for the association, you need no mandate. Otherwise you need a mandate from the association.', {id: 'w10'})
          : g.principal === 'housing-company'
            ? msg('If you are the housing company’s manager in the Trade Register, you need no mandate. Otherwise you need a mandate from the housing company.', {id: 'w11'})
            : msg('If a register shows that you may represent the organisation, you need no mandate. Otherwise you need a mandate from the organisation.', {id: 'w12'});
    case 'joint-signatories':
      return msg('You need a mandate from the organisation, accepted by everyone who must sign for it together.', {id: 'w13'});
    default:
      return msg('You need a mandate from the person whose matter it is.', {id: 'w14'});
  }
}

/** One sentence under the headline: the roles in official terms, or what "the right to act alone" means here. */
function verdictDetail(g: Guidance): string {
  if (g.need === 'not-needed') {
    return g.principal === 'person'
      ? msg('If others share the matter, for example co-owners, choose “We share the matter, and I handle it” instead. You are responsible for having the right to act alone.', {id: 'w15'})
      : msg('You are responsible for having the right to act alone.', {id: 'w16'});
  }
  switch (g.giver) {
    case 'guardian':
    case 'other-guardian':
      return msg('The guardian who gives the mandate is the mandator, and the person who gets it is the mandate holder.', {id: 'w17'});
    case 'signatories':
    case 'joint-signatories':
      return g.principal === 'association'
        ? msg('The association is the mandator, and the person who gets the mandate is the mandate holder. The Register of Associations shows who may sign for it.', {id: 'w18a'})
        : g.principal === 'organisation'
          ? msg('The organisation is the mandator, and the person who gets the mandate is the mandate holder. Its register shows who may sign for it.', {id: 'w18o'})
          : msg('The organisation is the mandator, and the person who gets the mandate is the mandate holder. The Trade Register shows who may sign for it.', {id: 'w18'});
    default:
      return msg('Whoever gives you the mandate is the mandator, and you are the mandate holder.', {id: 'w19'});
  }
}

function stepText(step: StepId, g: Guidance): string {
  switch (step) {
    case 'request-from-giver':
      return g.giver === 'co-parties'
        ? msg('Log in to Suomi.fi Valtuudet and make a mandate request to each of the others who share the matter.', {id: 'w1b3'})
        : g.giver === 'joint-signatories' || g.giver === 'signatories'
          ? msg('Log in to Suomi.fi Valtuudet and make a mandate request to the organisation.', {id: 'w1c3'})
          : msg('Log in to Suomi.fi Valtuudet and make a mandate request to the person whose matter it is. They can also give you the mandate themselves.', {id: 'w1d3'});
    case 'giver-gives':
      return g.giver === 'other-guardian'
        ? msg('The child’s other guardian gives you a mandate in Suomi.fi Valtuudet.', {id: 'w1e2'})
        : msg('If you are not the guardian, for example a grandparent: the child’s guardian gives you a mandate in Suomi.fi Valtuudet.', {id: 'w1f2'});
    case 'agree-who-acts':
      return g.principal === 'minor'
        ? msg('Agree with the other guardian which of you handles the matter.', {id: 'w1g'})
        : msg('Agree which of you handles the matter.', {id: 'w1h'});
    case 'takes-effect-when-accepted':
      return g.giver === 'co-parties'
        ? msg('The mandate takes effect when each of them has accepted your request.', {id: 'w1i'})
        : g.giver === 'joint-signatories'
          ? msg('The mandate takes effect when everyone who must sign for the organisation together has accepted it.', {id: 'w1j'})
          : g.giver === 'signatories'
            ? msg('The mandate takes effect when someone who may sign for the organisation accepts it.', {id: 'w1k'})
            : g.giver === 'guardian'
              ? msg('If the child has two guardians, the mandate takes effect when both have given it.', {id: 'w23'})
              : msg('The mandate takes effect when the person accepts your request.', {id: 'w1l'});
    case 'return-and-choose':
      return msg('When the mandate is in force, come back to this service and choose whom you act for.', {id: 'w1m'});
    case 'return-and-choose-checked':
      return msg('When the mandate is in force, come back to this service and choose whom you act for. The e-service checks the mandates automatically.', {id: 'w1n2'});
    case 'basis-is-enough':
      return g.principal === 'minor'
        ? msg('If you are the child’s guardian: log in to the e-service and choose the child. You need nothing else.', {id: 'w1o'})
        : msg('If your registered role is enough: log in to the e-service and choose the organisation. You need nothing else.', {id: 'w1p'});
    case 'confirm-right-alone':
      return msg('Make sure that you have the right to handle the matter alone.', {id: 'w1q'});
    case 'act-in-service':
      return g.principal === 'person'
        ? msg('Log in to the e-service and handle the matter in your own name.', {id: 'w1r'})
        : msg('Log in to the e-service and choose whom you act for.', {id: 'w1s'});
  }
}

function reasonText(reason: FailureReasonId, g: Guidance): string {
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
      return msg('The person has a legal guardian (trustee) for their finances.', {id: 'v12'});
    case 'non-disclosure':
      return g.principal === 'minor'
        ? msg('The child has a non-disclosure marking for personal safety.', {id: 'v13c'})
        : msg('The person has a non-disclosure marking for personal safety.', {id: 'v13'});
    case 'child-in-care':
      return msg('The child has been taken into care, or custody has been arranged differently.', {id: 'v14'});
    case 'not-a-guardian':
      return msg('You are not registered as the child’s guardian.', {id: 'v15'});
    case 'register-not-current':
      return g.principal === 'association'
        ? msg('The association’s data in the Register of Associations is not up to date.', {id: 'w1t'})
        : g.principal === 'organisation'
          ? msg('The organisation’s data in its register is not up to date.', {id: 'w1u'})
          : msg('The data in the Trade Register is not up to date.', {id: 'w1v'});
  }
}

function noteText(note: NoteId): string {
  switch (note) {
    case 'notified-if-messages':
      return msg('The other party gets a notice of the mandate request or mandate in Suomi.fi Messages, if they use Suomi.fi Messages.', {id: 'w1w'});
    case 'no-blanket-mandate':
      return msg('No mandate covers all dealings with the municipality: a mandate is always for a mandate theme. A specifier can limit it to this municipality.', {id: 'w1x'});
    case 'same-rule-offline':
      return msg('The same rule applies when you handle the matter on the phone or at the service point.', {id: 'v1o'});
    case 'dvv-keeper':
      return msg('Suomi.fi Valtuudet is maintained by the Digital and Population Data Services Agency (DVV).', {id: 'w1y'});
  }
}

/** One list item and one paragraph: every step, reason, note and disclosure paragraph shares these two templates. */
const li = (text: unknown) => html`<li>${text}</li>`;
const para = (text: unknown) => html`<p>${text}</p>`;

/** Secondary material in a native disclosure, closed by default: paragraphs, then a list, then `tail`. */
const disclosure = (part: string, summary: string, paras: string[], items?: string[], tail: unknown = nothing) =>
  html`<details part=${part}><summary>${summary}</summary><div class="details-body">${paras.map(para)}${items ? html`<ul>${items.map(li)}</ul>` : nothing}${tail}</div></details>`;

/**
 * Answer first, in one template: the verdict (what you need, from whom, and one sentence more), the next action
 * (`choose`), the numbered steps in the order they are done, then secondary material in disclosures.
 */
export function renderAnswer(g: Guidance, id: string, choose: unknown, level: number): TemplateResult {
  return html`
    <div class="answer">
      <div class="verdict ${g.need}" part="verdict" id=${id} tabindex="-1">
        <p class="headline"><strong>${verdictHeadline(g)}</strong></p>
        <p>${verdictDetail(g)}</p>
      </div>
      ${choose}
      <section class="steps" part="steps">
        ${heading(level, msg('What to do', {id: 'v1g'}))}
        <ol>${g.steps.map((step) => li(stepText(step, g)))}</ol>
      </section>
      <div class="more">
        ${g.failureReasons.length
          ? disclosure('reasons', msg('Why can the mandate check still fail?', {id: 'w1z'}),
              [msg('The e-service only learns that acting on behalf is not allowed, not why. Common reasons:', {id: 'v1i'})],
              g.failureReasons.map((r) => reasonText(r, g)))
          : nothing}
        ${g.alternatives
          ? disclosure('alternatives', msg('If the mandator cannot use Suomi.fi', {id: 'w20'}), [
              msg('A DVV official can register the mandate on application. Ask DVV about registering a mandate for someone who cannot use Suomi.fi.', {id: 'w21'}),
              ...(g.principal === 'person'
                ? [msg('If a person cannot give a mandate at all, a guardian appointed for them, or the attorney named in their continuing power of attorney, can handle their matters.', {id: 'w22'})]
                : []),
            ], undefined, html`<slot name="alternatives"></slot>`)
          : nothing}
        ${disclosure('good-to-know', msg('Good to know', {id: 'v1l'}), [], [
          ...(g.duration ? [msg('For a one-off matter, choose a short validity. For a lasting need, a mandate can be valid for up to 25 years.', {id: 'v1k'})] : []),
          ...g.notes.map(noteText),
        ])}
      </div>
    </div>
  `;
}
