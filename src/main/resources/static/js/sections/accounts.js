// 系统管理 → 用户: accounts inside the caller's part of the tree. Staff accounts belong to a union
// office, unit operators to a unit, workers to a member record, a partner hospital's desk (合作医院) to the
// hospital; the data scope follows from that on the server. A new or reset account gets a one-time password,
// shown here once.

import { api, busy, dateTime, field, fill, formError, h, responsive, submitting, toast } from '../lib.js';

const ROLES = { ADMIN: '互助保障管理员', UNION_STAFF: '工会工作人员', REVIEWER: '审核员', FINANCE: '财务人员', UNIT_OPERATOR: '单位经办人', MEMBER: '职工会员',
  HOSPITAL: '合作医院' };
const STAFF_ROLES = ['ADMIN', 'UNION_STAFF', 'REVIEWER', 'FINANCE'];
/** The roles one account may combine (a union office's staff); the first chosen stays the primary role. */
const COMBINABLE = ['UNION_STAFF', 'REVIEWER', 'FINANCE'];

/** The roles the caller may grant: an administrator any, union staff those whose rights they hold and hospital desks. */
function grantable(context) {
  return context.is('ADMIN') ? Object.keys(ROLES) : ['UNION_STAFF', 'UNIT_OPERATOR', 'MEMBER', 'HOSPITAL'];
}

export async function render(root, context) {
  const [nodes, units, hospitals] = await Promise.all([api('/api/v1/organisations'), api('/api/v1/units?limit=500'),
    api('/api/v1/hospitals')]);
  const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const hospitalName = new Map(hospitals.map((x) => [x.id, x.name]));
  const place = (a) => (a.hospitalId ? hospitalName.get(a.hospitalId) || `医院 ${a.hospitalId}`
    : a.unitId ? unitName.get(a.unitId) || `单位 ${a.unitId}` : nodeName.get(a.orgNodeId) || '—');
  const partners = hospitals.filter((x) => x.active);
  const results = h('div', { id: 'accounts-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  const issued = h('div', { id: 'accounts-issued' });
  const editor = h('div', { id: 'accounts-editor' });
  const filters = h('form', { id: 'accounts-filter', class: 'filters', novalidate: true },
    h('div', { class: 'form-grid' },
      field('组织', h('select', { name: 'orgNodeId', id: 'accounts-filter-node' }, h('option', { value: '', text: '全部' }),
        nodes.map((n) => h('option', { value: n.id, text: n.name })))),
      field('角色', h('select', { name: 'role', id: 'accounts-filter-role' }, h('option', { value: '', text: '全部' }),
        Object.entries(ROLES).map(([k, v]) => h('option', { value: k, text: v })))),
      field('状态', h('select', { name: 'status', id: 'accounts-filter-status' }, h('option', { value: '', text: '全部' }),
        h('option', { value: 'ACTIVE', text: '启用' }), h('option', { value: 'DISABLED', text: '停用' })))));
  const load = async () => {
    const query = new URLSearchParams([...new FormData(filters)].filter(([, v]) => v)).toString();
    const accounts = await api(`/api/v1/accounts${query ? `?${query}` : ''}`);
    fill(results, table(accounts, place, { context, load, issued, editor, nodes, units, partners }));
  };
  filters.addEventListener('change', () => load().catch((e) => toast(e.message, 'error')));
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '用户' }), h('p', { text: '系统管理：本级及下级的工作人员、单位经办人和职工账户' }))),
    issued,
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'accounts-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'accounts-title', text: '账户列表' })), filters, results),
      editor,
      createForm(context, nodes, units, partners, issued, load)));
  await load();
}

function table(accounts, place, env) {
  if (!accounts.length) return h('p', { class: 'empty', text: '没有符合条件的账户' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'accounts-table' },
    h('caption', { class: 'visually-hidden', text: '账户列表' }),
    h('thead', {}, h('tr', {}, ['用户名', '姓名', '角色', '所属', '状态', '两步验证', ''].map((t) => h('th', { text: t })))),
    h('tbody', {}, accounts.map((a) => h('tr', { dataset: { username: a.username } },
      h('td', { class: 'mono', text: a.username }),
      h('td', {}, h('div', { text: a.displayName }), a.maskedPhone ? h('div', { class: 'muted mono', text: a.maskedPhone }) : null),
      h('td', { text: (a.roleNames || [a.roleName]).join('、') }),
      h('td', { text: place(a) }),
      h('td', {}, h('span', { class: `badge ${a.status === 'ACTIVE' ? 'badge-green' : 'badge-red'}`, text: a.status === 'ACTIVE' ? '启用' : '停用' }),
        a.mustChangePassword ? h('div', { class: 'muted', text: '待修改初始密码' }) : null),
      h('td', { text: a.twoFactorEnabled ? '已启用' : a.twoFactorRequired ? '未设置（必须）' : '未启用' }),
      h('td', { class: 'nowrap' }, actions(a, env))))))));
}

