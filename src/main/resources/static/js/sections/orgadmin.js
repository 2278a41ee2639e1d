// 系统管理 → 组织机构: the tree with division codes; creating, renaming, moving and closing union
// offices with their history; loading the province's division file; the units of an office with
// editing and the bulk import from Excel/CSV with its row errors.

import { api, busy, dateTime, field, fill, formError, h, LEVEL, OWNERSHIP, responsive, submitting, toast } from '../lib.js';

const CHILD_LEVEL = { PROVINCE: 'CITY', CITY: 'COUNTY' };
const FIELD = {
  name: '名称', divisionCode: '行政区划代码', parent: '上级', status: '状态', organisation: '所属工会', creditCode: '统一社会信用代码',
  ownership: '单位性质', headcount: '职工人数', contactName: '联系人', contactPhone: '联系电话',
};
const ACTION = { CREATED: '新建', RENAMED: '更名', MOVED: '调整上级', CLOSED: '撤销', EDITED: '修改', IMPORTED: '导入更新' };

export async function render(root, { params, go }) {
  const nodes = await api('/api/v1/organisations');
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const selected = byId.get(Number(params.get('node'))) || nodes[0];
  const select = (node) => go('orgadmin', { node: node.id });
  const reload = () => render(root, { params: new URLSearchParams({ node: selected?.id ?? '' }), go });

  const loadButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'load-divisions' }, '加载行政区划文件');
  loadButton.addEventListener('click', () => busy(loadButton, '正在加载…', async () => {
    try {
      const loaded = await api(`/api/v1/organisations/${selected.id}/divisions`, { method: 'POST' });
      toast(loaded.created ? `已新建 ${loaded.created} 个工会组织，已有 ${loaded.existing} 个未重复新建` : `没有需要新建的工会组织（已有 ${loaded.existing} 个）`, 'ok');
      await reload();
    } catch (e) {
      toast(e.message, 'error');
    }
  }));

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '组织机构' }),
        h('p', { text: '工会组织树（含 GB/T 2260 行政区划代码）、变更历史与各级直属单位' })),
      selected ? h('div', { class: 'actions' }, loadButton) : null),
    h('div', { class: 'grid grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'orgadmin-tree-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'orgadmin-tree-title', text: '工会组织' }),
          h('span', { class: 'muted', text: `${nodes.length} 个` })),
        tree(nodes, selected, select)),
      selected ? h('div', { class: 'stack' },
        nodeCard(selected, byId, nodes, reload),
        unitsCard(selected, reload),
        importCard(reload),
        historyCard(`/api/v1/organisations/${selected.id}/history`, 'node-history', '变更历史')) : h('p', { class: 'empty', text: '您的管辖范围内没有工会组织' })));
}

function tree(nodes, selected, select) {
  const children = new Map();
  for (const n of nodes) {
    const key = nodes.some((p) => p.id === n.parentId) ? n.parentId : 'root';
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(n);
  }
  const branch = (list) => h('ul', {}, list.map((n) => {
    const kids = children.get(n.id) || [];
    const button = h('button', { type: 'button', class: `btn btn-ghost btn-small${n.id === selected?.id ? ' selected' : ''}`, dataset: { id: n.id },
      'aria-current': n.id === selected?.id ? 'true' : null, onclick: () => select(n) }, n.name);
    return h('li', { class: `level-${n.level}` },
      h('div', { class: 'node' },
        h('span', { class: `badge ${n.level === 'PROVINCE' ? 'badge-red' : n.level === 'CITY' ? 'badge-amber' : ''}`, text: LEVEL[n.level] }),
        button,
        h('span', { class: 'mono muted', text: n.divisionCode || '' }),
        n.status === 'CLOSED' ? h('span', { class: 'badge', text: '已撤销' }) : null),
      kids.length ? branch(kids) : null);
  }));
  const top = branch(children.get('root') || []);
  top.className = 'tree';
  top.id = 'orgadmin-tree';
  return top;
}

