import {defineConfig} from 'vite';
import {minifyTemplatesPlugin} from './scripts/minify-templates.mjs';

// Two builds: `vite build` → dist/lib (ESM for bundlers, lit external, catalogue as a lazy chunk);
// `vite build --mode cdn` → dist/cdn/puolesta.js (one classic script with everything, plus the catalogue JSON).
export default defineConfig(({mode}) =>
  mode === 'cdn'
    ? {
        plugins: [minifyTemplatesPlugin()],
        // The generated locale modules only need `str`; the package index would add hashing and runtime setup.
        resolve: {alias: [{find: /^@lit\/localize$/, replacement: '@lit/localize/internal/str-tag.js'}]},
        publicDir: 'src/generated/public',
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          lib: {entry: 'src/cdn.ts', name: 'Puolesta', formats: ['iife'], fileName: () => 'puolesta.js'},
          rolldownOptions: {output: {codeSplitting: false}},
        },
      }
    : {
        plugins: [minifyTemplatesPlugin()],
        publicDir: false,
        build: {
          outDir: 'dist/lib',
          emptyOutDir: true,
          target: 'es2022',
          minify: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              core: 'src/core/index.ts',
              localization: 'src/localization.ts',
              'mandate-guide': 'src/elements/mandate-guide/define.ts',
              'mandate-guide-element': 'src/elements/mandate-guide/mandate-guide.ts',
              'acting-for-selector': 'src/elements/acting-for-selector/define.ts',
              'acting-for-selector-element': 'src/elements/acting-for-selector/acting-for-selector.ts',
              'acting-for-banner': 'src/elements/acting-for-banner/define.ts',
              'acting-for-banner-element': 'src/elements/acting-for-banner/acting-for-banner.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: {external: [/^lit($|\/)/, /^@lit\//]},
        },
      },
);