function actions(a, { context, load, issued, editor, nodes, units, partners }) {
  if (!(a.roles || [a.role]).every((r) => grantable(context).includes(r)) || a.username === context.me.username) return null;
  const edit = h('button', { type: 'button', class: 'btn btn-small', dataset: { edit: a.username } }, '编辑');
  edit.addEventListener('click', () => {
    fill(editor, editForm(a, nodes, units, partners, load, editor, context));
    editor.scrollIntoView({ block: 'nearest' });
  });
  const reset = h('button', { type: 'button', class: 'btn btn-small', dataset: { reset: a.username } }, '重置密码');
  reset.addEventListener('click', () => busy(reset, '重置中…', async () => {
    showIssued(issued, await api(`/api/v1/accounts/${a.id}/password-reset`, { method: 'POST' }), '密码已重置');
    await load();
  }).catch((e) => toast(e.message, 'error')));
  const enabled = a.status === 'ACTIVE';
  const toggle = h('button', { type: 'button', class: 'btn btn-small', dataset: { toggle: a.username } }, enabled ? '停用' : '启用');
  toggle.addEventListener('click', () => busy(toggle, '处理中…', async () => {
    await api(`/api/v1/accounts/${a.id}/${enabled ? 'disable' : 'enable'}`, { method: 'POST' });
    toast(`${a.username} 已${enabled ? '停用' : '启用'}`, 'ok');
    await load();
  }).catch((e) => toast(e.message, 'error')));
  const factor = a.twoFactorEnabled ? h('button', { type: 'button', class: 'btn btn-small', dataset: { factor: a.username } }, '重置两步验证') : null;
  factor?.addEventListener('click', () => busy(factor, '重置中…', async () => {
    await api(`/api/v1/accounts/${a.id}/two-factor-reset`, { method: 'POST' });
    toast(`${a.username} 的两步验证已重置，下次登录须重新设置`, 'ok');
    await load();
  }).catch((e) => toast(e.message, 'error')));
  return factor ? [edit, ' ', reset, ' ', factor, ' ', toggle] : [edit, ' ', reset, ' ', toggle];
}

function showIssued(box, result, title) {
  fill(box, h('div', { class: 'alert alert-ok', role: 'status', id: 'issued-password' }, h('div', {},
    h('strong', { text: `${title}：` }), '用户名 ', h('code', { class: 'mono', id: 'issued-username', text: result.username }),
    '，初始密码 ', h('code', { class: 'mono', id: 'issued-initial', text: result.initialPassword }),
    '（只显示这一次，请当面或通过安全渠道交给本人；首次登录须修改）')));
  box.scrollIntoView({ block: 'nearest' });
}

function placement(prefix, nodes, units, partners) {
  return [
    field('所属工会组织', h('select', { name: 'orgNodeId', id: `${prefix}-node` }, h('option', { value: '', text: '请选择' }),
      nodes.map((n) => h('option', { value: n.id, text: n.name }))), { hint: '工作人员、审核员、财务、管理员', errorFor: 'orgNodeId' }),
    field('所属单位', h('select', { name: 'unitId', id: `${prefix}-unit` }, h('option', { value: '', text: '请选择' }),
      units.map((u) => h('option', { value: u.id, text: u.name }))), { hint: '单位经办人', errorFor: 'unitId' }),
    field('合作医院', h('select', { name: 'hospitalId', id: `${prefix}-hospital` }, h('option', { value: '', text: '请选择' }),
      partners.map((x) => h('option', { value: x.id, text: x.name }))), { hint: '医院出院结算处的查询账户', errorFor: 'hospitalId' }),
  ];
}

/**
 * Checkboxes for the roles an account holds besides its primary one (only staff roles combine, and
 * only those the caller may grant); hidden when there is none to offer.
 */
function extraRoles(prefix, context, primary, held = []) {
  const box = h('div', { class: 'choice', id: `${prefix}-extra-roles` });
  const wrap = h('div', { class: 'field' }, h('fieldset', { class: 'choice' }, h('legend', { text: '兼任角色' }), box),
    h('p', { class: 'hint', text: '工会工作人员、审核员、财务人员可相互兼任；含审核员或财务人员须设置两步验证' }),
    h('p', { class: 'field-error', 'data-error-for': 'roles', 'aria-live': 'polite' }));
  const show = (p) => {
    const offered = COMBINABLE.includes(p) ? COMBINABLE.filter((r) => r !== p && grantable(context).includes(r)) : [];
    fill(box, offered.map((r) => h('label', {},
      h('input', { type: 'checkbox', name: 'extraRoles', value: r, id: `${prefix}-extra-${r}`, checked: held.includes(r) }),
      h('span', { text: ROLES[r] }))));
    wrap.hidden = !offered.length;
  };
  show(primary);
  return { wrap, show, chosen: () => [...box.querySelectorAll('input:checked')].map((c) => c.value) };
}

