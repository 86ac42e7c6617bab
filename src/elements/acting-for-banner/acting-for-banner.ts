import {LitElement, css, html, nothing, type TemplateResult} from 'lit';
import {endpointUrl, type ActingFor} from '../../core/acting-for.js';
import type {Locale} from '../../core/locale.js';
import {msg, str} from '../../localization.js';
import {emit} from '../shared/events.js';
import {localised, watchLang} from '../shared/lang.js';
import {broadcastChange, CHANNEL_NAME, fetchSession} from '../shared/session.js';
import {tokens} from '../shared/styles.js';

/**
 * Shows, on every page, whose behalf the citizen acts on — name only, never an identity code — with Stop and
 * Switch. Hidden while the citizen acts as themself or when the session cannot be read.
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
        color: var(--_text);
      }
      /* The content lines up with the host's content column; the background still runs edge to edge. */
      .inner,
      .done {
        max-width: var(--puolesta-banner-max-width, none);
        margin: 0 auto;
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
        flex: 1 1 16rem;
      }
      .name {
        font-weight: 700;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_s2) var(--_s3);
        align-items: center;
      }
      .done {
        background: var(--_surface);
      }
      .done:focus {
        outline: none;
      }
      .done:focus-visible {
        outline: 3px solid var(--_focus);
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
    stopping: {state: true},
    stopFailed: {state: true},
    stoppedName: {state: true},
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

  private actingFor: ActingFor | null = null;
  private stopping = false;
  private stopFailed = false;
  private stoppedName: string | null = null;
  private announcement = '';

  #channel?: BroadcastChannel;
  #unwatchLang?: () => void;
  #refreshId = 0;
  readonly #onVisibility = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatchLang = watchLang(this);
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(CHANNEL_NAME);
      this.#channel.onmessage = () => void this.refresh();
    }
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLang?.();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#channel?.close();
    this.#channel = undefined;
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

  #apply(next: ActingFor | null): void {
    const before = this.actingFor;
    const changed = before?.name !== next?.name || before?.type !== next?.type;
    this.actingFor = next;
    if (!changed) return;
    if (next) this.stoppedName = null;
    this.announcement = localised(this, () =>
      next ? this.#sentence(next) : before ? msg('You are now acting as yourself.', {id: 'b0'}) : '',
    );
    emit(this, 'puolesta-acting-for-change', next ? {type: next.type, name: next.name} : null);
  }

  #sentence(who: ActingFor): string {
    return who.type === 'organisation'
      ? msg(str`You are acting on behalf of the organisation ${who.name}`, {id: 'b1o'})
      : msg(str`You are acting on behalf of ${who.name}`, {id: 'b2'});
  }

  async #stop(): Promise<void> {
    const endpoint = endpointUrl(this.stopUrl, location.href);
    const name = this.actingFor?.name ?? null;
    this.stopping = true;
    this.stopFailed = false;
    let ok = false;
    if (endpoint) {
      try {
        const response = await fetch(endpoint.href, {
          method: 'POST',
          credentials: endpoint.crossOrigin ? 'include' : 'same-origin',
          headers: {'X-Puolesta': '1'},
          signal: AbortSignal.timeout(5000),
        });
        ok = response.ok;
      } catch {
        ok = false;
      }
    }
    this.stopping = false;
    if (!ok) {
      this.stopFailed = true;
      emit(this, 'puolesta-error', {code: 'stop-failed'});
      return;
    }
    this.stoppedName = name;
    this.#apply(null);
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
      return html`${this.stoppedName
          ? html`<p class="done" tabindex="-1" lang=${locale} part="done">${msg('You are now acting as yourself.', {id: 'b0'})}</p>`
          : nothing}${live}`;
    }
    const switchHref = this.switchUrl ? endpointUrl(this.switchUrl, location.href)?.href : undefined;
    return html`
      <div class="banner" part="banner" role="region" lang=${locale} aria-label=${msg('Acting on behalf of someone else', {id: 'g0'})}>
        <div class="inner">
        <p class="text" part="text">
          ${who.type === 'organisation'
            ? msg(html`You are acting on behalf of the organisation <span class="name">${who.name}</span>`, {id: 'b3o'})
            : msg(html`You are acting on behalf of <span class="name">${who.name}</span>`, {id: 'b4'})}
        </p>
        <div class="actions">
          ${switchHref ? html`<a href=${switchHref} part="switch">${msg('Switch', {id: 'b5'})}</a>` : nothing}
          <button type="button" class="primary" part="stop" ?disabled=${this.stopping} aria-busy=${this.stopping} @click=${this.#stop}>
            ${this.stopping ? msg('Stopping…', {id: 'b6'}) : msg('Stop acting on their behalf', {id: 'b7'})}
          </button>
        </div>
        ${this.stopFailed ? html`<p class="text" role="alert">${msg('Stopping did not work. Check your connection and try again.', {id: 'b8'})}</p>` : nothing}
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
