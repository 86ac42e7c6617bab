// After `vite build --mode builder`: the pinned release (dist/cdn/<version>/, with integrity.json) goes into
// dist/builder/cdn/<version>/, so the static builder folder previews exactly the files its snippets pin and can
// be hosted anywhere on its own.
import {cpSync, readFileSync, rmSync} from 'node:fs';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist/builder/cdn', {recursive: true, force: true});
cpSync(`dist/cdn/${version}`, `dist/builder/cdn/${version}`, {recursive: true});
console.log(`builder: dist/builder/ with the pinned files of ${version}`);
