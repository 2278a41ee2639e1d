// The charts of 统计看板 and what they share with 目标管理 and 统计报表: ECharts, loaded only when a statistics screen
// asks for it (/vendor/echarts.min.js, put there by the build from the npm registry); a chart always comes with a
// small table of its numbers; shares formatted once (counts and money: lib.js); the period and office pickers.

import { field, h } from '../lib.js';

let library;

/** ECharts (window.echarts once its script ran), loaded the first time a statistics screen needs it. */
export function echarts() {
  library = library || new Promise((resolve, reject) => {
    if (window.echarts) { resolve(window.echarts); return; }
    const script = h('script', { src: '/vendor/echarts.min.js', id: 'echarts-script' });
    script.addEventListener('load', () => resolve(window.echarts));
    script.addEventListener('error', () => {
      library = null;
      script.remove();
      reject(new Error('图表组件加载失败，请刷新页面重试'));
    });
    document.head.append(script);
  });
  return library;
}

const COLOURS = ['#c4262e', '#2563eb', '#d97706', '#16a34a', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
let drawn = [];
let watcher;

/** Disposes the charts of the screen shown before (a section is drawn anew on each visit). */
export function forgetCharts() {
  drawn.forEach((c) => c.dispose());
  drawn = [];
  watcher?.disconnect();
  watcher = new ResizeObserver((entries) => entries.forEach((e) => window.echarts?.getInstanceByDom(e.target)?.resize()));
}

/**
 * Draws {@code option} (or option(width of the box), for a chart drawn to its size) into a new chart box (role img, {@code label} read aloud; the numbers are in the table beside it).
 * Tooltips are drawn on the canvas (richText): the page's Content-Security-Policy forbids the inline styles of HTML ones.
 */
export function chart(lib, id, label, option, { height = 260 } = {}) {
  const box = h('div', { class: 'chart', id, role: 'img', 'aria-label': label });
  box.style.height = `${height}px`;
  requestAnimationFrame(() => {
    if (!box.isConnected) return;
    const c = lib.init(box, null, { renderer: 'canvas', locale: 'ZH' });
    c.setOption({ color: COLOURS, textStyle: { fontFamily: FONT }, animation: false,
      tooltip: { renderMode: 'richText', confine: true }, ...(typeof option === 'function' ? option(box.clientWidth) : option) });
    drawn.push(c);
    watcher?.observe(box);
    box.dataset.drawn = 'yes';
  });
  return box;
}

/**
 * A chart and the table of its numbers: side by side on a desktop, the table below the chart on a phone. With no rows
 * only the table's "no data" is shown (a chart box never put on the page is never drawn).
 */
export function chartWithTable(chartBox, table, rows) {
  if (!rows.length) return table;
  return h('div', { class: 'chart-pair' }, h('div', { class: 'chart-cell' }, chartBox), h('div', { class: 'chart-numbers' }, table));
}

/** A name as an axis label: without the words every name of its kind ends with (the table carries it whole). */
function axisName(name) {
  return name.replace(/(总工会|互助保障|工会)$/, '');
}

/** Bars with the names on the category axis (horizontal: names down the left, for long names). */
export function barOption(names, series, { horizontal = false } = {}) {
  const category = { type: 'category', data: names.map(axisName), axisLabel: { interval: 0, width: 84, overflow: 'truncate', hideOverlap: true } };
  const value = { type: 'value', minInterval: 1, axisLabel: { formatter: short } };
  return {
    grid: { left: 12, right: horizontal ? 32 : 12, top: series.length > 1 ? 34 : 14, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({ type: 'bar', barMaxWidth: 28, ...s })),
  };
}

export function lineOption(months, series) {
  return {
    grid: { left: 8, right: 16, top: 34, bottom: 8, containLabel: true },
    legend: { top: 0, data: series.map((s) => s.name) },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5))}月`), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: short } },
    series: series.map((s) => ({ type: 'line', symbolSize: 6, ...s })),
  };
}

/** A progress ring: the share of the target reached (full at 100%, the figure in the middle says how far beyond). */
export function ringOption(name, share) {
  const reached = share === null || share === undefined ? null : Number(share);
  return (width) => {
    const small = width < 150; // three rings side by side on a phone
    return {
    series: [{
      type: 'gauge', startAngle: 90, endAngle: -270, min: 0, max: 1,
      radius: small ? '96%' : '88%',
      pointer: { show: false }, splitLine: { show: false }, axisTick: { show: false }, axisLabel: { show: false },
      axisLine: { lineStyle: { width: small ? 8 : 14, color: [[1, '#eceef1']] } },
      progress: { show: reached !== null && reached > 0, roundCap: true, width: small ? 8 : 14,
        itemStyle: { color: reached !== null && reached >= 1 ? '#16a34a' : '#c4262e' } },
      title: { offsetCenter: [0, '34%'], fontSize: small ? 10 : 12, color: '#5f6672' },
      detail: { offsetCenter: [0, '-6%'], fontSize: small ? 13 : 22, fontWeight: 700, color: '#1f2328', formatter: () => percent(reached) },
      data: [{ value: reached === null ? 0 : Math.min(reached, 1), name }],
    }],
    };
  };
}

// ---------- numbers ----------

/**
 * A share or ratio as a percentage with one decimal (1.1455 → 114.6%), rounded half up on the decimal digits the API
 * wrote, not on their binary approximation; none when the API answers null (nothing to divide by).
 */
export function percent(x) {
  if (x === null || x === undefined) return '—';
  const written = String(x);
  if (!/^-?\d+(\.\d+)?$/.test(written)) return `${(Number(x) * 100).toFixed(1)}%`;
  const negative = written.startsWith('-');
  const [whole, fraction = ''] = written.replace('-', '').split('.');
  const tenths = BigInt(whole + fraction.slice(0, 3).padEnd(3, '0')) + (fraction.charAt(3) >= '5' ? 1n : 0n);
  return `${negative && tenths > 0n ? '-' : ''}${tenths / 10n}.${tenths % 10n}%`;
}

/** Axis labels: 12000 → 1.2万. */
function short(n) {
  return Math.abs(n) >= 10000 ? `${+(n / 10000).toFixed(1)}万` : `${n}`;
}

/** Money as the API writes it (two decimals, exact) → a number for a chart's bar only; tables show the string. */
export function plot(amount) {
  return amount === null || amount === undefined ? 0 : Number(amount);
}

/** Compares two values of a column exactly: money strings by their cents, numbers as numbers, nulls last. */
export function compareValues(a, b) {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && /^-?\d+\.\d{2}$/.test(a) && /^-?\d+\.\d{2}$/.test(b)) {
    const d = BigInt(a.replace('.', '')) - BigInt(b.replace('.', ''));
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

// ---------- tables of numbers ----------

/**
 * The numbers of a chart: {@code columns} [{title, value(row) → text or node, num, key}], one row per datum (data-key),
 * each cell of a figure marked data-figure. A table, on a phone too (a few narrow columns; it scrolls sideways if need be).
 */
export function numbersTable(id, caption, columns, rows, keyOf) {
  if (!rows.length) return h('p', { class: 'empty', id: `${id}-empty`, text: '这段时间没有数据' });
  return h('div', { class: 'table-wrap' }, h('table', { id, class: 'numbers' },
    h('caption', { class: 'visually-hidden', text: caption }),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.num ? 'num' : null, scope: 'col', text: c.title })))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { key: keyOf(r) } },
      columns.map((c) => h('td', { class: c.num ? 'num' : 'name', dataset: c.key ? { figure: c.key } : null }, c.value(r))))))));
}

// ---------- pickers ----------

/**
 * A month written as the API takes it (2026-01): a text field, since the browser's own month picker speaks the browser's
 * language; the server checks the value and names the field when it is not a month.
 */
export function monthInput(name, id, value) {
  return h('input', { type: 'text', name, id, value, maxlength: '7', placeholder: '如 2026-01', autocomplete: 'off' });
}

/** The slot of a field's error ({@code field} of lib.js), found by showErrors through its data-error-for. */
export function errorSlot(fieldBox) {
  return fieldBox.querySelector('.field-error');
}

/** Whole months as the API takes them (2026-01); the year alone stands for January to December. */
export function periodPicker(prefix) {
  const mode = h('select', { name: 'mode', id: `${prefix}-mode` },
    h('option', { value: 'year', text: '按年度' }), h('option', { value: 'months', text: '按月份' }));
  const year = h('input', { type: 'number', name: 'year', id: `${prefix}-year`, min: '2000', max: '2100', step: '1', inputmode: 'numeric' });
  const from = monthInput('from', `${prefix}-from`);
  const to = monthInput('to', `${prefix}-to`);
  const yearField = field('年度', year, { errorFor: 'year' });
  const fromField = field('开始月份', from, { errorFor: 'from' });
  const toField = field('结束月份', to, { errorFor: 'to' });
  const sync = () => {
    const byYear = mode.value === 'year';
    yearField.hidden = !byYear;
    fromField.hidden = byYear;
    toField.hidden = byYear;
    // the API names from/to; a year stands for both, so its field shows what is said of them
    errorSlot(yearField).dataset.errorFor = byYear ? 'from' : 'year';
    errorSlot(fromField).dataset.errorFor = byYear ? 'from-unused' : 'from';
    errorSlot(toField).dataset.errorFor = byYear ? 'to-unused' : 'to';
  };
  mode.addEventListener('change', () => {
    if (mode.value === 'months' && !from.value && year.value) { from.value = `${year.value}-01`; to.value = `${year.value}-12`; }
    sync();
  });
  sync();
  return {
    fields: [field('统计期间', mode), yearField, fromField, toField],
    /** {from, to} as months, or {} for the server's default (the current year by its China date). */
    value() {
      if (mode.value === 'year') return year.value ? { from: `${year.value}-01`, to: `${year.value}-12` } : {};
      return { from: from.value, to: to.value };
    },
    /** Shows the period the server answered for. */
    show(period) {
      const whole = period.from.endsWith('-01') && period.to.endsWith('-12') && period.from.slice(0, 4) === period.to.slice(0, 4);
      mode.value = whole ? 'year' : 'months';
      year.value = period.from.slice(0, 4);
      from.value = period.from;
      to.value = period.to;
      sync();
    },
  };
}

/** Whether the caller chooses among offices: union staff do; a unit's operator sees its own unit only. */
export function pickOffices(context) {
  return context.can('ORGANISATION_READ') && !context.is('UNIT_OPERATOR', 'MEMBER', 'HOSPITAL');
}

/** The caller's own office and the offices below it (GET /api/v1/organisations gives exactly that tree). */
export function officePicker(id, nodes, own) {
  const depth = new Map();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const level = (n) => {
    if (!depth.has(n.id)) depth.set(n.id, n.parentId && byId.has(n.parentId) ? level(byId.get(n.parentId)) + 1 : 0);
    return depth.get(n.id);
  };
  const ordered = [];
  const visit = (parent) => nodes.filter((n) => (n.parentId ?? null) === parent || (parent === null && !byId.has(n.parentId)))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .forEach((n) => { if (!ordered.includes(n)) { ordered.push(n); visit(n.id); } });
  visit(null);
  const select = h('select', { name: 'office', id },
    ordered.map((n) => h('option', { value: n.id, text: `${'　'.repeat(level(n))}${n.name}` })));
  if (own && byId.has(own)) select.value = String(own);
  return select;
}
