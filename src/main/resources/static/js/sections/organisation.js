// 组织与单位: the visible organisation tree, the units list with a name search, registering a unit.

import {
  api, responsive, busy, catalogue, clearErrors, exportButton, field, fill, formError, h, LEVEL, showErrors, toast,
} from '../lib.js';

export async function render(root, context) {
  const { can } = context;
  const [nodes, terms] = await Promise.all([api('/api/v1/organisations'), catalogue()]);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const unitsBody = h('div', {}, h('p', { class: 'loading', text: '正在加载单位…' }));
  const searchInput = h('input', { type: 'search', name: 'name', id: 'unit-search-name', placeholder: '输入单位名称的一部分', autocomplete: 'off' });
  const searchButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'unit-search' }, '查询');
  const search = h('form', { class: 'search-bar', role: 'search', 'aria-label': '查找单位' },
    field('单位名称', searchInput), searchButton);

  const exported = exportButton(context, '/api/v1/units', { id: 'units-export', personal: true });
  async function loadUnits() {
    const name = searchInput.value.trim();
    exported.set(name ? { name } : {});
    const units = await api(`/api/v1/units?limit=200${name ? `&name=${encodeURIComponent(name)}` : ''}`);
    fill(unitsBody, unitsTable(units, byId, terms, name));
  }
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(searchButton, '查询中…', loadUnits).catch((e) => toast(e.message, 'error'));
  });

  const counties = nodes.filter((n) => n.status !== 'CLOSED');
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '组织与单位' }),
        h('p', { text: nodes.length ? '您管辖范围内的工会组织和参保单位' : '您所在的参保单位' }))),
    h('div', { class: nodes.length ? 'grid grid-2' : 'grid' },
      nodes.length === 0 ? null : h('section', { class: 'card', 'aria-labelledby': 'org-tree-title' },
        h('details', { class: 'tree-box', open: !window.matchMedia('(max-width: 820px)').matches },
          h('summary', { class: 'card-head' }, h('h2', { id: 'org-tree-title', text: '工会组织' }),
            h('span', { class: 'muted', text: nodes.length ? `${nodes.length} 个组织` : '' })),
          tree(nodes))),
      h('div', { class: 'stack' },
        h('section', { class: 'card', 'aria-labelledby': 'units-title' },
          h('div', { class: 'card-head' }, h('h2', { id: 'units-title', text: '参保单位' }), exported.el),
          search, h('div', { style: 'margin-top:14px' }, unitsBody)),
        can('UNIT_MANAGE') && counties.length
          ? unitForm(counties, byId, terms, loadUnits) : null)));
  await loadUnits();
}

function tree(nodes) {
  const children = new Map();
  for (const n of nodes) {
    const key = n.parentId !== null && nodes.some((p) => p.id === n.parentId) ? n.parentId : 'root';
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(n);
  }
  const branch = (list) => h('ul', {}, list.map((n) => {
    const kids = children.get(n.id) || [];
    return h('li', { class: `level-${n.level}`, dataset: { id: n.id } },
      h('div', { class: 'node' },
        h('span', { class: `badge ${n.level === 'PROVINCE' ? 'badge-red' : n.level === 'CITY' ? 'badge-amber' : ''}`, text: LEVEL[n.level] || n.level }),
        h('span', { class: 'node-name', text: n.name }),
        kids.length ? h('span', { class: 'count', text: `${kids.length} 个下级` }) : null),
      kids.length ? branch(kids) : null);
  }));
  const top = branch(children.get('root') || []);
  top.className = 'tree';
  top.id = 'org-tree';
  return top;
}

