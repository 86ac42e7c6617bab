import {LitElement, css, html, nothing, type TemplateResult} from 'lit';
import {endpointUrl, type ActingFor} from '../../core/acting-for.js';
import type {Locale} from '../../core/locale.js';
import {msg} from '../../localization.js';
import {emit} from '../shared/events.js';
import {localised, watchLang} from '../shared/lang.js';
import {broadcastChange, CHANNEL_NAME, fetchSession} from '../shared/session.js';
import {tokens} from '../shared/styles.js';

/**
 * Shows, on every page, whose behalf the citizen acts on — name only, never an identity code — with Stop and
 * Switch. Hidden while the citizen acts as themself or when the session cannot be read.
 *
 * Appearing moves nothing on the page (docs/elements.md): a server that knows the session renders the banner
 * into the page as a declarative shadow root (puolesta/server prerenderBanner), which the element takes over
 * at its first session answer; without one, the banner is a bar over the foot of the window, and the element
 * publishes its height as `--puolesta-banner-height` on `<html>` so the page can keep clear of it.
 *
 * @fires puolesta-acting-for-change - the principal changed; detail {type, name} or null
 * @fires puolesta-error - the session could not be read or stop failed; detail {code}
 * @csspart banner - The banner region.
 * @csspart text - "You are acting on behalf of …".
 * @csspart stop - The Stop button.
 * @csspart switch - The Switch link.
 * @cssprop --puolesta-banner-max-width - Width of the host's content column, so text and buttons line up with it (default none: full width).
 * @cssprop --puolesta-banner-padding-inline - Side padding inside that column (default 20px).
 * @cssprop --puolesta-banner-background - Background (default #fff4cc).
 * @cssprop --puolesta-banner-accent - Bottom border colour (default the warning colour).
 */
export class ActingForBanner extends LitElement {
  static override styles = [
    tokens,
    css`
      .banner {
        background: var(--puolesta-banner-background, #fff4cc);
        border-bottom: 4px solid var(--puolesta-banner-accent, var(--_warning));
      }
      /* The content lines up with the host's content column; the background still runs edge to edge. */
      .inner,
      .done {
        /* unset, the var() is invalid and max-width falls back to its initial none */
        max-width: var(--puolesta-banner-max-width);
        margin: auto;
        padding: var(--_s2) var(--puolesta-banner-padding-inline, var(--_s4));
      }
      .inner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_s2) var(--_s4);
      }
      .text {
        margin: 0;
        flex: 1 16rem;
      }
      .name {
        font-weight: 700;
      }
      .done {
        background: var(--_surface);
      }
      /* No server-rendered banner: a bar over the foot of the window (the page keeps clear of it, see above). */
      .over {
        position: fixed;
        inset: auto 0 0;
        z-index: 99;
      }
      @media (forced-colors: active) {
        .banner {
          border: 2px solid CanvasText;
        }
      }
    `,
  ];

  /** Reactive properties (attributes) and internal state: declared statically, which keeps decorator helpers out of the script-tag bundle. */
  static override properties = {
    sessionUrl: {attribute: 'session-url'},
    stopUrl: {attribute: 'stop-url'},
    switchUrl: {attribute: 'switch-url'},
    actingFor: {state: true},
    stop: {state: true},
    announcement: {state: true},
  };

  /**
   * Adapter session endpoint: this site's path, or the e-service's absolute https URL when the banner runs on
   * another origin of the same site (the adapter must list this origin in PUOLESTA_ALLOWED_ORIGINS).
   */
  sessionUrl = '/valtuudet/session';
  /** Adapter stop endpoint (POST): same rules as session-url. */
  stopUrl = '/valtuudet/stop';
  /** Optional page where the citizen picks another principal: this site, or an absolute https URL. */
  switchUrl: string | null = null;

  /** undefined until the first session answer. */
  private actingFor?: ActingFor | null;
  /** Stop: unset or 0 not asked, 1 stopping, 2 failed, 3 done (the confirmation shows). */
  private stop?: number;
  private announcement?: TemplateResult | string;

