// 参保缴费: a worker without a unit chooses items and shares (big − / + buttons), sees the premium and each item's
// waiting period as the server prices them, confirms, pays on the payment provider's page and comes back to 支付结果,
// which asks the server until the provider's answer is in. Cover starts the day after the confirmed payment: the
// screen says so only when the server does. Routes: #enrol, #enrol-pay/<id>, #pay-result/<id>/<orderNo>.

import { h, showErrors, clearErrors } from '/js/lib.js';
import { day } from '/m/cover.js';

/** Draws 参保缴费 with the app's own {@code api}, {@code show}, {@code busy} and {@code formError}. */
export async function enrol(app) {
  const { api, show, busy, formError } = app;
  const offer = await api('/api/v1/m/enrolment');
  if (!offer.eligible) {
    show('参保缴费', h('p', { class: 'empty', id: 'enrol-reason', text: offer.reason }));
    return;
  }
  const chosen = new Map(); // item → { plan, shares }
  const total = h('p', { class: 'total', id: 'enrol-total', role: 'status', text: '请选择保障项目和份数' });
  const next = h('button', { type: 'submit', class: 'btn btn-primary', id: 'enrol-next', text: '下一步', disabled: true });
  const form = h('form', { class: 'card', novalidate: true });
  const waiting = offer.awaiting.length
    ? h('p', { class: 'outcome later', id: 'enrol-awaiting' }, '您有待缴费的参保，',
      h('a', { href: `#enrol-pay/${offer.awaiting[0].enrolmentId}`, text: '去缴费' }))
    : null;

  async function priced() {
    const items = lines();
    next.disabled = !items.length;
    if (!items.length) { total.textContent = '请选择保障项目和份数'; return null; }
    try {
      const quote = await api('/api/v1/m/enrolment/quote', { method: 'POST', json: { items } });
      clearErrors(form);
      total.textContent = `合计 ${quote.premium} 元`;
      return quote;
    } catch (e) {
      showErrors(form, e);
      next.disabled = true;
      return null;
    }
  }

  function lines() {
    return [...chosen.entries()].filter(([, c]) => c.shares > 0).map(([item, c]) => ({ item, plan: c.plan, shares: c.shares }));
  }

  const cards = offer.items.map((item) => itemCard(item, chosen, priced));
  form.append(h('ul', { class: 'choices', id: 'enrol-items' }, cards), total, formError(), next);
  show('参保缴费',
    h('p', { class: 'lead', text: '选择您要参加的保障项目和份数。保障自缴费成功的次日起生效，可随时参保。' }),
    waiting, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = busy(next, '正在计算…');
    const quote = await priced();
    done();
    if (quote) confirm(app, lines(), quote);
  });
}

/** One item: its price per share, waiting period and note (renewal, or when it can be bought), and the shares. */
function itemCard(item, chosen, priced) {
  const plan = { code: item.defaultPlan };
  const price = () => item.plans.find((p) => p.plan === plan.code).price;
  const count = h('output', { class: 'count', id: `shares-${item.item}`, text: '0' });
  const minus = h('button', { type: 'button', class: 'step', 'aria-label': `减少${item.name}份数`, text: '−', disabled: true });
  const plus = h('button', { type: 'button', class: 'step', id: `more-${item.item}`, 'aria-label': `增加${item.name}份数`, text: '+' });
  const perShare = h('p', { class: 'sub', text: `每份 ${price()} 元，最多 ${item.maxShares} 份` });
  const open = !item.availableFrom && !(item.note && item.note.includes('待缴费'));
  const set = (shares) => {
    chosen.set(item.item, { plan: plan.code, shares });
    count.textContent = String(shares);
    minus.disabled = shares <= 0;
    plus.disabled = shares >= item.maxShares || !open;
    priced();
  };
  minus.addEventListener('click', () => set(Math.max(0, Number(count.textContent) - 1)));
  plus.addEventListener('click', () => set(Math.min(item.maxShares, Number(count.textContent) + 1)));
  if (!open) plus.disabled = true;
  const plans = item.plans.length > 1
    ? h('div', { class: 'plans' }, item.plans.map((p) => {
      const radio = h('input', { type: 'radio', name: `plan-${item.item}`, value: p.plan, checked: p.plan === plan.code });
      radio.addEventListener('change', () => {
        plan.code = p.plan;
        perShare.textContent = `每份 ${price()} 元，最多 ${item.maxShares} 份`;
        set(Number(count.textContent));
      });
      return h('label', { class: 'kind' }, radio, h('span', { text: `${p.name}（${p.price} 元）` }));
    }))
    : null;
  return h('li', { class: 'choice', dataset: { item: item.item } },
    h('h2', { text: item.name }), perShare,
    h('p', { class: 'waiting', text: item.waitingWords }),
    item.note ? h('p', { class: item.renewal ? 'note renewal' : 'note', text: item.note }) : null,
    plans,
    h('div', { class: 'stepper' }, minus, count, plus));
}

