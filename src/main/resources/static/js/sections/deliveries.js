// 通知 · 发送统计: texts and in-app messages per office and per day (China time) inside the reader's
// scope — how many, SMS segments billed, waiting, sent, delivered, failed, expired and the delivery
// rate. The first view is the period the server chooses (the last 30 days by its clock).

import { api, clearErrors, field, fill, h, responsive, showErrors } from '../lib.js';

const HEADINGS = ['短信条数', '计费条数', '待发', '已发', '已送达', '失败', '过期', '送达率', '站内消息'];

export async function render(root) {
  const from = h('input', { type: 'date', name: 'from', id: 'deliveries-from' });
  const to = h('input', { type: 'date', name: 'to', id: 'deliveries-to' });
  const search = h('button', { type: 'submit', class: 'btn btn-primary', id: 'deliveries-search' }, '统计');
  const form = h('form', { class: 'search-bar', 'aria-label': '统计期间' },
    field('开始日期', from, { errorFor: 'from' }), field('结束日期', to, { errorFor: 'to' }), search);
  const results = h('div', { id: 'deliveries-results', class: 'stack' }, h('p', { class: 'loading', text: '正在统计…' }));
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '发送统计' }),
      h('p', { text: '本人管辖范围内的短信与站内消息，按天（中国时间）与下一级单位汇总' }))),
    h('div', { class: 'stack' }, h('section', { class: 'card', 'aria-label': '统计期间' }, form), results));

  const load = async (query) => {
    clearErrors(form);
    let statistics;
    try {
      statistics = await api(`/api/v1/notifications/statistics${query ? `?${query}` : ''}`);
    } catch (e) {
      showErrors(form, e);
      return;
    }
    from.value = statistics.from;
    to.value = statistics.to;
    fill(results, report(statistics));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(new URLSearchParams({ from: from.value, to: to.value }).toString());
  });
  await load('');
}

/** Adds the SMS and in-app counts of one row of the API to a line (one day and office, or a total). */
function add(line, row) {
  if (row.channel === 'SMS') {
    for (const k of ['messages', 'segments', 'queued', 'sent', 'delivered', 'failed', 'expired']) line.sms[k] += row[k];
  } else {
    line.inbox += row.messages;
  }
  return line;
}

function emptyLine(key, day, officeName) {
  return { key, day, officeName, inbox: 0, sms: { messages: 0, segments: 0, queued: 0, sent: 0, delivered: 0, failed: 0, expired: 0 } };
}

function group(rows, keyOf) {
  const lines = new Map();
  for (const r of rows) {
    const key = keyOf(r);
    if (!lines.has(key)) lines.set(key, emptyLine(key, r.day, r.officeName));
    add(lines.get(key), r);
  }
  return [...lines.values()];
}

/** Delivered among those that left the queue; none left yet → no rate. */
function rate(sms) {
  const done = sms.messages - sms.queued;
  return done > 0 ? `${((100 * sms.delivered) / done).toFixed(1)}%` : '—';
}

function report(statistics) {
  const total = statistics.rows.reduce(add, emptyLine('total', null, '合计'));
  const offices = group(statistics.rows, (r) => r.office).sort((a, b) => a.officeName.localeCompare(b.officeName, 'zh-CN'));
  const days = group(statistics.rows, (r) => `${r.day}|${r.office}`);
  const period = `${statistics.from} 至 ${statistics.to}`;
  return [
    h('div', { class: 'totals', id: 'deliveries-totals' },
      tile('短信', total.sms.messages, 'deliveries-total-sms'),
      tile('短信计费条数', total.sms.segments, 'deliveries-total-segments'),
      tile('送达率', rate(total.sms), 'deliveries-total-rate'),
      tile('站内消息', total.inbox, 'deliveries-total-inbox')),
    h('section', { class: 'card', 'aria-labelledby': 'deliveries-offices-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'deliveries-offices-title', text: '按单位' }), h('p', { text: period })),
      table('deliveries-offices', '单位', offices, (l) => [h('td', { class: 'name', text: l.officeName })], total, 1)),
    h('section', { class: 'card', 'aria-labelledby': 'deliveries-days-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'deliveries-days-title', text: '按天' }),
        h('p', { text: '送达率 = 已送达 ÷（短信条数 − 待发）' })),
      table('deliveries-days', '日期', days, (l) => [h('td', { class: 'nowrap', text: l.day }), h('td', { class: 'name', text: l.officeName })],
        total, 2)),
  ];
}

function tile(label, value, id) {
  return h('div', { class: 'stat' }, h('div', { class: 'n', id, text: value }), h('div', { class: 'l', text: label }));
}

function table(id, first, lines, lead, total, leading) {
  if (!lines.length) return h('p', { class: 'empty', id: `${id}-empty`, text: '这段时间没有发送通知' });
  const headings = leading === 2 ? ['日期', '单位'] : [first];
  const counts = (l) => [l.sms.messages, l.sms.segments, l.sms.queued, l.sms.sent, l.sms.delivered, l.sms.failed, l.sms.expired, rate(l.sms), l.inbox]
    .map((n) => h('td', { class: 'num', text: n }));
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id, class: 'counts' },
    h('caption', { class: 'visually-hidden', text: `发送统计（${first}）` }),
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { text: t })), HEADINGS.map((t) => h('th', { class: 'num', text: t })))),
    h('tbody', {}, lines.map((l) => h('tr', { dataset: { key: l.key } }, lead(l), counts(l)))),
    h('tfoot', {}, h('tr', { class: 'total' }, h('td', { colspan: leading, text: '合计', dataset: { label: '' } }),
      counts(total).map((td, i) => { td.dataset.label = HEADINGS[i]; return td; }))))));
}
