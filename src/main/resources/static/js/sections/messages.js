// On a member's page: 通知记录 (every text and in-app message sent to them, with its status, the
// number masked and why a text failed) for those who may read notifications, and whether the member
// receives publicity (宣传推广). Staff who register members record a change; consent to publicity
// needs the member's signed consent, withdrawing it never does. A worker changes their own choice.

import { api, busy, dateTime, fill, h, responsive, toast } from '../lib.js';

const PAGE = 20;
const STATUS_BADGE = { DELIVERED: 'badge-green', SENT: 'badge-blue', QUEUED: '', SENDING: 'badge-blue', FAILED: 'badge-red', EXPIRED: 'badge-amber' };
const SOURCE = { MEMBER: '本人选择', STAFF: '工作人员凭书面同意记录', SMS_REPLY: '短信回复TD', ROSTER: '花名册导入' };

/** The cards to add to a member's page for this reader (none when they may see neither). */
export async function notificationCards(member, context) {
  const cards = [];
  if (context.can('NOTIFICATION_READ')) cards.push(await historyCard(member));
  cards.push(await consentCard(member, context));
  return cards;
}

async function historyCard(member) {
  const body = h('div', {});
  const state = { items: [] };
  const load = async () => {
    const page = await api(`/api/v1/members/${member.id}/messages?limit=${PAGE + 1}&offset=${state.items.length}`);
    state.items = state.items.concat(page.slice(0, PAGE));
    const more = page.length > PAGE ? h('button', { type: 'button', class: 'btn btn-small', id: 'member-messages-more' }, '加载更多') : null;
    more?.addEventListener('click', () => busy(more, '加载中…', load).catch((e) => toast(e.message, 'error')));
    fill(body, state.items.length ? messagesTable(state.items) : h('p', { class: 'empty', text: '暂无通知记录' }),
      state.items.length ? h('div', { class: 'list-foot' }, h('span', { class: 'muted', text: `已显示 ${state.items.length} 条` }), more) : null);
  };
  await load();
  return h('section', { class: 'card', id: 'member-messages-card', 'aria-labelledby': 'member-messages-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'member-messages-title', text: '通知记录' }),
      h('p', { text: '短信与站内消息，最新的在前；号码脱敏显示' })),
    body);
}

function messagesTable(items) {
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'member-messages' },
    h('caption', { class: 'visually-hidden', text: '通知记录' }),
    h('thead', {}, h('tr', {}, ['时间', '渠道', '通知', '状态'].map((t) => h('th', { text: t })))),
    h('tbody', {}, items.map((m) => h('tr', { dataset: { id: m.id, status: m.status, channel: m.channel } },
      h('td', { class: 'nowrap', text: dateTime(m.createdAt) }),
      h('td', { class: 'nowrap' }, h('div', {}, h('div', { text: m.channelLabel }),
        m.phoneMasked ? h('div', { class: 'message-meta mono', text: m.phoneMasked }) : null)),
      h('td', { class: 'message-cell' }, h('div', {}, h('div', { text: m.title }),
        h('div', { class: 'message-meta', text: m.channel === 'SMS' ? `${m.purposeLabel} · ${m.segments} 条计费` : m.purposeLabel }))),
      h('td', { class: 'message-status' }, h('div', {}, h('span', { class: `badge ${STATUS_BADGE[m.status] ?? ''}`, text: m.statusLabel }),
        m.failureReason ? h('div', { class: 'failure', text: m.failureReason }) : null))))))));
}

async function consentCard(member, context) {
  const card = h('section', { class: 'card', id: 'member-consent-card', 'aria-labelledby': 'member-consent-title' });
  const show = async () => {
    const p = await api(`/api/v1/members/${member.id}/notification-preferences`);
    const own = context.is('MEMBER');
    const mayChange = context.can('CONSENT_RECORD');
    const state = h('span', { class: `badge ${p.publicity ? 'badge-green' : ''}`, id: 'member-consent-state',
      text: p.publicity ? '接收宣传推广信息' : '不接收宣传推广信息' });
    const change = mayChange ? h('button', { type: 'button', class: 'btn btn-small', id: 'member-consent-change' }, '变更') : null;
    const form = h('div', { id: 'member-consent-form' });
    change?.addEventListener('click', () => {
      change.hidden = true;
      fill(form, changeForm(member, p.publicity, own, show));
    });
    fill(card,
      h('div', { class: 'card-head' }, h('h2', { id: 'member-consent-title', text: '通知偏好' }),
        h('p', { text: '业务通知（申领、支付、保障）始终发送' })),
      h('div', { class: 'consent-line' }, state,
        h('span', { class: 'muted', text: p.source ? `${SOURCE[p.source] || p.source} · ${p.changedBy} · ${dateTime(p.changedAt)}` : '尚未表示同意' }),
        change),
      form);
  };
  await show();
  return card;
}

function changeForm(member, publicity, own, done) {
  const wanted = !publicity;
  const confirm = wanted && !own ? h('input', { type: 'checkbox', id: 'member-consent-confirm' }) : null;
  const save = h('button', { type: 'button', class: 'btn btn-primary', id: 'member-consent-save', disabled: Boolean(confirm) },
    wanted ? '记录为接收宣传推广信息' : '记录为不再接收');
  confirm?.addEventListener('change', () => { save.disabled = !confirm.checked; });
  save.addEventListener('click', () => busy(save, '正在保存…', async () => {
    await api(`/api/v1/members/${member.id}/notification-preferences`, { method: 'PUT', json: { publicity: wanted } });
    toast(wanted ? '已记录：接收宣传推广信息' : '已记录：不再接收宣传推广信息', 'ok');
    await done();
  }).catch((e) => toast(e.message, 'error')));
  return h('div', { class: 'consent-form' },
    confirm ? h('label', { class: 'check-inline' }, confirm, '已取得本人书面同意') : null,
    h('p', { class: 'hint', text: own ? (wanted ? '同意后可收到互助政策与活动的短信，随时可回复TD退订' : '立即生效')
      : (wanted ? '请将本人签字的同意书留存备查' : '退出无需书面材料，立即生效') }),
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', class: 'btn', onclick: () => done() }, '取消')));
}