function nodeCard(node, byId, nodes, reload) {
  const open = node.status !== 'CLOSED';
  const parent = byId.get(node.parentId);
  const rename = h('form', { id: 'node-rename', novalidate: true },
    field('名称', h('input', { type: 'text', name: 'name', value: node.name, maxlength: 100 })), formError(),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn' }, '更名')));
  submitting(rename, rename.querySelector('button'), '保存中…', async (text) => {
    await api(`/api/v1/organisations/${node.id}/name`, { method: 'PUT', json: { name: text('name') } });
    toast('已更名', 'ok');
    await reload();
  });

  const parents = nodes.filter((n) => n.level !== 'COUNTY' && CHILD_LEVEL[n.level] === node.level && n.status !== 'CLOSED' && n.id !== node.parentId);
  const move = h('form', { id: 'node-move', novalidate: true },
    h('div', { class: 'form-grid' },
      field('新的上级', h('select', { name: 'parentId' }, h('option', { value: '', text: '请选择' }),
        parents.map((p) => h('option', { value: p.id, text: `${p.name}（${p.divisionCode || '无代码'}）` })))),
      field('新的行政区划代码', h('input', { type: 'text', name: 'divisionCode', maxlength: 6, inputmode: 'numeric', placeholder: node.divisionCode || '' }),
        { hint: '跨市调整时须填新代码' })),
    formError(), h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn' }, '调整上级')));
  submitting(move, move.querySelector('button'), '调整中…', async (text) => {
    await api(`/api/v1/organisations/${node.id}/move`, { method: 'POST', json: { parentId: Number(text('parentId')) || null, divisionCode: text('divisionCode') } });
    toast('已调整上级，其下单位与职工、申领、缴费单随之调整', 'ok');
    await reload();
  });

  const child = CHILD_LEVEL[node.level];
  const create = child ? h('form', { id: 'node-create', novalidate: true },
    h('div', { class: 'form-grid' },
      field('名称', h('input', { type: 'text', name: 'name', maxlength: 100, placeholder: child === 'CITY' ? '如 黄石市总工会' : '如 江汉区总工会' })),
      field('行政区划代码', h('input', { type: 'text', name: 'divisionCode', maxlength: 6, inputmode: 'numeric' }), { hint: '6 位 GB/T 2260 代码' })),
    formError(), h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, `新建${LEVEL[child]}下级`))) : null;
  if (create) {
    submitting(create, create.querySelector('button'), '新建中…', async (text) => {
      const made = await api('/api/v1/organisations', { method: 'POST', json: { parentId: node.id, name: text('name'), divisionCode: text('divisionCode') } });
      toast(`已新建 ${made.name}`, 'ok');
      await reload();
    });
  }

  const close = h('button', { type: 'button', class: 'btn btn-ghost', id: 'node-close' }, '撤销该组织');
  close.addEventListener('click', () => {
    if (!window.confirm(`撤销 ${node.name}？撤销后不能再登记单位，历史仍保留。`)) return;
    busy(close, '撤销中…', async () => {
      try {
        await api(`/api/v1/organisations/${node.id}/close`, { method: 'POST' });
        toast('已撤销', 'ok');
        await reload();
      } catch (e) {
        toast(e.message, 'error');
      }
    });
  });

  return h('section', { class: 'card', id: 'node-card', 'aria-labelledby': 'node-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'node-title', text: node.name }),
      h('span', { class: 'mono', text: `${LEVEL[node.level]} · ${node.divisionCode || '无区划代码'}${open ? '' : ' · 已撤销'}` })),
    h('p', { class: 'muted', text: parent ? `上级：${parent.name}` : '根组织' }),
    open ? [rename, node.parentId && parents.length ? move : null, create, node.parentId ? h('div', { class: 'form-actions' }, close) : null]
      : h('p', { class: 'alert alert-warn', text: '该组织已撤销：保留在组织树和历史中，不能再登记单位或新建下级。' }));
}

