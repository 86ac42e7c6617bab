// Runs the Valtuudet simulator on its own, e.g. for integrators testing their own backend:
//   SIMULATOR_PORT=8081 VALTUUDET_REDIRECT_URI=http://localhost:3000/valtuudet/callback node demo/simulator/main.mjs
import {createServer} from 'node:http';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {createSimulator} from './simulator.mjs';

/** Demo credentials: public on purpose, valid only against this simulator. */
export const DEMO_CREDENTIALS = {clientId: 'demo1234', apiKey: 'demo-api-key-not-secret', oauthPassword: 'demo-oauth-password'};
export const fixtures = JSON.parse(readFileSync(new URL('../../test/fixtures/valtuudet-people.json', import.meta.url), 'utf8'));

export async function startSimulator({port = 8081, host = '127.0.0.1', redirectUris, ...options} = {}) {
  const listener = createSimulator({...DEMO_CREDENTIALS, redirectUris, fixtures, ...options});
  const server = createServer(listener);
  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}`;
  return {server, url, listener, close: () => new Promise((r) => server.close(r))};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const env = process.env;
  const sim = await startSimulator({
    port: Number(env.SIMULATOR_PORT ?? 8081),
    clientId: env.VALTUUDET_CLIENT_ID ?? DEMO_CREDENTIALS.clientId,
    apiKey: env.VALTUUDET_API_KEY ?? DEMO_CREDENTIALS.apiKey,
    oauthPassword: env.VALTUUDET_OAUTH_PASSWORD ?? DEMO_CREDENTIALS.oauthPassword,
    redirectUris: (env.VALTUUDET_REDIRECT_URI ?? 'http://localhost:8080/valtuudet/callback').split(','),
  });
  const redirects = (env.VALTUUDET_REDIRECT_URI ?? 'http://localhost:8080/valtuudet/callback').split(',');
  console.log(`Valtuudet simulator: ${sim.url.replace('127.0.0.1', 'localhost')}/ (client id ${env.VALTUUDET_CLIENT_ID ?? DEMO_CREDENTIALS.clientId})`);
  console.log(`  accepts callbacks to ${redirects.join(', ')} (set VALTUUDET_REDIRECT_URI to change)`);
}
