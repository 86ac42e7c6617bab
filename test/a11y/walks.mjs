// End-to-end keyboard walks, recorded for the accessibility pack when they pass: one JSON line per walk and engine
// in test-results/a11y/walks.jsonl (scripts/a11y-pack.mjs reads it; npm test empties it first).
import {appendFileSync, mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const WALK_LOG = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-results/a11y/walks.jsonl');

/** `walk`: what was done ({fi, sv, en}), `engine`: chromium | firefox | webkit, `steps`: the keys and stops, in order. */
export function recordWalk({walk, engine, steps}) {
  mkdirSync(dirname(WALK_LOG), {recursive: true});
  appendFileSync(WALK_LOG, `${JSON.stringify({walk, engine, steps, at: new Date().toISOString()})}\n`);
}
