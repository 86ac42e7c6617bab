// Test page for test/integrations/rich-text-editors.test.mjs: a real, self-hosted TinyMCE from the npm `tinymce`
// package (the page loads node_modules/tinymce/tinymce.min.js, which loads its theme, model, icons and skin from
// its own folder), in one of the configurations the docs describe. `?config=NAME` picks it; the page exposes
// `window.rte` for the test to drive and read, and `window.rteReady` once the editor is up.
/* global tinymce */

const ATTRIBUTES = 'theme|principal|situation|heading-level|service-channel|lang';

export const CONFIGS = {
  // Nothing added: TinyMCE's HTML5 schema.
  defaults: {},
  // The element as a block element with its attributes.
  block: {extended_valid_elements: `mandate-guide[${ATTRIBUTES}]`, custom_elements: 'mandate-guide'},
  // The element as an inline element (`~`): a <p> may not sit inside it.
  inline: {extended_valid_elements: `mandate-guide[${ATTRIBUTES}]`, custom_elements: '~mandate-guide'},
  // The inline form, with the paragraph allowed inside by valid_children.
  'inline-children': {
    extended_valid_elements: `mandate-guide[${ATTRIBUTES}]`,
    custom_elements: '~mandate-guide',
    valid_children: '+mandate-guide[p]',
  },
  // TinyMCE 7's object form: the element behaves like a <div>, with its attributes.
  'object-form': {custom_elements: {'mandate-guide': {extends: 'div', attributes: ATTRIBUTES.split('|')}}},
};

const name = new URLSearchParams(location.search).get('config');
const config = CONFIGS[name];
if (!config) throw new Error(`unknown config ${name}`);

window.rteReady = tinymce
  .init({
    target: document.querySelector('#editor'),
    // Self-hosted under the GPL (TinyMCE 7): no cloud, no API key.
    license_key: 'gpl',
    menubar: false,
    promotion: false,
    branding: false,
    ...config,
  })
  .then(([editor]) => {
    window.editor = editor;
    window.rte = {
      name,
      /** What an editor does with Ctrl+V: a paste event carrying text/html on the editable body. */
      paste(html) {
        editor.setContent('');
        editor.focus();
        const body = editor.getBody();
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', html);
        const event = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
        body.dispatchEvent(event);
      },
      setData(html) {
        editor.setContent(html);
      },
      getData: () => editor.getContent(),
      /** What the editor shows while editing (inside its iframe): the fallback text, the element and its size. */
      view(intro) {
        const body = editor.getBody();
        const guide = body.querySelector('mandate-guide');
        return {
          fallbackShown: body.innerText.includes(intro),
          element: guide ? (guide.textContent.includes(intro) ? 'element' : 'empty element') : 'none',
          elementVisible: !!guide && guide.getBoundingClientRect().width * guide.getBoundingClientRect().height > 0,
          sourceShown: false,
        };
      },
    };
    return name;
  });
