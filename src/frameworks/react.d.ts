/**
 * `import 'puolesta/react';` (or `"types": ["puolesta/react"]` in tsconfig) types the three elements in React 19
 * JSX: attributes by their HTML names, and the elements' events as `onpuolesta-…` props.
 *
 * React 19 passes a prop whose name starts with `on` on a custom element to `addEventListener` with the rest of
 * the name exactly as written, so the event props are lower-case: `onpuolesta-error`, not `onPuolestaError`.
 * Other props: a name the element has as a property (`theme`, `principal`, `situation`, `service`, `modes`) is
 * set as that property, the rest (`heading-level`, `session-url`, …) as attributes; both mean the same.
 *
 * Shipped as written (not generated): the package's own typecheck has no React types, so these lines are
 * checked by the consumer test (test/integrations/consumers.test.mjs) with React 19's real typings.
 */
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {MandateGuide} from '../elements/mandate-guide/mandate-guide.js';
import type {ActingForSelector} from '../elements/acting-for-selector/acting-for-selector.js';
import type {ActingForBanner} from '../elements/acting-for-banner/acting-for-banner.js';
import type {
  ActingForBannerAttributes,
  ActingForBannerEvents,
  ActingForSelectorAttributes,
  ActingForSelectorEvents,
  MandateGuideAttributes,
  MandateGuideEvents,
} from './attributes.js';

/** `{'puolesta-error': CustomEvent<…>}` → `{'onpuolesta-error'?: (event: CustomEvent<…>) => void}`. */
export type ReactEventProps<Events> = {
  [K in keyof Events & string as `on${K}`]?: (event: Events[K]) => void;
};

/** JSX props of a custom element: React's HTML props (ref, key, className, children, …), its attributes and events. */
export type ReactElementProps<Element extends HTMLElement, Attributes, Events> = DetailedHTMLProps<HTMLAttributes<Element>, Element> &
  Attributes &
  ReactEventProps<Events>;

export type MandateGuideProps = ReactElementProps<MandateGuide, MandateGuideAttributes, MandateGuideEvents>;
export type ActingForSelectorProps = ReactElementProps<ActingForSelector, ActingForSelectorAttributes, ActingForSelectorEvents>;
export type ActingForBannerProps = ReactElementProps<ActingForBanner, ActingForBannerAttributes, ActingForBannerEvents>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mandate-guide': MandateGuideProps;
      'acting-for-selector': ActingForSelectorProps;
      'acting-for-banner': ActingForBannerProps;
    }
  }
}
