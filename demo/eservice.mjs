// The demo's on-behalf part: a demo strong-authentication login, the Valtuudet adapter (against the simulator)
// and one realistic e-service form (early childhood education application) that uses <acting-for-selector>
// and <acting-for-banner> and says on submit whose behalf it was sent. Everything personal stays server-side;
// pages show names only.
import {randomBytes, randomUUID} from 'node:crypto';
import {ValtuudetAdapter, ValtuudetClient, MemorySessionStore, displayName, mountAdapter, readCookie, toRequest} from '../dist/server/index.js';
import {safeReturnPath} from '../dist/lib/core.js';
import {DEMO_CREDENTIALS, fixtures} from './simulator/main.mjs';
import {LANGS, pagePath} from './pages.mjs';

export const ESERVICE_THEME = 'http://valtuusrekisteri.suomi.fi/varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen';
export const GRANT_THEME = 'http://valtuusrekisteri.suomi.fi/avustushakemuksen_tekeminen';
/** Who may act for an organisation in the demo e-service: signing rights, the chair or the grant theme. */
export const DEMO_COMPANY_ROLES = ['NIMKO', 'PJ', 'TJ', GRANT_THEME];

/**
 * The two demo e-services: whom they may be used for (the selector's `modes`), the mandate theme, and the
 * form fields. The first required field is checked on submit.
 */
export const SERVICES = {
  asiointi: {
    // The application is the child's: the guidance after a refusal is the child's (guide-principal="minor"),
    // and the intro says what the guide says (docs/rules.md R10, R11, R12).
    modes: 'person', guidePrincipal: 'minor', theme: ESERVICE_THEME, prefix: 'VK', service: 'early childhood education application',
    title: {fi: 'Varhaiskasvatushakemus – sähköinen asiointi', sv: 'Ansökan om småbarnspedagogik – e‑tjänst', en: 'Early childhood education application – e‑service'},
    intro: {
      fi: 'Hakemus tehdään lapsen puolesta. Valitse ensin ”Toisen henkilön puolesta” ja valitse lapsi Suomi.fissä. Jos olet lapsen huoltaja, et yleensä tarvitse valtuutta. Muu henkilö tarvitsee valtuuden, jonka lapsen huoltajat antavat lapsen puolesta.',
      sv: 'Ansökan görs för barnets räkning. Välj först ”För en annan person” och välj barnet i Suomi.fi. Om du är barnets vårdnadshavare behöver du oftast ingen fullmakt. Andra behöver en fullmakt som barnets vårdnadshavare ger för barnets räkning.',
      en: 'The application is made on the child’s behalf. First choose “On behalf of another person” and choose the child in Suomi.fi. If you are the child’s guardian, you usually need no mandate. Anyone else needs a mandate that the child’s guardians give on the child’s behalf.',
    },
    fields: [
      {name: 'start', label: {fi: 'Toivottu aloituspäivä', sv: 'Önskat startdatum', en: 'Preferred start date'}, hint: {fi: 'Esimerkiksi 1.8.2027', sv: 'Till exempel 1.8.2027', en: 'For example 1 Aug 2027'},
        missing: {fi: 'Anna toivottu aloituspäivä.', sv: 'Ange önskat startdatum.', en: 'Give the preferred start date.'}},
      {name: 'care', label: {fi: 'Hoidon tarve', sv: 'Vårdbehov', en: 'Care needed'},
        options: [['full', {fi: 'Kokopäiväinen', sv: 'Heldag', en: 'Full day'}], ['part', {fi: 'Osapäiväinen', sv: 'Deldag', en: 'Part day'}]]},
      {name: 'info', textarea: true, label: {fi: 'Lisätietoja (vapaaehtoinen)', sv: 'Tilläggsuppgifter (frivilligt)', en: 'More information (optional)'}},
    ],
  },
  avustushakemus: {
    modes: 'company', guidePrincipal: 'association', theme: GRANT_THEME, prefix: 'AV', service: 'grant application',
    title: {fi: 'Yhdistyksen avustushakemus – sähköinen asiointi', sv: 'Understödsansökan för föreningar – e‑tjänst', en: 'Grant application for associations – e‑service'},
    intro: {
      fi: 'Avustusta haetaan yhdistyksen nimissä. Valitse ensin yhdistys, jonka puolesta asioit. Jos yhdistysrekisterin mukaan saat kirjoittaa yhdistyksen nimen yksin, et tarvitse valtuutta. Muuten tarvitset valtuuden yhdistykseltä.',
      sv: 'Understöd söks i föreningens namn. Välj först den förening som du sköter ärendet för. Om föreningsregistret visar att du ensam får teckna föreningens namn behöver du ingen fullmakt. Annars behöver du en fullmakt av föreningen.',
      en: 'Grants are applied for in the association’s name. First choose the association you act for. If the Register of Associations shows that you may sign for the association alone, you need no mandate. Otherwise you need a mandate from the association.',
    },
    fields: [
      {name: 'amount', label: {fi: 'Haettava summa (euroa)', sv: 'Belopp som söks (euro)', en: 'Amount applied for (euros)'}, hint: {fi: 'Esimerkiksi 1500', sv: 'Till exempel 1500', en: 'For example 1500'},
        missing: {fi: 'Anna haettava summa.', sv: 'Ange beloppet som söks.', en: 'Give the amount applied for.'}},
      {name: 'purpose', textarea: true, label: {fi: 'Mihin avustus käytetään?', sv: 'Vad används understödet till?', en: 'What will the grant be used for?'}},
    ],
  },
};
const LOGIN_COOKIE = 'demo_login';

