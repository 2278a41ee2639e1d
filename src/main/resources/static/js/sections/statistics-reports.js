// 统计报表: monthly and yearly reports of an office (the dashboard's figures for that period), generated once and
// kept (POST/GET /api/v1/reporting/reports), each downloaded as XLSX or PDF (the download is written in the operation
// log). The period offered first is the server's current month and year, never the browser's clock.

import { api, dateTime, field, fill, formError, h, responsive, submitting, today, toast } from '../lib.js';
import { errorSlot, monthInput, officePicker, pickOffices } from './statistics-charts.js';

const KINDS = { MONTHLY: '月报', YEARLY: '年报' };

export async function render(root, context) {
  const nodes = pickOffices(context) ? await api('/api/v1/organisations') : [];
  const office = nodes.length ? officePicker('reports-office', nodes, context.me.orgNodeId) : null;
  const kind = h('select', { name: 'kind', id: 'reports-kind' }, Object.entries(KINDS).map(([v, t]) => h('option', { value: v, text: t })));
  const month = monthInput('month', 'reports-month', today().slice(0, 7));
  const year = h('input', { type: 'number', name: 'year', id: 'reports-year', min: '2000', max: '2100', step: '1', inputmode: 'numeric',
    value: today().slice(0, 4) });
  const monthField = field('月份', month, { errorFor: 'period' });
  const yearField = field('年度', year, { errorFor: 'period' });
  const sync = () => {
    monthField.hidden = kind.value !== 'MONTHLY';
    yearField.hidden = kind.value !== 'YEARLY';
    // what the API says of `period` is shown under the field on screen
    errorSlot(monthField).dataset.errorFor = monthField.hidden ? 'period-unused' : 'period';
    errorSlot(yearField).dataset.errorFor = yearField.hidden ? 'period-unused' : 'period';
  };
  kind.addEventListener('change', sync);
  sync();
  const make = h('button', { type: 'submit', class: 'btn btn-primary', id: 'reports-generate' }, '生成报表');
  const form = h('form', { class: 'search-bar', id: 'reports-form', 'aria-label': '生成报表' },
    office ? field('单位', office) : null, field('报表类型', kind), monthField, yearField, make, formError());
  const results = h('div', { id: 'reports-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '统计报表' }),
      h('p', { text: '月报、年报的数字与统计看板同期一致；生成后留存，可下载 Excel 与 PDF' }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'reports-form-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'reports-form-title', text: '生成报表' })), form),
      h('section', { class: 'card', 'aria-labelledby': 'reports-list-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'reports-list-title', text: '已生成的报表' })), results)));

  const load = async () => {
    const reports = await api(`/api/v1/reporting/reports${office ? `?office=${office.value}` : ''}`);
    fill(results, table(reports));
  };
  office?.addEventListener('change', () => load().catch((e) => toast(e.message, 'error')));
  submitting(form, make, '正在生成…', async () => {
    const made = await api('/api/v1/reporting/reports', { method: 'POST', json: {
      ...(office ? { office: Number(office.value) } : {}),
      kind: kind.value, period: kind.value === 'MONTHLY' ? month.value : year.value } });
    toast(`已生成${made.office.name} ${made.period} ${KINDS[made.kind]}`, 'ok');
    await load();
  });
  await load();
}

function table(reports) {
  const list = Array.isArray(reports) ? reports : reports.items || [];
  if (!list.length) return h('p', { class: 'empty', id: 'reports-empty', text: '还没有生成过报表' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'reports-table' },
    h('caption', { class: 'visually-hidden', text: '已生成的报表' }),
    h('thead', {}, h('tr', {}, ['报表', '单位', '期间', '生成时间', '生成人', '下载'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, list.map((r) => h('tr', { dataset: { report: r.id } },
      h('td', { text: KINDS[r.kind] || r.kind }),
      h('td', { class: 'name', text: r.office?.name ?? '—' }),
      h('td', { class: 'nowrap', text: r.period }),
      h('td', { class: 'nowrap', text: dateTime(r.createdAt) }),
      h('td', { text: r.createdBy ?? '—' }),
      h('td', { class: 'nowrap' }, h('span', {},
        h('a', { href: r.files.xlsx, download: '', dataset: { file: 'xlsx' }, text: 'Excel' }), ' · ',
        h('a', { href: r.files.pdf, download: '', dataset: { file: 'pdf' }, text: 'PDF' })))))))));
}
