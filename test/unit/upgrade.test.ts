import {expect, waitUntil} from '@open-wc/testing';

// Runs in its own file so the element is not defined yet: the editor's markup is in the page first,
// then the script arrives (as with <script defer>).
describe('upgrade of existing markup', () => {
  it('keeps the light-DOM fallback until defined, then renders guidance in the page language', async () => {
    const host = document.createElement('div');
    host.lang = 'sv';
    host.innerHTML = '<mandate-guide theme="koulu_tai_tutkintotodistuksen_tilaaminen" principal="person" situation="on-behalf"><p>Fallback</p></mandate-guide>';
    document.body.append(host);
    const el = host.querySelector('mandate-guide')!;
    expect(el.shadowRoot).to.equal(null);
    expect((el.firstElementChild as HTMLElement).offsetHeight).to.be.greaterThan(0);
    await import('../../src/elements/mandate-guide/define.js');
    await waitUntil(() => el.shadowRoot?.textContent?.includes('Beställning av skol- eller examensbetyg'));
    const fallbackSlot = el.shadowRoot!.querySelector('.fallback slot');
    expect(fallbackSlot, 'fallback hidden once guidance renders').to.equal(null);
    host.remove();
  });
});
