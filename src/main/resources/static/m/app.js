// 掌上办: the member app once the worker is signed in (the page's own inline script signs in by phone and texted code
// and binds the number to one's registration the first time). One screen at a time: home, 实名认证 (the worker's own real-name check), 领取免费意外保障 (gift.js), 参保缴费 (enrol.js), my cover (cover.js), my bank card (bank-card.js), changing the phone number (phone.js), 申领互助金 (claim.js), 我的申领 and its progress (claims.js) and the inbox. Every figure comes from the API; the browser's clock
// is never used for a business date, only to count down the seconds the server gave.

import { h, fill, csrfToken, showErrors, clearErrors, dateTime, ApiError } from '/js/lib.js';
import { cover } from '/m/cover.js';
import { gift } from '/m/gift.js';
import { bankCard } from '/m/bank-card.js';
import { phone } from '/m/phone.js';
import { enrol, payEnrolment, payResult } from '/m/enrol.js';
import { newClaim } from '/m/claim.js';
import { myClaims, oneClaim } from '/m/claims.js';
import { appealScreen } from '/m/appeal.js';

const screen = document.getElementById('screen');
const back = document.getElementById('back');
let me = null;

/**
 * Calls the API as this browser with a JSON body ({@code json}) or a multipart one ({@code form}, photos); a 401 is an
 * answer here (the app shows its sign-in), not a redirect.
 */
async function api(path, { method = 'GET', json, form } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const body = form !== undefined ? form : json === undefined ? undefined : JSON.stringify(json);
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { detail: '网络不通，请检查网络后再试' });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: '服务暂时不可用，请稍后再试' };
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
    throw error;
  }
  return data;
}

function show(title, ...content) {
  fill(screen, h('h1', { text: title }), ...content);
  document.title = `${title} · 掌上办`;
  back.hidden = !location.hash;
  window.scrollTo(0, 0);
}

function formError() {
  return h('p', { class: 'form-error', role: 'alert', hidden: true });
}

function busy(button, label) {
  const before = button.textContent;
  button.disabled = true;
  button.textContent = label;
  return () => { button.disabled = false; button.textContent = before; };
}

// ---------- signed in ----------

