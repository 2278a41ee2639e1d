// 合作医院 (工会+医院): the partner hospitals of the caller's office and the offices below it. Union staff register a
// hospital (its code never changes: posters and hospital systems carry it), edit it, end or resume the partnership, and
// download its 申领提示牌 (an A4 PDF whose QR code opens the member app's claim filing with the hospital filled in).
// The hospital's desk accounts are opened in 系统管理 · 用户 with the role 合作医院.

import { api, field, fill, formError, h, responsive, submitting, toast, busy } from '../lib.js';

export const GRADES = {
  GRADE_3A: '三级甲等', GRADE_3B: '三级乙等', GRADE_3C: '三级丙等', GRADE_2A: '二级甲等', GRADE_2B: '二级乙等', GRADE_2C: '二级丙等',
  GRADE_1: '一级', UNGRADED: '未定级',
};

export async function render(root) {
  const nodes = await api('/api/v1/organisations');
  const results = h('div', { id: 'hospitals-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  const editor = h('div', { id: 'hospitals-editor' });
  const load = async () => {
    const hospitals = await api('/api/v1/hospitals');
    fill(results, table(hospitals, { load, editor, nodes }));
  };
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '合作医院' }),
        h('p', { text: '工会+医院：合作医院在职工出院时查询是否参保、提示申领；医院查询账户在“系统管理 · 用户”中开设（角色：合作医院）' }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'hospitals-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'hospitals-title', text: '合作医院列表' })), results),
      editor,
      createForm(nodes, load)));
  await load();
}

function table(hospitals, env) {
  if (!hospitals.length) return h('p', { class: 'empty', text: '管辖范围内还没有合作医院' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'hospitals-table' },
    h('caption', { class: 'visually-hidden', text: '合作医院列表' }),
    h('thead', {}, h('tr', {}, ['编码', '医院', '等级', '合作工会', '状态', '申领提示牌', ''].map((t) => h('th', { text: t })))),
    h('tbody', {}, hospitals.map((x) => h('tr', { dataset: { code: x.code } },
      h('td', { class: 'mono', text: x.code }),
      h('td', {}, h('div', {}, h('div', { text: x.name }), x.address ? h('div', { class: 'muted', text: x.address }) : null)),
      h('td', { text: x.gradeName }),
      h('td', { text: x.officeName }),
      h('td', {}, h('span', { class: `badge ${x.active ? 'badge-green' : 'badge-red'}`, text: x.active ? '合作中' : '已停止合作' })),
      h('td', {}, h('a', { href: `/api/v1/hospitals/${x.id}/poster.pdf`, download: '', dataset: { poster: x.code }, text: '下载 PDF' })),
      h('td', { class: 'nowrap' }, actions(x, env))))))));
}

function actions(x, { load, editor, nodes }) {
  const edit = h('button', { type: 'button', class: 'btn btn-small', dataset: { edit: x.code } }, '编辑');
  edit.addEventListener('click', () => {
    fill(editor, editForm(x, nodes, load, editor));
    editor.scrollIntoView({ block: 'nearest' });
  });
  const toggle = h('button', { type: 'button', class: 'btn btn-small', dataset: { toggle: x.code } }, x.active ? '停止合作' : '恢复合作');
  toggle.addEventListener('click', () => busy(toggle, '处理中…', async () => {
    await api(`/api/v1/hospitals/${x.id}`, { method: 'PUT', json: { name: x.name, grade: x.grade, address: x.address,
      officeId: x.officeId, active: !x.active } });
    toast(`${x.name} ${x.active ? '已停止合作' : '已恢复合作'}`, 'ok');
    await load();
  }).catch((e) => toast(e.message, 'error')));
  return [edit, ' ', toggle];
}

/** The fields a hospital has besides its code; {@code x} the hospital being edited (null for a new one). */
function fields(prefix, nodes, x) {
  const grade = h('select', { name: 'grade', id: `${prefix}-grade` }, h('option', { value: '', text: '请选择' }),
    Object.entries(GRADES).map(([k, v]) => h('option', { value: k, text: v })));
  const office = h('select', { name: 'officeId', id: `${prefix}-office` }, h('option', { value: '', text: '请选择' }),
    nodes.map((n) => h('option', { value: n.id, text: n.name })));
  if (x) { grade.value = x.grade; office.value = String(x.officeId); }
  return [
    field('医院名称', h('input', { type: 'text', name: 'name', id: `${prefix}-name`, maxlength: 100, value: x?.name })),
    field('医院等级', grade),
    field('合作工会', office, { hint: '与医院签订合作的工会；医院账户的数据范围随之确定', errorFor: 'officeId' }),
    field('地址', h('input', { type: 'text', name: 'address', id: `${prefix}-address`, maxlength: 200, value: x?.address })),
  ];
}

function createForm(nodes, reload) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'hospital-create' }, '登记合作医院');
  const form = h('form', { id: 'hospital-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('医院编码', h('input', { type: 'text', name: 'code', id: 'hospital-code', maxlength: 32, autocomplete: 'off', spellcheck: 'false' }),
        { hint: '字母、数字或 -，登记后不可修改（印在申领提示牌上）' }),
      fields('hospital', nodes, null)),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '登记中…', async (text) => {
    const created = await api('/api/v1/hospitals', { method: 'POST', json: { code: text('code'), name: text('name'),
      grade: text('grade'), address: text('address'), officeId: text('officeId') ? Number(text('officeId')) : null } });
    form.reset();
    toast(`${created.name} 已登记为合作医院`, 'ok');
    await reload();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'hospital-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'hospital-form-title', text: '登记合作医院' })), form);
}

function editForm(x, nodes, reload, editor) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'hospital-save' }, '保存');
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => fill(editor) }, '取消');
  const form = h('form', { id: 'hospital-edit-form', novalidate: true },
    h('div', { class: 'form-grid' }, fields('hospital-edit', nodes, x)),
    formError(),
    h('div', { class: 'form-actions' }, submit, ' ', cancel));
  submitting(form, submit, '保存中…', async (text) => {
    await api(`/api/v1/hospitals/${x.id}`, { method: 'PUT', json: { name: text('name'), grade: text('grade'), address: text('address'),
      officeId: text('officeId') ? Number(text('officeId')) : null, active: x.active } });
    toast(`${x.code} 已保存`, 'ok');
    fill(editor);
    await reload();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'hospital-edit-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'hospital-edit-title', text: `编辑合作医院 ${x.code}` }),
      h('p', { text: `申领提示牌二维码：${x.claimUrl}` })), form);
}
