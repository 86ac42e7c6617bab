/**
 * <puolesta-builder>: the editor's kit. Find the theme, choose presets, look at the real element at three
 * widths, copy a snippet pinned with integrity, and the CSP sources it needs. Light DOM: it is the page itself,
 * styled by builder.css. Every choice is kept in the URL (state.ts).
 */
import {html, LitElement, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import type {Locale} from '../core/locale.js';
import {MAX_THEMES} from '../core/themes.js';
import {PRINCIPALS, SITUATIONS, type Principal, type Situation} from '../core/triage.js';
import catalogueJson from '../../data/mandate-themes.json';
import keywordsJson from '../../data/search-keywords.json';
import {themes as bundledThemes} from '../generated/themes-municipal.js';
import {ThemeFinder, type CatalogueCategory, type CatalogueTheme, type Keywords, type ThemeHit} from './search.js';
import {cspLines, elementHtml, elementModel, headHtml, prerendered, scriptModel, type Release} from './snippet.js';
import type {PrerenderPack} from '../core/prerender.js';
import {HEADING_LEVELS, PAGE_LANGS, WIDTHS, parseChannel, parseFilesFolder, queryFromState, stateFromQuery, type BuilderState, type PageLang, type Width} from './state.js';

declare const __PUOLESTA_RELEASE__: Release;
const RELEASE = __PUOLESTA_RELEASE__;
const finder = new ThemeFinder(catalogueJson.themes as CatalogueTheme[], catalogueJson.categories as CatalogueCategory[], keywordsJson.keywords as Keywords);
const BUNDLED = new Set(bundledThemes.map((t) => t.s));
const isBundled = (slug: string) => BUNDLED.has(slug);
const COPIED_MS = 5000;

const UI_LANGS: Array<[Locale, string]> = [['fi', 'Suomeksi'], ['sv', 'På svenska'], ['en', 'In English']];

const principalLabel = (p: Principal) =>
  ({
    person: msg('An adult', {id: 'b.p.person'}),
    minor: msg('A child (under 18)', {id: 'b.p.minor'}),
    company: msg('A company', {id: 'b.p.company'}),
    association: msg('An association', {id: 'b.p.assoc'}),
    'housing-company': msg('A housing company', {id: 'b.p.housing'}),
    foundation: msg('A foundation', {id: 'b.p.found'}),
    estate: msg('An estate of a deceased person', {id: 'b.p.estate'}),
    organisation: msg('Another organisation', {id: 'b.p.org'}),
  })[p];
const situationLabel = (s: Situation) =>
  ({
    'on-behalf': msg('One person acts for another', {id: 'b.s.behalf'}),
    joint: msg('Several people share the matter, one acts', {id: 'b.s.joint'}),
    alone: msg('The service lets one person handle a shared matter alone (no mandate)', {id: 'b.s.alone'}),
  })[s];
const pageLangLabel = (p: PageLang) =>
  ({
    fi: msg('Finnish', {id: 'b.l.fi'}),
    sv: msg('Swedish', {id: 'b.l.sv'}),
    en: msg('English', {id: 'b.l.en'}),
    multi: msg('Several languages: the guide follows the page', {id: 'b.l.multi'}),
  })[p];
const widthLabel = (w: Width) =>
  ({320: msg('Phone, 320 px', {id: 'b.w.320'}), 768: msg('Tablet, 768 px', {id: 'b.w.768'}), 1280: msg('Desktop, 1 280 px', {id: 'b.w.1280'})})[w];

type CopyTarget = 'head' | 'body' | 'csp';

export class PuolestaBuilder extends LitElement {
  static properties = {
    state: {state: true},
    query: {state: true},
    hits: {state: true},
    open: {state: true},
    active: {state: true},
    status: {state: true},
    copied: {state: true},
    copyNote: {state: true},
    channelInput: {state: true},
    filesInput: {state: true},
    filesConfirmed: {state: true},
    pack: {state: true},
  };

  state: BuilderState = stateFromQuery(location.search, (slug) => finder.has(slug));
  query = '';
  hits: ThemeHit[] = [];
  open = false;
  active = -1;
  /** polite announcement of search results and of added or removed themes */
  status = '';
  copied: CopyTarget | null = null;
  /** assertive announcement of the copy result */
  copyNote = '';
  channelInput = this.state.channel;
  filesInput = this.state.files;
  /**
   * A shared link can point the snippet at another site's folder: until the editor confirms it, no code is
   * written with it. A folder the editor types in is their own choice.
   */
  filesConfirmed = !this.state.files || sameOrigin(this.state.files);
  private copiedTimer?: ReturnType<typeof setTimeout>;
  /** The release's ready-made guides (prerender.json next to this tool), `null` when it could not be loaded. */
  pack: PrerenderPack | null | undefined = undefined;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('message', this.onFrameMessage);
    // The pack of the release this tool was built with, checked against its pinned integrity.
    const file = RELEASE.files['prerender.json'];
    fetch(new URL(`cdn/${RELEASE.version}/prerender.json`, location.href), {integrity: file?.integrity})
      .then((response) => (response.ok ? response.json() : null))
      .then((pack: PrerenderPack | null) => (this.pack = pack), () => (this.pack = null));
  }
  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('message', this.onFrameMessage);
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('state')) {
      const query = queryFromState(this.state);
      if (location.search.slice(1) !== query) history.replaceState(null, '', `?${query}`);
    }
  }

  private set(patch: Partial<BuilderState>) {
    this.state = {...this.state, ...patch};
  }

  /** The folder the snippet points at: the editor's, else this builder's own copy of the pinned files. */
  private get folder(): string {
    return this.state.files || new URL(`cdn/${RELEASE.version}/`, location.href).href;
  }

  private useOwnFiles = () => {
    this.filesInput = '';
    this.filesConfirmed = true;
    this.set({files: ''});
  };

  private get ready(): boolean {
    return this.state.source === 'ptv' ? !!this.state.channel : this.state.themes.length > 0;
  }

  // --- the theme finder (combobox with a listbox popup, as in the ARIA Authoring Practices) -------------------

  private onSearchInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.hits = finder.search(this.query, this.state.ui).filter((hit) => !this.state.themes.includes(hit.slug));
    this.open = this.query.trim().length > 0;
    this.active = -1;
    this.status = !this.open
      ? ''
      : this.hits.length
        ? msg(str`Themes found: ${this.hits.length}. Move through them with the arrow keys and choose with Enter.`, {id: 'b.found'})
        : msg('No theme found. Try the beginning of a word, or check the spelling.', {id: 'b.none'});
  }

  private onSearchKey(event: KeyboardEvent) {
    const count = this.hits.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        // Alt+Down only opens the list; Down also moves to the next theme.
        if (!this.open && this.query.trim()) this.open = true;
        if (count && !event.altKey) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter':
        if (this.open && this.active >= 0 && this.hits[this.active]) {
          event.preventDefault();
          this.choose(this.hits[this.active]);
        }
        break;
      case 'Escape':
        if (this.open) {
          this.open = false;
          this.active = -1;
        } else {
          this.query = '';
          this.hits = [];
          this.status = '';
        }
        break;
    }
  }

  private choose(hit: ThemeHit) {
    if (this.state.themes.length >= MAX_THEMES) {
      this.status = msg(str`A guide takes at most ${MAX_THEMES} themes.`, {id: 'b.max'});
      return;
    }
    this.set({themes: [...this.state.themes, hit.slug]});
    this.query = '';
    this.hits = [];
    this.open = false;
    this.active = -1;
    this.status = msg(str`Added: ${hit.name.text}.`, {id: 'b.added'});
    this.querySelector<HTMLInputElement>('#search')?.focus();
  }

  private removeTheme(slug: string) {
    const at = this.state.themes.indexOf(slug);
    const name = finder.describe(slug, this.state.ui)?.name.text ?? slug;
    this.set({themes: this.state.themes.filter((s) => s !== slug)});
    this.status = msg(str`Removed: ${name}.`, {id: 'b.removed'});
    // Focus stays in the list: the next theme's Remove button, else the search field.
    this.updateComplete.then(() => {
      const buttons = this.querySelectorAll<HTMLButtonElement>('.chosen button');
      (buttons[Math.min(at, buttons.length - 1)] ?? this.querySelector<HTMLInputElement>('#search'))?.focus();
    });
  }

  // --- preview --------------------------------------------------------------------------------------------

  /**
   * The frame says its content changed size; the builder measures the frame's body itself (same origin) rather
   * than trusting a number in a message. WebKit does not give a message's source as the frame's own window, so
   * the source is not compared; the origin is.
   */
  private readonly onFrameMessage = (event: MessageEvent) => {
    const frame = this.querySelector('iframe');
    if (event.origin !== location.origin || event.data?.type !== 'puolesta-preview-resized' || !frame) return;
    const height = frame.contentDocument?.body?.getBoundingClientRect().height ?? 0;
    if (height > 0) frame.style.height = `${Math.min(Math.ceil(height), 6000)}px`;
  };

  private setWidth(width: Width) {
    this.set({width});
    // A width chosen with a button overrides a frame resized by hand.
    const frame = this.querySelector<HTMLElement>('.frame');
    if (frame) frame.style.width = '';
  }

  // --- copying --------------------------------------------------------------------------------------------

  private async copy(target: CopyTarget) {
    const code = this.querySelector<HTMLElement>(`#code-${target}`);
    if (!code) return;
    clearTimeout(this.copiedTimer);
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      this.copied = target;
      this.copyNote = msg('Code copied.', {id: 'b.copied'});
      this.copiedTimer = setTimeout(() => {
        this.copied = null;
        this.copyNote = '';
      }, COPIED_MS);
    } catch {
      // No clipboard (permission, old browser): select the code so Ctrl+C works.
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      this.copied = null;
      this.copyNote = msg('Copying did not work. The code is selected: press Ctrl+C (Cmd+C on a Mac).', {id: 'b.copyfail'});
    }
  }

  private codeBlock(target: CopyTarget, label: string, code: string): TemplateResult {
    return html`<div class="code">
      <pre tabindex="0" aria-label=${label}><code id=${`code-${target}`}>${code}</code></pre>
      <button type="button" class="copy" @click=${() => this.copy(target)} aria-describedby=${`code-${target}`}>
        ${this.copied === target ? msg('Copied', {id: 'b.copiedbtn'}) : msg('Copy code', {id: 'b.copy'})}
      </button>
    </div>`;
  }

  // --- rendering ------------------------------------------------------------------------------------------

  override render() {
    const ui = this.state.ui;
    return html`
      <header class="top">
        <div class="wrap">
          <p class="brand">Puolesta</p>
          <nav aria-label=${msg('Language', {id: 'b.langnav'})}>
            <ul class="langs">
              ${UI_LANGS.map(([lang, label]) => html`<li>
                <a href=${`?${queryFromState({...this.state, ui: lang})}`} lang=${lang} hreflang=${lang} aria-current=${lang === ui ? 'page' : nothing}>${label}</a>
              </li>`)}
            </ul>
          </nav>
        </div>
      </header>
      <main class="wrap" id="main">
        <h1>${msg('The mandate guide on your own page', {id: 'b.title'})}</h1>
        <p class="lead">${msg('Find the mandate theme of your service, choose the settings, check the preview and copy the code to your page. The code works under a strict Content Security Policy.', {id: 'b.lead'})}</p>
        <p><a href=${HELP_PAGES[ui]}>${msg('Help for web editors: each step, each publishing system, and what to do when the guide does not show', {id: 'b.help'})}</a></p>
        ${this.renderTheme()} ${this.renderSettings()} ${this.renderPreview()} ${this.renderCode()}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.status}</div>
        <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.copyNote}</div>
      </main>
    `;
  }

  private renderTheme() {
    const {source, themes} = this.state;
    return html`<section aria-labelledby="h-theme">
      <h2 id="h-theme">${msg('1. Mandate theme', {id: 'b.h1'})}</h2>
      <fieldset class="choices">
        <legend>${msg('How do you choose the theme?', {id: 'b.src'})}</legend>
        <label><input type="radio" name="source" value="catalogue" .checked=${source === 'catalogue'} @change=${() => this.set({source: 'catalogue'})}>
          ${msg('I search the list of mandate themes', {id: 'b.src.cat'})}</label>
        <label><input type="radio" name="source" value="ptv" .checked=${source === 'ptv'} @change=${() => this.set({source: 'ptv'})}>
          ${msg('I give the service channel id from PTV (the Finnish Service Catalogue)', {id: 'b.src.ptv'})}</label>
      </fieldset>
      ${source === 'catalogue'
        ? html`<div class="field">
              <label for="search">${msg('Search for a mandate theme', {id: 'b.search'})}</label>
              <p class="hint" id="search-hint">${msg('Type a word from the name or description in Finnish, Swedish or English, or the theme id. For example: varhaiskasvatus, pysäköinti, betyg.', {id: 'b.searchhint'})}</p>
              <div class="combo">
                <input id="search" type="text" role="combobox" autocomplete="off" spellcheck="false"
                  aria-autocomplete="list" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="results"
                  aria-describedby="search-hint" aria-activedescendant=${this.open && this.active >= 0 ? `hit-${this.active}` : nothing}
                  .value=${this.query} @input=${this.onSearchInput} @keydown=${this.onSearchKey}
                  @blur=${() => (this.open = false)}>
                <ul id="results" role="listbox" aria-label=${msg('Mandate themes found', {id: 'b.results'})} ?hidden=${!this.open || !this.hits.length}>
                  ${this.hits.map((hit, i) => html`<li role="option" id=${`hit-${i}`} aria-selected=${i === this.active ? 'true' : 'false'}
                      @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(hit)}>
                    ${this.themeText(hit)}
                  </li>`)}
                </ul>
              </div>
            </div>
            <h3>${msg('Chosen themes', {id: 'b.chosen'})}</h3>
            ${themes.length
              ? html`<ul class="chosen">
                  ${themes.map((slug) => {
                    const hit = finder.describe(slug, this.state.ui)!;
                    return html`<li>${this.themeText(hit)}
                      <button type="button" @click=${() => this.removeTheme(slug)} aria-label=${msg(str`Remove ${hit.name.text}`, {id: 'b.remove.name'})}>${msg('Remove', {id: 'b.remove'})}</button>
                    </li>`;
                  })}
                </ul>`
              : html`<p class="empty">${msg('None yet. Search above and choose one or more themes.', {id: 'b.nothemes'})}</p>`}`
        : this.parsedField({
            id: 'channel',
            type: 'text',
            label: msg('Service channel id in PTV', {id: 'b.channel'}),
            hint: msg('The guide reads the mandate themes from the service description in PTV. The id looks like 7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a3c70.', {id: 'b.channelhint'}),
            error: msg('This is not a PTV id. Copy the id from the service channel page in PTV.', {id: 'b.channelerr'}),
            raw: this.channelInput,
            parse: parseChannel,
            keep: (raw, parsed) => {
              this.channelInput = raw;
              this.set({channel: parsed});
            },
          })}
    </section>`;
  }

  /**
   * A text field kept as typed, whose parsed value ('' when it does not parse) goes into the state: while
   * non-empty text does not parse, the error shows and the field is marked invalid.
   */
  private parsedField(field: {
    id: string;
    type: 'text' | 'url';
    label: string;
    hint: string;
    error: string;
    raw: string;
    parse: (raw: string) => string | undefined;
    keep: (raw: string, parsed: string) => void;
  }) {
    const {id} = field;
    const invalid = field.raw.trim() !== '' && !field.parse(field.raw);
    return html`<div class="field">
      <label for=${id}>${field.label}</label>
      <p class="hint" id="${id}-hint">${field.hint}</p>
      ${invalid ? html`<p class="error" id="${id}-error">${field.error}</p>` : nothing}
      <input id=${id} type=${field.type} autocomplete="off" spellcheck="false" .value=${field.raw}
        aria-describedby=${invalid ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid=${invalid ? 'true' : 'false'}
        @input=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          field.keep(raw, field.parse(raw) ?? '');
        }}>
    </div>`;
  }

  /** A theme as the editor reads it: name (marked when in another language), id, category, who grants it. */
  private themeText(hit: ThemeHit) {
    const facts = [
      hit.category?.text,
      hit.principal === 'company' ? msg('Given by organisations', {id: 'b.by.org'}) : hit.principal === 'any' ? msg('Given by persons and organisations', {id: 'b.by.any'}) : undefined,
    ].filter(Boolean);
    return html`<span class="theme"><span class="name" lang=${hit.name.lang === this.state.ui ? nothing : hit.name.lang}>${hit.name.text}</span>
      <span class="meta"><code>${hit.slug}</code>${facts.length ? html` · ${facts.join(' · ')}` : nothing}</span></span>`;
  }

  private renderSettings() {
    const s = this.state;
    const select = <T extends string | number>(id: string, label: string, value: T | undefined, options: Array<[T | '', string]>, onChange: (v: string) => void, hint?: string) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        <select id=${id} aria-describedby=${hint ? `${id}-hint` : nothing} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${String(v) === String(value ?? '')}>${text}</option>`)}
        </select>
      </div>`;
    const ask = msg('The guide asks (default)', {id: 'b.ask'});
    return html`<section aria-labelledby="h-settings">
      <h2 id="h-settings">${msg('2. Settings', {id: 'b.h2'})}</h2>
      ${select('principal', msg('Whose matter is it?', {id: 'b.principal'}), s.principal, [['', ask], ...PRINCIPALS.map((p): [Principal, string] => [p, principalLabel(p)])],
        (v) => this.set({principal: (PRINCIPALS as readonly string[]).includes(v) ? (v as Principal) : undefined}),
        msg('If the service is only for one kind, choose it here; the guide then skips the question.', {id: 'b.principalhint'}))}
      ${select('situation', msg('Who handles the matter?', {id: 'b.situation'}), s.situation, [['', ask], ...SITUATIONS.map((x): [Situation, string] => [x, situationLabel(x)])],
        (v) => this.set({situation: (SITUATIONS as readonly string[]).includes(v) ? (v as Situation) : undefined}))}
      ${select('heading', msg('Heading level of the guide', {id: 'b.heading'}), s.heading, HEADING_LEVELS.map((n): [number, string] => [n, n === 2 ? msg('Level 2 (default)', {id: 'b.h2default'}) : msg(str`Level ${n}`, {id: 'b.level'})]),
        (v) => this.set({heading: Number(v)}),
        msg('Choose the level that fits under the headings of your page.', {id: 'b.headinghint'}))}
      ${select('page', msg('Language of your page', {id: 'b.page'}), s.page, PAGE_LANGS.map((p): [PageLang, string] => [p, pageLangLabel(p)]),
        (v) => this.set({page: (PAGE_LANGS as readonly string[]).includes(v) ? (v as PageLang) : s.page}),
        msg('A page in one language gets a smaller file with only that language.', {id: 'b.pagehint'}))}
    </section>`;
  }

  private renderPreview() {
    const query = queryFromState(this.state);
    return html`<section aria-labelledby="h-preview">
      <h2 id="h-preview">${msg('3. Preview', {id: 'b.h3'})}</h2>
      <div class="widths" role="group" aria-label=${msg('Width of the preview', {id: 'b.widths'})}>
        ${WIDTHS.map((w) => html`<button type="button" aria-pressed=${this.state.width === w ? 'true' : 'false'} @click=${() => this.setWidth(w)}>${widthLabel(w)}</button>`)}
      </div>
      <p class="hint">${msg('You can also change the width by dragging the lower right corner of the frame.', {id: 'b.drag'})}</p>
      ${this.ready
        ? html`<div class="stage"><div class=${`frame w${this.state.width}`}>
            <iframe src=${`preview.html?${query}`} title=${msg('Preview of the mandate guide', {id: 'b.frame'})}></iframe>
          </div></div>`
        : html`<p class="empty">${msg('The preview appears when you have chosen a theme or given a PTV id.', {id: 'b.nopreview'})}</p>`}
    </section>`;
  }

  private renderCode() {
    const header = html`<h2 id="h-code">${msg('4. Code for your page', {id: 'b.h4'})}</h2>
      ${this.parsedField({
        id: 'files',
        type: 'url',
        label: msg('Address of the Puolesta files', {id: 'b.files'}),
        hint: msg(str`The https folder where your organisation serves the files of version ${RELEASE.version}. Leave empty to use the copy next to this tool: ${new URL(`cdn/${RELEASE.version}/`, location.href).href}`, {id: 'b.fileshint'}),
        error: msg('Give a full https address of a folder, for example https://www.kunta.fi/puolesta/.', {id: 'b.fileserr'}),
        raw: this.filesInput,
        parse: parseFilesFolder,
        keep: (raw, parsed) => {
          this.filesInput = raw;
          this.filesConfirmed = true;
          this.set({files: parsed});
        },
      })}
      ${this.state.files && !sameOrigin(this.state.files) && this.filesConfirmed
        ? html`<p class="hint">${msg(str`The files come from another site: ${new URL(this.state.files).origin}.`, {id: 'b.foreign.note'})}</p>`
        : nothing}`;
    if (!this.filesConfirmed) {
      const origin = new URL(this.state.files).origin;
      return html`<section aria-labelledby="h-code">${header}
        <div class="warning" role="group" aria-labelledby="h-foreign">
          <h3 id="h-foreign">${msg('Check the address of the files', {id: 'b.foreign.title'})}</h3>
          <p>${msg(str`The link you opened takes the files from ${origin}, which is not the site of this tool. The code would load the guide from there. Use the address only if your organisation publishes the Puolesta files there.`, {id: 'b.foreign.link'})}</p>
          <p class="actions">
            <button type="button" @click=${() => (this.filesConfirmed = true)}>${msg(str`Use the files from ${origin}`, {id: 'b.foreign.use'})}</button>
            <button type="button" @click=${this.useOwnFiles}>${msg('Use the copy next to this tool', {id: 'b.foreign.own'})}</button>
          </p>
        </div></section>`;
    }
    if (!this.ready) {
      return html`<section aria-labelledby="h-code">${header}
        <p class="empty">${msg('The code appears when you have chosen a theme or given a PTV id.', {id: 'b.nocode'})}</p></section>`;
    }
    if (this.pack === undefined && !this.state.plain && this.state.source === 'catalogue' && this.state.page !== 'multi') {
      return html`<section aria-labelledby="h-code">${header}<p class="empty" role="status">${msg('Preparing the code…', {id: 'b.preparing'})}</p></section>`;
    }
    const script = scriptModel(this.state, RELEASE, this.folder);
    const element = elementModel(this.state, (slug, lang) => finder.describe(slug, lang)?.name ?? {text: slug, lang: 'fi'});
    const made = prerendered(this.state, this.pack ?? undefined, this.folder);
    const ready = 'template' in made ? made : undefined;
    const csp = cspLines(this.state, this.folder, isBundled, !!ready);
    const why = 'reason' in made ? {
      plain: undefined,
      ptv: msg('A guide that reads its theme from PTV cannot be made ready in advance, so this is the short code.', {id: 'b.why.ptv'}),
      multi: msg('On a page that changes language the guide cannot be written in advance in one language, so this is the short code.', {id: 'b.why.multi'}),
      unavailable: msg('The ready-made guide could not be loaded, so this is the short code. Reload the page to try again.', {id: 'b.why.unavailable'}),
    }[made.reason] : undefined;
    return html`<section aria-labelledby="h-code">${header}
      <div class="field check">
        <input type="checkbox" id="plain" .checked=${this.state.plain} aria-describedby="plain-hint" @change=${(e: Event) => this.set({plain: (e.target as HTMLInputElement).checked})}>
        <label for="plain">${msg('My publishing system removes the ready-made guide from the code', {id: 'b.plain'})}</label>
        <p class="hint" id="plain-hint">${msg('For example a text editor that removes the template element. You then get the short code: the page waits for the script, and the guide appears when the script has run.', {id: 'b.plainhint'})}</p>
      </div>
      ${why ? html`<p class="hint">${why}</p>` : nothing}
      <h3>${msg('In the head of the page', {id: 'b.head'})}</h3>
      <p>${ready
        ? msg('Put these lines in the head section of the page. With the stylesheet the guide looks right as soon as the page appears; the script is deferred, so the page does not wait for it. The integrity values make the browser refuse a file if even one byte has changed.', {id: 'b.placement2'})
        : msg('Put this in the head section of the page, before the page’s other scripts, as it is: no defer or async. The guide is then laid out before the page is shown, and nothing moves. The integrity value makes the browser refuse the file if even one byte has changed.', {id: 'b.placement'})}</p>
      ${this.codeBlock('head', msg('Code for the head of the page', {id: 'b.headlabel'}), headHtml(script, this.pack ?? undefined, this.folder, !!ready))}
      <p class="hint">${msg(str`File: ${script.file}, version ${RELEASE.version}. The file at this address never changes; a new version gets a new folder.`, {id: 'b.pinned'})}</p>
      <h3>${msg('Where the guide appears', {id: 'b.body'})}</h3>
      <p>${ready
        ? msg('Put this where the guide should be on the page. The guide’s text is already in the code, so it shows at once, also without JavaScript; the script then makes the questions and buttons work. Do not edit the template part. The paragraph at the end is shown where the guide cannot ask its questions (without JavaScript) or cannot be shown (an old browser); edit it if you like.', {id: 'b.bodyhelp2'})
        : msg('Put this where the guide should be on the page. The paragraph inside is shown when JavaScript does not run; edit it if you like.', {id: 'b.bodyhelp'})}</p>
      ${this.codeBlock('body', msg('Code for the guide', {id: 'b.bodylabel'}), elementHtml(element, ready))}
      <h3>${msg('Content Security Policy', {id: 'b.csp'})}</h3>
      <p>${msg('If your site sends a Content-Security-Policy header, add these sources to it. No unsafe-inline or unsafe-eval is needed.', {id: 'b.csphelp'})}</p>
      ${csp.some((line) => line.startsWith('connect-src')) ? html`<p class="hint">${this.state.source === 'ptv'
        ? msg('connect-src: the guide reads the service from PTV and theme names from the Puolesta files folder.', {id: 'b.cspptv'})
        : msg('connect-src: a chosen theme is not in the file itself, so the guide reads its name from the Puolesta files folder.', {id: 'b.cspcat'})}</p>` : nothing}
      ${this.codeBlock('csp', msg('CSP sources', {id: 'b.csplabel'}), csp.join('\n'))}
      <h3>${msg('Pasting it into a publishing system', {id: 'b.cms'})}</h3>
      <p><a href=${HELP_PAGES[this.state.ui]}>${msg('Help for web editors: each step, each publishing system, and what to do when the guide does not show', {id: 'b.help'})}</a></p>
      <ul class="cms">
        <li><strong>WordPress:</strong> ${msg('install the Puolesta plugin and add the mandate guide block: it loads the pinned script for you and keeps the element for every role.', {id: 'b.wp'})}</li>
        <li><strong>Drupal:</strong> ${msg('enable the Puolesta module and place the mandate guide block on the page. Do not paste the code into CKEditor: it removes the script.', {id: 'b.drupal'})}</li>
        <li><strong>Liferay:</strong> ${msg('an administrator adds the Puolesta client extension; you then add the guide to the page as a widget.', {id: 'b.liferay'})}</li>
      </ul>
    </section>`;
  }
}

/** The editors' help, a static page per language next to the builder. */
const HELP_PAGES = {fi: './ohje.html', sv: './hjalp.html', en: './help.html'} as const;

function sameOrigin(folder: string): boolean {
  return new URL(folder).origin === location.origin;
}

if (!customElements.get('puolesta-builder')) customElements.define('puolesta-builder', PuolestaBuilder);