/** The demo's test people (from the shared fixtures): id, display name and the identity code (server only). */
export const DEMO_USERS = fixtures.users.map((u) => ({id: u.id, hetu: u.hetu, name: displayName(u.name)}));

export const T = {
  fi: {
    login: 'Kirjaudu sisään', logout: 'Kirjaudu ulos',
    loggedIn: 'Kirjautunut:', loginIntro: 'Tämä on demo vahvasta tunnistautumisesta. Oikeassa palvelussa kirjaudut Suomi.fi-tunnistuksella pankkitunnuksilla tai mobiilivarmenteella.',
    loginLegend: 'Valitse testihenkilö', loginHint: 'Testihenkilöt ovat keksittyjä.', loginNeeded: 'Kirjaudu sisään, niin voit täyttää hakemuksen itsellesi tai toisen puolesta.',
    formTitle: 'Hakemus', send: 'Lähetä hakemus', sentTitle: 'Hakemus on lähetetty', caseId: 'Hakemuksen tunnus:',
    sentFor: (name) => `Lähetit hakemuksen henkilön ${name} puolesta.`, sentForCompany: (name) => `Lähetit hakemuksen organisaation ${name} puolesta.`,
    sentSelf: 'Lähetit hakemuksen omissa nimissäsi.', notified: 'Jos valtuuttaja käyttää Suomi.fi-viestejä, hän saa hakemuksesta ilmoituksen sinne.',
    back: 'Takaisin hakemukseen', errorSummary: 'Tarkista hakemus',
  },
  sv: {
    login: 'Logga in', logout: 'Logga ut',
    loggedIn: 'Inloggad:', loginIntro: 'Det här är en demo av stark autentisering. I en riktig tjänst loggar du in med Suomi.fi-identifikation med bankkoder eller mobilcertifikat.',
    loginLegend: 'Välj testperson', loginHint: 'Testpersonerna är påhittade.', loginNeeded: 'Logga in för att fylla i ansökan för dig själv eller för någon annan.',
    formTitle: 'Ansökan', send: 'Skicka ansökan', sentTitle: 'Ansökan har skickats', caseId: 'Ansökans nummer:',
    sentFor: (name) => `Du skickade ansökan för ${name}.`, sentForCompany: (name) => `Du skickade ansökan för organisationen ${name}.`,
    sentSelf: 'Du skickade ansökan i eget namn.', notified: 'Om fullmaktsgivaren använder Suomi.fi-meddelanden får hen ett meddelande om ansökan där.',
    back: 'Tillbaka till ansökan', errorSummary: 'Kontrollera ansökan',
  },
  en: {
    login: 'Log in', logout: 'Log out',
    loggedIn: 'Logged in:', loginIntro: 'This is a demo of strong authentication. In a real service you log in with Suomi.fi identification using online banking codes or a mobile certificate.',
    loginLegend: 'Choose a test person', loginHint: 'The test people are made up.', loginNeeded: 'Log in to fill in the application for yourself or on behalf of someone else.',
    formTitle: 'Application', send: 'Send application', sentTitle: 'Your application has been sent', caseId: 'Application number:',
    sentFor: (name) => `You sent the application on behalf of ${name}.`, sentForCompany: (name) => `You sent the application on behalf of the organisation ${name}.`,
    sentSelf: 'You sent the application in your own name.', notified: 'If the principal uses Suomi.fi Messages, they get a notice of the application there.',
    back: 'Back to the application', errorSummary: 'Check the application',
  },
};

