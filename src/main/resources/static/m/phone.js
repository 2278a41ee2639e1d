// 更换手机号码: the new number, 获取验证码 (texted to the new number), the code, 确认更换. The binding moves to the new
// number; the old one is kept in the history and receives a reminder.

import { h, field, showErrors, clearErrors } from '/js/lib.js';

/** Shows the screen into {@code show}; {@code api} is the app's caller; {@code current} the masked number on file. */
export function phone(api, show, current) {
  const number = h('input', { name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: 13 });
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 });
  const send = h('button', { type: 'button', class: 'btn', id: 'phone-send', text: '获取验证码' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'phone-submit', text: '确认更换' });
  const outcome = h('p', { class: 'outcome', id: 'phone-outcome', role: 'status', hidden: true });
  const form = h('form', { class: 'card', novalidate: true },
    field('新手机号码', number), send, field('短信验证码', code, { hint: '验证码发送到新手机号码' }), outcome, submit);
  show('更换手机号码', h('p', { class: 'lead', id: 'phone-current', text: `当前绑定：${current || '未登记'}` }), form);
  send.addEventListener('click', async () => {
    clearErrors(form);
    try {
      const sent = await api('/api/v1/m/phone/code', { method: 'POST', json: { phone: number.value } });
      send.disabled = true;
      send.textContent = '验证码已发送';
      setTimeout(() => { send.disabled = false; send.textContent = '重新获取'; }, sent.resendInSeconds * 1000);
    } catch (e) {
      showErrors(form, e);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api('/api/v1/m/phone', { method: 'POST', json: { phone: number.value, code: code.value } });
      outcome.textContent = answer.message;
      outcome.className = 'outcome ok';
      outcome.hidden = false;
      submit.remove();
    } catch (e) {
      showErrors(form, e);
    }
  });
}
