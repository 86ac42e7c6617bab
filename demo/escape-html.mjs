/** Text for HTML text or a quoted attribute value: the five characters that could end either are escaped. */
export const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
