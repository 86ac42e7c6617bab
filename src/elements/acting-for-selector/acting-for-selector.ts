import {LitElement, css, html, nothing, type TemplateResult} from 'lit';
import {
  buildStartUrl,
  parseModes,
  readActingForResult,
  sameOriginUrl,
  withoutActingForResult,
  type ActingFor,
  type ActingForResult,
  type Mode,
} from '../../core/acting-for.js';
import {safeReturnPath} from '../../core/return-path.js';
import type {Locale} from '../../core/locale.js';
import {parseThemeList} from '../../core/themes.js';
import {inLocale, msg, str} from '../../localization.js';
import {emit} from '../shared/events.js';
import {heading, toHeadingLevel} from '../shared/heading.js';
import {localised, resolveLocale, watchLang} from '../shared/lang.js';
import {broadcastChange, fetchSession} from '../shared/session.js';
import {choices, tokens} from '../shared/styles.js';

type Choice = 'self' | Mode;
/**
 * The rules (docs/rules.md) each result line states, line by line: after `denied`, Suomi.fi only says no (R10)
 * and the mandate must be in force for the right theme (R2, R6); after `no-role`, a register role the service
 * accepts (R20), else a mandate from who may sign (R21).
 */
const RESULT_RULES: Partial<Record<ActingForResult, string[]>> = {denied: ['R10', 'R2 R6'], 'no-role': ['R20', 'R21']};
const MODE_KEY = 'puolesta-mode';
let instances = 0;

/**
 * The explicit choice DVV requires before principal selection: act as yourself, for a person, or for an
 * organisation. Both go through the adapter's start URL to Suomi.fi and back; on return the result is announced
 * and removed from the address bar, and the choice in force stays selected.
 *
 * @fires puolesta-acting-for-change - after a successful return; detail {type, name}
 * @fires puolesta-error - the return carried an error, or a URL attribute was refused; detail {code}
 * @csspart form - The choice form.
 * @csspart result - The message after returning from Suomi.fi.
 * @csspart continue - The Continue button.
 */
export class ActingForSelector extends LitElement {
  static override styles = [
    tokens,
    choices,
    css`
      .result {
        border-left: 5px solid var(--_info);
        background: var(--_surface);
        padding: var(--_s2) var(--_s3);
        margin: 0 0 var(--_s3);
      }
      .result.ok {
        border-color: var(--_success);
      }
      .result.problem {
        border-color: var(--_alert);
      }
      .result p {
        margin: 0 0 var(--_s1);
      }
      .guide-more {
        margin: 0 0 var(--_s4);
      }
      @media (forced-colors: active) {
        .option,
        .result {
          border: 1px solid CanvasText;
        }
      }
    `,
  ];

  /** Reactive properties (attributes) and internal state: declared statically, which keeps decorator helpers out of the script-tag bundle. */
  static override properties = {
    startUrl: {attribute: 'start-url'},
    sessionUrl: {attribute: 'session-url'},
    returnUrl: {attribute: 'return-url'},
    modes: {},
    theme: {},
    guidePrincipal: {attribute: 'guide-principal'},
    headingLevel: {attribute: 'heading-level'},
    choice: {state: true},
    busy: {state: true},
    result: {state: true},
    resultMode: {state: true},
    principal: {state: true},
    problem: {state: true},
    announcement: {state: true},
  };

  startUrl = '/valtuudet/start';
  sessionUrl = '/valtuudet/session';
  /** Where to come back to (same-origin path); default the current page. */
  returnUrl: string | null = null;
  /** Which principals to offer: `person`, `company` (any organisation; `organisation` works too) or both (default). */
  modes: string | null = null;
  /** Theme id(s) the service checks; used for guidance when a mandate does not cover it. */
  theme: string | null = null;
  /**
   * Whose matter the service is about, as `<mandate-guide principal>` (e.g. `minor` for a child's application):
   * the guidance after `denied` / `no-role` is for that principal. Without it the guide asks (person mode) or
   * uses `organisation` (organisation mode).
   */
  guidePrincipal: string | null = null;
  /** Level of the element's heading, 1–6 (default 2). */
  headingLevel: string | null = null;

  private choice?: Choice;
  private busy = false;
  private result?: ActingForResult;
  private resultMode?: Mode;
  private principal: ActingFor | null = null;
  private problem = '';
  private announcement = '';

