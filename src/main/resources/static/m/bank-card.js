// 我的银行卡: the card on file (masked) and changing it. The worker types the number (spaces allowed); the bank is
// found from its first digits, or picked from the list when the number's prefix is unknown; the server checks the
// card with the name, ID number and bound phone (四要素) and changes it only when they belong together.

import { h, field, showErrors, clearErrors } from '/js/lib.js';

let lookup = 0;

/** Shows the screen into {@code show}; {@code api} is the app's caller (a 401 goes back to sign-in). */
export async function bankCard(api, show) {
  const current = await api('/api/v1/m/bank-card');
  const onFile = h('p', { class: 'lead', id: 'bank-card-current',
    text: current.hasCard ? `当前收款卡：${current.bankName} ${current.maskedCard}` : '您还没有登记收款银行卡' });
  const number = h('input', { name: 'cardNumber', inputmode: 'numeric', autocomplete: 'off', maxlength: 23, placeholder: '请输入本人借记卡卡号' });
  const found = h('p', { class: 'hint', id: 'bank-card-bank', 'aria-live': 'polite' });
  const bank = h('select', { name: 'bankName' }, h('option', { value: '', text: '请选择开户银行' }),
    current.banks.map((b) => h('option', { value: b, text: b })));
  const picker = field('开户银行', bank, { hint: '未能从卡号识别银行，请选择' });
  picker.hidden = true;
  const consent = h('input', { type: 'checkbox', id: 'bank-card-consent' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'bank-card-submit', text: '核验并更换', disabled: true });
  const outcome = h('p', { class: 'outcome', id: 'bank-card-outcome', role: 'status', hidden: true });
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  consent.addEventListener('change', () => { submit.disabled = !consent.checked; });
  number.addEventListener('input', () => identify(api, number.value, found, picker));
  const form = h('form', { class: 'card', novalidate: true },
    field('银行卡号', number), found, picker,
    h('label', { class: 'consent' }, consent, h('span', { text: current.consent })),
    problem, outcome, submit);
  show('我的银行卡', onFile, h('p', { class: 'lead', text: '互助金将发放到这张卡。请使用本人名下、预留本手机号码的借记卡（储蓄卡）。' }), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    outcome.hidden = true;
    submit.disabled = true;
    submit.textContent = '正在核验…';
    try {
      const answer = await api('/api/v1/m/bank-card', { method: 'POST',
        json: { cardNumber: number.value, bankName: picker.hidden ? null : bank.value, consent: consent.checked } });
      outcome.textContent = answer.message;
      outcome.className = `outcome ${answer.changed ? 'ok' : answer.result === 'UNAVAILABLE' ? 'later' : 'no'}`;
      outcome.hidden = false;
      if (answer.changed) {
        onFile.textContent = `当前收款卡：${answer.bankName} ${answer.maskedCard}`;
        number.value = '';
      }
    } catch (e) {
      showErrors(form, e);
    }
    submit.disabled = !consent.checked;
    submit.textContent = '核验并更换';
  });
}

/** Names the bank once six digits are typed; an unknown prefix opens the list to pick from. */
async function identify(api, typed, found, picker) {
  const digits = typed.replace(/\s/g, '');
  const asked = ++lookup;
  if (digits.length < 6) { found.textContent = ''; picker.hidden = true; return; }
  const issuer = await api('/api/v1/m/bank-card/issuer', { method: 'POST', json: { cardNumber: digits } });
  if (asked !== lookup) return;
  if (issuer.bankName) {
    found.textContent = issuer.debit ? `开户银行：${issuer.bankName}` : `${issuer.bankName}${issuer.cardType}：互助金只能发放到借记卡`;
    picker.hidden = true;
  } else {
    found.textContent = '';
    picker.hidden = false;
  }
}
