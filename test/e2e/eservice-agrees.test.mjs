// The demo e-service says what the guide says (issue 17): a child's application is made on the child's behalf;
// a guardian usually needs no mandate, anyone else needs one the guardians give on the child's behalf (R10, R11);
// the guidance after a refusal is the child's (guide-principal="minor", basis="none"); Suomi.fi Messages only
// "if they use it" (R5). Expectations from docs/rules.md, in fi, sv and en.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {SERVICES, T} from '../../demo/eservice.mjs';

const CHILD = {
  guardianNeedsNone: {fi: /huoltaja, et yleensä tarvitse valtuutta/, sv: /vårdnadshavare behöver du oftast ingen fullmakt/, en: /guardian, you usually need no mandate/},
  othersNeedGuardians: {fi: /huoltajat antavat lapsen puolesta/, sv: /vårdnadshavare ger för barnets räkning/, en: /guardians give on the child’s behalf/},
  chooseTheChild: {fi: /valitse lapsi/, sv: /välj barnet/, en: /choose the child/},
  ownName: {fi: /omissa nimissäsi/, sv: /i eget namn/, en: /in your own name/},
};

for (const lang of ['fi', 'sv', 'en']) {
  test(`the child's application (${lang}) says what the guide says`, () => {
    const service = SERVICES.asiointi;
    assert.equal(service.guidePrincipal, 'minor', 'the guidance after a refusal is the child’s');
    const intro = service.intro[lang];
    assert.match(intro, CHILD.guardianNeedsNone[lang]);
    assert.match(intro, CHILD.othersNeedGuardians[lang]);
    assert.match(intro, CHILD.chooseTheChild[lang]);
    assert.doesNotMatch(intro, CHILD.ownName[lang], 'never "apply for your own child in your own name"');
  });

  test(`the association's grant application (${lang}) names the register role and the mandate`, () => {
    const service = SERVICES.avustushakemus;
    assert.equal(service.guidePrincipal, 'association');
    assert.match(service.intro[lang], {fi: /yhdistysrekisterin mukaan saat kirjoittaa yhdistyksen nimen yksin/, sv: /föreningsregistret visar att du ensam får teckna föreningens namn/, en: /Register of Associations shows that you may sign for the association alone/}[lang]);
  });

  test(`the receipt (${lang}) promises a Suomi.fi Messages notice only if the principal uses it`, () => {
    assert.match(T[lang].notified, {fi: /Jos valtuuttaja käyttää Suomi\.fi-viestejä/, sv: /Om fullmaktsgivaren använder Suomi\.fi-meddelanden/, en: /If the principal uses Suomi\.fi Messages/}[lang]);
  });
}
