/**
 * The `<script>` element of the file that is running, for the script-tag builds. `document.currentScript` can
 * be clobbered: markup such as `<img name="currentScript">` on the page shadows it, and a file that trusted it
 * would load its parts from wherever that markup points. The getter on Document.prototype cannot be shadowed,
 * and only a real HTMLScriptElement is taken.
 */
const currentScript = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get;

export function ownScript(): HTMLScriptElement | null {
  const element: unknown = currentScript?.call(document);
  return element instanceof HTMLScriptElement ? element : null;
}
