import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {VALTUUDET_HOME, type Locale} from '../../core/locale.js';
import {fetchChannelThemes, type PtvFailure, type PtvTheme} from '../../core/ptv.js';
import {Catalogue, describeTheme, parseThemeList, type ThemeView} from '../../core/themes.js';
import {parsePrincipal, parseSituation, triage, type Guidance, type Principal, type Situation} from '../../core/triage.js';
import {themes as municipalThemes} from '../../generated/themes-municipal.js';
import {inLocale, msg, str} from '../../localization.js';
import {emit, shorten} from '../shared/events.js';
import {heading, toHeadingLevel} from '../shared/heading.js';
import {resolveLocale, watchLang} from '../shared/lang.js';
import {choices, tokens} from '../shared/styles.js';
import {loadFullCatalogue} from './catalogue-loader.js';
import {
  principalHint,
  principalLegend,
  principalOptions,
  renderGuidance,
  renderVerdict,
  situationHint,
  situationLegend,
  situationOptions,
} from './guidance-view.js';
import {guideStyles} from './styles.js';

const bundled = new Catalogue(municipalThemes);

type PtvState = {status: 'idle'} | {status: 'loading'} | {status: 'ok'; themes: PtvTheme[]} | {status: 'failed'; reason: PtvFailure};

export interface SituationChangeDetail {
  principal: Principal | null;
  situation: Situation | null;
  mandateNeeded: boolean | null;
}

let instances = 0;

