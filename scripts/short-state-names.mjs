// The script-tag builds give the elements' private reactive state (declared `{state: true}`, never an attribute,
// not part of the documented API) one- or two-character names, as the minifier already does for `#private`
// members: lit needs these as named properties, so the minifier keeps their full names. Only three forms are
// renamed, per element file: `this.name`, the `name: {state: true}` declaration and `private name`; anything
// else (a same-named key of another object, a string, a CSS class) is left alone. The npm build and the sources
// keep the readable names.

/** Per element source file (path ending), the private state it renames. */
export const PRIVATE_STATE = {
  'mandate-guide/mandate-guide.ts': ['pickedPrincipal', 'pickedSituation', 'chosenPrincipal', 'chosenSituation', 'asking', 'missing', 'extraCatalogue', 'catalogueFailed', 'announcement', 'copied'],
  'acting-for-selector/acting-for-selector.ts': ['choice', 'busy', 'result', 'resultMode', 'principal', 'problem', 'announcement'],
  'acting-for-banner/acting-for-banner.ts': ['actingFor', 'stop', 'announcement'],
};

const all = [...new Set(Object.values(PRIVATE_STATE).flat())];
const shortName = new Map(all.map((name, i) => [name, `$${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`]));

/** `source` with its private state renamed (see above); fails when a listed name is not declared as state. */
export function shortStateNames(source, file) {
  const key = Object.keys(PRIVATE_STATE).find((k) => file.replace(/\\/g, '/').endsWith(`/elements/${k}`));
  if (!key) return source;
  let out = source;
  for (const name of PRIVATE_STATE[key]) {
    const declared = new RegExp(`\\b${name}: \\{state: true\\}`);
    if (!declared.test(out) || !new RegExp(`\\bprivate ${name}\\b`).test(out)) throw new Error(`${file}: ${name} is not private reactive state`);
    const short = shortName.get(name);
    out = out
      .replace(new RegExp(`\\bthis\\.${name}\\b`, 'g'), `this.${short}`)
      .replace(declared, `${short}: {state: true}`)
      .replace(new RegExp(`\\bprivate ${name}\\b`), `private ${short}`);
  }
  return out;
}

export function shortStateNamesPlugin() {
  return {
    name: 'puolesta-short-state-names',
    enforce: 'pre',
    transform(code, id) {
      const out = shortStateNames(code, id);
      return out === code ? null : {code: out, map: null};
    },
  };
}
