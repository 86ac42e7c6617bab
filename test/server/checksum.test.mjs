// DVV's official checksum test vector (Web API "4.3 Tarkistesumman laskeminen", reproduced in
// shared/reference/valtuudet.md §1.2), both timestamp forms, against the built client code.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {authorizationHeader, checksum, verifyAuthorizationHeader} from '../../dist/server/checksum.js';

const KEY = '3ba56df8-88b8-4805-9b04-2f8e7a61';
const CLIENT = 'ed4b7ae7';
const PATH = '/service/hpa/user/register/ed4b7ae7/080297-915A?requestId=02fd35dc-99e6-477b-b6e2-03f02cbf3666';

describe('Valtuudet checksum header', () => {
  it('matches the official vector with a +00:00 timestamp', () => {
    assert.equal(checksum(KEY, PATH, '2017-02-09T10:29:42.090000+00:00'), 'GeRKoGmGd0RFk33s2vNHutJf/TrEdwSM2Vb7qWXLESY=');
  });
  it('matches the official vector with a Z timestamp', () => {
    assert.equal(checksum(KEY, PATH, '2017-02-09T10:29:42.09Z'), 'z7X+xWtrvth1L7Ql6B/4xZ0iQ1VjToWX4TnHVLo8RGo=');
  });
  it('builds "<clientId> <timestamp> <checksum>"', () => {
    assert.equal(authorizationHeader(CLIENT, KEY, PATH, '2017-02-09T10:29:42.09Z'), `${CLIENT} 2017-02-09T10:29:42.09Z z7X+xWtrvth1L7Ql6B/4xZ0iQ1VjToWX4TnHVLo8RGo=`);
  });
  it('verifies within ±5 minutes and refuses skew, wrong path, wrong client and junk', () => {
    const now = new Date('2017-02-09T10:33:00Z');
    const header = authorizationHeader(CLIENT, KEY, PATH, '2017-02-09T10:29:42.09Z');
    const expect = (h, over = {}) => verifyAuthorizationHeader(h, {clientId: CLIENT, apiKey: KEY, pathAndQuery: PATH, now, ...over});
    assert.equal(expect(header), 'ok');
    assert.equal(expect(header, {now: new Date('2017-02-09T10:35:00Z')}), 'skew');
    assert.equal(expect(header, {pathAndQuery: `${PATH}&x=1`}), 'mismatch');
    assert.equal(expect(header, {clientId: 'other'}), 'wrong-client');
    assert.equal(expect(undefined), 'missing');
    assert.equal(expect('only two'), 'malformed');
    assert.equal(expect(`${CLIENT} not-a-date abc`), 'malformed');
  });
});
