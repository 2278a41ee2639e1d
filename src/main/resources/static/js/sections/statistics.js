// 统计看板: an office's figures for a period (GET /api/v1/reporting/dashboard) — target rings, the monthly trend,
// bars by office, item, ownership and form, claims and money as cards, the league table of the offices below — each
// chart with its numbers beside it, and every figure a link to the list behind it (GET /api/v1/reporting/drilldown).
// The period shown first is the server's (the current year by its China date), never the browser's clock.

import { api, clearErrors, count, field, fill, h, money, showErrors } from '../lib.js';
import { barOption, chart, chartWithTable, compareValues, echarts, forgetCharts, lineOption, numbersTable,
  officePicker, percent, pickOffices, periodPicker, plot, ringOption } from './statistics-charts.js';
import { drilldown } from './statistics-drilldown.js';

export async function render(root, context) {
  forgetCharts();
  const [nodes, lib] = await Promise.all([pickOffices(context) ? api('/api/v1/organisations') : [], echarts()]);
  const period = periodPicker('statistics');
  const office = nodes.length ? officePicker('statistics-office', nodes, context.me.orgNodeId) : null;
  const show = h('button', { type: 'submit', class: 'btn btn-primary', id: 'statistics-show' }, '统计');
  const form = h('form', { class: 'search-bar', id: 'statistics-filter', 'aria-label': '统计条件' },
    office ? field('单位', office) : null, period.fields, show);
  const heading = h('p', { id: 'statistics-heading', text: '正在统计…' });
  const detail = h('div', { id: 'statistics-detail' });
  const results = h('div', { id: 'statistics-results', class: 'stack' }, h('p', { class: 'loading', text: '正在统计…' }));
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '统计看板' }), heading)),
    h('div', { class: 'stack' }, h('section', { class: 'card', 'aria-label': '统计条件' }, form), detail, results));

  const load = async (query) => {
    clearErrors(form);
    let board;
    try {
      board = await api(`/api/v1/reporting/dashboard?${new URLSearchParams(query)}`);
    } catch (e) {
      showErrors(form, e);
      return;
    }
    forgetCharts();
    period.show(board.period);
    if (office) office.value = String(board.office.id);
    fill(heading, `${board.office.name} · ${board.period.from} 至 ${board.period.to} · 数据截至 ${board.asOf.slice(0, 16).replace('T', ' ')}`);
    fill(detail);
    const scope = { office: board.office.id, from: board.period.from, to: board.period.to };
    const env = {
      lib,
      office: board.office.id,
      open: (figure, title, filters = {}) => drilldown(detail, { ...scope, ...filters, figure }, title),
      goTo: (id) => load({ office: id, from: board.period.from, to: board.period.to }),
    };
    fill(results, dashboard(board, env));
    results.dataset.office = board.office.id;
    results.dataset.period = `${board.period.from}/${board.period.to}`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load({ ...(office ? { office: office.value } : {}), ...period.value() });
  });
  await load({});
}