function createForm(context, nodes, units, partners, issued, reload) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'account-create' }, '新建账户');
  const role = h('select', { name: 'role', id: 'account-role' }, grantable(context).map((r) => h('option', { value: r, text: ROLES[r] })));
  const extras = extraRoles('account', context, role.value);
  const form = h('form', { id: 'account-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('用户名', h('input', { type: 'text', name: 'username', id: 'account-username', maxlength: 50, autocomplete: 'off', spellcheck: 'false' })),
      field('姓名', h('input', { type: 'text', name: 'displayName', id: 'account-name', maxlength: 50 })),
      field('手机号码', h('input', { type: 'tel', name: 'phone', id: 'account-phone', maxlength: 13 })),
      field('角色', role, { hint: '主角色' }),
      extras.wrap,
      placement('account', nodes, units, partners),
      field('职工编号', h('input', { type: 'number', name: 'memberId', id: 'account-member', min: 1 }), { hint: '职工会员账户：职工记录的编号' })),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  const shown = () => {
    const r = role.value;
    form.querySelector('#account-node').closest('.field').hidden = !STAFF_ROLES.includes(r);
    form.querySelector('#account-unit').closest('.field').hidden = r !== 'UNIT_OPERATOR';
    form.querySelector('#account-member').closest('.field').hidden = r !== 'MEMBER';
    form.querySelector('#account-hospital').closest('.field').hidden = r !== 'HOSPITAL';
    extras.show(r);
  };
  role.addEventListener('change', shown);
  shown();
  submitting(form, submit, '创建中…', async (text) => {
    const r = text('role');
    const number = (k) => (text(k) ? Number(text(k)) : null);
    const result = await api('/api/v1/accounts', { method: 'POST', json: {
      username: text('username'), displayName: text('displayName'), phone: text('phone'), roles: [r, ...extras.chosen()],
      orgNodeId: STAFF_ROLES.includes(r) ? number('orgNodeId') : null,
      unitId: r === 'UNIT_OPERATOR' ? number('unitId') : null,
      memberId: r === 'MEMBER' ? number('memberId') : null,
      hospitalId: r === 'HOSPITAL' ? number('hospitalId') : null } });
    form.reset();
    shown();
    showIssued(issued, result, '账户已创建');
    await reload();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'account-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'account-form-title', text: '新建账户' }),
      h('p', { text: '数据范围由所属组织、单位或职工确定；初始密码由系统生成' })),
    form);
}

function editForm(a, nodes, units, partners, reload, editor, context) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'account-save' }, '保存');
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => fill(editor) }, '取消');
  const staff = STAFF_ROLES.includes(a.role);
  const [nodeField, unitField, hospitalField] = placement('account-edit', nodes, units, partners);
  const bound = a.role === 'HOSPITAL' ? 'hospitalId' : staff ? 'orgNodeId' : 'unitId';
  const held = a.roles || [a.role];
  const extras = extraRoles('account-edit', context, a.role, held.slice(1));
  const form = h('form', { id: 'account-edit-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('姓名', h('input', { type: 'text', name: 'displayName', id: 'account-edit-name', maxlength: 50, value: a.displayName })),
      field('手机号码', h('input', { type: 'tel', name: 'phone', id: 'account-edit-phone', maxlength: 13, placeholder: a.maskedPhone || '' }),
        { hint: a.maskedPhone ? '不填写则保留原号码' : '' }),
      a.role === 'MEMBER' ? null : a.role === 'HOSPITAL' ? hospitalField : staff ? nodeField : unitField,
      extras.wrap),
    formError(),
    h('div', { class: 'form-actions' }, submit, ' ', cancel));
  const select = form.querySelector('select');
  if (select) select.value = String(a[bound]);
  submitting(form, submit, '保存中…', async (text) => {
    const roles = [a.role, ...extras.chosen()];
    const changed = roles.length !== held.length || roles.some((r) => !held.includes(r));
    await api(`/api/v1/accounts/${a.id}`, { method: 'PUT', json: { displayName: text('displayName'), phone: text('phone'),
      ...(changed ? { roles } : {}) } });
    if (select && select.value !== String(a[bound])) {
      await api(`/api/v1/accounts/${a.id}/scope`, { method: 'PUT', json: { [bound]: Number(select.value) } });
    }
    toast(`${a.username} 已保存`, 'ok');
    fill(editor);
    await reload();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'account-edit-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'account-edit-title', text: `编辑账户 ${a.username}` }),
      h('p', { text: `${(a.roleNames || [a.roleName]).join('、')} · 创建于 ${dateTime(a.createdAt)}` })), form);
}
