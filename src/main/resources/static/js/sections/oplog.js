// 系统管理 → 操作日志 and 登录日志: search by person, record, action or outcome and days (China time),
// newest first, page by page, with the fields changed before → after (personal data arrives
// masked), and export what is found to Excel (the export is itself logged).

import { api, clearErrors, dateTime, field, fill, h, responsive, showErrors } from '../lib.js';

const PAGE = 50;

const FIELDS = {
  name: '姓名', idNumber: '身份证号', phone: '手机号', bankAccount: '银行账号', bankName: '开户银行', status: '状态',
  unitId: '单位', employmentForm: '就业形态', reason: '原因', headcount: '人数', organisationId: '组织',
};

const RECORDS = {
  member: '职工', 'bank-account-change': '收款账户变更', claim: '申领', 'claim-document': '申领材料', unit: '单位',
  account: '账户', 'operation-log': '操作日志', 'login-log': '登录日志',
};

const OUTCOMES = { SUCCESS: ['登录成功', 'badge-green'], FAILURE: ['登录失败', 'badge-amber'], LOCKED: ['已锁定', 'badge-red'], LOGOUT: ['退出登录', ''] };

/** 操作日志 */
export const operations = {
  render: (root) => logScreen(root, {
    id: 'oplog',
    title: '操作日志',
    intro: '通过接口和控制台进行的每一次变更（含被拒绝的）、查看未脱敏个人信息、下载申领材料与导出；只增不改',
    path: '/api/v1/operation-logs',
    filters: [
      ['person', '人员', 'text', '账户名'],
      ['record', '记录', 'text', '如 claim 8 或 /claims/8'],
      ['action', '操作', 'text', '如 登记职工'],
    ],
    headings: ['时间', '人员', '地址', '操作', '记录', '结果', '变更前 → 变更后'],
    row: operationRow,
  }),
};

/** 登录日志 */
export const logins = {
  render: (root) => logScreen(root, {
    id: 'loginlog',
    title: '登录日志',
    intro: '每次登录、登录失败、账户锁定与退出登录；只增不改',
    path: '/api/v1/login-logs',
    filters: [
      ['person', '人员', 'text', '账户名'],
      ['outcome', '结果', 'select', Object.entries(OUTCOMES).map(([value, [text]]) => ({ value, text }))],
    ],
    headings: ['时间', '账户', '地址', '结果', '说明'],
    row: loginRow,
  }),
};

async function logScreen(root, screen) {
  const controls = screen.filters.map(([name, label, type, extra]) => field(label, type === 'select'
    ? h('select', { name, id: `${screen.id}-${name}` }, h('option', { value: '', text: '全部' }),
      extra.map((o) => h('option', { value: o.value, text: o.text })))
    : h('input', { type: 'text', name, id: `${screen.id}-${name}`, maxlength: 100, placeholder: extra, autocomplete: 'off' })));
  const from = h('input', { type: 'date', name: 'from', id: `${screen.id}-from` });
  const to = h('input', { type: 'date', name: 'to', id: `${screen.id}-to` });
  const exportLink = h('a', { class: 'btn btn-small', id: `${screen.id}-export`, download: '', title: '按当前查询条件导出（最多十万行）' }, '导出 Excel');
  const searchButton = h('button', { type: 'submit', class: 'btn btn-primary', id: `${screen.id}-search` }, '查询');
  const form = h('form', { class: 'search-bar', role: 'search', 'aria-label': `查询${screen.title}` },
    controls, field('开始日期', from, { errorFor: 'from' }), field('结束日期', to, { errorFor: 'to' }), searchButton);
  const results = h('div', { id: `${screen.id}-results` }, h('p', { class: 'loading', text: '正在加载…' }));
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: screen.title }), h('p', { text: screen.intro }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-label': '查询条件' }, form),
      h('section', { class: 'card', 'aria-labelledby': `${screen.id}-title` },
        h('div', { class: 'card-head' }, h('h2', { id: `${screen.id}-title`, text: '记录' }),
          h('div', { class: 'log-tools' }, h('p', { text: '最新的在前' }), exportLink)),
        results)));

  let offset = 0;
  const query = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value.toString().trim()) params.set(name, value.toString().trim());
    return params;
  };
  const load = async () => {
    const params = query();
    exportLink.href = `${screen.path}/export?${params}`;
    params.set('limit', PAGE);
    params.set('offset', offset);
    clearErrors(form);
    let page;
    try {
      page = await api(`${screen.path}?${params}`);
    } catch (e) {
      showErrors(form, e);
      fill(results, h('p', { class: 'empty', text: '请修正查询条件' }));
      return;
    }
    fill(results, table(screen, page.items), pager(page, (next) => { offset = next; load(); }));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    offset = 0;
    load();
  });
  await load();
}

