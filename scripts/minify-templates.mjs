// Vite plugin: collapses the whitespace inside lit `html` and `css` tagged templates, which minifiers leave
// alone. HTML runs of whitespace become one space (never removed, so inline text keeps its spaces); CSS also
// loses comments, the spaces around punctuation, leading zeros and doubled hex digits, and the internal
// custom properties get one-letter names. Expressions inside `${…}`
// keep their code; templates nested in them (`${items.map((i) => html`…`)}`) are squeezed the same way.

/** Finds `html\`…\`` and `css\`…\`` templates and rewrites their static parts. */
export function minifyTemplates(source) {
  let out = '';
  let i = 0;
  const tag = /\b(html|css)`/g;
  let match;
  while ((match = tag.exec(source))) {
    const start = match.index + match[0].length;
    if (start < i) continue;
    out += source.slice(i, start);
    const {parts, end} = readTemplate(source, start);
    const squeeze = match[1] === 'css' ? squeezeCss : squeezeHtml;
    out += parts.map((p) => (p.static ? squeeze(p.text) : minifyTemplates(p.text))).join('');
    i = end;
    tag.lastIndex = end;
  }
  return out + source.slice(i);
}

/** Reads a template literal body starting after its backtick → static and expression parts, and the end index. */
export function readTemplate(src, pos) {
  const parts = [];
  let text = '';
  while (pos < src.length) {
    const ch = src[pos];
    if (ch === '\\') {
      text += src.slice(pos, pos + 2);
      pos += 2;
    } else if (ch === '`') {
      parts.push({static: true, text}, {static: false, text: '`'});
      return {parts, end: pos + 1};
    } else if (ch === '$' && src[pos + 1] === '{') {
      parts.push({static: true, text});
      text = '';
      const end = skipExpression(src, pos + 2);
      parts.push({static: false, text: src.slice(pos, end)});
      pos = end;
    } else {
      text += ch;
      pos++;
    }
  }
  throw new Error('unterminated template literal');
}

/** Index just after the `}` that closes an expression starting at `pos`, skipping strings and templates. */
function skipExpression(src, pos) {
  let depth = 1;
  while (pos < src.length) {
    const ch = src[pos];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return pos + 1;
    else if (ch === "'" || ch === '"') {
      pos++;
      while (src[pos] !== ch) pos += src[pos] === '\\' ? 2 : 1;
    } else if (ch === '`') {
      pos = readTemplate(src, pos + 1).end;
      continue;
    } else if (ch === '/' && src[pos + 1] === '/') {
      pos = src.indexOf('\n', pos);
      continue;
    }
    pos++;
  }
  throw new Error('unterminated expression');
}

const squeezeHtml = (text) => text.replace(/\s+/g, ' ');

/**
 * The elements' internal custom properties (`--_name`, set on :host in src/elements/shared/styles.ts from the
 * public `--puolesta-*` ones and read only inside the shadow roots) get one capital letter each: `--_A`, `--_B`, ….
 * Sources name them in lower case, so a short name cannot meet a long one; a name not listed here is kept.
 */
const TOKENS = ['font', 'size', 'line', 'text', 'muted', 'bg', 'surface', 'border', 'brand', 'link', 'focus', 'info', 'warning', 'alert', 'success', 'on-brand', 's1', 's2', 's3', 's4', 'radius'];
const shortToken = (name) => (TOKENS.includes(name) ? String.fromCharCode(65 + TOKENS.indexOf(name)) : name);
const squeezeCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/--_([a-z0-9-]+)/g, (_, name) => `--_${shortToken(name)}`)
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/\s+!important/g, '!important')
    .replace(/([^\w.])0\.(\d)/g, '$1.$2')
    .replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3')
    .replace(/;}/g, '}');

export function minifyTemplatesPlugin() {
  return {
    name: 'puolesta-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return {code: minifyTemplates(code), map: null};
    },
  };
}