  #unwatchLang?: () => void;
  readonly #uid = `afs${++instances}`;
  /** Page events the element follows while connected (one signal removes every listener). */
  #listening?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatchLang = watchLang(this);
    const signal = (this.#listening = new AbortController()).signal;
    // Back from Suomi.fi via bfcache: the button must work again.
    addEventListener('pageshow', (event) => event.persisted && (this.busy = false), {signal});
    // Stop in the banner (this tab or another): the form shows "myself" at once, not the principal that ended.
    addEventListener('puolesta-acting-for-change', (event) => {
      if (event.target === this || (event as CustomEvent).detail !== null || !this.principal) return;
      this.principal = null;
      this.result = undefined;
      this.announcement = ''; // the banner announces the stop; the old "acting for …" line must not stay
      this.choice = 'self';
    }, {signal});
    if (!this.#readReturn()) void this.#loadPrincipal(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLang?.();
    this.#listening?.abort();
  }

  /** Reads `acting-for=…` once, removes it from the address bar, and announces the outcome. */
  #readReturn(): boolean {
    const result = readActingForResult(location.search);
    if (!result) return false;
    history.replaceState(history.state, '', withoutActingForResult(location.href));
    this.result = result;
    try {
      const mode = sessionStorage.getItem(MODE_KEY);
      if (mode === 'person' || mode === 'company') this.resultMode = mode;
      sessionStorage.removeItem(MODE_KEY);
    } catch {
      // storage blocked: the guidance then just does not preset the principal
    }
    if (result !== 'ok') emit(this, 'puolesta-error', {code: `acting-for-${result}`});
    this.#announce();
    if (result === 'ok') void this.#loadPrincipal(true);
    return true;
  }

