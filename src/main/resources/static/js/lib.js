// Small helpers shared by the console's pages: building DOM safely, calling the API with the
// session's CSRF token, showing problem+json field errors next to their inputs, money and dates.

/** Builds an element: h('button', {class: 'btn', onclick: f}, '保存'). Text is never parsed as HTML. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') el.style.cssText = value; // through the CSSOM: the CSP forbids inline style attributes
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Marks a table to turn into labelled cards on phones: each cell gets its column's heading as
 * data-label (shown by CSS under 600px). Returns the table.
 */
export function responsive(table) {
  const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  table.classList.add('responsive');
  table.querySelectorAll('tbody tr').forEach((tr) => {
    [...tr.children].forEach((td, i) => { td.dataset.label = labels[i] || ''; });
  });
  return table;
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** A failed API call: the HTTP status and the problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || `请求失败（${status}）`);
    this.status = status;
    this.problem = problem || {};
  }

  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * Calls the API as the logged-in browser: marks the call as XHR (no Basic challenge), sends the
 * CSRF header on writes, sends JSON or FormData, and on 401 goes back to the login page.
 */
export async function api(path, { method = 'GET', json, form } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
  let body;
  if (method !== 'GET' && method !== 'HEAD') headers['X-XSRF-TOKEN'] = csrfToken();
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试' });
  }
  if (response.status === 401) {
    location.assign('/login');
    throw new ApiError(401, { detail: '登录已失效，请重新登录' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** A count with its thousands grouped (12,345); — for none. */
const COUNT = new Intl.NumberFormat('zh-CN');

export function count(n) {
  return n === null || n === undefined ? '—' : COUNT.format(n);
}

/** Money as the API writes it (two decimals, exact), with its thousands grouped: ¥29,075,000.00. */
export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return '—';
  const [whole, cents] = String(amount).split('.');
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents === undefined ? '' : `.${cents}`}`;
}

/** ¥ and the API's two-decimal string, unchanged. */
export function yuan(amount) {
  return amount === null || amount === undefined || amount === '' ? '—' : `¥${amount}`;
}

let businessDate = null;

/** The business date, China time, as the server's clock gives it (GET /api/v1/me); never the browser's clock. */
export function setToday(iso) {
  businessDate = iso;
}

export function today() {
  if (!businessDate) throw new Error('业务日期尚未从服务器取得');
  return businessDate;
}

/** An ISO date moved by whole days, by calendar arithmetic only. */
export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const CHINA_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** A moment shown in China time (the scheme's time), whatever the browser's own time zone. */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return CHINA_TIME.format(d);
}

export const GENDER = { M: '男', F: '女' };
export const EMPLOYMENT = { REGULAR: '常规就业', NEW_FORM: '新就业形态' };
export const LEVEL = { PROVINCE: '省级', CITY: '市级', COUNTY: '县级' };
export const OWNERSHIP = { GOVERNMENT: '机关事业单位', STATE_OWNED: '国有企业', PRIVATE: '民营企业', OTHER: '其他' };

// ---------- toasts ----------

let toastBox;

export function toast(message, kind = 'info') {
  if (!toastBox) {
    toastBox = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(toastBox);
  }
  const t = h('div', { class: `toast ${kind}`, text: message });
  toastBox.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 7000 : 4000);
}

// ---------- forms ----------

let fieldSeq = 0;

/**
 * A labelled form field with a slot for its error: field('姓名', h('input', {name: 'name'})).
 * The error slot is found by the API field name given as `errorFor` (default: the input's name).
 */
export function field(labelText, control, { hint, errorFor } = {}) {
  const id = control.id || `f${++fieldSeq}`;
  control.id = id;
  const key = errorFor || control.getAttribute('name') || id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': key, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field' },
    h('label', { for: id, text: labelText }),
    control,
    hint ? h('p', { class: 'hint', text: hint }) : null,
    error);
}

/** Removes all field errors (and the general error) shown in a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  if (general) { general.hidden = true; general.textContent = ''; }
}

/**
 * Shows an API failure in a form: each problem+json `errors[]` entry next to its field (an
 * `items[2].shares` error falls back to `items[2]`, then `items`), the rest in the form's
 * general error box. Focuses the first field at fault.
 */
export function showErrors(form, error) {
  clearErrors(form);
  const leftovers = [];
  let first = null;
  for (const { field: name, message } of (Array.isArray(error?.errors) ? error.errors : [])) {
    const slot = findSlot(form, name || '');
    if (!slot) { leftovers.push(message); continue; }
    slot.textContent = slot.textContent ? `${slot.textContent}；${message}` : message;
    const control = form.querySelector(`[aria-describedby="${slot.id}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  const general = form.querySelector('.form-error');
  const shown = form.querySelectorAll('.field-error:not(:empty)').length > 0;
  const text = leftovers.length ? leftovers.join('；') : (shown ? '' : error.message);
  if (text) {
    if (general) { general.textContent = text; general.hidden = false; } else toast(text, 'error');
  }
  if (first) first.focus();
  else if (general && !general.hidden) general.scrollIntoView({ block: 'nearest' });
}

function findSlot(form, name) {
  let key = name;
  while (key) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(key)}"]`);
    if (slot) return slot;
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    key = cut > 0 ? key.slice(0, cut) : '';
  }
  return null;
}

