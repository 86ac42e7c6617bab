/** Every event we fire bubbles and crosses shadow roots, so a host app can listen on document. */
export function emit<T>(target: EventTarget, name: `puolesta-${string}`, detail: T): void {
  target.dispatchEvent(new CustomEvent(name, {detail, bubbles: true, composed: true}));
}

/** Shortens hostile or very long values before they are shown (as text) in a message. */
export function shorten(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