  /**
   * Whom the citizen acts for now, so the form shows the choice in force (not an empty choice, as if they had
   * to choose again). After a return it is also announced and told to other tabs.
   */
  async #loadPrincipal(returned: boolean): Promise<void> {
    const url = sameOriginUrl(this.sessionUrl, location.href);
    const state = url ? await fetchSession(url) : undefined;
    this.principal = state?.ok ? state.actingFor : null;
    if (this.principal && !this.choice) this.choice = this.principal.type === 'person' ? 'person' : 'company';
    if (!returned) return;
    if (this.principal) {
      emit(this, 'puolesta-acting-for-change', {type: this.principal.type, name: this.principal.name});
      broadcastChange();
    }
    this.#announce();
  }

  #announce(): void {
    this.announcement = localised(this, () => this.#resultText().join(' '));
  }

  #resultText(): string[] {
    switch (this.result) {
      case 'ok':
        return this.principal
          ? [
              this.principal.type === 'organisation'
                ? msg(str`You are now acting on behalf of the organisation ${this.principal.name}.`, {id: 's0o'})
                : msg(str`You are now acting on behalf of ${this.principal.name}.`, {id: 's1'}),
            ]
          : [msg('You chose whom to act for in Suomi.fi.', {id: 's2'})];
      case 'cancelled':
        return [msg('You cancelled the choice in Suomi.fi. You are acting as yourself.', {id: 's3'})];
      case 'denied':
        return [
          msg('Suomi.fi did not allow you to act for them here, so you are acting as yourself.', {id: 's4b'}),
          msg('Check that the mandate is in force and covers the right mandate theme.', {id: 's5'}),
        ];
      case 'no-role':
        return [
          msg('You have no role that lets you act for the organisation in this service, so you are acting as yourself.', {id: 'sm'}),
          msg('Ask someone who may sign for the organisation to give you a mandate.', {id: 'sn'}),
        ];
      case 'expired':
        return [msg('Your Suomi.fi session ended before you chose. You are acting as yourself. Please choose again.', {id: 'so2'})];
      case 'error':
        return [msg('Something went wrong with Suomi.fi. You are acting as yourself. Please try again later.', {id: 's7'})];
      default:
        return [];
    }
  }

  get #modeList(): Mode[] {
    return parseModes(this.modes);
  }

  #continue(event: Event): void {
    event.preventDefault();
    const locale = resolveLocale(this);
    if (!this.choice) {
      this.problem = inLocale(locale, () => msg('Choose whose matter you are handling.', {id: 's8'}));
      this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    this.problem = '';
    if (this.choice === 'self') {
      this.announcement = inLocale(locale, () => msg('You are acting as yourself.', {id: 's9'}));
      emit(this, 'puolesta-acting-for-change', null);
      return;
    }
    const returnPath = safeReturnPath(this.returnUrl ?? `${location.pathname}${location.search}`);
    const target = buildStartUrl(this.startUrl, location.href, this.choice, returnPath, locale);
    if (!target) {
      this.problem = inLocale(locale, () => msg('This page is not set up correctly for acting on behalf of others.', {id: 'sa'}));
      emit(this, 'puolesta-error', {code: 'start-url-refused'});
      return;
    }
    try {
      sessionStorage.setItem(MODE_KEY, this.choice);
    } catch {
      // storage blocked: nothing lost but a preset in later guidance
    }
    this.busy = true;
    this.announcement = inLocale(locale, () => msg('Opening Suomi.fi…', {id: 'sb'}));
    this.navigate(target);
  }

  /** Leaves for Suomi.fi through the adapter (a method so tests can observe it without leaving the page). */
  protected navigate(url: string): void {
    location.assign(url);
  }

  override render(): TemplateResult {
    return localised(this, (locale) => this.#renderIn(locale));
  }

  #renderIn(locale: Locale): TemplateResult {
    const level = toHeadingLevel(this.headingLevel);
    const options: {value: Choice; label: string; hint: string; rules?: string}[] = [
      {value: 'self', label: msg('Myself', {id: 'sc'}), hint: msg('You handle your own matter.', {id: 'sd'})},
      ...this.#modeList.map((mode) =>
        mode === 'person'
          ? {value: mode as Choice, label: msg('On behalf of another person', {id: 'se'}), hint: msg('You choose the person in Suomi.fi. You need their mandate, or to be their guardian.', {id: 'sf'}), rules: 'R1 R10'}
          : {value: mode as Choice, label: msg('On behalf of an organisation', {id: 'sgo'}), hint: msg('For example, a company or an association. You choose it in Suomi.fi. You need a mandate or a role in it.', {id: 'sh2'}), rules: 'R20 R21'},
      ),
    ];
    const problemId = `${this.#uid}-problem`;
    return html`
      <section lang=${locale} aria-labelledby="${this.#uid}-title">
        ${heading(level, msg('Whose matter are you handling?', {id: 'v0'}), `${this.#uid}-title`)}
        ${this.result ? this.#renderResult(level + 1) : nothing}
        <form part="form" @submit=${this.#continue} aria-busy=${this.busy}>
          <fieldset aria-describedby=${this.problem ? problemId : nothing}>
            <legend>${msg('I am handling this matter', {id: 'si'})}</legend>
            ${options.map(
              (option) => html`<label class="option">
                <input
                  type="radio"
                  name="${this.#uid}-choice"
                  .value=${option.value}
                  .checked=${this.choice === option.value}
                  ?disabled=${this.busy}
                  aria-describedby="${this.#uid}-${option.value}"
                  @change=${() => {
                    this.choice = option.value;
                    this.problem = '';
                  }}
                />
                <span class="label">${option.label}</span>
                <span class="hint" id="${this.#uid}-${option.value}" data-rules=${option.rules ?? nothing}>${option.hint}</span>
              </label>`,
            )}
          </fieldset>
          ${this.problem ? html`<p class="error" id=${problemId} role="alert">${this.problem}</p>` : nothing}
          <button class="primary" part="continue" type="submit" ?disabled=${this.busy} aria-busy=${this.busy}>
            ${this.busy ? msg('Opening Suomi.fi…', {id: 'sb'}) : msg('Continue', {id: 'sj'})}
          </button>
          ${this.choice && this.choice !== 'self' && !this.busy
            ? html`<p class="hint">${msg('You will be taken to Suomi.fi to choose, and then back to this page.', {id: 'sk'})}</p>`
            : nothing}
        </form>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </section>
    `;
  }

  #renderResult(level: number): TemplateResult {
    const ok = this.result === 'ok';
    const theme = parseThemeList(this.theme).slugs.join(' ');
    const showGuide = (this.result === 'denied' || this.result === 'no-role') && customElements.get('mandate-guide');
    // The guidance sits after the message, not inside it: a long guide in a red box reads as one big error.
    return html`
      <div class="result ${ok ? 'ok' : 'problem'}" part="result">
        ${this.#resultText().map((line, i) => html`<p data-rules=${RESULT_RULES[this.result!]?.[i] ?? nothing}>${line}</p>`)}
      </div>
        ${showGuide
          ? html`<details class="guide-more">
              <summary>${msg('What mandate do I need?', {id: 'sl'})}</summary>
              <mandate-guide
                theme=${theme}
                principal=${this.guidePrincipal ?? (this.resultMode === 'company' || this.result === 'no-role' ? 'organisation' : nothing)}
                situation="on-behalf"
                basis="none"
                heading-level=${Math.min(level, 6)}
              ></mandate-guide>
            </details>`
          : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'acting-for-selector': ActingForSelector;
  }
  /** Typed `addEventListener` for the events the element fires (they bubble and cross shadow roots). */
  interface HTMLElementEventMap {
    'puolesta-acting-for-change': CustomEvent<Pick<ActingFor, 'type' | 'name'> | null>;
    'puolesta-error': CustomEvent<{code: string}>;
  }
}