function unitsTable(units, byId, terms, name) {
  if (!units.length) return h('p', { class: 'empty', text: name ? `没有名称包含“${name}”的单位` : '暂无单位' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'units-table' },
    h('caption', { class: 'visually-hidden', text: '参保单位列表' }),
    h('thead', {}, h('tr', {},
      h('th', { text: '单位名称' }), h('th', { text: '统一社会信用代码' }), h('th', { text: '单位性质' }),
      h('th', { class: 'num', text: '职工人数' }), h('th', { text: '所属工会' }), h('th', { text: '缴费政策' }))),
    h('tbody', {}, units.map((u) => h('tr', { dataset: { id: u.id } },
      h('td', { class: 'name', text: u.name }),
      h('td', { class: 'mono', text: u.creditCode }),
      h('td', { class: 'nowrap', text: u.ownershipName || u.ownership }),
      h('td', { class: 'num', text: u.headcount }),
      h('td', { class: 'nowrap', text: byId.get(u.organisationId)?.name || '—' }),
      h('td', { class: 'nowrap' }, policyBadge(u, terms))))))),
  units.length >= 200 ? h('p', { class: 'hint', text: '仅显示前 200 个单位，请输入名称缩小范围。' }) : null);
}

/** Short labels for the usual funding policies; the catalogue's full name is the tooltip. */
const POLICY_SHORT = {
  UNIT_PAYS: '单位全额', UNIT_PAYS_WITH_SUBSIDY: '单位缴 + 工会补贴', PRIVATE_HALF: '企业、工会各半', MEMBER_PAYS: '个人缴纳',
};

function policyBadge(unit, terms) {
  const code = unit.fundingPolicy || terms.defaultPolicy(unit.ownership);
  const full = terms.policyName(code);
  return h('span', { title: unit.fundingPolicy ? full : `${full}（按单位性质默认）` }, POLICY_SHORT[code] || full);
}

function unitForm(counties, byId, terms, reload) {
  const select = (name, options, placeholder) => h('select', { name },
    h('option', { value: '', text: placeholder }),
    options.map(([value, text]) => h('option', { value, text })));
  const org = select('organisationId', counties.map((c) => {
    const parent = byId.get(c.parentId);
    return [c.id, parent ? `${parent.name} / ${c.name}` : c.name];
  }), '请选择所属工会');
  const ownership = select('ownership', [['GOVERNMENT', '机关事业单位'], ['STATE_OWNED', '国有企业'], ['PRIVATE', '民营企业'], ['OTHER', '其他']], '请选择');
  const policy = select('fundingPolicy', terms.funding.policies.map((p) => [p.code, p.name]), '按单位性质默认');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'unit-submit' }, '登记单位');
  const result = h('div', { role: 'status' });
  const form = h('form', { id: 'unit-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('单位名称', h('input', { type: 'text', name: 'name', maxlength: 200, autocomplete: 'organization' })),
      field('统一社会信用代码', h('input', { type: 'text', name: 'creditCode', maxlength: 18, autocapitalize: 'characters', spellcheck: 'false' }),
        { hint: '18 位，含校验码' }),
      field('单位性质', ownership),
      field('职工人数', h('input', { type: 'number', name: 'headcount', min: 1, inputmode: 'numeric' })),
      field('所属工会', org),
      field('缴费政策', policy)),
    formError(),
    h('div', { class: 'form-actions' }, submit),
    result);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    fill(result);
    const data = new FormData(form);
    const text = (k) => (data.get(k) || '').toString().trim() || null;
    const number = (k) => (text(k) === null ? null : Number(text(k)));
    const command = {
      name: text('name'), creditCode: text('creditCode')?.toUpperCase() ?? null, ownership: text('ownership'),
      headcount: number('headcount'), organisationId: number('organisationId'), fundingPolicy: text('fundingPolicy'),
    };
    busy(submit, '正在登记…', async () => {
      try {
        const unit = await api('/api/v1/units', { method: 'POST', json: command });
        form.reset();
        fill(result, h('div', { class: 'alert alert-ok', style: 'margin-top:12px' }, `已登记单位：${unit.name}（编号 ${unit.id}）`));
        await reload();
      } catch (e) {
        showErrors(form, e);
      }
    });
  });

  return h('section', { class: 'card', 'aria-labelledby': 'unit-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'unit-form-title', text: '登记参保单位' }),
      h('p', { text: '单位可建在县（区）总工会之下，省直、市直单位建在省、市总工会之下' })),
    form);
}