function dashboard(board, env) {
  const { enrolment, claims, money: funds } = board;
  const unit = board.office.level === 'UNIT'; // a unit's own dashboard: no targets, nothing below it
  return [
    h('section', { class: 'card', 'aria-labelledby': 'statistics-enrolment-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'statistics-enrolment-title', text: '参保' })),
      figures('statistics-enrolment', [
        ['personTimes', '参保人次', count(enrolment.personTimes)],
        ['units', '参保单位', count(enrolment.units)],
        ['newEnrolments', '新参保', count(enrolment.newEnrolments)],
        ['renewals', '续保', count(enrolment.renewals)],
        ['newFormPersonTimes', '新就业形态', count(enrolment.newFormPersonTimes), 'personTimes', { form: 'NEW_FORM' }],
        [null, '退保（不计入参保人次）', count(enrolment.cancellations)],
      ], env)),
    unit ? null : targets(enrolment, env),
    trend(everyMonth(board), env),
    unit ? null : byOffice(enrolment.byOffice, env),
    breakdowns(enrolment, env),
    h('section', { class: 'card', 'aria-labelledby': 'statistics-claims-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'statistics-claims-title', text: '申领与赔付' }),
        h('p', { text: '办结时长按工作日计，自材料齐全至赔付到账；承诺时限 7 个工作日' })),
      figures('statistics-claims', [
        ['filed', '申领件数', count(claims.filed)],
        ['approved', '审核通过', count(claims.approved)],
        ['rejected', '不予赔付', count(claims.rejected)],
        ['paid', '已赔付件数', count(claims.paid)],
        ['personTimesPaid', '赔付人次', count(claims.personTimesPaid), 'paid'],
        ['paidAmount', '赔付金额', money(claims.paidAmount), 'paid'],
        ['overdueNow', '当前逾期', count(claims.overdueNow)],
        [null, '平均办结（工作日）', claims.workingDaysToPay?.average ?? '—'],
        [null, '90% 办结于（工作日）', claims.workingDaysToPay?.p90 ?? '—'],
        [null, '按时办结率', percent(claims.workingDaysToPay?.withinPromiseShare)],
      ], env),
      claimsByItem(claims.byItem, env)),
    // the money comes only to holders of REPORT_MONEY (offices, finance): reviewers get no 资金 section
    funds ? h('section', { class: 'card', 'aria-labelledby': 'statistics-money-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'statistics-money-title', text: '资金' }),
        h('p', { text: '赔付率 = 已赔付金额 ÷ 应缴互助金' })),
      figures('statistics-money', [
        [null, '应缴互助金', money(funds.billed)],
        [null, '已到账', money(funds.received)],
        ['outstanding', '未到账', money(funds.outstanding)],
        [null, '工会补贴预算', money(funds.subsidy?.budget)],
        [null, '补贴已使用', money(funds.subsidy?.drawn)],
        [null, '补贴余额', money(funds.subsidy?.left)],
        [null, funds.gifts?.quota === null ? '赠送名额（本级及下级未设，用上级名额）' : '赠送名额', count(funds.gifts?.quota)],
        [null, '已赠送', count(funds.gifts?.granted)],
        [null, '退保退费', money(funds.refunds)],
        ['failedPayouts', '支付失败', count(funds.payoutsFailed)],
        [null, '退汇', count(funds.payoutsBounced)],
        [null, '赔付率', percent(funds.lossRatio)],
      ], env)) : null,
    unit ? null : league(board.league, env, Boolean(funds)),
  ];
}

/**
 * Figure cards: [key, label, shown, drill-down figure (default: the key; null: no list behind it), filters]. A figure
 * with a list behind it is a button that opens the list.
 */
function figures(id, list, env) {
  return h('div', { class: 'totals figures', id }, list.map(([key, label, shown, figure = key, filters = {}]) => {
    const value = h('div', { class: 'n', text: shown });
    if (String(shown).startsWith('¥')) value.classList.add('money');
    if (!figure) return h('div', { class: 'stat', dataset: key ? { figure: key } : null }, value, h('div', { class: 'l', text: label }));
    return h('button', { type: 'button', class: 'stat stat-link', dataset: { figure: key }, title: `查看${label}明细`,
      onclick: () => env.open(figure, label, filters) }, value, h('div', { class: 'l', text: label }));
  }));
}

/** A count that opens the list behind it; plain text when no list can be asked for ({@code filters} null). */
function drill(env, n, figure, title, filters, shown = count(n)) {
  if (filters === null) return shown;
  return h('button', { type: 'button', class: 'linklike num-link', title: `查看${title}明细`,
    onclick: () => env.open(figure, title, filters) }, shown);
}

function targets(enrolment, env) {
  const t = enrolment.target || {};
  const rows = [
    { key: 'PERSON_TIMES', name: '参保人次', done: enrolment.personTimes, target: t.personTimes, share: t.personTimesShare, figure: 'personTimes' },
    { key: 'UNITS', name: '参保单位', done: enrolment.units, target: t.units, share: t.unitsShare, figure: 'units' },
    { key: 'NEW_FORM_PERSON_TIMES', name: '新就业形态', done: enrolment.newFormPersonTimes, target: t.newFormPersonTimes,
      share: t.newFormShare, figure: 'personTimes', filters: { form: 'NEW_FORM' } },
  ];
  const rings = h('div', { class: 'rings' }, rows.map((r) =>
    chart(env.lib, `statistics-ring-${r.key}`, `${r.name}完成率 ${percent(r.share)}`, ringOption(r.name, r.share), { height: 170 })));
  return h('section', { class: 'card', 'aria-labelledby': 'statistics-targets-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'statistics-targets-title', text: '年度目标完成情况' }),
      h('p', { text: '目标由上级工会下达；未下达的显示“—”' })),
    chartWithTable(rings, numbersTable('statistics-targets-table', '年度目标完成情况', [
      { title: '指标', value: (r) => r.name },
      { title: '完成', num: true, key: 'done', value: (r) => drill(env, r.done, r.figure, r.name, r.filters) },
      { title: '目标', num: true, key: 'target', value: (r) => count(r.target) },
      { title: '完成率', num: true, key: 'share', value: (r) => percent(r.share) },
    ], rows, (r) => r.key), rows));
}

/**
 * The period's months up to the month of the figures (asOf, China time: a current year stops at this month), each with
 * the API's row or zeros when nothing happened in it — a trend shows the quiet months too.
 */
function everyMonth(board) {
  const rows = new Map(board.enrolment.byMonth.map((m) => [m.month, m]));
  const latest = [board.asOf.slice(0, 7), ...rows.keys()].sort().at(-1);
  const last = latest < board.period.to ? latest : board.period.to;
  const months = [];
  for (let [y, m] = board.period.from.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, m = 1) : m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(rows.get(month) || { month, personTimes: 0, newEnrolments: 0, renewals: 0 });
  }
  return months;
}

