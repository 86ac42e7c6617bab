// `puolesta/react` and `puolesta/vue`: typings written by hand in src/frameworks/*.d.ts (they augment React's
// JSX.IntrinsicElements and Vue's GlobalComponents, whose types this package does not install), copied next to
// the tsc output they import, plus the tiny run-time modules that make `import 'puolesta/react'` resolve.
// Checked by test/integrations/consumers.test.mjs against the real React 19 and Vue 3 typings.
import {copyFileSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';

const types = 'dist/lib/types/frameworks';
if (!existsSync(`${types}/attributes.d.ts`)) throw new Error(`${types}/attributes.d.ts is missing: run tsc -p tsconfig.build.json first`);
mkdirSync(types, {recursive: true});
for (const name of ['react', 'vue']) copyFileSync(`src/frameworks/${name}.d.ts`, `${types}/${name}.d.ts`);

writeFileSync('dist/lib/react.js', '// Types only: see dist/lib/types/frameworks/react.d.ts.\nexport {};\n');
writeFileSync(
  'dist/lib/vue.js',
  `// Types: dist/lib/types/frameworks/vue.d.ts. For Vue's compilerOptions.isCustomElement:
export const puolestaTags = Object.freeze(['mandate-guide', 'acting-for-selector', 'acting-for-banner']);
export const isPuolestaTag = (tag) => puolestaTags.includes(tag);
`,
);
console.log('framework typings: dist/lib/types/frameworks/{react,vue}.d.ts, dist/lib/{react,vue}.js');
