import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {THEME_LIST, VALTUUDET_HOME, type Locale} from '../../core/locale.js';
import type {PtvFailure, PtvResult, PtvTheme} from '../../core/ptv.js';
import {Catalogue, describeTheme, parseThemeList, type ThemeView} from '../../core/themes.js';
import {parseBasis, parsePrincipal, parseSituation, triage, type Guidance, type Principal, type Situation} from '../../core/triage.js';
import {themes as municipalThemes} from '../../generated/themes-municipal.js';
import {msg, str} from '../../localization.js';
import {emit, shorten} from '../shared/events.js';
import {heading, toHeadingLevel} from '../shared/heading.js';
import {localised, resolveLocale, watchLang} from '../shared/lang.js';
import {choices, tokens} from '../shared/styles.js';
import {loadFullCatalogue} from './catalogue-loader.js';
import {loadLookups} from './load-lookups.js';
import {
  principalLegend,
  principalOptions,
  renderAnswer,
  situationLegend,
  situationOptions,
  verdictHeadline,
} from './guidance-view.js';
import {guideStyles} from './styles.js';

const bundled = new Catalogue(municipalThemes);

type PtvState = {status: 'idle'} | {status: 'loading'} | {status: 'ok'; themes: PtvTheme[]} | {status: 'failed'; reason: PtvFailure};

export interface SituationChangeDetail {
  principal: Principal | null;
  situation: Situation | null;
  /** False only when no mandate is needed (situation C); true also when it depends on the citizen's role. */
  mandateNeeded: boolean | null;
  /** `needed`, `depends` (a guardian or registered role needs none) or `not-needed`. */
  need: Guidance['need'] | null;
}

let instances = 0;

/**
 * Tells a citizen whether they need a Suomi.fi mandate for this matter, which theme exactly, and how to
 * get it. Presets come from attributes; what is missing it asks with radio fieldsets.
 *
 * @fires puolesta-situation-change - the citizen's answers changed; detail {principal, situation, mandateNeeded}
 * @fires puolesta-error - a PTV or catalogue lookup failed, or the page gave a theme or attribute value the guide does not know;
 *   detail {code, value?}. Editor mistakes also go to `console.warn`; the citizen's text never repeats the raw value.
 * @slot - No-JS fallback text; shown again if the theme is unknown or PTV fails.
 * @slot theme-note - The editor's own explanation of the theme in the page language.
 * @csspart container - The whole guide.
 * @csspart questions - The question form.
 * @csspart theme - A theme card.
 * @csspart choose - The "What to choose in Suomi.fi" box.
 * @csspart notice - A polite notice (unknown theme, PTV failure, refused attribute).
 * @csspart verdict - Whether a mandate is needed.
 * @csspart steps - The steps to take.
 */
export class MandateGuide extends LitElement {
  static override styles = [tokens, choices, guideStyles];

  /** Reactive properties (attributes) and internal state: declared statically, which keeps decorator helpers out of the script-tag bundle. */
  static override properties = {
    theme: {},
    serviceChannel: {attribute: 'service-channel'},
    service: {},
    ptvBase: {attribute: 'ptv-base'},
    principal: {},
    situation: {},
    basis: {},
    headingLevel: {attribute: 'heading-level'},
    catalogueUrl: {attribute: 'catalogue-url'},
    pickedPrincipal: {state: true},
    pickedSituation: {state: true},
    chosenPrincipal: {state: true},
    chosenSituation: {state: true},
    asking: {state: true},
    missing: {state: true},
    ptv: {state: true},
    extraCatalogue: {state: true},
    catalogueFailed: {state: true},
    announcement: {state: true},
    copied: {state: true},
  };

  /** Space-separated theme ids: bare slugs or `http://valtuusrekisteri.suomi.fi/<slug>` URIs. */
  theme: string | null = null;
  /** PTV service channel GUID; its connections' digitalAuthorizations name the themes. */
  serviceChannel: string | null = null;
  /** PTV service GUID: only that connection of the channel. */
  service: string | null = null;
  /** PTV OUT API base (https or same origin). */
  ptvBase: string | null = null;
  /** Preset `person` | `minor` | `company`; otherwise the guide asks. */
  principal: string | null = null;
  /**
   * Preset `on-behalf` | `joint` | `alone`; otherwise the guide asks (A or B only). `alone` (situation C) is the
   * service's property: only the page sets it, when the service lets one person handle a shared matter alone.
   */
  situation: string | null = null;
  /**
   * `none`: the citizen is known to have no guardian or register role here (the selector sets it after a
   * `no-role` or `denied` answer), so only the mandate branch is shown. Default `any`.
   */
  basis: string | null = null;
  /** Level of the guide's main heading, 1–6 (default 2). */
  headingLevel: string | null = null;
  /** Where to load the full theme catalogue from when a theme is not bundled (https or same origin). */
  catalogueUrl: string | null = null;

