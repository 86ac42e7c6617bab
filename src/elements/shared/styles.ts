import {css} from 'lit';

/**
 * Suomi.fi design tokens as defaults behind --puolesta-* custom properties. Custom properties cross the
 * shadow boundary, so a host page themes every element from its own stylesheet.
 */
export const tokens = css`
  :host {
    --_font: var(--puolesta-font-family, 'Source Sans 3', 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif);
    --_size: var(--puolesta-font-size, 18px);
    --_line: var(--puolesta-line-height, 1.5);
    --_text: var(--puolesta-color-text, #212121);
    --_muted: var(--puolesta-color-text-secondary, #5f686d);
    --_bg: var(--puolesta-color-background, #ffffff);
    --_surface: var(--puolesta-color-surface, #eaf2fa);
    --_border: var(--puolesta-color-border, #c8cdd0);
    --_brand: var(--puolesta-color-brand, #00357a);
    --_link: var(--puolesta-color-link, #2a6ebb);
    --_focus: var(--puolesta-color-focus, #e86717);
    --_info: var(--puolesta-color-info, #2a6ebb);
    --_warning: var(--puolesta-color-warning, #f6af09);
    --_alert: var(--puolesta-color-alert, #ae332d);
    --_success: var(--puolesta-color-success, #09a580);
    --_on-brand: var(--puolesta-color-on-brand, #ffffff);
    --_s1: var(--puolesta-space-xs, 5px);
    --_s2: var(--puolesta-space-s, 10px);
    --_s3: var(--puolesta-space-m, 15px);
    --_s4: var(--puolesta-space-l, 20px);
    --_radius: var(--puolesta-radius, 2px);
    display: block;
    overflow-wrap: break-word;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: var(--_line);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  a {
    color: var(--_link);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .heading {
    overflow-wrap: anywhere;
    font-weight: 600;
    color: var(--_text);
    margin: var(--_s4) 0 var(--_s2);
  }
  .h1 { font-size: 2.2em; line-height: 1.2; }
  .h2 { font-size: 1.55em; line-height: 1.25; }
  .h3 { font-size: 1.22em; line-height: 1.3; }
  .h4, .h5, .h6 { font-size: 1em; }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: var(--_s1) var(--_s3);
    border-radius: var(--_radius);
    border: 2px solid var(--_brand);
    background: var(--_bg);
    color: var(--_brand);
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    background: var(--_surface);
  }
  button.primary {
    background: var(--_brand);
    color: var(--_on-brand);
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    button {
      border-color: ButtonText;
    }
  }
`;

/**
 * Radio choices as bordered cards (legend, hint, option with its hint under the label), the error under a
 * question and a disclosure's summary: guide and selector.
 */
export const choices = css`
  fieldset {
    border: 0;
    padding: 0;
    min-width: 0;
    margin: 0 0 var(--_s3);
  }
  .error {
    color: var(--_alert);
    font-weight: 600;
  }
  summary {
    cursor: pointer;
    padding: var(--_s1) 0;
    color: var(--_link);
    font-weight: 600;
  }
  legend {
    font-weight: 600;
    font-size: 1.1em;
    padding: 0;
    margin-bottom: var(--_s1);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_s2);
    align-items: start;
    padding: var(--_s2);
    margin-bottom: var(--_s1);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_brand);
    box-shadow: inset 4px 0 0 var(--_brand);
  }
  /* Drawn, not native: WebKitGTK draws an unchecked radio with a 1.6:1 grey ring (WCAG 1.4.11 asks 3:1), and
     one look across engines and elements. The ring is the text colour; the dot is the brand colour. */
  .option input {
    appearance: none;
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    border: 2px solid var(--_text);
    border-radius: 50%;
    background: var(--_bg);
    grid-row: span 2;
  }
  .option input:checked {
    border-color: var(--_brand);
    box-shadow: inset 0 0 0 4px var(--_bg);
    background: var(--_brand);
  }
  .option:focus-within {
    border-color: var(--_brand);
  }
  @media (forced-colors: active) {
    /* The forced palette would paint the drawn dot over: keep it, in system colours. */
    .option input:checked {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      box-shadow: inset 0 0 0 4px Canvas;
    }
  }
  .option .label {
    font-weight: 600;
  }
  .option .hint {
    grid-column: 2;
  }
  /* :focus, not only :focus-visible: WebKit (Safari) stops matching :focus-visible when arrow keys move focus
     within a radio group, and the ring would vanish while the keyboard user chooses. */
  .option input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