async function home() {
  const [member, inbox, offer, enrolment] = await Promise.all([api(`/api/v1/members/${me.memberId}`), api('/api/v1/inbox/unread'),
    api('/api/v1/m/gift-cover'), api('/api/v1/m/enrolment')]);
  const messages = h('button', { type: 'button', class: 'tile', id: 'open-inbox' },
    h('span', {}, h('strong', { text: '我的消息' }), h('span', { class: 'sub', text: inbox.unread ? '有新消息' : '通知与提醒' })),
    inbox.unread ? h('span', { class: 'badge', 'aria-label': `${inbox.unread} 条未读`, text: String(inbox.unread) }) : null,
    h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  messages.addEventListener('click', () => { location.hash = '#inbox'; });
  const realName = member.realNameVerified
    ? h('p', { class: 'verified', id: 'real-name-done', text: '✓ 已完成实名认证' })
    : h('button', { type: 'button', class: 'tile', id: 'open-real-name' },
      h('span', {}, h('strong', { text: '实名认证' }), h('span', { class: 'sub', text: '尚未认证，认证后方可办理互助保障业务' })),
      h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  if (!member.realNameVerified) realName.addEventListener('click', () => { location.hash = '#real-name'; });
  const myCover = h('button', { type: 'button', class: 'tile', id: 'open-cover' },
    h('span', {}, h('strong', { text: '我的保障' }), h('span', { class: 'sub', text: '参保项目、保障期与电子凭证' })),
    h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  myCover.addEventListener('click', () => { location.hash = '#cover'; });
  const giftTile = offer.eligible
    ? h('button', { type: 'button', class: 'tile', id: 'open-gift' },
      h('span', {}, h('strong', { text: '领取免费意外保障' }), h('span', { class: 'sub', text: '工会赠送，新就业形态劳动者免费领取' })),
      h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }))
    : null;
  giftTile?.addEventListener('click', () => { location.hash = '#gift'; });
  // only for a worker without a unit: one with a unit enrols through it
  const enrolTile = enrolment.eligible
    ? h('button', { type: 'button', class: 'tile', id: 'open-enrol' },
      h('span', {}, h('strong', { text: '参保缴费' }),
        h('span', { class: 'sub', text: enrolment.awaiting.length ? '有待缴费的参保' : '选择保障项目，在线缴费，到期续保' })),
      h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }))
    : null;
  enrolTile?.addEventListener('click', () => { location.hash = '#enrol'; });
  const card = h('button', { type: 'button', class: 'tile', id: 'open-bank-card' },
    h('span', {}, h('strong', { text: '我的银行卡' }), h('span', { class: 'sub', text: member.maskedBankAccount ? `收款卡 ${member.maskedBankAccount}` : '登记收款银行卡' })),
    h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  card.addEventListener('click', () => { location.hash = '#bank-card'; });
  const number = h('button', { type: 'button', class: 'tile', id: 'open-phone' },
    h('span', {}, h('strong', { text: '更换手机号码' }), h('span', { class: 'sub', text: `当前 ${member.maskedPhone || '未登记'}` })),
    h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  number.addEventListener('click', () => { location.hash = '#phone'; });
  const claimTile = h('button', { type: 'button', class: 'tile', id: 'open-claim' },
    h('span', {}, h('strong', { text: '申领互助金' }), h('span', { class: 'sub', text: '住院、门诊特殊病、意外，拍照即可申领' })),
    h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  claimTile.addEventListener('click', () => { location.hash = '#claim'; });
  const claimsTile = h('button', { type: 'button', class: 'tile', id: 'open-claims' },
    h('span', {}, h('strong', { text: '我的申领' }), h('span', { class: 'sub', text: '办理进度、补充材料与支付情况' })),
    h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
  claimsTile.addEventListener('click', () => { location.hash = '#claims'; });
  const out = h('button', { type: 'button', class: 'btn btn-quiet', id: 'sign-out', text: '退出登录' });
  out.addEventListener('click', async () => {
    await api('/api/v1/m/sign-out', { method: 'POST' });
    signOut();
  });
  show('您好',
    h('div', { class: 'card hello' },
      h('span', { class: 'avatar', 'aria-hidden': 'true', text: member.name.slice(0, 1) }),
      h('div', { class: 'who' }, h('h2', { id: 'member-name', text: member.name }),
        h('p', { id: 'member-id', text: `身份证 ${member.maskedIdNumber}` }))),
    realName, giftTile, claimTile, claimsTile, enrolTile, myCover, card, number, messages, out);
}

/** 实名认证: what will be checked (masked), the consent, one button; the server asks with the facts on record. */
async function realName() {
  const status = await api('/api/v1/m/real-name');
  if (status.verified) { show('实名认证', h('p', { class: 'verified', text: '✓ 您已完成实名认证' })); return; }
  const consent = h('input', { type: 'checkbox', id: 'real-name-consent' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'real-name-verify', text: '开始核验', disabled: true });
  const outcome = h('p', { class: 'outcome', id: 'real-name-outcome', role: 'status', hidden: true });
  consent.addEventListener('change', () => { submit.disabled = !consent.checked; });
  const form = h('form', { class: 'card', novalidate: true },
    h('dl', { class: 'facts' },
      h('dt', { text: '姓名' }), h('dd', { id: 'real-name-name', text: status.name }),
      h('dt', { text: '身份证号码' }), h('dd', { id: 'real-name-id', text: status.maskedIdNumber }),
      h('dt', { text: '手机号码' }), h('dd', { id: 'real-name-phone', text: status.maskedPhone || '未登记' })),
    h('label', { class: 'consent' }, consent, h('span', { text: status.consent })),
    formError(), outcome, submit);
  show('实名认证', h('p', { class: 'lead', text: '用您登记的姓名、身份证号码和绑定的手机号码向权威身份核验服务核验，无需上传证件。' }), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    outcome.hidden = true;
    const done = busy(submit, '正在核验…');
    try {
      const answer = await api('/api/v1/m/real-name', { method: 'POST', json: { consent: consent.checked } });
      done();
      outcome.textContent = answer.message;
      outcome.className = `outcome ${answer.verified ? 'ok' : answer.result === 'UNAVAILABLE' ? 'later' : 'no'}`;
      outcome.hidden = false;
      if (answer.verified) { submit.remove(); consent.disabled = true; }
    } catch (e) {
      done();
      showErrors(form, e);
    }
  });
}

async function inbox() {
  const answer = await api('/api/v1/inbox?limit=50');
  const unread = h('p', { id: 'unread', text: answer.unread ? `${answer.unread} 条未读` : '全部已读' });
  const all = h('button', { type: 'button', class: 'btn', id: 'read-all', text: '全部标为已读', disabled: !answer.unread });
  all.addEventListener('click', async () => { await api('/api/v1/inbox/read-all', { method: 'POST' }); await inbox(); });
  const list = h('ul', { class: 'messages', id: 'messages' }, answer.items.map((m) => message(m, unread)));
  show('我的消息', h('div', { class: 'row' }, unread, all),
    answer.items.length ? list : h('p', { class: 'empty', text: '还没有消息' }));
}

function message(m, unread) {
  const item = h('button', { type: 'button', class: `message${m.readAt ? ' read' : ''}`, dataset: { id: m.id } },
    h('span', { class: 'title' }, m.readAt ? null : h('span', { class: 'dot', 'aria-label': '未读' }), m.title || m.channelLabel),
    h('p', { class: 'body', text: m.body }),
    h('p', { class: 'when', text: dateTime(m.createdAt) }));
  item.addEventListener('click', async () => {
    if (item.classList.contains('read')) return;
    const left = await api(`/api/v1/inbox/${m.id}/read`, { method: 'POST' });
    item.classList.add('read');
    item.querySelector('.dot')?.remove();
    unread.textContent = left.unread ? `${left.unread} 条未读` : '全部已读';
  });
  return h('li', {}, item);
}

// ---------- start ----------

async function route() {
  try {
    if (location.hash === '#inbox') await inbox();
    else if (location.hash === '#real-name') await realName();
    else if (location.hash === '#cover') await cover(api, show);
    else if (location.hash === '#gift') await gift({ api, show, busy, formError });
    else if (location.hash === '#enrol') await enrol({ api, show, busy, formError });
    else if (location.hash.startsWith('#enrol-pay/')) await payEnrolment({ api, show, busy, formError }, location.hash.split('/')[1]);
    else if (location.hash.startsWith('#pay-result/')) {
      const [, id, orderNo] = location.hash.split('/');
      await payResult({ api, show, busy }, id, decodeURIComponent(orderNo));
    }
    else if (location.hash === '#bank-card') await bankCard(api, show);
    else if (location.hash === '#claim' || location.hash.startsWith('#claim?')) await newClaim({ api, show, busy, formError });
    else if (location.hash === '#claims') await myClaims({ api, show });
    else if (/^#claim\/\d+$/.test(location.hash)) await oneClaim({ api, show, busy, formError }, location.hash.slice(7));
    else if (/^#claim\/\d+\/appeal$/.test(location.hash)) await appealScreen({ api, show, busy, formError }, location.hash.split('/')[1]);
    else if (location.hash === '#phone') phone(api, show, (await api(`/api/v1/members/${me.memberId}`)).maskedPhone);
    else await home();
  } catch (e) {
    if (e.status === 401) signOut('登录已过期，请重新登录'); else show('出错了', h('p', { class: 'form-error', text: e.message }));
  }
}

/** Back to the page's own sign-in screen (the server draws it), with a word to show there. */
function signOut(notice) {
  me = null;
  if (notice) sessionStorage.setItem('m-notice', notice);
  location.replace('/m/');
}

/** Who is signed in: only a worker's session opens the app; anyone else signs in on the page's first screen. */
async function start() {
  try {
    const who = await api('/api/v1/me');
    me = who.role === 'MEMBER' && who.memberId ? who : null;
  } catch {
    me = null;
  }
  if (me) await route();
  else signOut();
}

back.addEventListener('click', () => { location.hash = ''; });
window.addEventListener('hashchange', () => { if (me) route(); });
// back from the payment provider's page, the browser may restore this page as it was left: draw the screen again
window.addEventListener('pageshow', (event) => { if (event.persisted && me) route(); });
// the page's sign-in screen says when the worker is signed in; a page drawn for a signed-in worker says so itself
window.addEventListener('m:signed-in', start);
if (document.documentElement.dataset.member === 'yes') start();
