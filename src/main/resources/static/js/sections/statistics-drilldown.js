// The list behind a figure of 统计看板 (GET /api/v1/reporting/drilldown with the dashboard's filters), a page at a
// time; personal data arrives masked. Its columns are those of the rows the API answers, named in Chinese here.

import { api, dateTime, fill, h, responsive, toast, yuan } from '../lib.js';
import { count } from './statistics-charts.js';

const PAGE = 20;

/** Column names of the drill-down rows; a key not listed here is not shown (ids and codes behind a shown name). */
const COLUMNS = {
  memberName: '职工', name: '名称', idNumber: '身份证号', phone: '手机号', unitName: '单位', officeName: '所属工会',
  creditCode: '统一社会信用代码', ownershipName: '单位性质', formName: '就业形态', itemName: '保障项目', items: '保障项目',
  coverFrom: '保障起始', coverTo: '保障截止', personTimes: '参保人次', enrolments: '参保项次',
  claimNo: '申领编号', incidentDate: '出险日期', filedOn: '申领日期', filedAt: '申领时间', status: '状态', statusName: '状态',
  decidedOn: '审核日期', paidOn: '赔付日期', dueOn: '承诺办结日', workingDays: '办结工作日', overdueDays: '逾期工作日',
  amount: '金额', paidAmount: '赔付金额', billNo: '账单编号', billed: '应缴', received: '已到账', outstanding: '未到账',
  billedOn: '出账日期', reference: '支付流水号', failureReason: '失败原因', bankAccount: '收款账号', payeeName: '收款人',
};
const MONEY = new Set(['amount', 'paidAmount', 'billed', 'received', 'outstanding']);
const SKIP = new Set(['status', 'ownership', 'form', 'item']);

/** Opens the list in {@code box}: {@code query} is the dashboard's filters and the figure, {@code title} what it counts. */
export async function drilldown(box, query, title) {
  const body = h('div', { id: 'drilldown-body' }, h('p', { class: 'loading', text: '正在加载明细…' }));
  const close = h('button', { type: 'button', class: 'btn btn-small', id: 'drilldown-close', onclick: () => fill(box) }, '关闭');
  const card = h('section', { class: 'card drilldown', id: 'drilldown', 'aria-labelledby': 'drilldown-title', dataset: { figure: query.figure } },
    h('div', { class: 'card-head' },
      h('div', {}, h('h2', { id: 'drilldown-title', text: `明细：${title}` }),
        h('p', { text: `${query.from} 至 ${query.to}` })), close),
    body);
  fill(box, card);
  card.scrollIntoView({ block: 'start' });
  const load = async (offset) => {
    let page;
    try {
      page = await api(`/api/v1/reporting/drilldown?${new URLSearchParams({ ...query, limit: PAGE, offset })}`);
    } catch (e) {
      fill(body, h('div', { class: 'alert alert-error', role: 'alert', text: e.message }));
      return;
    }
    fill(body, list(page, offset, load));
  };
  await load(0).catch((e) => toast(e.message, 'error'));
}

function list(page, offset, load) {
  if (!page.rows.length) return h('p', { class: 'empty', id: 'drilldown-empty', text: '没有符合条件的记录' });
  const keys = Object.keys(page.rows[0]).filter((k) => COLUMNS[k] && !(SKIP.has(k) && page.rows[0][`${k}Name`] !== undefined));
  const last = Math.max(0, Math.ceil(page.total / PAGE) - 1);
  const at = Math.floor(offset / PAGE);
  const pager = (label, id, target, off) => h('button', { type: 'button', class: 'btn btn-small', id, disabled: off,
    onclick: () => load(target * PAGE) }, label);
  return [
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'drilldown-table' },
      h('caption', { class: 'visually-hidden', text: '明细' }),
      h('thead', {}, h('tr', {}, keys.map((k) => h('th', { class: MONEY.has(k) ? 'num' : null, scope: 'col', text: COLUMNS[k] })))),
      h('tbody', {}, page.rows.map((r) => h('tr', {}, keys.map((k) => h('td', { class: MONEY.has(k) ? 'num' : null, text: cell(k, r[k]) })))))))),
    h('div', { class: 'list-foot' },
      h('span', { id: 'drilldown-total', dataset: { total: page.total }, text: `共 ${count(page.total)} 条 · 第 ${at + 1} / ${last + 1} 页` }),
      h('span', { class: 'pager' },
        pager('上一页', 'drilldown-prev', at - 1, at === 0),
        pager('下一页', 'drilldown-next', at + 1, at >= last))),
  ];
}

function cell(key, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY.has(key)) return yuan(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? v.name ?? '' : v)).join('、');
  if (typeof value === 'object') return value.name ?? '—';
  if (/At$/.test(key)) return dateTime(value);
  return String(value);
}
