/**
 * axe in a unit test, recorded for the accessibility pack: runs axe-core once on the element (WCAG 2.0–2.2 A/AA
 * rules), sends the outcome to the test server (which notes the browser engine and writes
 * test-results/a11y/axe.jsonl), then fails the test on any violation, with the rule and the target.
 */
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{target: unknown[]}>;
}
interface AxeRun {
  violations: AxeResult[];
  passes: AxeResult[];
  incomplete: AxeResult[];
  inapplicable: AxeResult[];
}
declare global {
  interface Window {
    axe?: {run(context: Element, options: object): Promise<AxeRun>};
  }
}

/** Which element, in which state and language: the pack's row. */
export interface A11yCase {
  element: 'mandate-guide' | 'acting-for-selector' | 'acting-for-banner';
  state: string;
  lang: string;
}

export async function expectAccessible(el: Element, which: A11yCase): Promise<void> {
  if (!window.axe) await import('axe-core/axe.min.js' as string);
  const result = await window.axe!.run(el, {runOnly: {type: 'tag', values: AXE_TAGS}});
  const ids = (list: AxeResult[]) => list.map((r) => r.id).sort();
  await executeServerCommand('puolesta-a11y', {
    ...which,
    violations: result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' '))})),
    passes: ids(result.passes),
    incomplete: ids(result.incomplete),
  });
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe: ${which.element} ${which.state} ${which.lang}`).to.deep.equal([]);
}