function table(screen, items) {
  if (!items.length) return h('p', { class: 'empty', text: '没有符合条件的记录' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: `${screen.id}-table` },
    h('caption', { class: 'visually-hidden', text: screen.title }),
    h('thead', {}, h('tr', {}, screen.headings.map((t) => h('th', { text: t })))),
    h('tbody', {}, items.map(screen.row)))));
}

function pager(page, go) {
  const number = Math.floor(page.offset / page.limit) + 1;
  const previous = h('button', { type: 'button', class: 'btn btn-small', id: 'log-previous', disabled: page.offset === 0 }, '上一页');
  const next = h('button', { type: 'button', class: 'btn btn-small', id: 'log-next', disabled: !page.hasMore }, '下一页');
  previous.addEventListener('click', () => go(Math.max(0, page.offset - page.limit)));
  next.addEventListener('click', () => go(page.offset + page.limit));
  return h('div', { class: 'list-foot' }, h('span', { class: 'muted', id: 'log-page', text: `第 ${number} 页 · 本页 ${page.items.length} 条` }),
    h('span', {}, previous, ' ', next));
}

function operationRow(r) {
  const kind = r.status >= 400 ? (r.status === 403 ? 'badge-red' : 'badge-amber') : 'badge-green';
  return h('tr', { dataset: { id: r.id, status: r.status } },
    h('td', { class: 'nowrap', text: dateTime(r.at) }),
    h('td', { class: 'nowrap' }, h('div', { text: r.account }), h('div', { class: 'muted', text: r.roleName })),
    h('td', { class: 'mono', text: r.address }),
    h('td', {}, h('div', { text: r.action }), h('div', { class: 'muted mono', text: `${r.method} ${r.path}` })),
    h('td', { class: 'nowrap', text: r.target || '—' }),
    h('td', {}, h('span', { class: `badge ${kind}`, text: r.status >= 400 ? `拒绝 ${r.status}` : `成功 ${r.status}` })),
    h('td', { class: 'log-changes' },
      r.changes.map((c) => h('div', { class: 'log-change' },
        h('span', { class: 'muted', text: `${RECORDS[c.record] || c.record} ${c.recordId ?? ''} · ${FIELDS[c.field] || c.field}：` }),
        h('span', { text: `${c.before ?? '（无）'} → ${c.after ?? '（无）'}` }))),
      r.revealed.map((v) => h('div', { class: 'log-change' },
        h('span', { class: 'badge badge-blue', text: v.what }), ' ', h('span', { class: 'muted', text: `${RECORDS[v.record] || v.record} ${v.recordId ?? ''}` }))),
      !r.changes.length && !r.revealed.length ? h('span', { class: 'muted', text: '—' }) : null));
}

function loginRow(r) {
  const [text, kind] = OUTCOMES[r.outcome] || [r.outcome, ''];
  return h('tr', { dataset: { id: r.id, outcome: r.outcome } },
    h('td', { class: 'nowrap', text: dateTime(r.at) }),
    h('td', { text: r.account }),
    h('td', { class: 'mono', text: r.address }),
    h('td', {}, h('span', { class: `badge ${kind}`, text: r.lockout ? '锁定账户' : text })),
    h('td', { class: 'muted', text: r.detail || '' }));
}
