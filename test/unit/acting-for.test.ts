import {expect} from '@open-wc/testing';
import {
  buildStartUrl,
  parseModes,
  parseSession,
  readActingForResult,
  endpointUrl,
  sameOriginUrl,
  withoutActingForResult,
} from '../../src/core/acting-for.js';
import {safeReturnPath} from '../../src/core/return-path.js';

describe('acting-for rules', () => {
  describe('safeReturnPath keeps the citizen on this site', () => {
    const refused = [
      '//evil.example',
      'https://evil.example/',
      'http:/evil.example',
      'javascript:alert(1)',
      '/\\evil.example',
      '\\\\evil.example',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
      '/ok%0d%0aSet-Cookie:x=1',
      '/\tevil',
      'relative/path',
      '',
      '/' + 'a'.repeat(5000),
      '/%E0%A4%A',
      '/x/../..//evil.example',
      '/..//evil.example',
      '/%2e%2e//evil.example',
    ];
    for (const value of refused) {
      it(`refuses ${JSON.stringify(value.slice(0, 40))}`, () => expect(safeReturnPath(value)).to.equal('/'));
    }
    it('keeps ordinary paths with query and hash', () => {
      expect(safeReturnPath('/hakemus/varhaiskasvatus?vaihe=2#lomake')).to.equal('/hakemus/varhaiskasvatus?vaihe=2#lomake');
      expect(safeReturnPath('/sv/ansokan')).to.equal('/sv/ansokan');
    });
    it('refuses non-strings', () => expect(safeReturnPath(undefined)).to.equal('/'));
  });

  it('reads the acting-for result and treats unknown values as errors', () => {
    expect(readActingForResult('?acting-for=ok')).to.equal('ok');
    expect(readActingForResult('?x=1&acting-for=denied')).to.equal('denied');
    expect(readActingForResult('?acting-for=<script>')).to.equal('error');
    expect(readActingForResult('?x=1')).to.equal(undefined);
  });

  it('removes only the acting-for parameter from the address', () => {
    expect(withoutActingForResult('https://kunta.fi/a?x=1&acting-for=ok#h')).to.equal('/a?x=1#h');
  });

  it('accepts a well-formed session and refuses anything that could mislead', () => {
    expect(parseSession({actingFor: null})).to.equal(null);
    expect(parseSession({actingFor: {type: 'person', name: '  Anni   Kumpulainen ', themes: ['x', 3]}})).to.deep.equal({
      type: 'person',
      name: 'Anni Kumpulainen',
      themes: ['x'],
    });
    expect(parseSession({actingFor: {type: 'admin', name: 'x'}})).to.equal(undefined);
    expect(parseSession({actingFor: {type: 'person', name: 'Anni 010280-952L'}})).to.equal(undefined);
    expect(parseSession({actingFor: {type: 'person', name: ''}})).to.equal(undefined);
    expect(parseSession({actingFor: {type: 'person', name: 'x'.repeat(500)}})).to.equal(undefined);
    expect(parseSession('null')).to.equal(undefined);
    expect(parseSession({})).to.equal(undefined);
  });

  it('offers the modes asked for, both by default', () => {
    expect(parseModes('company')).to.deep.equal(['company']);
    expect(parseModes('company person')).to.deep.equal(['person', 'company']);
    expect(parseModes('<b>')).to.deep.equal(['person', 'company']);
    expect(parseModes(null)).to.deep.equal(['person', 'company']);
  });

  it('builds the start URL on this origin only', () => {
    const url = new URL(buildStartUrl('/valtuudet/start', 'https://kunta.fi/hakemus', 'person', '//evil', 'sv')!);
    expect(url.origin).to.equal('https://kunta.fi');
    expect(url.searchParams.get('mode')).to.equal('person');
    expect(url.searchParams.get('return')).to.equal('/');
    expect(url.searchParams.get('lang')).to.equal('sv');
    expect(buildStartUrl('https://evil.example/start', 'https://kunta.fi/', 'person', '/')).to.equal(undefined);
    expect(buildStartUrl('javascript:alert(1)', 'https://kunta.fi/', 'person', '/')).to.equal(undefined);
  });

  it('accepts only same-origin http(s) URLs for fetches and links', () => {
    expect(sameOriginUrl('/valtuudet/session', 'https://kunta.fi/x')).to.equal('https://kunta.fi/valtuudet/session');
    expect(sameOriginUrl('https://evil.example/s', 'https://kunta.fi/x')).to.equal(undefined);
    expect(sameOriginUrl('javascript:alert(1)', 'https://kunta.fi/x')).to.equal(undefined);
    expect(sameOriginUrl('', 'https://kunta.fi/x')).to.equal(undefined);
  });

  it('lets the banner reach the e-service on another https origin, and nothing looser', () => {
    const page = 'https://www.kunta.fi/palvelut';
    expect(endpointUrl('/valtuudet/session', page)).to.deep.equal({href: 'https://www.kunta.fi/valtuudet/session', crossOrigin: false});
    expect(endpointUrl('https://asiointi.kunta.fi/valtuudet/session', page)).to.deep.equal({href: 'https://asiointi.kunta.fi/valtuudet/session', crossOrigin: true});
    for (const refused of ['http://asiointi.kunta.fi/valtuudet/session', 'javascript:alert(1)', 'data:application/json,{}',
      'https://user:pw@asiointi.kunta.fi/s', 'ftp://asiointi.kunta.fi/s', '', '   ', 'http://localhost:8080/s']) {
      expect(endpointUrl(refused, page), refused).to.equal(undefined);
    }
    expect(endpointUrl('http://localhost:8080/valtuudet/session', 'http://localhost:8082/'), 'loopback development').to.deep.equal({href: 'http://localhost:8080/valtuudet/session', crossOrigin: true});
  });
});