/**
 * Sends {@code form} on submit: clears its errors, runs {@code work(text)} while {@code button} is busy
 * ({@code text(name)}: the trimmed value of a field, or null), and shows the API's field errors on the form.
 */
export function submitting(form, button, label, work) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const text = (k) => (data.get(k) || '').toString().trim() || null;
    busy(button, label, async () => {
      try {
        await work(text);
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
}

export function formError() {
  return h('div', { class: 'alert alert-error form-error', role: 'alert', hidden: true });
}

/** Runs an async submit with the button disabled and a busy label. */
export async function busy(button, label, work) {
  const before = button.textContent;
  button.disabled = true;
  button.textContent = label;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = before;
  }
}

// ---------- the catalogue (public, loaded once) ----------

let cataloguePromise;

export function catalogue() {
  cataloguePromise = cataloguePromise || api('/api/v1/catalogue').then((c) => new Terms(c));
  return cataloguePromise;
}

/** The active catalogue with lookups for Chinese names. */
export class Terms {
  constructor(raw) {
    Object.assign(this, raw);
    this.itemsByCode = new Map(raw.items.map((i) => [i.code, i]));
  }

  itemName(code) {
    return this.itemsByCode.get(code)?.name || code;
  }

  planName(itemCode, planCode) {
    const item = this.itemsByCode.get(itemCode);
    const plan = item?.plans.find((p) => p.code === planCode);
    if (!plan) return planCode;
    return item.plans.length === 1 ? '标准' : plan.name.replace(item.name, '').replace(/^[（(]|[)）]$/g, '') || plan.code;
  }

  policyName(code) {
    if (code === 'UNION_GIFT') return '工会赠送';
    return this.funding.policies.find((p) => p.code === code)?.name || code || '—';
  }

  defaultPolicy(ownership) {
    return this.funding.defaultPolicyByOwnership[ownership];
  }

  /** Items one can buy (gift-only cover is granted on real-name verification). */
  purchasable() {
    return this.items.filter((i) => i.eligibility !== 'VERIFIED_NEW_FORM');
  }
}

// ---------- icons (inline SVG, stroke style) ----------

const ICONS = {
  org: 'M3 21h18M5 21V8l7-4 7 4v13M9 21v-5h6v5M9 11h.01M15 11h.01',
  members: 'M16 19a4 4 0 0 0-8 0M12 12a3 3 0 1 0 0-6 3 3 0 0 0 0 6M20 19a3 3 0 0 0-3-3M17 10a2 2 0 1 0 0-4M4 19a3 3 0 0 1 3-3M7 10a2 2 0 1 1 0-4',
  enrol: 'M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6l7-3zM9 12l2 2 4-4',
  import: 'M4 4h10l6 6v10H4zM14 4v6h6M12 12v6M9 15l3 3 3-3',
  ledger: 'M4 4h16v16H4zM4 9h16M4 14h16M10 4v16',
  payouts: 'M3 7h18v10H3zM3 11h18M7 15h3M16 4l3 3-3 3',
  apply: 'M12 21s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 11c0 5.5-7 10-7 10zM12 10v5M9.5 12.5h5',
  claims: 'M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h5',
  review: 'M10 17a7 7 0 1 1 0-14 7 7 0 0 1 0 14zM21 21l-6-6M7 10l2 2 4-4',
  bills: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6M9 16h3',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8M4 21a8 8 0 0 1 16 0M17 14l1.5 1.5L21 13',
  log: 'M6 3h12v18H6zM9 8h6M9 12h6M9 16h4M4 7h2M4 12h2M4 17h2',
  login: 'M9 4H5v16h4M14 8l4 4-4 4M18 12H8',
  bell: 'M6 17V11a6 6 0 0 1 12 0v6l2 2H4l2-2M10 21h4',
  template: 'M4 5h16v11H9l-5 4V5M8 9h8M8 12h5',
  chart: 'M4 20V4M4 20h16M8 16v-4M12 16V8M16 16v-6',
  campaign: 'M4 10v4h3l6 4V6L7 10H4zM16 9.5a3.5 3.5 0 0 1 0 5M18.5 7a7 7 0 0 1 0 10',
  hospital: 'M4 21V5h16v16M2 21h20M12 8v6M9 11h6M10 21v-3h4v3',
  target: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8M12 12h.01',
  report: 'M6 3h9l4 4v14H6zM15 3v4h4M9 17v-3M12 17v-6M15 17v-4',
};

export function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.8');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/**
 * 导出Excel of a list: a download link to the list's export (`${path}.xlsx`) with the list's current filters, and for
 * holders of EXPORT_UNMASKED on lists with personal data a second link with it in clear (that export is logged).
 * Call set(params) whenever the list's filters change; paging parameters are left out.
 */
export function exportButton(context, path, { id, personal = false } = {}) {
  const masked = h('a', { class: 'btn btn-small', id, download: '', title: '按当前筛选条件导出全部记录（个人信息脱敏）' }, '导出Excel');
  const clear = personal && context.can('EXPORT_UNMASKED')
    ? h('a', { class: 'btn btn-small', id: `${id}-unmasked`, download: '', title: '含完整身份证号码、手机号码、银行账号；每次导出记入操作日志' }, '导出（未脱敏）')
    : null;
  const set = (params = {}) => {
    const query = new URLSearchParams(params);
    query.delete('limit');
    query.delete('offset');
    masked.href = `${path}.xlsx${query.toString() ? `?${query}` : ''}`;
    if (clear) {
      query.set('unmasked', 'true');
      clear.href = `${path}.xlsx?${query}`;
    }
  };
  set();
  return { el: h('span', { class: 'export-tools' }, masked, clear), set };
}

// ---------- a list a page at a time ----------

const PAGE = 50;

/**
 * A work list a page at a time under its whole size: the heading counts the whole list as its /summary answers (and
 * adds it up as sums(summary) words it, where given), the rows are those loaded so far, 已显示 N 笔 says how many (in
 * the list's own measure word: 笔 for bills and requests, 件 for claims and appeals, as the claims list counts), and
 * 加载更多 appends the next page while there is one (a page asks for one row more to know). reload() starts again from
 * the first page. Ids: `${id}-list` (all of it), `${id}-total`, `${id}-shown`, `${id}-more`; table(items) builds the
 * table, which carries its own id. After 加载更多 the first new row's link, or the row itself, takes the focus.
 */
export function pagedList({ id, path, title, style, empty, table, sums, unit = '笔' }) {
  const el = h('div', { id: `${id}-list` }, h('p', { class: 'loading', text: '正在加载…' }));
  let items = [];
  let summary;
  async function load(offset) {
    const [page, total] = await Promise.all([api(`${path}?limit=${PAGE + 1}&offset=${offset}`), offset ? summary : api(`${path}/summary`)]);
    summary = total;
    items = (offset ? items : []).concat(page.slice(0, PAGE));
    const more = page.length > PAGE ? h('button', { type: 'button', class: 'btn btn-small', id: `${id}-more` }, '加载更多') : null;
    more?.addEventListener('click', () => busy(more, '加载中…', () => load(items.length)).catch((e) => toast(e.message, 'error')));
    fill(el,
      h('h3', { id: `${id}-total`, style, text: `${title}（共 ${count(summary.count)} ${unit}${sums ? `，${sums(summary)}` : ''}）` }),
      items.length ? h('div', { class: 'table-wrap' }, responsive(table(items))) : h('p', { class: 'muted', text: empty }),
      items.length ? h('div', { class: 'list-foot' }, h('span', { class: 'muted', id: `${id}-shown`, text: `已显示 ${items.length} ${unit}` }), more) : null);
    if (offset) focusRow(el.querySelectorAll('tbody tr')[offset]);
  }
  return {
    el,
    reload: () => load(0).catch((e) => fill(el, h('div', { class: 'alert alert-error', role: 'alert', text: e.message }))),
  };
}

function focusRow(row) {
  const link = row?.querySelector('a, button.linklike');
  if (link) link.focus();
  else if (row) {
    row.tabIndex = -1;
    row.focus();
  }
}