  /** No declarative shadow root from the page: the banner, when it appears, is a bar over the foot of the window. */
  #over = !this.shadowRoot;
  /** The bar whose height is published on <html> as --puolesta-banner-height, so that the page can keep clear of it. */
  #bar?: HTMLElement;
  #channel?: BroadcastChannel;
  #unwatchLang?: () => void;
  #refreshId = 0;
  readonly #onVisibility = () => {
    if (!document.hidden) void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatchLang = watchLang(this);
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#channel = new BroadcastChannel(CHANNEL_NAME);
    this.#channel.onmessage = () => void this.refresh();
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLang?.();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#channel?.close();
  }

  /** Re-reads the session; the newest request wins so a slow answer cannot overwrite a newer one. */
  async refresh(): Promise<void> {
    const id = ++this.#refreshId;
    const endpoint = endpointUrl(this.sessionUrl, location.href);
    const result = endpoint ? await fetchSession(endpoint.href, undefined, endpoint.crossOrigin) : ({ok: false, code: 'session-url-refused'} as const);
    if (id !== this.#refreshId) return;
    if (!result.ok) emit(this, 'puolesta-error', {code: result.code});
    this.#apply(result.ok ? result.actingFor : null);
  }

  protected override shouldUpdate(): boolean {
    // lit renders before the first node of a declarative root it finds (prerenderBanner puts a comment there).
    // While the root holds the page's banner, it stays until the session answers; then all but that first node
    // go in the same task as the render, so no frame shows it empty (the same markup comes back when the answer
    // agrees).
    const first = this.renderOptions.renderBefore;
    if (first?.nextSibling) {
      if (this.actingFor === undefined) return false;
      this.renderRoot.replaceChildren(first);
    }
    return true;
  }

  protected override updated(): void {
    const bar = this.renderRoot.querySelector<HTMLElement>('.over');
    // One observer per bar (lit keeps the bar while the principal is shown); it reports 0 once the bar is gone.
    if (bar && bar !== this.#bar) new ResizeObserver(() => document.documentElement.style.setProperty('--puolesta-banner-height', `${bar.offsetHeight}px`)).observe((this.#bar = bar));
  }

  #apply(next: ActingFor | null): void {
    const before = this.actingFor;
    const changed = before?.name !== next?.name || before?.type !== next?.type;
    this.actingFor = next;
    if (!changed) return;
    this.stop = 0;
    // A change to nobody always comes from somebody (undefined or null to null is no change).
    this.announcement = localised(this, () => (next ? this.#sentence(next) : msg('You are now acting as yourself.', {id: 'b0'})));
    emit(this, 'puolesta-acting-for-change', next);
  }

  /** The banner's sentence; also what is announced when the principal changes. */
  #sentence(who: ActingFor): TemplateResult {
    return who.type === 'organisation'
      ? msg(html`You are acting on behalf of the organisation <span class="name">${who.name}</span>`, {id: 'b3o'})
      : msg(html`You are acting on behalf of <span class="name">${who.name}</span>`, {id: 'b4'});
  }

  async #stop(): Promise<void> {
    const endpoint = endpointUrl(this.stopUrl, location.href);
    this.stop = 1;
    const ok =
      !!endpoint &&
      (await fetch(endpoint.href, {
        method: 'POST',
        // Another origin of the same site (the e-service) needs its cookies sent; the same origin gets them anyway.
        credentials: 'include',
        headers: {'X-Puolesta': '1'},
        signal: AbortSignal.timeout(5000),
      }).then(
        (response) => response.ok,
        () => false,
      ));
    if (!ok) {
      this.stop = 2;
      emit(this, 'puolesta-error', {code: 'stop-failed'});
      return;
    }
    this.#apply(null);
    this.stop = 3;
    broadcastChange();
    await this.updateComplete;
    // The banner is gone; focus the confirmation that replaced it so keyboard users are not lost.
    this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
  }

  override render(): TemplateResult {
    return localised(this, (locale) => this.#renderIn(locale));
  }

  #renderIn(locale: Locale): TemplateResult {
    const live = html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
    const who = this.actingFor;
    if (!who) {
      return html`${this.stop === 3
          ? html`<p class="done" tabindex="-1" lang=${locale} part="done">${msg('You are now acting as yourself.', {id: 'b0'})}</p>`
          : nothing}${live}`;
    }
    const switchHref = endpointUrl(this.switchUrl, location.href)?.href;
    return html`
      <div class=${this.#over ? 'banner over' : 'banner'} part="banner" role="region" lang=${locale} aria-label=${msg('Acting on behalf of someone else', {id: 'g0'})}>
        <div class="inner">
        <p class="text" part="text">
          ${this.#sentence(who)}
        </p>
          ${switchHref ? html`<a href=${switchHref} part="switch">${msg('Switch', {id: 'b5'})}</a>` : nothing}
          <button type="button" class="primary" part="stop" ?disabled=${this.stop === 1} @click=${this.#stop}>
            ${this.stop === 1 ? msg('Stopping…', {id: 'b6'}) : msg('Stop acting on their behalf', {id: 'b7'})}
          </button>
        ${this.stop === 2 ? html`<p class="text" role="alert">${msg('Stopping did not work. Check your connection and try again.', {id: 'b8'})}</p>` : nothing}
        </div>
      </div>
      ${live}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'acting-for-banner': ActingForBanner;
  }
  /** Typed `addEventListener` for the events the element fires (they bubble and cross shadow roots). */
  interface HTMLElementEventMap {
    'puolesta-acting-for-change': CustomEvent<Pick<ActingFor, 'type' | 'name'> | null>;
    'puolesta-error': CustomEvent<{code: string}>;
  }
}
