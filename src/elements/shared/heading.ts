import {html, nothing, type TemplateResult} from 'lit';

/** Clamps a host-given heading level to 2..6 so the element fits any page outline. */
export function toHeadingLevel(value: unknown, fallback = 2): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : fallback;
}

/**
 * A heading at `level` (1..6). role=heading keeps the level dynamic without building tag names from data.
 */
export function heading(level: number, content: unknown, id?: string, part = 'heading'): TemplateResult {
  const clamped = Math.max(1, Math.min(level, 6));
  return html`<div role="heading" aria-level=${clamped} class="heading h${clamped}" part=${part} id=${id ?? nothing}>${content}</div>`;
}
