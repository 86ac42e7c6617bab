// Shared by the server tests: a host site with the adapter on node:http beside the simulator, and a
// cookie-keeping "browser" that follows the on-behalf flow by hand.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {createServer} from 'node:http';
import {ValtuudetAdapter, ValtuudetClient, mountAdapter} from '../../dist/server/index.js';
import {startSimulator, DEMO_CREDENTIALS, fixtures} from '../../demo/simulator/main.mjs';
import {choose} from './sim-helpers.mjs';
import {DEMO_COMPANY_ROLES} from '../../demo/eservice.mjs';

export const THEME = 'http://valtuusrekisteri.suomi.fi/varhaiskasvatuksen_aloituksesta_tai_paattymisesta_ilmoittaminen';
export const users = new Map(fixtures.users.map((u) => [u.id, u]));
export const SECRETS = [DEMO_CREDENTIALS.apiKey, DEMO_CREDENTIALS.oauthPassword];
/** The key that seals stored sessions in these tests (what PUOLESTA_SESSION_KEYS holds in production). */
export const SESSION_KEY = randomBytes(32).toString('base64');

/** A host site: the adapter on node:http, the simulator beside it, a login cookie `who=<user id>`. */
export async function startHost(options = {}) {
  const logs = [];
  const holder = {};
  const server = createServer(async (req, res) => {
    if (!(await holder.mount(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const sim = await startSimulator({port: 0, redirectUris: [`${origin}/valtuudet/callback`], slowMs: 1500});
  const adapter = new ValtuudetAdapter({
    valtuudet: new ValtuudetClient({...DEMO_CREDENTIALS, baseUrl: sim.url, redirectUri: `${origin}/valtuudet/callback`, timeoutMs: 700}),
    getUser: (request) => {
      const id = /(?:^|;\s*)who=([a-z]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      return id && users.has(id) ? {hetu: users.get(id).hetu} : null;
    },
    themes: [THEME],
    companyRoles: DEMO_COMPANY_ROLES,
    sessionKeys: [SESSION_KEY],
    log: (event) => logs.push(JSON.stringify(event)),
    ...options,
  });
  holder.mount = mountAdapter(adapter);
  return {
    origin, sim, adapter, logs,
    simMode: (mode, extra = {}) => fetch(`${sim.url}/__sim/mode`, {method: 'POST', body: JSON.stringify({mode, ...extra})}),
    simState: () => fetch(`${sim.url}/__sim/state`).then((r) => r.json()),
    close: async () => {
      await sim.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A browser: keeps cookies per origin, records every response it saw (for the identity-code scan). */
export class Browser {
  constructor(host, user = 'matti') {
    this.host = host;
    this.cookies = new Map(user ? [['who', user]] : []);
    this.seen = [];
    this.setCookies = [];
  }
  async request(path, init = {}) {
    const url = new URL(path, this.host.origin);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {...init, redirect: 'manual', headers: {...(cookie ? {Cookie: cookie} : {}), ...init.headers}});
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const body = await res.text();
    this.seen.push(`${res.status} ${[...res.headers].map((h) => h.join(': ')).join('\n')}\n${body}`);
    return {status: res.status, location: res.headers.get('location'), body, headers: res.headers};
  }
  session() {
    return this.request('/valtuudet/session').then((r) => JSON.parse(r.body).actingFor);
  }
  stop(headers = {'X-Puolesta': '1', Origin: this.host.origin}) {
    return this.request('/valtuudet/stop', {method: 'POST', headers});
  }
  /** start → simulator selection page → callback; resolves to the final redirect's URL. */
  async flow({mode = 'person', choice = 'anni', action = 'continue', simulate = 'none', returnPath = '/hakemus?vaihe=2', lang = 'fi'} = {}) {
    const start = await this.request(`/valtuudet/start?${new URLSearchParams({mode, return: returnPath, lang})}`);
    assert.equal(start.status, 302, 'start redirects');
    const authorize = new URL(start.location, this.host.origin);
    if (authorize.origin === this.host.origin) return authorize; // refused before Suomi.fi
    const picked = await choose(authorize.href, {choice, action, simulate});
    this.seen.push(picked.html ?? '');
    assert.equal(picked.status, 302, 'the simulator sends the browser back');
    const back = await this.request(picked.location);
    assert.equal(back.status, 302, 'callback redirects');
    return new URL(back.location, this.host.origin);
  }
}

export const result = (url) => url.searchParams.get('acting-for');