async function readForm(req) {
  let data = '';
  for await (const chunk of req) {
    data += chunk;
    if (data.length > 20_000) throw new Error('form too large');
  }
  return new URLSearchParams(data);
}

/**
 * @param {{simulatorUrl: string, publicOrigin: string, allowedOrigins?: string[], log?: (line: string) => void, store?: object}} options
 * allowedOrigins: the information site's origin(s), whose banner reads /valtuudet/session over CORS.
 * Returns {handler, adapter}: handler(req, res, ctx) answers the adapter routes, login and e-service pages.
 */
export function createEservice({simulatorUrl, publicOrigin, allowedOrigins = [], log = (line) => console.info(line), store = new MemorySessionStore()}) {
  const logins = new Map(); // login id → user id (the demo's own "authentication session")
  const userOf = (cookieHeader) => {
    const id = readCookie(cookieHeader, LOGIN_COOKIE);
    const userId = id ? logins.get(id) : undefined;
    return DEMO_USERS.find((u) => u.id === userId);
  };
  const adapter = new ValtuudetAdapter({
    valtuudet: new ValtuudetClient({...DEMO_CREDENTIALS, baseUrl: simulatorUrl, redirectUri: `${publicOrigin}/valtuudet/callback`, timeoutMs: 5000}),
    getUser: (request) => {
      const user = userOf(request.headers.get('cookie'));
      return user ? {hetu: user.hetu} : null;
    },
    themes: [ESERVICE_THEME],
    companyRoles: DEMO_COMPANY_ROLES,
    publicOrigin,
    allowedOrigins,
    store,
    log: (e) => log(`valtuudet ${e.route}: ${e.outcome}${e.mode ? ` (${e.mode})` : ''}${e.reason ? ` – ${e.reason}` : ''}`),
    // A real e-service would send the principal a Suomi.fi Messages notice here (addressed by identity code).
    onTransaction: ({principal, details}) => log(`notice to the principal queued: ${principal.type}, ${details.service}`),
  });
  const mount = mountAdapter(adapter, {publicOrigin});
  const sameOrigin = (req) => req.headers.origin === publicOrigin;

  const routes = new Map();
  for (const lang of LANGS) {
    for (const slug of Object.keys(SERVICES)) routes.set(pagePath(lang, slug), {lang, page: slug});
    routes.set(pagePath(lang, 'kirjaudu'), {lang, page: 'login'});
  }

  async function handler(req, res, ctx) {
    if (await mount(req, res)) return true;
    const url = new URL(req.url, publicOrigin);
    const {escapeHtml: e, layout, send} = ctx;
    const html = (status, body, headers = {}) => send(res, status, body, 'text/html; charset=utf-8', {'Cache-Control': 'no-store', ...headers});

    if (url.pathname === '/demo/login' || url.pathname === '/demo/logout') {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', undefined, {Allow: 'POST'}), true;
      if (!sameOrigin(req)) return send(res, 403, 'Forbidden'), true;
      const form = await readForm(req);
      const lang = LANGS.includes(form.get('lang')) ? form.get('lang') : 'fi';
      if (url.pathname === '/demo/logout') {
        logins.delete(readCookie(req.headers.cookie, LOGIN_COOKIE));
        send(res, 303, '', undefined, {Location: safeReturnPath(pagePath(lang, 'index')), 'Set-Cookie': `${LOGIN_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`});
        return true;
      }
      const user = DEMO_USERS.find((u) => u.id === form.get('user'));
      const back = returnPath(form.get('return'), pagePath(lang, 'asiointi'));
      if (!user) {
        res.writeHead(303, {Location: `${pagePath(lang, 'kirjaudu')}?${new URLSearchParams({return: back, missing: '1'})}`});
        res.end();
        return true;
      }
      const id = randomBytes(24).toString('base64url');
      logins.set(id, user.id);
      log('demo login: a test person logged in');
      send(res, 303, '', undefined, {Location: back, 'Set-Cookie': `${LOGIN_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`});
      return true;
    }

    const route = routes.get(url.pathname);
    if (!route) return false;
    const {lang} = route;
    const t = T[lang];
    const user = userOf(req.headers.cookie);
    const header = user ? userBar(lang, user, e) : '';
    // The adapter knows whom the citizen acts for: the banner is rendered into the page (nothing moves).
    const known = user ? {actingFor: await adapter.current(toRequest(req, {publicOrigin})), pageUrl: url.href} : {};

    if (route.page === 'login') {
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed', undefined, {Allow: 'GET'}), true;
      const back = returnPath(url.searchParams.get('return'), pagePath(lang, 'asiointi'));
      const missing = url.searchParams.get('missing') === '1';
      const radios = DEMO_USERS.map((u, i) => `<div class="choice"><input type="radio" id="user-${e(u.id)}" name="user" value="${e(u.id)}"${i === 0 ? ' checked' : ''}><label for="user-${e(u.id)}">${e(u.name)}</label></div>`).join('');
      html(200, layout({lang, title: t.login, slug: 'kirjaudu', header, ...known, body: `<p>${e(t.loginIntro)}</p>
${missing ? `<p class="notice error" role="alert">${e(t.loginLegend)}</p>` : ''}
<form class="eservice" method="post" action="/demo/login">
<input type="hidden" name="return" value="${e(back)}"><input type="hidden" name="lang" value="${lang}">
<fieldset><legend>${e(t.loginLegend)}</legend><p class="hint">${e(t.loginHint)}</p>${radios}</fieldset>
<button type="submit">${e(t.login)}</button>
</form>`}));
      return true;
    }

    // An e-service page.
    const slug = route.page;
    const service = SERVICES[slug];
    const title = service.title[lang];
    if (!user) {
      if (req.method !== 'GET') return send(res, 403, 'Forbidden'), true;
      html(200, layout({lang, title, slug, body: `<p>${e(t.loginNeeded)}</p>
<p><a class="button" href="${e(`${pagePath(lang, 'kirjaudu')}?${new URLSearchParams({return: pagePath(lang, slug)})}`)}">${e(t.login)}</a></p>`}));
      return true;
    }
    if (req.method === 'POST') {
      if (!sameOrigin(req)) return send(res, 403, 'Forbidden'), true;
      const form = await readForm(req);
      const required = service.fields.find((f) => f.missing);
      if (!(form.get(required.name) ?? '').trim()) {
        html(400, layout({lang, title, slug, header, ...known, body: eserviceBody(lang, slug, e, {error: required, form})}));
        return true;
      }
      const request = toRequest(req, {publicOrigin});
      const principal = await adapter.current(request);
      const caseId = `${service.prefix}-${new Date().getFullYear()}-${randomUUID().slice(0, 6).toUpperCase()}`;
      if (principal) await adapter.transactionCompleted(request, {service: service.service, caseId});
      log(`demo e-service: ${service.service} sent ${principal ? `on behalf (${principal.type})` : 'in own name'}`);
      const whose = principal ? (principal.type === 'organisation' ? t.sentForCompany(principal.name) : t.sentFor(principal.name)) : t.sentSelf;
      html(200, layout({lang, title: t.sentTitle, slug, header, ...known, body: `<div class="notice" role="status" id="sent">
<p><strong>${e(whose)}</strong></p>
<p>${e(t.caseId)} ${e(caseId)}</p>
${principal ? `<p>${e(t.notified)}</p>` : ''}
</div>
<p><a href="${e(pagePath(lang, slug))}">${e(t.back)}</a></p>`}));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, {Allow: 'GET, HEAD, POST'}), true;
    html(200, layout({lang, title, slug, header, ...known, body: eserviceBody(lang, slug, e, {})}));
    return true;
  }

  return {handler, adapter, logins};
}