function trend(byMonth, env) {
  const months = byMonth.map((m) => m.month);
  const line = chart(env.lib, 'statistics-trend-chart', '按月参保趋势', lineOption(months, [
    { name: '参保人次', data: byMonth.map((m) => m.personTimes) },
    { name: '新参保', data: byMonth.map((m) => m.newEnrolments) },
    { name: '续保', data: byMonth.map((m) => m.renewals) },
  ]));
  return h('section', { class: 'card', 'aria-labelledby': 'statistics-trend-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'statistics-trend-title', text: '按月参保趋势' }),
      h('p', { text: '参保归入保障起始月份' })),
    chartWithTable(line, numbersTable('statistics-trend-table', '按月参保', [
      { title: '月份', value: (m) => m.month },
      { title: '参保人次', num: true, key: 'personTimes', value: (m) => drill(env, m.personTimes, 'personTimes', `${m.month} 参保人次`, { month: m.month }) },
      { title: '新参保', num: true, key: 'newEnrolments', value: (m) => drill(env, m.newEnrolments, 'newEnrolments', `${m.month} 新参保`, { month: m.month }) },
      { title: '续保', num: true, key: 'renewals', value: (m) => drill(env, m.renewals, 'renewals', `${m.month} 续保`, { month: m.month }) },
    ], byMonth, (m) => m.month), byMonth));
}

/** The office's name: for an office below (not a unit, not the row of the office's own units) a button to its dashboard. */
function officeName(o, env) {
  if (o.unit || o.id === env.office) return o.name;
  return h('button', { type: 'button', class: 'linklike', title: `查看${o.name}的统计`, dataset: { office: o.id },
    onclick: () => env.goTo(o.id) }, o.name);
}

