import {expect} from '@open-wc/testing';
import {inLocale, msg} from '../../src/localization.js';

describe('localization', () => {
  it('falls back to the English source outside any locale', () => {
    expect(inLocale('en', () => msg('Acting on behalf of someone else'))).to.equal('Acting on behalf of someone else');
  });
});