/** One screen to check: what is bought, the premium, when cover starts; then enrol and go to the provider's page. */
function confirm(app, items, quote) {
  const { api, show, busy, formError } = app;
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'enrol-confirm', text: `确认参保并支付 ${quote.premium} 元` });
  const form = h('form', { class: 'card', novalidate: true },
    h('ul', { class: 'summary', id: 'enrol-summary' }, quote.lines.map(line)),
    h('p', { class: 'total', text: `合计 ${quote.premium} 元` }),
    h('p', { class: 'hint-small', text: '支付成功后，保障自次日起生效。未支付的参保不生效，可在“我的保障”中继续缴费或取消。' }),
    formError(), submit);
  show('确认参保', form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = busy(submit, '正在提交…');
    try {
      const enrolled = await api('/api/v1/m/enrolments', { method: 'POST', json: { items } });
      await goPay(api, enrolled.enrolmentId);
    } catch (e) {
      done();
      showErrors(form, e);
    }
  });
}

function line(l) {
  return h('li', {},
    h('strong', { text: `${l.itemName}　${l.shares} 份` }), h('span', { class: 'amount', text: `${l.premium} 元` }),
    h('p', { class: 'waiting', text: l.waitingWords }));
}

/** Opens (or reopens) the order and leaves for the provider's page; back from it, the worker lands on 支付结果. */
async function goPay(api, enrolmentId) {
  const order = await api(`/api/v1/m/enrolments/${enrolmentId}/payment`, { method: 'POST' });
  history.pushState(null, '', `#pay-result/${enrolmentId}/${encodeURIComponent(order.orderNo)}`);
  location.assign(order.payUrl);
}

/** An enrolment awaiting payment: what it is, 去支付, or withdraw it. */
export async function payEnrolment(app, enrolmentId) {
  const { api, show, busy, formError } = app;
  const e = await api(`/api/v1/m/enrolments/${enrolmentId}`);
  if (e.status !== 'AWAITING_PAYMENT') {
    show('参保缴费', h('p', { class: 'verified', id: 'pay-state', text: e.statusWords }));
    return;
  }
  const pay = h('button', { type: 'submit', class: 'btn btn-primary', id: 'pay-now', text: `去支付 ${e.premium} 元` });
  const cancel = h('button', { type: 'button', class: 'btn btn-quiet', id: 'pay-cancel', text: '不参加了，取消这笔参保' });
  const form = h('form', { class: 'card', novalidate: true },
    h('ul', { class: 'summary' }, e.lines.map(line)), h('p', { class: 'total', text: `待缴 ${e.premium} 元` }), formError(), pay, cancel);
  show('待缴费', form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = busy(pay, '正在打开支付页面…');
    try { await goPay(api, enrolmentId); } catch (err) { done(); showErrors(form, err); }
  });
  cancel.addEventListener('click', async () => {
    const done = busy(cancel, '正在取消…');
    try {
      const after = await api(`/api/v1/m/enrolments/${enrolmentId}/cancellation`, { method: 'POST' });
      show('待缴费', h('p', { class: 'empty', id: 'pay-state', text: after.statusWords }));
    } catch (err) { done(); showErrors(form, err); }
  });
}

/** 支付结果: asks the server (which asks the provider) every 2 seconds for a minute, and says what happened. */
export async function payResult(app, enrolmentId, orderNo) {
  const { api, show, busy } = app;
  const state = h('p', { class: 'outcome later', id: 'pay-result', role: 'status', text: '正在确认支付结果…' });
  const actions = h('div', { class: 'actions' });
  show('支付结果', state, actions);
  for (let tries = 0; tries < 30; tries += 1) {
    if (!state.isConnected) return; // the worker went elsewhere
    const s = await api(`/api/v1/m/enrolments/${enrolmentId}/payments/${encodeURIComponent(orderNo)}`);
    if (s.enrolment.status === 'IN_FORCE') {
      state.className = 'outcome ok';
      state.textContent = `支付成功，保障期 ${day(s.enrolment.coverFrom)} 至 ${day(s.enrolment.coverTo)}`;
      actions.replaceChildren(h('a', { class: 'btn btn-primary', id: 'to-cover', href: '#cover', text: '查看我的保障' }));
      return;
    }
    if (s.orderStatus === 'FAILED' || s.orderStatus === 'CLOSED') {
      state.className = 'outcome no';
      state.textContent = `${s.orderWords}${s.failReason ? `：${s.failReason}` : ''}。参保尚未生效，您可以重新支付。`;
      const again = h('button', { type: 'button', class: 'btn btn-primary', id: 'pay-again', text: '重新支付' });
      again.addEventListener('click', async () => { busy(again, '正在打开支付页面…'); await goPay(api, enrolmentId); });
      actions.replaceChildren(again);
      return;
    }
    await new Promise((resolve) => { setTimeout(resolve, 2000); });
  }
  state.textContent = '暂未收到支付结果。如已付款，请稍后在“我的保障”中查看；保障以到账确认为准。';
}
