// 站内消息 (我的消息 for a worker): the signed-in person's own in-app messages, newest first, unread
// in bold; opening one marks it read, 全部已读 marks them all. The bell in the header shows the
// unread count, asked on load and every minute while the page is in view and its user active: a console
// left alone stops asking, so that the session still ends after 30 idle minutes (docs/security.md).

import { api, busy, dateTime, fill, h, icon, toast } from '../lib.js';

const PAGE = 50;
const POLL = 60_000;
/** No keyboard, pointer or touch for this long: the person is away, and the bell stops asking. */
const AWAY = 20 * 60_000;

let bellLabel = '站内消息';

/** Shows the bell with its count and keeps the count fresh. */
export function startBell(context) {
  const bell = document.getElementById('inbox-bell');
  if (!bell) return;
  bellLabel = context.is('MEMBER') ? '我的消息' : '站内消息';
  bell.prepend(icon('bell'));
  bell.title = bellLabel;
  bell.hidden = false;
  showUnread(null);
  let lastActive = Date.now();   // elapsed time only, never a business date
  for (const kind of ['keydown', 'pointerdown', 'touchstart', 'wheel']) {
    document.addEventListener(kind, () => { lastActive = Date.now(); }, { passive: true, capture: true });
  }
  const poll = () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastActive > AWAY) return;
    api('/api/v1/inbox/unread').then(({ unread }) => showUnread(unread)).catch(() => {});
  };
  poll();
  setInterval(poll, POLL);
}

/** Puts an unread count on the bell (null while not known yet). */
export function showUnread(unread) {
  const bell = document.getElementById('inbox-bell');
  const count = document.getElementById('inbox-unread');
  if (!bell || !count) return;
  count.textContent = unread > 99 ? '99+' : String(unread ?? '');
  count.hidden = !unread;
  bell.dataset.unread = unread ?? '';
  bell.setAttribute('aria-label', unread ? `${bellLabel}，${unread} 条未读` : `${bellLabel}，没有未读消息`);
}

export async function render(root, context) {
  const title = context.is('MEMBER') ? '我的消息' : '站内消息';
  const list = h('ul', { class: 'inbox', id: 'inbox-list', 'aria-label': title });
  const status = h('p', { class: 'muted', id: 'inbox-status', 'aria-live': 'polite' });
  const readAll = h('button', { type: 'button', class: 'btn', id: 'inbox-read-all' }, '全部已读');
  const more = h('button', { type: 'button', class: 'btn btn-small', id: 'inbox-more', hidden: true }, '加载更多');
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: title }), h('p', { text: context.is('MEMBER') ? '申领、支付、保障等通知，最新的在前' : '发给本账户的通知，最新的在前' })),
      readAll),
    h('section', { class: 'card', 'aria-label': title }, status, list, h('div', { class: 'list-foot' }, h('span'), more)));

  const state = { items: [], unread: 0 };
  const counted = (unread) => {
    state.unread = unread;
    status.textContent = unread ? `${unread} 条未读` : '没有未读消息';
    readAll.disabled = !unread;
    showUnread(unread);
  };
  const load = async (offset) => {
    const inbox = await api(`/api/v1/inbox?limit=${PAGE}&offset=${offset}`);
    state.items = offset ? state.items.concat(inbox.items) : inbox.items;
    more.hidden = inbox.items.length < PAGE;
    counted(inbox.unread);
    fill(list, state.items.length ? state.items.map((m) => item(m, counted)) : h('li', { class: 'empty', text: '暂无消息' }));
  };
  readAll.addEventListener('click', () => busy(readAll, '处理中…', async () => {
    await api('/api/v1/inbox/read-all', { method: 'POST' });
    list.querySelectorAll('.message.unread').forEach(markShownRead);
    counted(0);
  }).catch((e) => toast(e.message, 'error')));
  more.addEventListener('click', () => busy(more, '加载中…', () => load(state.items.length)).catch((e) => toast(e.message, 'error')));
  await load(0);
}

function item(m, counted) {
  const unread = !m.readAt;
  const open = h('button', { type: 'button', class: 'message-open', 'aria-expanded': 'false' },
    h('span', { class: 'message-head' },
      unread ? h('span', { class: 'dot', 'aria-hidden': 'true' }) : null,
      h('span', { class: 'message-title', text: m.title }),
      unread ? h('span', { class: 'visually-hidden', text: '（未读）' }) : null,
      h('span', { class: 'message-time', text: dateTime(m.createdAt) })),
    h('span', { class: 'message-body', text: m.body }));
  const li = h('li', { class: unread ? 'message unread' : 'message', dataset: { id: m.id } }, open);
  open.addEventListener('click', async () => {
    open.setAttribute('aria-expanded', String(li.classList.toggle('open')));
    if (!li.classList.contains('unread')) return;
    try {
      const { unread: left } = await api(`/api/v1/inbox/${m.id}/read`, { method: 'POST' });
      markShownRead(li);
      counted(left);
    } catch (e) {
      toast(e.message, 'error');
    }
  });
  return li;
}

function markShownRead(li) {
  li.classList.remove('unread');
  li.querySelector('.dot')?.remove();
  li.querySelector('.visually-hidden')?.remove();
}