  /** What the radios show; applied (and the answer shown) only when the citizen presses "Show guidance". */
  private pickedPrincipal?: Principal;
  private pickedSituation?: Situation;
  private chosenPrincipal?: Principal;
  private chosenSituation?: Situation;
  /** The questions are open (before the first answer, and after "Change answers"). */
  private asking = true;
  private missing: Array<'principal' | 'situation'> = [];
  private ptv: PtvState = {status: 'idle'};
  private extraCatalogue?: Catalogue;
  private catalogueFailed = false;
  private announcement = '';
  /** The theme card whose name was just copied (or could not be), for a visible confirmation beside its button. */
  private copied?: {id: string; ok: boolean};

  readonly #uid = `mg${++instances}`;
  /** Editor mistakes already reported (console + event), so each is reported once. */
  readonly #reported = new Set<string>();
  #unwatchLang?: () => void;
  #ptvAbort?: AbortController;

  /** The page pre-rendered this guide (a declarative shadow root, docs/host-page.md); the first render replaces it. */
  #prerendered = !!this.shadowRoot;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatchLang = watchLang(this);
  }

  protected override shouldUpdate(): boolean {
    // The pre-rendered guidance stays while the full catalogue loads: rendering now would only say "loading".
    if (!this.#prerendered || !this.#catalogueLoading) return true;
    this.#loadCatalogueIfNeeded();
    return false;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (this.#prerendered) {
      // Lit would add to the declarative root, before its first child: empty it in the same task as the render,
      // so no frame shows it empty, and render into the empty root.
      this.renderRoot.replaceChildren();
      this.renderOptions.renderBefore = null;
      this.#prerendered = false;
    }
    super.update(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLang?.();
    this.#ptvAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('serviceChannel') || changed.has('service') || changed.has('ptvBase')) this.#loadPtv();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') || changed.has('catalogueUrl') || changed.has('ptv' as keyof MandateGuide)) this.#loadCatalogueIfNeeded();
    this.#reportEditorMistakes();
  }

  /**
   * A theme or attribute value the guide does not know is the page's (the editor's) mistake: it goes to the
   * console and a `puolesta-error` event, never raw into the citizen's text (docs/rules.md, "Editor mistakes").
   */
  #reportEditorMistakes(): void {
    const report = (code: string, value: string) => {
      const key = `${code}:${value}`;
      if (this.#reported.has(key)) return;
      this.#reported.add(key);
      console.warn(`<mandate-guide>: ${code} ${JSON.stringify(shorten(value))}`);
      emit(this, 'puolesta-error', {code, value: shorten(value)});
    };
    if (this.principal !== null && !this.#presetPrincipal) report('unknown-principal', this.principal);
    if (this.situation !== null && !this.#presetSituation) report('unknown-situation', this.situation);
    if (this.basis !== null && !parseBasis(this.basis)) report('unknown-basis', this.basis);
    if (this.ptv.status !== 'ok') for (const token of this.#themeSlugs.invalid) report('invalid-theme', token);
    if (!this.#catalogueLoading && !this.catalogueFailed) {
      for (const slug of this.#themeSlugs.slugs) if (!bundled.has(slug) && !this.extraCatalogue?.has(slug)) report('unknown-theme', slug);
    }
  }

  get #presetPrincipal(): Principal | undefined {
    return parsePrincipal(this.principal);
  }
  get #presetSituation(): Situation | undefined {
    return parseSituation(this.situation);
  }
  get #currentPrincipal(): Principal | undefined {
    return this.#presetPrincipal ?? this.chosenPrincipal;
  }
  get #currentSituation(): Situation | undefined {
    return this.#presetSituation ?? this.chosenSituation;
  }

  #loadPtv(): void {
    this.#ptvAbort?.abort();
    if (!this.serviceChannel) {
      this.ptv = {status: 'idle'};
      return;
    }
    const abort = (this.#ptvAbort = new AbortController());
    this.ptv = {status: 'loading'};
    const options = {base: this.ptvBase, channelId: this.serviceChannel, serviceId: this.service, pageUrl: location.href, signal: abort.signal};
    loadLookups()
      .then(
        (lookups) => lookups.fetchChannelThemes(options),
        (): PtvResult => ({ok: false, reason: 'network'}), // the lookup code itself could not be loaded
      )
      .then(
        (result) => {
          if (abort.signal.aborted) return;
          this.ptv = result.ok ? {status: 'ok', themes: result.themes} : {status: 'failed', reason: result.reason};
          if (!result.ok) emit(this, 'puolesta-error', {code: `ptv-${result.reason}`});
        },
        () => undefined, // aborted by a newer request or by disconnect
      );
  }

  /** Theme slugs to show: PTV's when it answered with themes, else the `theme` attribute. */
  get #themeSlugs(): {slugs: string[]; invalid: string[]} {
    if (this.ptv.status === 'ok') return {slugs: this.ptv.themes.map((t) => t.slug), invalid: []};
    return parseThemeList(this.theme);
  }

  #loadCatalogueIfNeeded(): void {
    const unknown = this.#themeSlugs.slugs.filter((slug) => !bundled.has(slug) && !this.extraCatalogue?.has(slug));
    if (unknown.length === 0 || this.extraCatalogue || this.catalogueFailed) return;
    loadFullCatalogue(this.catalogueUrl).then(
      (records) => (this.extraCatalogue = new Catalogue(records)),
      () => {
        this.catalogueFailed = true;
        emit(this, 'puolesta-error', {code: 'catalogue-unavailable'});
      },
    );
  }

  #themeViews(locale: Locale): ThemeView[] {
    const ptvNames = new Map(this.ptv.status === 'ok' ? this.ptv.themes.map((t) => [t.slug, t.names]) : []);
    return this.#themeSlugs.slugs.map((slug) =>
      describeTheme(slug, bundled.get(slug) ?? this.extraCatalogue?.get(slug), locale, ptvNames.get(slug)),
    );
  }

  get #catalogueLoading(): boolean {
    return !this.extraCatalogue && !this.catalogueFailed && this.#themeSlugs.slugs.some((s) => !bundled.has(s));
  }

  override render(): TemplateResult {
    return localised(this, (locale) => this.#renderIn(locale));
  }

  #renderIn(locale: Locale): TemplateResult {
    const level = toHeadingLevel(this.headingLevel);
    const principal = this.#currentPrincipal;
    const situation = this.#currentSituation;
    const guidance = principal && situation ? triage(principal, situation, parseBasis(this.basis)) : undefined;
    const views = this.#catalogueLoading ? [] : this.#themeViews(locale);
    const showFallback = this.ptv.status === 'failed' || views.some((v) => !v.known);
    const bothPreset = !!(this.#presetPrincipal && this.#presetSituation);
    return html`
      <section part="container" class="guide" lang=${locale} aria-labelledby="${this.#uid}-title">
        ${heading(level, msg('Acting on behalf of someone else', {id: 'g0'}), `${this.#uid}-title`)}
        ${this.#renderNotices(views)}
        ${showFallback ? html`<div class="fallback" part="fallback"><slot></slot></div>` : nothing}
        ${bothPreset ? nothing : guidance && !this.asking ? this.#renderSummary(principal!, situation!) : this.#renderQuestions()}
        ${guidance
          ? renderAnswer(guidance, `${this.#uid}-verdict`, guidance.next === 'go-to-valtuudet' ? this.#renderChoose(views, level + 1) : nothing, level + 1, locale)
          : this.#renderThemes(views, level + 1)}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </section>
    `;
  }

  #renderNotices(views: ThemeView[]): TemplateResult[] {
    const notices: TemplateResult[] = [];
    const say = (text: string) => notices.push(html`<p class="notice" part="notice">${text}</p>`);
    // While PTV answers, the `theme` attribute is shown (usually the same theme), so nothing jumps; only a
    // guide with nothing to show yet says it is loading.
    if ((this.ptv.status === 'loading' && views.length === 0 && !this.theme) || this.#catalogueLoading) {
      notices.push(html`<p class="notice loading" part="notice" role="status">${msg('Loading the mandate details…', {id: 'g1'})}</p>`);
    }
    if (this.ptv.status === 'failed') {
      say(
        this.ptv.reason === 'empty'
          ? msg('The service description does not name a mandate theme for this service.', {id: 'g2'})
          : msg('We could not load the mandate details from the service description right now.', {id: 'g3'}),
      );
    }
    // Editor mistakes: one neutral sentence, never the raw value (that goes to the console and the event).
    // Unknown, or the full list could not be loaded: the citizen is told the same, the editor gets the reason.
    if (views.some((v) => !v.known) || (this.ptv.status !== 'ok' && this.#themeSlugs.invalid.length)) {
      say(msg('We cannot show this page’s mandate theme. See the service’s own instructions.', {id: 'p12'}));
    }
    return notices;
  }

  #renderQuestions(): TemplateResult {
    const principal = this.#presetPrincipal ?? this.pickedPrincipal;
    const radios = <T extends string>(
      name: 'principal' | 'situation',
      legend: string,
      options: {value: T; label: string; hint?: string}[],
      current: T | undefined,
      onPick: (value: T) => void,
    ) => {
      const errorId = `${this.#uid}-${name}-error`;
      const missing = this.missing.includes(name);
      return html`
        <fieldset class="question ${missing ? 'invalid' : ''}" aria-describedby=${missing ? errorId : nothing}>
          <legend>${legend}</legend>
          ${missing
            ? html`<p class="error" id=${errorId}>${name === 'principal' ? msg('Choose whose matter it is.', {id: 'w24'}) : msg('Choose how the matter is handled.', {id: 'w25'})}</p>`
            : nothing}
          ${options.map(
            (option) => html`
              <label class="option">
                <input type="radio" name="${this.#uid}-${name}" .value=${option.value} .checked=${option.value === current}
                  aria-describedby=${option.hint ? `${this.#uid}-${name}-${option.value}` : nothing} @change=${() => onPick(option.value)} />
                <span class="label">${option.label}</span>
                ${option.hint ? html`<span class="hint" id="${this.#uid}-${name}-${option.value}">${option.hint}</span>` : nothing}
              </label>
            `,
          )}
        </fieldset>
      `;
    };
    return html`
      <form part="questions" class="questions" novalidate @submit=${this.#submit}>
        ${this.#presetPrincipal ? nothing : radios('principal', principalLegend(), principalOptions(), this.pickedPrincipal, (v) => this.#pick('principal', v))}
        ${this.#presetSituation ? nothing : radios('situation', situationLegend(), situationOptions(principal), this.pickedSituation, (v) => this.#pick('situation', v))}
        <button type="submit" class="primary">${msg('Show guidance', {id: 'w26'})}</button>
      </form>
    `;
  }

  /** A radio was chosen: remember it, and the question no longer needs its error message. */
  #pick(question: 'principal' | 'situation', value: string): void {
    if (question === 'principal') this.pickedPrincipal = value as Principal;
    else this.pickedSituation = value as Situation;
    this.missing = this.missing.filter((q) => q !== question);
  }

  /** The answers in one line, with a way back to the questions: keeps the answer at the top of the guide. */
  #renderSummary(principal: Principal, situation: Situation): TemplateResult {
    const labelOf = <T extends string>(options: {value: T; label: string}[], value: T) => options.find((o) => o.value === value)?.label ?? value;
    return html`<div class="summary" part="summary">
      <p>
        ${this.#presetPrincipal ? nothing : html`<span class="answer-item"><span class="muted">${principalLegend()}</span> <strong>${labelOf(principalOptions(), principal)}</strong></span>`}
        ${this.#presetSituation ? nothing : html`<span class="answer-item"><span class="muted">${situationLegend()}</span> <strong>${labelOf(situationOptions(principal), situation)}</strong></span>`}
      </p>
      <button type="button" class="change" @click=${this.#changeAnswers}>${msg('Change answers', {id: 'w27'})}</button>
    </div>`;
  }

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const principal = this.#presetPrincipal ?? this.pickedPrincipal;
    const situation = this.#presetSituation ?? this.pickedSituation;
    this.missing = [...(principal ? [] : ['principal' as const]), ...(situation ? [] : ['situation' as const])];
    if (this.missing.length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('.invalid input')?.focus();
      return;
    }
    this.chosenPrincipal = this.#presetPrincipal ? undefined : principal;
    this.chosenSituation = this.#presetSituation ? undefined : situation;
    this.asking = false;
    this.#answered();
    await this.updateComplete;
    // The questions gave way to the answer: take keyboard and screen-reader users to its first line.
    this.renderRoot.querySelector<HTMLElement>('.verdict')?.focus();
  };

  /** Announces the verdict itself (so the screen reader hears what the page says) and tells the host page. */
  #answered(): void {
    const principal = this.#currentPrincipal ?? null;
    const situation = this.#currentSituation ?? null;
    const guidance = principal && situation ? triage(principal, situation, parseBasis(this.basis)) : undefined;
    this.announcement = guidance ? localised(this, () => msg(str`Guidance updated: ${verdictHeadline(guidance)}`, {id: 'w2d'})) : '';
    emit<SituationChangeDetail>(this, 'puolesta-situation-change', {
      principal,
      situation,
      mandateNeeded: guidance ? guidance.need !== 'not-needed' : null,
      need: guidance?.need ?? null,
    });
  }

  #changeAnswers = async (): Promise<void> => {
    this.pickedPrincipal = this.#currentPrincipal;
    this.pickedSituation = this.#currentSituation;
    this.asking = true;
    await this.updateComplete;
    const questions = this.renderRoot.querySelector('.questions');
    (questions?.querySelector<HTMLInputElement>('input:checked') ?? questions?.querySelector('input'))?.focus();
  };

  /** The theme cards: official name (with a copy button once the citizen is to choose it), description. */
  #renderThemes(views: ThemeView[], level: number, copy = false): TemplateResult[] {
    // In the "choose" box the box's own heading already says what these are: no eyebrow there.
    return views.map((view, index) => {
      const id = `${this.#uid}-theme-${index}`;
      const name = view.name
        ? html`<span lang=${view.name.lang}>${view.name.text}</span>`
        : msg('Mandate theme of this service', {id: 'w28'});
      return html`
        <article class="theme" part="theme" aria-labelledby=${id}>
          ${copy ? nothing : html`<p class="eyebrow">${msg('Mandate theme', {id: 'gb'})}</p>`}
          <div class="theme-line">
            ${heading(level, name, id, 'theme-name')}
            ${copy && view.name
              ? html`<button type="button" class="copy" aria-describedby=${id} @click=${() => this.#copy(view.name!.text, id)}>${msg('Copy name', {id: 'gi'})}</button>`
              : nothing}
            ${this.copied?.id === id
              ? html`<span class="copy-status">${this.copied.ok ? msg('Copied', {id: 'w2f'}) : msg('Copying did not work. The name is selected: press Ctrl+C to copy it.', {id: 'go'})}</span>`
              : nothing}
          </div>
          ${view.nameInOtherLanguage
            ? html`<p class="note">${msg('We know the official name of this theme only in Finnish.', {id: 'w29'})}</p>`
            : nothing}
          ${!view.name && view.known && !this.querySelector('[slot="theme-note"]')
            ? html`<p class="note">${msg('The official name of this theme is not in our list.', {id: 'w2g'})}</p>`
            : nothing}
          ${view.description ? html`<p lang=${view.description.lang}>${view.description.text}</p>` : nothing}
          ${index === 0 ? html`<slot name="theme-note"></slot>` : nothing}
        </article>
      `;
    });
  }

  /** The next action when a mandate is involved: which theme(s) to choose, and the way to Suomi.fi Valtuudet. */
  #renderChoose(views: ThemeView[], level: number): TemplateResult {
    const locale = resolveLocale(this);
    return html`
      <div class="choose" part="choose" role="group" aria-labelledby="${this.#uid}-choose" data-rules="R2 R3">
        ${heading(level, views.length > 1
          ? msg('Choose these mandate themes in Suomi.fi', {id: 'w2b'})
          : views.length
            ? msg('Choose this mandate theme in Suomi.fi', {id: 'w2c'})
            : msg('In Suomi.fi, choose the mandate theme that this service names', {id: 'w2e'}), `${this.#uid}-choose`)}
        ${this.#renderThemes(views, level + 1, true)}
        <p class="actions">
          <a class="cta" href=${VALTUUDET_HOME[locale]} hreflang=${locale} target="_blank" rel="noopener noreferrer"
            >${msg('Go to Suomi.fi Valtuudet', {id: 'gl'})}<span class="visually-hidden"> ${msg('(opens in a new tab)', {id: 'gf'})}</span></a>
          <a href=${views[0]?.page.href ?? THEME_LIST[locale].href} hreflang=${views[0]?.page.hreflang ?? locale} target="_blank" rel="noopener noreferrer"
            >${msg('Mandate themes on Suomi.fi', {id: 'ge'})}<span class="visually-hidden"> ${msg('(opens in a new tab)', {id: 'gf'})}</span></a>
        </p>
      </div>
    `;
  }

  async #copy(text: string, id: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = {id, ok: true};
      this.announcement = localised(this, () => msg(str`Copied: ${text}`, {id: 'gn'}));
    } catch {
      // Clipboard refused (permissions, insecure page): select the name so the citizen can copy it by hand.
      const target = this.renderRoot.querySelector(`#${id}`);
      const selection = getSelection();
      if (target && selection) selection.selectAllChildren(target);
      this.copied = {id, ok: false};
      this.announcement = localised(this, () => msg('Copying did not work. The name is selected: press Ctrl+C to copy it.', {id: 'go'}));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mandate-guide': MandateGuide;
  }
  /** Typed `addEventListener` for the events the guide fires (they bubble and cross shadow roots). */
  interface HTMLElementEventMap {
    'puolesta-situation-change': CustomEvent<SituationChangeDetail>;
    'puolesta-error': CustomEvent<{code: string}>;
  }
}
