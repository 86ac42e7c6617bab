// The accessibility pack of a release, from the test run that just finished (npm test runs this last):
//   test-results/a11y/axe.jsonl    every axe run of the unit tests: element × state × language × engine
//   test-results/a11y/walks.jsonl  the keyboard walks the end-to-end tests passed, per engine
//   docs/accessibility/*.json      the manual checks still needed and the dated known issues
// → dist/a11y-pack/index.html (the report), statement.{fi,sv,en}.md (text for a municipality's accessibility
//   statement, Act 306/2019, in the shape of the Suomi.fi and HDS statements) and results.json.
// Fails when an engine that ran has no axe results for an element, or when any run found a violation.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {escapeHtml} from '../demo/escape-html.mjs';

const root = new URL('..', import.meta.url).pathname;
const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');
const lines = (path) => read(path).split('\n').filter(Boolean).map((line) => JSON.parse(line));
const {version} = JSON.parse(read('package.json'));
const axeVersion = JSON.parse(read('node_modules/axe-core/package.json')).version;
const runs = lines('test-results/a11y/axe.jsonl');
const walks = lines('test-results/a11y/walks.jsonl');
const {issues} = JSON.parse(read('docs/accessibility/known-issues.json'));
const {checks} = JSON.parse(read('docs/accessibility/manual-checks.json'));
const today = new Date().toISOString().slice(0, 10);
const ELEMENTS = ['mandate-guide', 'acting-for-selector', 'acting-for-banner'];
const ENGINE_NAMES = {chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit'};
const engines = [...new Set(runs.map((r) => r.engine))].sort();

const problems = [];
if (!runs.length) problems.push('no axe results: run the unit tests first (npm test, or npx web-test-runner)');
for (const engine of engines) {
  for (const element of ELEMENTS) if (!runs.some((r) => r.engine === engine && r.element === element)) problems.push(`${engine}: no axe results for <${element}>`);
}
for (const run of runs) for (const v of run.violations) problems.push(`${run.engine} <${run.element}> ${run.state} (${run.lang}): ${v.id} ${v.help}`);

// One row per element × state × language: the engines it passed in and the rules axe checked.
const rows = new Map();
for (const run of runs) {
  const key = `${run.element}\u0000${run.state}\u0000${run.lang}`;
  const row = rows.get(key) ?? {element: run.element, state: run.state, lang: run.lang, engines: {}, rules: new Set()};
  row.engines[run.engine] = run.violations.length === 0 ? 'pass' : `${run.violations.length} violation(s)`;
  for (const id of run.passes) row.rules.add(id);
  rows.set(key, row);
}
const table = [...rows.values()].sort((a, b) => ELEMENTS.indexOf(a.element) - ELEMENTS.indexOf(b.element) || a.state.localeCompare(b.state) || a.lang.localeCompare(b.lang));
const rulesChecked = new Set(runs.flatMap((r) => r.passes));
const counts = {runs: runs.length, states: new Set(table.map((r) => `${r.element} ${r.state}`)).size, rows: table.length, rules: rulesChecked.size};
const open = issues.filter((i) => !i.fixed);
const pending = checks.filter((c) => !c.done);

const T = {
  fi: {
    title: `Saavutettavuusseloste: Puolesta-komponentit ${version}`,
    intro: 'Tämä seloste koskee Puolesta-verkkokomponentteja <mandate-guide>, <acting-for-selector> ja <acting-for-banner>. Kunta voi käyttää tekstiä oman verkkopalvelunsa saavutettavuusselosteen pohjana. Seloste koskee vain komponentteja, ei sivua, jolle ne on lisätty.',
    law: 'Laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää, että julkisen sektorin verkkopalvelut ovat saavutettavia.',
    statusH: 'Saavutettavuuden tila',
    status: 'Komponentit täyttävät WCAG 2.2 -ohjeiden A- ja AA-tason vaatimukset osittain. Automaattisissa testeissä virheitä ei löytynyt. Ulkopuolinen asiantuntija ei ole vielä arvioinut komponentteja, eikä kaikkia käsin tehtäviä tarkistuksia ole vielä tehty.',
    issuesH: 'Ei-saavutettava sisältö', none: 'Tunnettuja ongelmia ei ole.', found: 'havaittu',
    methodH: 'Miten saavutettavuus arvioitiin',
    method: `Itsearviointi. Jokainen komponentin tila tarkistettiin axe-core ${axeVersion} -työkalulla (WCAG 2.0–2.2, tasot A ja AA) suomeksi, ruotsiksi ja englanniksi selaimissa ${engines.map((e) => ENGINE_NAMES[e]).join(', ')}: ${counts.runs} tarkistusta, ${counts.states} tilaa, ${counts.rules} sääntöä. Näppäimistöllä testatut polut:`,
    pendingH: 'Tarkistukset, jotka on vielä tehtävä käsin',
    feedbackH: 'Palaute ja yhteystiedot',
    feedback: 'Jos huomaat saavutettavuusongelman, kerro siitä verkkopalvelun ylläpitäjälle: [kunnan yhteystiedot]. Vastaamme 14 päivän kuluessa.',
    supervisorH: 'Valvontaviranomainen',
    supervisor: 'Jos et saa vastausta 14 päivän kuluessa tai vastaus ei tyydytä sinua, voit tehdä ilmoituksen valvontaviranomaiselle, joka on Liikenne- ja viestintävirasto Traficom (www.saavutettavuusvaatimukset.fi).',
    dates: `Seloste on laadittu ${today} testiajon perusteella. Komponenttien versio ${version}.`,
  },
  sv: {
    title: `Tillgänglighetsutlåtande: Puolesta-komponenterna ${version}`,
    intro: 'Detta utlåtande gäller webbkomponenterna <mandate-guide>, <acting-for-selector> och <acting-for-banner> i Puolesta. Kommunen kan använda texten som grund för tillgänglighetsutlåtandet för sin egen webbtjänst. Utlåtandet gäller bara komponenterna, inte sidan där de har lagts in.',
    law: 'Lagen om tillhandahållande av digitala tjänster (306/2019) kräver att den offentliga sektorns webbtjänster är tillgängliga.',
    statusH: 'Tillgänglighetsstatus',
    status: 'Komponenterna uppfyller delvis kraven på nivå A och AA i WCAG 2.2. De automatiska testerna hittade inga fel. Komponenterna har ännu inte bedömts av en extern expert, och alla manuella kontroller har inte gjorts ännu.',
    issuesH: 'Innehåll som inte är tillgängligt', none: 'Inga kända problem.', found: 'upptäckt',
    methodH: 'Hur tillgängligheten bedömdes',
    method: `Självbedömning. Varje läge i komponenterna kontrollerades med axe-core ${axeVersion} (WCAG 2.0–2.2, nivå A och AA) på finska, svenska och engelska i webbläsarna ${engines.map((e) => ENGINE_NAMES[e]).join(', ')}: ${counts.runs} kontroller, ${counts.states} lägen, ${counts.rules} regler. Vägar som testades med tangentbordet:`,
    pendingH: 'Kontroller som ännu ska göras manuellt',
    feedbackH: 'Respons och kontaktuppgifter',
    feedback: 'Om du upptäcker ett tillgänglighetsproblem, meddela den som upprätthåller webbtjänsten: [kommunens kontaktuppgifter]. Vi svarar inom 14 dagar.',
    supervisorH: 'Tillsynsmyndighet',
    supervisor: 'Om du inte får svar inom 14 dagar eller inte är nöjd med svaret kan du göra en anmälan till tillsynsmyndigheten, Transport- och kommunikationsverket Traficom (www.tillganglighetskrav.fi).',
    dates: `Utlåtandet har upprättats ${today} utifrån en testkörning. Komponenternas version ${version}.`,
  },
  en: {
    title: `Accessibility statement: Puolesta components ${version}`,
    intro: 'This statement covers the Puolesta web components <mandate-guide>, <acting-for-selector> and <acting-for-banner>. A municipality can use the text as the basis of the accessibility statement of its own web service. It covers only the components, not the page they are placed on.',
    law: 'The Act on the Provision of Digital Services (306/2019) requires public sector web services to be accessible.',
    statusH: 'Compliance status',
    status: 'The components partially meet the WCAG 2.2 level A and AA requirements. Automated tests found no errors. The components have not yet been evaluated by an external expert, and not all manual checks have been made yet.',
    issuesH: 'Non-accessible content', none: 'No known issues.', found: 'found',
    methodH: 'How accessibility was evaluated',
    method: `Self-assessment. Every state of the components was checked with axe-core ${axeVersion} (WCAG 2.0–2.2, levels A and AA) in Finnish, Swedish and English in ${engines.map((e) => ENGINE_NAMES[e]).join(', ')}: ${counts.runs} checks, ${counts.states} states, ${counts.rules} rules. Paths tested with the keyboard:`,
    pendingH: 'Checks still to be made by hand',
    feedbackH: 'Feedback and contact information',
    feedback: 'If you notice an accessibility problem, tell the maintainer of the web service: [the municipality\'s contact details]. We reply within 14 days.',
    supervisorH: 'Supervisory authority',
    supervisor: 'If you get no reply within 14 days, or you are not satisfied with the reply, you can notify the supervisory authority, the Finnish Transport and Communications Agency Traficom (www.webaccessibility.fi).',
    dates: `This statement was prepared on ${today} from a test run. Component version ${version}.`,
  },
};

const NO_WALKS = {fi: 'ei tässä testiajossa', sv: 'inga i denna testkörning', en: 'none in this test run'};
/** Each walk once, in `lang`, with the engines it passed in. */
const walkLines = (lang = 'en') => (walks.length
  ? [...new Set(walks.map((w) => w.walk.en))].map((en) => {
      const same = walks.filter((w) => w.walk.en === en);
      return `${same[0].walk[lang]} (${[...new Set(same.map((w) => ENGINE_NAMES[w.engine] ?? w.engine))].join(', ')})`;
    })
  : [NO_WALKS[lang]]);
function statement(lang) {
  const t = T[lang];
  return [
    `# ${t.title}`, '', t.intro, '', t.law, '',
    `## ${t.statusH}`, '', t.status, '',
    `## ${t.issuesH}`, '',
    ...(open.length ? open.map((i) => `- **${i.where[lang]}** (WCAG ${i.wcag}; ${t.found} ${i.found}): ${i.what[lang]}`) : [t.none]), '',
    `## ${t.methodH}`, '', t.method, '', ...walkLines(lang).map((w) => `- ${w}`), '',
    `## ${t.pendingH}`, '', ...pending.map((c) => `- ${c.what[lang]}`), '',
    `## ${t.feedbackH}`, '', t.feedback, '',
    `## ${t.supervisorH}`, '', t.supervisor, '', t.dates, '',
  ].join('\n');
}

/** Markdown as written above (headings, bullets, bold) → HTML, everything else escaped. */
const md = (text) => text.split('\n\n').map((block) => {
  const inline = (s) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  if (block.startsWith('# ')) return `<h2>${inline(block.slice(2))}</h2>`;
  if (block.startsWith('## ')) return `<h3>${inline(block.slice(3))}</h3>`;
  if (block.startsWith('- ')) return `<ul>${block.split('\n').map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
  return block.trim() ? `<p>${inline(block)}</p>` : '';
}).join('\n');

const out = join(root, 'dist/a11y-pack');
mkdirSync(out, {recursive: true});
for (const lang of ['fi', 'sv', 'en']) writeFileSync(join(out, `statement.${lang}.md`), statement(lang));
writeFileSync(join(out, 'results.json'), `${JSON.stringify({version, date: today, axe: axeVersion, engines, counts, problems, rows: table.map((r) => ({...r, rules: [...r.rules].sort()})), walks, knownIssues: issues, manualChecks: checks}, null, 2)}\n`);
const cell = (state) => (state === 'pass' ? '<td class="ok">pass</td>' : state ? `<td class="bad">${escapeHtml(state)}</td>` : '<td class="na">not run</td>');
writeFileSync(join(out, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Puolesta ${escapeHtml(version)}: accessibility pack</title>
<style>body{font:16px/1.5 Arial,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 20px;color:#212121}table{border-collapse:collapse;width:100%}th,td{border:1px solid #8c969b;padding:4px 8px;text-align:left;vertical-align:top}.ok{color:#00612f}.bad{color:#b00020;font-weight:700}.na{color:#4a5358}section{border-top:1px solid #c8cdd0;margin-top:2rem}</style></head>
<body><main>
<h1>Puolesta ${escapeHtml(version)}: accessibility pack, ${today}</h1>
<p>Generated by <code>npm test</code> from the run that just finished: axe-core ${escapeHtml(axeVersion)} (WCAG 2.0–2.2 A/AA) on every tested state of every element, per language and browser engine (${engines.map((e) => escapeHtml(ENGINE_NAMES[e])).join(', ')}); ${counts.runs} axe runs, ${counts.rows} element × state × language rows, ${counts.rules} rules checked. ${problems.length ? `<strong class="bad">${problems.length} problem(s)</strong>` : '<strong class="ok">No violations.</strong>'}</p>
${problems.length ? `<ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : ''}
<section><h2>Axe per element, state, language and engine</h2>
<table><thead><tr><th scope="col">element</th><th scope="col">state</th><th scope="col">language</th>${['chromium', 'firefox', 'webkit'].map((e) => `<th scope="col">${ENGINE_NAMES[e]}</th>`).join('')}<th scope="col">rules that applied</th></tr></thead><tbody>
${table.map((r) => `<tr><td>&lt;${escapeHtml(r.element)}&gt;</td><td>${escapeHtml(r.state)}</td><td>${escapeHtml(r.lang)}</td>${['chromium', 'firefox', 'webkit'].map((e) => cell(r.engines[e])).join('')}<td>${r.rules.size}</td></tr>`).join('\n')}
</tbody></table></section>
<section><h2>Keyboard walks passed</h2><ul>${walkLines().map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>
<section><h2>Known issues (dated)</h2><ul>${issues.map((i) => `<li>${escapeHtml(i.found)}${i.fixed ? `, fixed ${escapeHtml(i.fixed)}` : ''}: <strong>${escapeHtml(i.where.en)}</strong> (WCAG ${escapeHtml(i.wcag)}): ${escapeHtml(i.what.en)}</li>`).join('')}</ul></section>
<section><h2>Manual checks</h2><ul>${checks.map((c) => `<li>${c.done ? `done ${escapeHtml(c.done)}` : '<strong>to do</strong>'}: ${escapeHtml(c.what.en)}</li>`).join('')}</ul></section>
${['fi', 'sv', 'en'].map((lang) => `<section lang="${lang}">${md(statement(lang))}</section>`).join('\n')}
</main></body></html>
`);
console.log(`accessibility pack: dist/a11y-pack/ (${counts.runs} axe runs in ${engines.join(', ') || 'no engine'}, ${walks.length} keyboard walks, ${open.length} open known issue(s), ${pending.length} manual check(s) to do)`);
if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  process.exit(1);
}
