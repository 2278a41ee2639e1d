// 领取免费意外保障: the consent screen of the union's free gift cover for new-form workers — what the cover is and
// its conditions in plain words (from the server), which kind of work the worker does, the consent, one button.
// Nothing is granted until the worker claims; the server checks eligibility, the yearly places and once a year.

import { h, showErrors, clearErrors } from '/js/lib.js';
import { day } from '/m/cover.js';

/** Draws the screen with the app's own {@code api}, {@code show}, {@code busy} and {@code formError}. */
export async function gift({ api, show, busy, formError }) {
  const offer = await api('/api/v1/m/gift-cover');
  if (!offer.eligible) {
    show('免费意外保障', h('p', { class: offer.claimed ? 'verified' : 'empty', id: 'gift-reason',
      text: offer.claimed ? '✓ 您今年已领取免费意外保障，可在“我的保障”中查看' : offer.reason }));
    return;
  }
  const kinds = h('fieldset', { class: 'kinds', id: 'gift-kinds' }, h('legend', { text: '您从事的工作' }),
    offer.workKinds.map((k) => h('label', { class: 'kind' },
      h('input', { type: 'radio', name: 'workKind', value: k.code }), h('span', { text: k.name }))));
  const consent = h('input', { type: 'checkbox', id: 'gift-consent' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'gift-claim', text: '同意并领取', disabled: true });
  const outcome = h('p', { class: 'outcome ok', id: 'gift-outcome', role: 'status', hidden: true });
  consent.addEventListener('change', () => { submit.disabled = !consent.checked; });
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', { text: offer.itemName }),
    h('p', { id: 'gift-explanation', text: offer.explanation }),
    h('h3', { text: '领取条件' }),
    h('ul', { class: 'conditions', id: 'gift-conditions' }, offer.conditions.map((c) => h('li', { text: c }))),
    kinds,
    h('label', { class: 'consent' }, consent, h('span', { text: offer.consent })),
    formError(), outcome, submit);
  show('免费意外保障', h('p', { class: 'lead', text: '工会为新就业形态劳动者免费提供意外伤害互助保障，请阅读后领取。' }), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const chosen = form.querySelector('input[name="workKind"]:checked');
    const done = busy(submit, '正在领取…');
    try {
      const answer = await api('/api/v1/m/gift-cover', { method: 'POST',
        json: { consent: consent.checked, workKind: chosen ? chosen.value : null } });
      done();
      outcome.textContent = `领取成功，保障期 ${day(answer.coverFrom)} 至 ${day(answer.coverTo)}`;
      outcome.hidden = false;
      submit.remove();
      consent.disabled = true;
      form.querySelectorAll('input[name="workKind"]').forEach((r) => { r.disabled = true; });
    } catch (e) {
      done();
      showErrors(form, e);
    }
  });
}