function byOffice(rows, env) {
  // names along the bottom on a desktop; on a phone down the left, where each has room
  const bars = chart(env.lib, 'statistics-offices-chart', '下级单位参保人次', (width) => barOption(rows.map((r) => r.office.name), [
    { name: '参保人次', data: rows.map((r) => r.personTimes) },
    { name: '目标', data: rows.map((r) => r.target ?? 0), itemStyle: { color: '#d1d5db' } },
  ], { horizontal: width < 560 }), { height: Math.min(520, Math.max(260, rows.length * 34 + 60)) });
  return h('section', { class: 'card', 'aria-labelledby': 'statistics-offices-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'statistics-offices-title', text: '下级单位参保' }),
      h('p', { text: '点击单位名称查看其统计' })),
    chartWithTable(bars, numbersTable('statistics-offices-table', '下级单位参保', [
      { title: '单位', value: (r) => officeName(r.office, env) },
      { title: '参保人次', num: true, key: 'personTimes', value: (r) => drill(env, r.personTimes, 'personTimes', `${r.office.name} 参保人次`, under(r.office, env)) },
      { title: '参保单位', num: true, key: 'units', value: (r) => drill(env, r.units, 'units', `${r.office.name} 参保单位`, under(r.office, env)) },
      { title: '目标', num: true, key: 'target', value: (r) => count(r.target) },
      { title: '完成率', num: true, key: 'share', value: (r) => percent(r.share) },
    ], rows, (r) => r.office.id), rows));
}

/**
 * The filters of a drill-down into one row of the offices below: that office, or that unit (a county's rows). The row
 * of the office's own units （本级） and that of workers of no unit have no list of their own (null).
 */
function under(o, env) {
  if (o.id === env.office || (o.unit && o.id === 0)) return null;
  return o.unit ? { unit: o.id } : { office: o.id };
}

function breakdowns(enrolment, env) {
  const part = (id, title, rows, series, columns) => h('div', { class: 'breakdown' },
    h('h3', { id: `${id}-title`, text: title }),
    rows.length === 0 ? null : chart(env.lib, `${id}-chart`, title, barOption(rows.map((r) => r.name), series, { horizontal: true }),
      { height: Math.max(160, rows.length * 40 + 40) }),
    numbersTable(`${id}-table`, title, columns, rows, (r) => r.code));
  // 个人参保（无单位）, the row of workers of no unit, has no ownership to filter by
  const by = (filter, r) => (r.code === 'NONE' ? null : { [filter]: r.code });
  const personTimes = (filter) => ({ title: '参保人次', num: true, key: 'personTimes',
    value: (r) => drill(env, r.personTimes, 'personTimes', `${r.name} 参保人次`, by(filter, r)) });
  return h('section', { class: 'card', 'aria-labelledby': 'statistics-breakdown-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'statistics-breakdown-title', text: '参保构成' }),
      h('p', { text: '一人一次参保多个项目时，每个项目各计一次' })),
    h('div', { class: 'breakdowns' },
      part('statistics-items', '按保障项目', enrolment.byItem, [{ name: '参保项次', data: enrolment.byItem.map((r) => r.enrolments) }], [
        { title: '项目', value: (r) => r.name },
        { title: '参保项次', num: true, key: 'enrolments', value: (r) => drill(env, r.enrolments, 'personTimes', `${r.name} 参保`, { item: r.code }) },
      ]),
      part('statistics-ownership', '按单位性质', enrolment.byOwnership, [
        { name: '参保人次', data: enrolment.byOwnership.map((r) => r.personTimes) },
      ], [
        { title: '单位性质', value: (r) => r.name },
        personTimes('ownership'),
        { title: '参保单位', num: true, key: 'units', value: (r) => drill(env, r.units, 'units', `${r.name} 参保单位`, by('ownership', r)) },
      ]),
      part('statistics-forms', '按就业形态', enrolment.byForm, [{ name: '参保人次', data: enrolment.byForm.map((r) => r.personTimes) }], [
        { title: '就业形态', value: (r) => r.name },
        personTimes('form'),
      ])));
}