/**
 * Tells a citizen whether they need a Suomi.fi mandate for this matter, which theme exactly, and how to
 * get it. Presets come from attributes; what is missing it asks with radio fieldsets.
 *
 * @fires puolesta-situation-change - the citizen's answers changed; detail {principal, situation, mandateNeeded}
 * @fires puolesta-error - a PTV or catalogue lookup failed, or an attribute was refused; detail {code}
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

  /** Space-separated theme ids: bare slugs or `http://valtuusrekisteri.suomi.fi/<slug>` URIs. */
  @property() theme: string | null = null;
  /** PTV service channel GUID; its connections' digitalAuthorizations name the themes. */
  @property({attribute: 'service-channel'}) serviceChannel: string | null = null;
  /** PTV service GUID: only that connection of the channel. */
  @property() service: string | null = null;
  /** PTV OUT API base (https or same origin). */
  @property({attribute: 'ptv-base'}) ptvBase: string | null = null;
  /** Preset `person` | `minor` | `company`; otherwise the guide asks. */
  @property() principal: string | null = null;
  /** Preset `on-behalf` | `joint` | `alone`; otherwise the guide asks. */
  @property() situation: string | null = null;
  /** Level of the guide's main heading, 1–6 (default 2). */
  @property({attribute: 'heading-level'}) headingLevel: string | null = null;
  /** Where to load the full theme catalogue from when a theme is not bundled (https or same origin). */
  @property({attribute: 'catalogue-url'}) catalogueUrl: string | null = null;

  @state() private chosenPrincipal?: Principal;
  @state() private chosenSituation?: Situation;
  @state() private ptv: PtvState = {status: 'idle'};
  @state() private extraCatalogue?: Catalogue;
  @state() private catalogueFailed = false;
  @state() private announcement = '';

  private readonly uid = `mg${++instances}`;
  private unwatchLang?: () => void;
  private ptvAbort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLang = watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLang?.();
    this.ptvAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('serviceChannel') || changed.has('service') || changed.has('ptvBase')) this.loadPtv();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') || changed.has('catalogueUrl') || changed.has('ptv' as keyof MandateGuide)) this.loadCatalogueIfNeeded();
  }

  private get presetPrincipal(): Principal | undefined {
    return parsePrincipal(this.principal);
  }
  private get presetSituation(): Situation | undefined {
    return parseSituation(this.situation);
  }
  private get currentPrincipal(): Principal | undefined {
    return this.presetPrincipal ?? this.chosenPrincipal;
  }
  private get currentSituation(): Situation | undefined {
    return this.presetSituation ?? this.chosenSituation;
  }

  private loadPtv(): void {
    this.ptvAbort?.abort();
    if (!this.serviceChannel) {
      this.ptv = {status: 'idle'};
      return;
    }
    const abort = (this.ptvAbort = new AbortController());
    this.ptv = {status: 'loading'};
    fetchChannelThemes({
      base: this.ptvBase,
      channelId: this.serviceChannel,
      serviceId: this.service,
      pageUrl: location.href,
      signal: abort.signal,
    }).then(
      (result) => {
        if (abort.signal.aborted) return;
        this.ptv = result.ok ? {status: 'ok', themes: result.themes} : {status: 'failed', reason: result.reason};
        if (!result.ok) emit(this, 'puolesta-error', {code: `ptv-${result.reason}`});
      },
      () => undefined, // aborted by a newer request or by disconnect
    );
  }

  /** Theme slugs to show: PTV's when it answered with themes, else the `theme` attribute. */
  private get themeSlugs(): {slugs: string[]; invalid: string[]} {
    if (this.ptv.status === 'ok') return {slugs: this.ptv.themes.map((t) => t.slug), invalid: []};
    return parseThemeList(this.theme);
  }

  private loadCatalogueIfNeeded(): void {
    const unknown = this.themeSlugs.slugs.filter((slug) => !bundled.has(slug) && !this.extraCatalogue?.has(slug));
    if (unknown.length === 0 || this.extraCatalogue || this.catalogueFailed) return;
    loadFullCatalogue(this.catalogueUrl).then(
      (records) => (this.extraCatalogue = new Catalogue(records)),
      () => {
        this.catalogueFailed = true;
        emit(this, 'puolesta-error', {code: 'catalogue-unavailable'});
      },
    );
  }

  private themeViews(locale: Locale): ThemeView[] {
    const ptvNames = new Map(this.ptv.status === 'ok' ? this.ptv.themes.map((t) => [t.slug, t.names]) : []);
    return this.themeSlugs.slugs.map((slug) =>
      describeTheme(slug, bundled.get(slug) ?? this.extraCatalogue?.get(slug), locale, ptvNames.get(slug)),
    );
  }

  private get catalogueLoading(): boolean {
    return !this.extraCatalogue && !this.catalogueFailed && this.themeSlugs.slugs.some((s) => !bundled.has(s));
  }

  override render(): TemplateResult {
    const locale = resolveLocale(this);
    return inLocale(locale, () => this.renderIn(locale));
  }

  private renderIn(locale: Locale): TemplateResult {
    const level = toHeadingLevel(this.headingLevel);
    const principal = this.currentPrincipal;
    const situation = this.currentSituation;
    const guidance = principal && situation ? triage(principal, situation) : undefined;
    const views = this.catalogueLoading ? [] : this.themeViews(locale);
    const showFallback = this.ptv.status === 'failed' || views.some((v) => !v.known);
    return html`
      <section part="container" class="guide" lang=${locale} aria-labelledby="${this.uid}-title">
        ${heading(level, msg('Acting on behalf of someone else', {id: 'g0'}), `${this.uid}-title`)}
        ${this.renderNotices(views)}
        ${showFallback ? html`<div class="fallback" part="fallback"><slot></slot></div>` : nothing}
        ${this.presetPrincipal && this.presetSituation ? nothing : this.renderQuestions(principal)}
        ${guidance ? this.renderAnswer(guidance, views, locale, level) : this.renderPending(views, level)}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </section>
    `;
  }

  private renderNotices(views: ThemeView[]): TemplateResult[] {
    const notices: TemplateResult[] = [];
    const say = (text: string) => notices.push(html`<p class="notice" part="notice">${text}</p>`);
    // While PTV answers, the `theme` attribute is shown (usually the same theme), so nothing jumps; only a
    // guide with nothing to show yet says it is loading.
    if ((this.ptv.status === 'loading' && views.length === 0 && !this.theme) || this.catalogueLoading) {
      notices.push(html`<p class="notice loading" part="notice" role="status">${msg('Loading the mandate details…', {id: 'g1'})}</p>`);
    }
    if (this.ptv.status === 'failed') {
      say(
        this.ptv.reason === 'empty'
          ? msg('The service description does not name a mandate theme for this service.', {id: 'g2'})
          : msg('We could not load the mandate details from the service description right now.', {id: 'g3'}),
      );
    }
    for (const token of this.ptv.status === 'ok' ? [] : this.themeSlugs.invalid) {
      say(msg(str`"${shorten(token)}" is not a mandate theme id, so it was left out.`, {id: 'g4'}));
    }
    for (const view of views.filter((v) => !v.known)) {
      say(
        this.catalogueFailed
          ? msg(str`We could not check the mandate theme "${shorten(view.slug)}" right now.`, {id: 'g5'})
          : msg(str`We do not know a mandate theme called "${shorten(view.slug)}". Please check the service's own instructions.`, {id: 'g6'}),
      );
    }
    if (this.principal !== null && !this.presetPrincipal) {
      say(msg(str`The page gave an unknown choice "${shorten(this.principal)}" for whose matter this is. Please choose below.`, {id: 'g7'}));
    }
    if (this.situation !== null && !this.presetSituation) {
      say(msg(str`The page gave an unknown choice "${shorten(this.situation)}" for how the matter is shared. Please choose below.`, {id: 'g8'}));
    }
    return notices;
  }

  private renderQuestions(principal: Principal | undefined): TemplateResult {
    const radios = <T extends string>(
      name: string,
      legend: string,
      hint: string,
      options: {value: T; label: string; hint: string}[],
      current: T | undefined,
      preset: boolean,
      onPick: (value: T) => void,
    ) => {
      if (preset) return nothing;
      const hintId = `${this.uid}-${name}-hint`;
      return html`
        <fieldset class="question" aria-describedby=${hintId}>
          <legend>${legend}</legend>
          <p class="hint" id=${hintId}>${hint}</p>
          ${options.map(
            (option) => html`
              <label class="option">
                <input
                  type="radio"
                  name="${this.uid}-${name}"
                  .value=${option.value}
                  .checked=${option.value === current}
                  aria-describedby="${this.uid}-${name}-${option.value}"
                  @change=${() => onPick(option.value)}
                />
                <span class="label">${option.label}</span>
                <span class="hint" id="${this.uid}-${name}-${option.value}">${option.hint}</span>
              </label>
            `,
          )}
        </fieldset>
      `;
    };
    return html`
      <form part="questions" class="questions" @submit=${(e: Event) => e.preventDefault()}>
        ${radios('principal', principalLegend(), principalHint(), principalOptions(), principal, !!this.presetPrincipal, (v) => {
          this.chosenPrincipal = v;
          this.answered();
        })}
        ${radios('situation', situationLegend(), situationHint(principal), situationOptions(principal), this.currentSituation, !!this.presetSituation, (v) => {
          this.chosenSituation = v;
          this.answered();
        })}
      </form>
    `;
  }

  private answered(): void {
    const principal = this.currentPrincipal ?? null;
    const situation = this.currentSituation ?? null;
    const guidance = principal && situation ? triage(principal, situation) : undefined;
    const locale = resolveLocale(this);
    this.announcement = inLocale(locale, () =>
      guidance
        ? guidance.mandateNeeded
          ? msg('Guidance updated below: you need a mandate.', {id: 'g9'})
          : msg('Guidance updated below: you do not need a mandate.', {id: 'ga'})
        : '',
    );
    emit<SituationChangeDetail>(this, 'puolesta-situation-change', {
      principal,
      situation,
      mandateNeeded: guidance ? guidance.mandateNeeded : null,
    });
  }

  private renderPending(views: ThemeView[], level: number): TemplateResult {
    return html`${this.renderThemes(views, level + 1)}`;
  }

  private renderAnswer(guidance: Guidance, views: ThemeView[], locale: Locale, level: number): TemplateResult {
    return html`
      <div class="answer">
        ${renderVerdict(guidance)}
        ${guidance.mandateNeeded ? this.renderThemes(views, level + 1) : nothing}
        ${guidance.mandateNeeded ? this.renderChoose(views, locale, level + 1, guidance.specifierHint) : nothing}
        ${renderGuidance(guidance, level + 1)}
      </div>
    `;
  }

  private renderThemes(views: ThemeView[], level: number): TemplateResult | typeof nothing {
    if (views.length === 0) return nothing;
    return html`${views.map(
      (view, index) => html`
        <article class="theme" part="theme" aria-labelledby="${this.uid}-theme-${index}">
          <p class="eyebrow">${msg('Mandate theme', {id: 'gb'})}</p>
          ${heading(level, view.name ? html`<span lang=${view.name.lang}>${view.name.text}</span>` : view.slug, `${this.uid}-theme-${index}`, 'theme-name')}
          ${view.nameInOtherLanguage
            ? html`<p class="note">${msg('This theme has an official name in Finnish only. Suomi.fi shows the same name.', {id: 'gc'})}</p>`
            : nothing}
          ${!view.name && view.known
            ? html`<p class="note">${msg('Our list has no official name for this theme. Search Suomi.fi for the service or ask the service for the theme name.', {id: 'gd'})}</p>`
            : nothing}
          ${view.description ? html`<p lang=${view.description.lang}>${view.description.text}</p>` : nothing}
          ${index === 0 ? html`<slot name="theme-note"></slot>` : nothing}
          <p>
            <a href=${view.page.href} hreflang=${view.page.hreflang} target="_blank" rel="noopener noreferrer"
              >${msg('Mandate themes on Suomi.fi', {id: 'ge'})}<span class="visually-hidden"> ${msg('(opens in a new tab)', {id: 'gf'})}</span></a
            >
          </p>
        </article>
      `,
    )}`;
  }

  private renderChoose(views: ThemeView[], locale: Locale, level: number, specifierHint: boolean): TemplateResult {
    const named = views.filter((v) => v.name);
    return html`
      <div class="choose" part="choose" role="group" aria-labelledby="${this.uid}-choose">
        ${heading(level, msg('What to choose in Suomi.fi', {id: 'gg'}), `${this.uid}-choose`)}
        ${named.length
          ? html`<p>${msg('In Suomi.fi Valtuudet, choose the mandate theme with exactly this name:', {id: 'gh'})}</p>
              <ul class="copy-list">
                ${named.map(
                  (view, i) => html`<li>
                    <span class="theme-name" id="${this.uid}-copy-${i}" lang=${view.name!.lang}>${view.name!.text}</span>
                    <button type="button" aria-describedby="${this.uid}-copy-${i}" @click=${() => this.copy(view.name!.text, i)}>
                      ${msg('Copy name', {id: 'gi'})}
                    </button>
                  </li>`,
                )}
              </ul>`
          : html`<p>${msg('Choose the mandate theme that the service names in its instructions.', {id: 'gj'})}</p>`}
        ${specifierHint
          ? html`<p class="hint">${msg('If Suomi.fi asks for a specifier, you can limit the mandate, for example to this municipality or to one property.', {id: 'gk'})}</p>`
          : nothing}
        <p>
          <a class="cta" href=${VALTUUDET_HOME[locale]} hreflang=${locale} target="_blank" rel="noopener noreferrer"
            >${msg('Go to Suomi.fi Valtuudet', {id: 'gl'})}<span class="visually-hidden"> ${msg('(opens in a new tab)', {id: 'gf'})}</span></a
          >
        </p>
        <p class="hint">
          ${msg('Suomi.fi opens in a new tab. Come back to this page when the mandate is in force: a request takes effect only after the other party accepts it.', {id: 'gm'})}
        </p>
      </div>
    `;
  }

  private async copy(text: string, index: number): Promise<void> {
    const locale = resolveLocale(this);
    try {
      await navigator.clipboard.writeText(text);
      this.announcement = inLocale(locale, () => msg(str`Copied: ${text}`, {id: 'gn'}));
    } catch {
      // Clipboard refused (permissions, insecure page): select the name so the citizen can copy it by hand.
      const target = this.renderRoot.querySelector(`#${this.uid}-copy-${index}`);
      const selection = getSelection();
      if (target && selection) selection.selectAllChildren(target);
      this.announcement = inLocale(locale, () => msg('Copying did not work. The name is selected: press Ctrl+C to copy it.', {id: 'go'}));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mandate-guide': MandateGuide;
  }
}