/** The `return` field as a same-origin path (core rule), or the e-service page when there is none. */
const returnPath = (value, fallback) => (value ? safeReturnPath(value) : fallback);

function userBar(lang, user, e) {
  const t = T[lang];
  return `<div class="userbar"><div class="wrap"><span>${e(t.loggedIn)} <strong>${e(user.name)}</strong></span>
<form method="post" action="/demo/logout"><input type="hidden" name="lang" value="${lang}"><button type="submit" class="link">${e(t.logout)}</button></form></div></div>`;
}

function eserviceBody(lang, slug, e, {error, form}) {
  const t = T[lang];
  const service = SERVICES[slug];
  const fields = service.fields.map((field) => {
    const id = field.name;
    const value = e(form?.get(id) ?? '');
    if (field.options) {
      const chosen = form?.get(id) ?? field.options[0][0];
      const radios = field.options.map(([v, label]) => `<div class="choice"><input type="radio" id="${id}-${v}" name="${id}" value="${v}"${chosen === v ? ' checked' : ''}><label for="${id}-${v}">${e(label[lang])}</label></div>`).join('');
      return `<fieldset><legend>${e(field.label[lang])}</legend>${radios}</fieldset>`;
    }
    const invalid = error?.name === id;
    const hint = field.hint ? `<p class="hint" id="${id}-hint">${e(field.hint[lang])}</p>` : '';
    const described = [field.hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ');
    const message = invalid ? `<p class="field-error" id="${id}-error">${e(field.missing[lang])}</p>` : '';
    const control = field.textarea
      ? `<textarea id="${id}" name="${id}" rows="4"${described ? ` aria-describedby="${described}"` : ''}>${value}</textarea>`
      : `<input type="text" id="${id}" name="${id}" autocomplete="off"${described ? ` aria-describedby="${described}"` : ''}${invalid ? ' aria-invalid="true"' : ''} value="${value}">`;
    return `<label for="${id}">${e(field.label[lang])}</label>${hint}${message}${control}`;
  }).join('\n');
  return `${error ? `<div class="notice error" role="alert" id="errors"><h2>${e(t.errorSummary)}</h2><p><a href="#${error.name}">${e(error.missing[lang])}</a></p></div>` : ''}
<div id="kenen-puolesta" class="who">
<p>${e(service.intro[lang])}</p>
<acting-for-selector theme="${e(service.theme)}" modes="${service.modes}" guide-principal="${service.guidePrincipal}"></acting-for-selector>
</div>
<h2>${e(t.formTitle)}</h2>
<form class="eservice" method="post" action="${e(pagePath(lang, slug))}" novalidate>
${fields}
<p><button type="submit">${e(t.send)}</button></p>
</form>`;
}
