// Carries <target>s from an older XLIFF into the current one by identical <source> text, for when message
// ids change. Usage: node scripts/carry-translations.mjs old.xlf locales/fi.xlf
import {readFileSync, writeFileSync} from 'node:fs';

const [from, to] = process.argv.slice(2);
const unit = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>([\s\S]*?)<\/target>)?/g;
const known = new Map();
for (const m of readFileSync(from, 'utf8').matchAll(unit)) if (m[4] !== undefined) known.set(m[2], m[4]);
let carried = 0;
const out = readFileSync(to, 'utf8').replace(unit, (whole, id, source, hasTarget) => {
  if (hasTarget || !known.has(source)) return whole;
  carried++;
  return `${whole}\n  <target>${known.get(source)}</target>`;
});
writeFileSync(to, out);
console.log(`${to}: carried ${carried} translation(s) from ${from}`);
