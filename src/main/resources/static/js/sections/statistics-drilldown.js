// The list behind a figure of 统计看板 (GET /api/v1/reporting/drilldown with the dashboard's filters), a page at a
// time; personal data arrives masked (ID numbers, accounts). Its columns are those of the rows the API answers, named in
// Chinese here.

import { api, catalogue, count, dateTime, EMPLOYMENT, fill, h, responsive, toast, yuan } from '../lib.js';

const PAGE = 20;

/**
 * Column names of the drill-down rows, in the order shown; a key not listed here is not shown (ids, and codes whose
 * Chinese name comes beside them as …Name).
 */
const COLUMNS = {
  reference: '编号', name: '名称', memberName: '职工', payeeName: '收款人', idMasked: '身份证号', accountMasked: '收款账号',
  employmentForm: '就业形态', ownershipName: '单位性质', items: '保障项目', renewal: '类别', coverFrom: '保障起始', coverTo: '保障截止',
  statusName: '状态', submittedOn: '申领日期', materialsCompleteOn: '材料齐全日', closedOn: '办结日期', approvedTotal: '核定金额',
  billedOn: '出账日期', due: '应缴', received: '已到账', outstanding: '未到账', amount: '金额', reason: '原因', at: '时间',
};
const MONEY = new Set(['approvedTotal', 'due', 'received', 'outstanding', 'amount']);
const MASKED = new Set(['idMasked', 'accountMasked']);
const WRAPS = new Set(['items', 'reason']);

/** A column's cell class: money right-aligned, masked numbers in the fixed font, long texts wrapped, the rest on one line. */
function kind(key) {
  if (MONEY.has(key)) return 'num';
  if (MASKED.has(key)) return 'mono';
  return WRAPS.has(key) ? null : 'nowrap';
}

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
    fill(body, list(page, offset, load, await catalogue()));
  };
  await load(0).catch((e) => toast(e.message, 'error'));
}

function list(page, offset, load, terms) {
  if (!page.rows.length) return h('p', { class: 'empty', id: 'drilldown-empty', text: '没有符合条件的记录' });
  const keys = Object.keys(COLUMNS).filter((k) => k in page.rows[0]);
  const name = page.rows[0].memberId !== undefined ? '职工' : page.rows[0].ownershipName !== undefined ? '单位' : '名称';
  const last = Math.max(0, Math.ceil(page.total / PAGE) - 1);
  const at = Math.floor(offset / PAGE);
  const pager = (label, id, target, off) => h('button', { type: 'button', class: 'btn btn-small', id, disabled: off,
    onclick: () => load(target * PAGE) }, label);
  return [
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'drilldown-table' },
      h('caption', { class: 'visually-hidden', text: '明细' }),
      h('thead', {}, h('tr', {}, keys.map((k) => h('th', { class: MONEY.has(k) ? 'num' : null, scope: 'col',
        text: k === 'name' ? name : COLUMNS[k] })))),
      h('tbody', {}, page.rows.map((r) => h('tr', {}, keys.map((k) => h('td', { class: kind(k), text: cell(k, r[k], terms) })))))))),
    h('div', { class: 'list-foot' },
      h('span', { id: 'drilldown-total', dataset: { total: page.total }, text: `共 ${count(page.total)} 条 · 第 ${at + 1} / ${last + 1} 页` }),
      h('span', { class: 'pager' },
        pager('上一页', 'drilldown-prev', at - 1, at === 0),
        pager('下一页', 'drilldown-next', at + 1, at >= last))),
  ];
}

function cell(key, value, terms) {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY.has(key)) return yuan(value);
  if (key === 'items') return value.map((code) => terms.itemName(code)).join('、');
  if (key === 'employmentForm') return EMPLOYMENT[value] || value;
  if (key === 'renewal') return value ? '续保' : '新参保';
  if (key === 'at') return dateTime(value);
  return String(value);
}
