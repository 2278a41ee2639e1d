// 申诉 and 决定书 in the member app: on a claim that was refused or cut, until when the worker may appeal and a button to
// the appeal screen (the reason in their own words and photos of any new material, in one go); the appeal's progress in
// plain words; the decision letters to download. Whether and until when an appeal may be lodged comes from the server.

import { h, field, showErrors, clearErrors, dateTime } from '/js/lib.js';
import { day } from '/m/cover.js';
import { photoPicker, appendPhotos } from '/m/claim.js';

/** The claim screen's cards about appeals and letters, in order (none when there is nothing to say). */
export function appealCards(c) {
  const cards = [];
  if (c.appeal) {
    cards.push(h('div', { class: 'card', id: 'claim-appeal' }, h('h2', { text: '我的申诉' }),
      h('p', { id: 'claim-appeal-words', class: c.appeal.pending ? 'waiting' : 'verdict', text: c.appeal.words }),
      h('p', { class: 'sub', text: `${dateTime(c.appeal.lodgedAt)} 提出：${c.appeal.reason}` }),
      c.appeal.decisionReason ? h('p', { class: 'sub', id: 'claim-appeal-reply', text: `复核意见：${c.appeal.decisionReason}` }) : null));
  } else if (c.appealableUntil) {
    const open = h('button', { type: 'button', class: 'btn', id: 'open-appeal', text: '我要申诉' });
    open.addEventListener('click', () => { location.hash = `#claim/${c.id}/appeal`; });
    cards.push(h('div', { class: 'card', id: 'claim-may-appeal' }, h('h2', { text: '对结果有异议？' }),
      h('p', { text: `可在 ${day(c.appealableUntil)} 前申诉一次，由上一级工会没有参与原决定的工作人员重新审核。` }), open));
  }
  if (c.letters.length) {
    cards.push(h('div', { class: 'card', id: 'claim-letters' }, h('h2', { text: '决定书' }),
      h('p', { class: 'sub', text: '决定书不含病情和完整的证件号、银行卡号，可以交给单位。' }),
      ...c.letters.map((l) => h('div', { class: 'letter' }, h('p', { class: 'sub', text: `${day(l.decidedOn)}的决定` }),
        h('a', { class: 'btn', href: l.href, download: '', dataset: { number: l.number }, text: `下载${l.title}` })))));
  }
  return cards;
}

/** The appeal screen: why, in the worker's words, and photos of new material if any; sent in one go. */
export async function appealScreen({ api, show, busy, formError }, id) {
  const c = await api(`/api/v1/m/claims/${id}`);
  if (!c.appealableUntil) {
    show('申诉', h('p', { class: 'lead', text: c.appeal ? '这份申领已经申诉过了，每份申领只能申诉一次。' : '这份申领现在不能申诉。' }));
    return;
  }
  const reason = h('textarea', { name: 'reason', id: 'appeal-reason', rows: 5, maxlength: 500,
    placeholder: '例如：医院补开的票据可以证明住院费用，请重新审核' });
  const picker = await photoPicker(api, 'appeal-photos', 'OTHER');
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'appeal-submit', text: '提交申诉' });
  const form = h('form', { class: 'card', novalidate: true },
    field('为什么不同意这个结果？', reason, { hint: '用自己的话写清楚，不超过 500 字' }),
    h('p', { text: '有新的材料（如补开的票据、诊断证明）可以拍照一起提交，没有可以不拍。' }),
    picker.element, h('p', { class: 'field-error', 'data-error-for': 'documents' }), formError(), send);
  show('申诉', h('p', { class: 'lead', text: `申领 ${c.reference}：${c.statusName}。请在 ${day(c.appealableUntil)} 前提交，只能申诉一次。` }), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = new FormData();
    body.append('reason', reason.value.trim());
    appendPhotos(body, picker.photos());
    const done = busy(send, '正在提交…');
    try {
      await api(`/api/v1/m/claims/${id}/appeal`, { method: 'POST', form: body });
      location.hash = `#claim/${id}`;
    } catch (e) {
      done();
      showErrors(form, e);
    }
  });
}
