/**
 * `import 'puolesta/vue';` (or `"types": ["puolesta/vue"]` in tsconfig) types the three elements in Vue 3
 * templates for vue-tsc / Volar: attributes by their HTML names, and `@puolesta-…` event handlers.
 *
 * At run time Vue must treat the tags as custom elements, not components:
 * `vue({template: {compilerOptions: {isCustomElement: isPuolestaTag}}})` in vite.config, with
 * `import {isPuolestaTag} from 'puolesta/vue'` (or your own test on the three tag names).
 *
 * Shipped as written (not generated): the package's own typecheck has no Vue types, so these lines are
 * checked by the consumer test (test/integrations/consumers.test.mjs) with Vue's and vue-tsc's real typings.
 */
import type {DefineComponent} from 'vue';
import type {
  ActingForBannerAttributes,
  ActingForBannerEvents,
  ActingForSelectorAttributes,
  ActingForSelectorEvents,
  MandateGuideAttributes,
  MandateGuideEvents,
} from './attributes.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** `{'puolesta-error': CustomEvent<…>}` → `{onPuolestaError?: (event: CustomEvent<…>) => void}`, what `@puolesta-error` binds. */
export type VueEventProps<Events> = {
  [K in keyof Events & string as `on${Capitalize<Camel<K>>}`]?: (event: Events[K]) => void;
};

/**
 * Attributes as Vue props. vue-tsc camelizes a template's `heading-level` to `headingLevel` before it looks for
 * the prop, so the keys are camelCase here (templates may use either spelling); a kebab-case key would never be
 * matched and its value never checked. At run time Vue still sets the attribute as written in the template.
 */
export type VueAttributeProps<Attributes> = {
  [K in keyof Attributes as Camel<K & string>]: Attributes[K];
};

export type MandateGuideVueProps = VueAttributeProps<MandateGuideAttributes> & VueEventProps<MandateGuideEvents>;
export type ActingForSelectorVueProps = VueAttributeProps<ActingForSelectorAttributes> & VueEventProps<ActingForSelectorEvents>;
export type ActingForBannerVueProps = VueAttributeProps<ActingForBannerAttributes> & VueEventProps<ActingForBannerEvents>;

/** The tags to give Vue's `isCustomElement`. */
export type PuolestaTag = 'mandate-guide' | 'acting-for-selector' | 'acting-for-banner';
/** `['mandate-guide', 'acting-for-selector', 'acting-for-banner']` (run-time value; plain JS, fine in vite.config). */
export declare const puolestaTags: readonly PuolestaTag[];
/** For `compilerOptions.isCustomElement`: true for the three Puolesta tags. */
export declare function isPuolestaTag(tag: string): tag is PuolestaTag;

declare module 'vue' {
  interface GlobalComponents {
    'mandate-guide': DefineComponent<MandateGuideVueProps>;
    'acting-for-selector': DefineComponent<ActingForSelectorVueProps>;
    'acting-for-banner': DefineComponent<ActingForBannerVueProps>;
  }
}
