// Attacker class: open redirects in the demo site. A request that arrives under another host name is sent to
// the public host with its path; `//other.example/…`, `/\other.example` or an absolute-form target must stay
// a path on the demo's own origin.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {request} from 'node:http';
import {createDemoServer} from '../../demo/server.mjs';

/** One raw request with exactly this target and Host header (fetch would normalise them). */
function raw(port, target, host) {
  return new Promise((resolve, reject) => {
    const req = request({host: '127.0.0.1', port, path: target, headers: {Host: host}}, (res) => {
      res.resume();
      resolve({status: res.statusCode, location: res.headers.location});
    });
    req.on('error', reject);
    req.end();
  });
}

describe('demo server redirects stay on the demo', () => {
  let demo;
  let port;
  before(async () => {
    demo = await createDemoServer({port: 0, publicHost: 'localhost', log: () => {}});
    port = new URL(demo.url).port;
  });
  after(() => demo.close());

  for (const target of ['//evil.example/x', '///evil.example/x', '/\\evil.example/x', '//evil.example', 'http://evil.example/x', '/ok?next=//evil.example']) {
    it(`${target} under another Host name redirects to a path on ${'the demo'}`, async () => {
      const answer = await raw(port, target, `127.0.0.1:${port}`);
      assert.equal(answer.status, 308);
      const location = new URL(answer.location);
      assert.equal(location.origin, demo.url, answer.location);
    });
  }

  it('the builder\'s short address keeps only its query', async () => {
    const answer = await raw(port, '/builder?x=//evil.example', `localhost:${port}`);
    assert.equal(new URL(answer.location, demo.url).origin, demo.url);
  });
});
