// The test server's side of test/a11y/record.ts: one JSON line per axe run, with the engine that ran it, in
// test-results/a11y/axe.jsonl (emptied when the run starts), for scripts/a11y-pack.mjs.
import {appendFileSync, mkdirSync, rmSync} from 'node:fs';
import {dirname} from 'node:path';

export const AXE_LOG = 'test-results/a11y/axe.jsonl';
const ENGINE = (name) => (/firefox/i.test(name) ? 'firefox' : /webkit|minibrowser|safari/i.test(name) ? 'webkit' : 'chromium');

export function a11yRecorderPlugin(file = AXE_LOG) {
  return {
    name: 'puolesta-a11y',
    serverStart() {
      rmSync(file, {force: true});
      mkdirSync(dirname(file), {recursive: true});
    },
    executeCommand({command, payload, session}) {
      if (command !== 'puolesta-a11y') return undefined;
      appendFileSync(file, `${JSON.stringify({...payload, engine: ENGINE(`${session.browser.name} ${session.browser.type ?? ''}`), browser: session.browser.name})}\n`);
      return true;
    },
  };
}