function unitsCard(node, reload) {
  const body = h('div', {}, h('p', { class: 'loading', text: '正在加载单位…' }));
  api(`/api/v1/units?organisationId=${node.id}&limit=500`).then((units) => fill(body, units.length
    ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'node-units' },
      h('thead', {}, h('tr', {}, ['单位名称', '统一社会信用代码', '单位性质', '职工人数', '联系人', '联系电话', '状态', ''].map((t) => h('th', { text: t })))),
      h('tbody', {}, units.map((u) => unitRow(u, reload))))))
    : h('p', { class: 'empty', text: '该组织下没有直属单位' }))).catch((e) => fill(body, h('p', { class: 'alert alert-error', text: e.message })));
  return h('section', { class: 'card', 'aria-labelledby': 'node-units-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'node-units-title', text: '直属单位' })), body);
}

function unitRow(u, reload) {
  const edit = h('button', { type: 'button', class: 'btn btn-small btn-ghost', dataset: { unit: u.id } }, '修改');
  const row = h('tr', { dataset: { id: u.id } },
    h('td', { class: 'name', text: u.name }), h('td', { class: 'mono', text: u.creditCode }),
    h('td', { text: u.ownershipName }), h('td', { class: 'num', text: u.headcount }),
    h('td', { text: u.contactName || '—' }), h('td', { class: 'mono', text: u.contactPhone || '—' }),
    h('td', {}, h('span', { class: `badge ${u.status === 'CLOSED' ? '' : 'badge-green'}`, text: u.status === 'CLOSED' ? '已注销' : '正常' })),
    h('td', {}, edit));
  edit.addEventListener('click', () => {
    if (row.nextElementSibling?.classList.contains('unit-edit')) { row.nextElementSibling.remove(); return; }
    const select = (name, options, value) => h('select', { name }, options.map(([v, t]) => h('option', { value: v, text: t, selected: v === value })));
    const form = h('form', { class: 'unit-edit-form', novalidate: true },
      h('div', { class: 'form-grid' },
        field('单位名称', h('input', { type: 'text', name: 'name', value: u.name, maxlength: 200 })),
        field('单位性质', select('ownership', Object.entries(OWNERSHIP), u.ownership)),
        field('职工人数', h('input', { type: 'number', name: 'headcount', value: u.headcount, min: 1 })),
        field('联系人', h('input', { type: 'text', name: 'contactName', value: u.contactName || '', maxlength: 50 })),
        field('联系电话', h('input', { type: 'tel', name: 'contactPhone', placeholder: u.contactPhone || '手机或固定电话' }), { hint: '不修改请留空' }),
        field('状态', select('status', [['ACTIVE', '正常'], ['CLOSED', '注销']], u.status))),
      formError(), h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, '保存')),
      historyCard(`/api/v1/units/${u.id}/history`, `unit-history-${u.id}`, '单位变更历史'));
    submitting(form, form.querySelector('button[type=submit]'), '保存中…', async (text) => {
      await api(`/api/v1/units/${u.id}`, { method: 'PATCH', json: {
        name: text('name'), ownership: text('ownership'), headcount: Number(text('headcount')) || null,
        contactName: text('contactName') ?? '', contactPhone: text('contactPhone'), status: text('status') } });
      toast('已保存单位信息', 'ok');
      await reload();
    });
    row.after(h('tr', { class: 'unit-edit' }, h('td', { colspan: 8 }, form)));
  });
  return row;
}

function importCard(reload) {
  const input = h('input', { type: 'file', name: 'file', accept: '.xlsx,.csv', id: 'unit-import-file' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'unit-import-submit' }, '导入');
  const result = h('div', { id: 'unit-import-result', role: 'status' });
  const form = h('form', { id: 'unit-import', novalidate: true },
    field('单位名单（Excel .xlsx 或 CSV）', input, { hint: '列：单位名称、统一社会信用代码、所属工会（区划代码或名称）、所有制、职工人数、联系人、联系电话、状态' }),
    h('div', { class: 'form-actions' }, submit, h('a', { class: 'btn btn-ghost', href: '/api/v1/units/import-template.xlsx', download: true }, '下载模板')),
    result);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    fill(result);
    if (!input.files.length) { fill(result, h('p', { class: 'alert alert-error', text: '请选择文件' })); return; }
    const data = new FormData();
    data.append('file', input.files[0]);
    busy(submit, '正在导入…', async () => {
      try {
        const done = await api('/api/v1/units/imports', { method: 'POST', form: data });
        await reload();
        // the page was drawn anew: the summary goes into the new import card
        fill(document.getElementById('unit-import-result') || result,
          h('p', { class: 'alert alert-ok', text: `共 ${done.rows} 行：新登记 ${done.created}，更新 ${done.updated}，无变化 ${done.unchanged}` }));
      } catch (e) {
        const errors = Array.isArray(e.errors) ? e.errors : [];
        fill(result, h('div', { class: 'alert alert-error', role: 'alert' }, h('div', {},
          h('p', { text: errors.length > 1 ? `文件有 ${errors.length} 处错误，未导入任何单位：` : e.message }),
          errors.length > 1 ? h('ul', { id: 'unit-import-errors' }, errors.map((x) => h('li', { text: x.message }))) : null)));
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'unit-import-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'unit-import-title', text: '批量导入单位' })), form);
}

function historyCard(path, id, title) {
  const body = h('div', {}, h('p', { class: 'loading', text: '正在加载…' }));
  api(path).then((entries) => fill(body, entries.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id },
    h('thead', {}, h('tr', {}, ['时间', '操作人', '操作', '项目', '原值', '新值'].map((t) => h('th', { text: t })))),
    h('tbody', {}, entries.map((e) => h('tr', {},
      h('td', { class: 'nowrap', text: dateTime(e.changedAt) }), h('td', { text: e.changedBy }), h('td', { text: ACTION[e.action] || e.action }),
      h('td', { text: FIELD[e.field] || e.field }), h('td', { text: e.before ?? '—' }), h('td', { text: e.after ?? '—' })))))))
    : h('p', { class: 'empty', text: '暂无变更记录' }))).catch((e) => fill(body, h('p', { class: 'alert alert-error', text: e.message })));
  return h('section', { class: 'card', 'aria-label': title }, h('div', { class: 'card-head' }, h('h3', { text: title })), body);
}
