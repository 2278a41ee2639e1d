// 我的保障: one card per item the worker holds — in force, not yet started, ended — with its period, the end of
// the waiting period and who paid, in plain words; own enrolments awaiting payment with 去缴费; and the electronic
// cover certificate to download (a PDF).

import { h } from '/js/lib.js';

/** "2026年1月1日" from an ISO day, as the server gave it (no time zone involved). */
export function day(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function line(label, value, id) {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', { text: value, dataset: id ? { fact: id } : {} }));
}

function card(item) {
  const period = item.from ? `${day(item.from)} 至 ${day(item.to)}` : '缴费到账后开始';
  return h('li', { class: `cover cover-${item.status.toLowerCase()}` },
    h('div', { class: 'cover-head' }, h('h2', { text: item.itemName }), h('span', { class: 'state', text: item.statusWords })),
    h('dl', {},
      line('份数', item.planName === item.itemName ? `${item.shares} 份` : `${item.planName}，${item.shares} 份`),
      line('保障期', period, 'period'),
      item.waitingEnds ? line('观察期', `${day(item.waitingEnds)} 结束（因病申领从次日起算）`) : null,
      line('缴费', item.paidBy)));
}

/** Draws the screen with the app's own {@code api} and {@code show}. */
export async function cover(api, show) {
  const [answer, enrolment] = await Promise.all([api('/api/v1/m/cover'), api('/api/v1/m/enrolment')]);
  const awaiting = enrolment.awaiting.map((e) => h('li', { class: 'cover cover-waiting', dataset: { enrolment: e.enrolmentId } },
    h('div', { class: 'cover-head' }, h('h2', { text: e.lines.map((l) => l.itemName).join('、') }),
      h('span', { class: 'state', text: e.statusWords })),
    h('dl', {}, line('应缴', `${e.premium} 元`), line('保障期', '缴费成功次日起生效')),
    h('a', { class: 'btn btn-primary', id: `go-pay-${e.enrolmentId}`, href: `#enrol-pay/${e.enrolmentId}`, text: '去缴费' })));
  const download = h('a', { class: 'btn btn-primary', id: 'certificate', href: '/api/v1/m/cover-certificate', download: '',
    text: '下载电子参保凭证' });
  show('我的保障',
    h('p', { class: 'lead', text: `${answer.maskedName}，以下是您参加的全部保障项目。` }),
    awaiting.length ? h('ul', { class: 'covers', id: 'awaiting' }, awaiting) : null,
    answer.items.length
      ? h('ul', { class: 'covers', id: 'covers' }, answer.items.map(card))
      : h('p', { class: 'empty', text: '您还没有参保记录，请联系所在单位或工会。' }),
    download,
    h('p', { class: 'hint-small', text: '凭证上的二维码可供他人扫码核验，只显示脱敏姓名、保障项目和保障期。' }));
}
