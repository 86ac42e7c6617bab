/**
 * The `<script>` element of the file that is running, for the script-tag builds. `document.currentScript` can
 * be clobbered: markup such as `<img name="currentScript">` on the page shadows it, and a file that trusted it
 * would load its parts from wherever that markup points. The getter on Document.prototype cannot be shadowed.
 */
// What the getter returns is a script element or null: an SVG <script> has no `src`, so callers skip it.
export const ownScript = (): HTMLScriptElement | null => Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')!.get!.call(document);