function claimsByItem(rows, env) {
  const bars = chart(env.lib, 'statistics-claim-items-chart', '按保障项目赔付金额', barOption(rows.map((r) => r.name), [
    { name: '赔付金额（元）', data: rows.map((r) => plot(r.paidAmount)) },
  ], { horizontal: true }), { height: Math.max(160, rows.length * 40 + 40) });
  return h('div', { class: 'breakdown-wide' }, h('h3', { text: '按保障项目赔付' }),
    chartWithTable(bars, numbersTable('statistics-claim-items-table', '按保障项目赔付', [
      { title: '项目', value: (r) => r.name },
      { title: '赔付件数', num: true, key: 'paid', value: (r) => drill(env, r.paid, 'paid', `${r.name} 赔付`, { item: r.code }) },
      { title: '赔付金额', num: true, key: 'paidAmount', value: (r) => money(r.paidAmount) },
    ], rows, (r) => r.code), rows));
}

const LEAGUE = [
  { key: 'personTimes', title: '参保人次', shown: count, figure: 'personTimes' },
  { key: 'units', title: '参保单位', shown: count, figure: 'units' },
  { key: 'target', title: '目标', shown: count },
  { key: 'share', title: '完成率', shown: percent },
  { key: 'claimsPaid', title: '赔付件数', shown: count, figure: 'paid' },
  { key: 'paidAmount', title: '赔付金额', shown: money },
  { key: 'billed', title: '应缴互助金', shown: money, money: true },
  { key: 'lossRatio', title: '赔付率', shown: percent, money: true },
  { key: 'withinPromiseShare', title: '按时办结率', shown: percent },
  { key: 'overdueNow', title: '当前逾期', shown: count, figure: 'overdueNow' },
];

/** 排名: the offices below, sorted by any column (click its heading; again for the other direction); money only {@code withMoney}. */
function league(rows, env, withMoney) {
  const columns = LEAGUE.filter((c) => withMoney || !c.money);
  const state = { key: 'share', descending: true };
  const body = h('tbody');
  const heads = columns.map((c) => h('th', { class: 'num', scope: 'col', dataset: { sort: c.key } },
    h('button', { type: 'button', class: 'sort', onclick: () => sortBy(c.key) }, c.title)));
  const table = h('table', { id: 'statistics-league', class: 'numbers league' },
    h('caption', { class: 'visually-hidden', text: '下级单位排名' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '名次' }), h('th', { scope: 'col', text: '单位' }), heads)), body);
  const draw = () => {
    const sorted = [...rows].sort((a, b) => {
      const c = compareValues(a[state.key], b[state.key]);
      const nullLast = a[state.key] === null || a[state.key] === undefined || b[state.key] === null || b[state.key] === undefined;
      return (state.descending && !nullLast ? -c : c) || a.office.name.localeCompare(b.office.name, 'zh-CN');
    });
    heads.forEach((th) => {
      const on = th.dataset.sort === state.key;
      if (on) th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.classList.toggle('sorted', on);
    });
    fill(body, sorted.map((r, i) => h('tr', { dataset: { key: r.office.id } },
      h('td', { class: 'num rank', text: i + 1 }), h('td', { class: 'name' }, officeName(r.office, env)),
      columns.map((c) => h('td', { class: 'num', dataset: { figure: c.key } },
        c.figure ? drill(env, r[c.key], c.figure, `${r.office.name} ${c.title}`, under(r.office, env), c.shown(r[c.key])) : c.shown(r[c.key]))))));
  };
  const sortBy = (key) => {
    state.descending = state.key === key ? !state.descending : true;
    state.key = key;
    draw();
  };
  draw();
  return h('section', { class: 'card', 'aria-labelledby': 'statistics-league-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'statistics-league-title', text: '排名' }),
      h('p', { text: '点击列名按该列排序，再次点击反向排序；手机上可左右滑动' })),
    rows.length ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'empty', text: '没有下级单位' }));
}
