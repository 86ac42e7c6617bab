// Test page for test/integrations/rich-text-editors.test.mjs: a real CKEditor 5 classic editor from the npm
// `ckeditor5` package (bundled by esbuild), in one of the configurations the docs describe. `?config=NAME` picks
// it; the page exposes `window.rte` for the test to drive and read, and `window.rteReady` once the editor is up.
import {
  ClassicEditor,
  Essentials,
  Paragraph,
  Bold,
  Link,
  SourceEditing,
  GeneralHtmlSupport,
  HtmlEmbed,
  FullPage,
} from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';

/** The attributes `<mandate-guide>` takes (custom-elements.json) plus `lang`. */
const GUIDE_ATTRIBUTES = ['theme', 'principal', 'situation', 'heading-level', 'service-channel', 'lang'];
// Roughly Drupal 10/11's "Basic HTML" toolbar: paragraphs, bold, links, and Source editing for pasting code.
const BASE = [Essentials, Paragraph, Bold, Link, SourceEditing];
const TOOLBAR = ['bold', 'link', '|', 'sourceEditing'];

export const CONFIGS = {
  // No General HTML Support: only what the plugins model.
  basic: {plugins: BASE},
  // The obvious configuration: allow the element by its name. ckeditor5#13343.
  'ghs-name': {
    plugins: [...BASE, GeneralHtmlSupport],
    htmlSupport: {allow: [{name: 'mandate-guide', attributes: GUIDE_ATTRIBUTES}]},
  },
  // The same with a regular expression for the name.
  'ghs-regexp': {
    plugins: [...BASE, GeneralHtmlSupport],
    htmlSupport: {allow: [{name: /^mandate-guide$/, attributes: GUIDE_ATTRIBUTES}]},
  },
  // GHS registers every custom element under the one pseudo-name `$customElement`: allowing it switches custom
  // elements on; the second rule then names the element whose attributes are kept.
  'ghs-custom-element': {
    plugins: [...BASE, GeneralHtmlSupport],
    htmlSupport: {allow: [{name: '$customElement'}, {name: 'mandate-guide', attributes: GUIDE_ATTRIBUTES}]},
  },
  // Drupal's "arbitrary HTML" (ckeditor5_arbitraryHtmlSupport, a format without a restricting filter).
  'ghs-all': {
    plugins: [...BASE, GeneralHtmlSupport],
    htmlSupport: {allow: [{name: /.*/, attributes: true, classes: true, styles: true}]},
  },
  // The HTML embed widget: the snippet is stored as raw HTML inside <div class="raw-html-embed">.
  'html-embed': {plugins: [...BASE, HtmlEmbed], toolbar: [...TOOLBAR, 'htmlEmbed']},
  // A whole document (<html>, <head>, <body>) with the working GHS rule.
  'full-page': {
    plugins: [...BASE, GeneralHtmlSupport, FullPage],
    htmlSupport: {allow: [{name: '$customElement'}, {name: 'mandate-guide', attributes: GUIDE_ATTRIBUTES}]},
  },
};

const name = new URLSearchParams(location.search).get('config');
const config = CONFIGS[name];
if (!config) throw new Error(`unknown config ${name}`);

window.rteReady = ClassicEditor.create(document.querySelector('#editor'), {
  licenseKey: 'GPL',
  toolbar: TOOLBAR,
  ...config,
}).then((editor) => {
  window.editor = editor;
  const editable = () => document.querySelector('.ck-editor__editable');
  window.rte = {
    name,
    /** What an editor does with Ctrl+V: a paste event carrying text/html on the editable. */
    paste(html) {
      editor.setData('');
      editor.editing.view.focus();
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', html);
      editable().dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    },
    setData(html) {
      editor.setData(html);
    },
    /** The HTML embed toolbar button's command, given the snippet (what "Save" in the embed box stores). */
    embed(html) {
      editor.setData('');
      editor.execute('htmlEmbed', html);
    },
    getData: () => editor.getData(),
    /**
     * What the editor shows while editing: is the fallback text on screen, is the element there (CKEditor draws
     * an element it does not know as an empty `<span data-ck-unsafe-element>`), does it hold the fallback, and
     * does an HTML embed box show the snippet as source code.
     */
    view(intro) {
      const root = editable();
      const guide = root.querySelector('mandate-guide, [data-ck-unsafe-element="mandate-guide"]');
      return {
        fallbackShown: root.innerText.includes(intro),
        element: guide ? (guide.localName === 'span' ? 'empty placeholder' : 'element') : 'none',
        elementVisible: !!guide && guide.getBoundingClientRect().width * guide.getBoundingClientRect().height > 0,
        sourceShown: [...root.querySelectorAll('textarea')].some((t) => t.value.includes('<mandate-guide')),
      };
    },
  };
  return name;
});
