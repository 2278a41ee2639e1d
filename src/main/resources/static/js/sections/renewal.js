// 续保: a unit renews from last year's list in one action. Propose (optionally with a roster of newcomers
// and share changes) → review who is in, who is out and why, set lines out or back in → confirm: one bill.
// 到期与断保: cover expiring in the next 30 days and lapsed cover, per unit or per office, by item, paged.
// Status and source words come from the API (statusName, sourceName), never typed here.

import { api, busy, dateTime, exportButton, field, fill, formError, h, responsive, showErrors, clearErrors, toast, yuan } from '../lib.js';

const PAGE = 50;

export async function render(root, context) {
  const units = context.is('UNIT_OPERATOR') ? [] : await api('/api/v1/units?limit=500');
  const unitId = () => (context.is('UNIT_OPERATOR') ? context.me.unitId : Number(unitSelect.value) || null);
  const unitSelect = h('select', { name: 'unitId', id: 'renewal-unit' },
    h('option', { value: '', text: '请选择单位' }), units.map((u) => h('option', { value: u.id, text: u.name })));
  const file = h('input', { type: 'file', name: 'file', id: 'renewal-file', accept: '.csv,.xlsx' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'renewal-propose' }, '生成续保方案');
  const review = h('div', { id: 'renewal-review' });
  const form = h('form', { id: 'renewal-form', novalidate: true },
    h('div', { class: 'form-grid' },
      units.length ? field('参保单位', unitSelect, { errorFor: 'unitId' }) : null,
      field('花名册（可选：新职工、份数调整）', file, { hint: '不上传则按上年名单续保；离开本单位的职工自动移出' })),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!unitId()) {
      showErrors(form, { errors: [{ field: 'unitId', message: '请选择单位' }], message: '请选择单位' });
      return;
    }
    const data = new FormData();
    if (file.files.length) data.append('file', file.files[0]);
    else data.append('note', '上年名单');
    busy(submit, '正在生成…', async () => {
      try {
        const proposal = await api(`/api/v1/units/${unitId()}/renewals`, { method: 'POST', form: data });
        file.value = '';
        await show(review, proposal.id);
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '续保' }),
      h('p', { text: '按上年名单一键续保：保障到期前缴费，新保障自原保障到期次日起接续，免观察期；一次确认出具一张缴费单' }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'renewal-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'renewal-title', text: '生成续保方案' })), form),
      review));
  const last = context.params.get('id');
  if (last) await show(review, last);
  else if (unitId()) await latest(review, unitId());
  unitSelect.addEventListener('change', () => latest(review, unitId()).catch((e) => toast(e.message, 'error')));
}

async function latest(review, unitId) {
  const list = unitId ? await api(`/api/v1/units/${unitId}/renewals`) : [];
  if (list.length) await show(review, list[0].id);
  else fill(review);
}

/** The proposal: figures, the lines (in / out), and confirm. */
async function show(review, id) {
  const proposal = await api(`/api/v1/renewals/${id}`);
  const open = proposal.status === 'PROPOSED';
  let included = '';
  let offset = 0;
  const lines = h('div', { id: 'renewal-lines' });
  const load = async () => {
    const page = await api(`/api/v1/renewals/${id}/lines?limit=${PAGE}&offset=${offset}${included === '' ? '' : `&included=${included}`}`);
    fill(lines, linesTable(page, open, id, () => show(review, id)), pager(page.length, offset, (next) => { offset = next; load(); }));
  };
  const filter = h('select', { id: 'renewal-filter', 'aria-label': '名单筛选', style: 'width:auto;min-width:9em' },
    h('option', { value: '', text: `全部（${proposal.lines}）` }), h('option', { value: 'true', text: `续保（${proposal.included}）` }),
    h('option', { value: 'false', text: `移出（${proposal.excluded}）` }));
  filter.addEventListener('change', () => { included = filter.value; offset = 0; load(); });
  const confirm = !open ? null : h('button', { type: 'button', class: 'btn btn-primary', id: 'renewal-confirm', disabled: !proposal.included },
    `确认续保并出账（${proposal.included} 人，${yuan(proposal.premium)}）`);
  confirm?.addEventListener('click', () => busy(confirm, '正在出账…', async () => {
    const done = await api(`/api/v1/renewals/${id}/confirm`, { method: 'POST', json: {} });
    toast(`已出账：缴费单 ${done.billReference}`, 'ok');
    await show(review, id);
  }).catch((e) => toast(e.message, 'error')));
  fill(review, h('section', { class: 'card', 'aria-labelledby': 'renewal-review-title', dataset: { status: proposal.status } },
    h('div', { class: 'card-head' },
      h('h2', { id: 'renewal-review-title', text: `${proposal.unitName} · 续保方案 #${proposal.id}` }),
      h('p', {}, h('span', { class: `badge ${open ? 'badge-amber' : proposal.status === 'CONFIRMED' ? 'badge-green' : ''}`, id: 'renewal-status',
        text: proposal.statusName }), ` 保障到期日 ${proposal.windowFrom} 至 ${proposal.windowTo} · ${proposal.createdBy} ${dateTime(proposal.createdAt)}`)),
    h('div', { class: 'stats' },
      stat('续保人数', proposal.included, 'ok', 'renewal-included'),
      stat('移出人数', proposal.excluded, 'bad', 'renewal-excluded'),
      stat('应缴金额', yuan(proposal.premium), 'money', 'renewal-premium')),
    h('p', { class: 'muted', text: `来源：上年名单 ${proposal.lastYear} 人 · 花名册 ${proposal.fromRoster} 人 · 经办人添加 ${proposal.added} 人` }),
    proposal.billId ? h('p', { id: 'renewal-bill' }, '缴费单：', h('a', { href: `#bills?id=${proposal.billId}`, text: proposal.billReference }),
      '（缴清后各职工保障自原保障到期次日起接续）') : null,
    h('div', { class: 'form-actions', style: 'display:flex;flex-wrap:wrap;gap:10px;align-items:center' }, filter, confirm),
    lines));
  await load();
}

function linesTable(items, open, id, reload) {
  if (!items.length) return h('p', { class: 'empty', text: '名单为空' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'renewal-table' },
    h('caption', { class: 'visually-hidden', text: '续保名单' }),
    h('thead', {}, h('tr', {}, ['职工', '来源', '续保项目', '原保障到期', '金额', '状态', ''].map((t) => h('th', { text: t })))),
    h('tbody', {}, items.map((l) => h('tr', { dataset: { line: l.lineNo, included: l.included } },
      h('td', { class: 'nowrap' }, h('div', { text: l.name }), h('div', { class: 'mono muted', text: l.idMasked })),
      h('td', { text: l.sourceName }),
      h('td', { text: l.items || '—' }),
      h('td', { class: 'nowrap', text: l.coverTo || '—' }),
      h('td', { class: 'nowrap', text: yuan(l.premium) }),
      h('td', {}, h('span', { class: `badge ${l.included ? 'badge-green' : 'badge-red'}`, text: l.included ? '续保' : '移出' }),
        l.reason ? h('div', { class: 'muted', text: l.reason }) : null),
      h('td', { class: 'nowrap' }, open && (l.memberId || !l.included) ? toggle(l, id, reload) : null)))))));
}

function toggle(line, id, reload) {
  if (!line.memberId) return null;
  const button = h('button', { type: 'button', class: 'btn btn-small', dataset: { toggle: line.lineNo } }, line.included ? '移出' : '恢复');
  button.addEventListener('click', () => busy(button, '处理中…', async () => {
    const reason = line.included ? window.prompt('移出原因', '经办人移出') : null;
    if (line.included && reason === null) return;
    await api(`/api/v1/renewals/${id}/lines/${line.lineNo}`, { method: 'PUT', json: { included: !line.included, reason } });
    await reload();
  }).catch((e) => toast(e.message, 'error')));
  return button;
}

function pager(count, offset, go) {
  const previous = h('button', { type: 'button', class: 'btn btn-small', disabled: offset === 0 }, '上一页');
  const next = h('button', { type: 'button', class: 'btn btn-small', disabled: count < PAGE }, '下一页');
  previous.addEventListener('click', () => go(Math.max(0, offset - PAGE)));
  next.addEventListener('click', () => go(offset + PAGE));
  return h('div', { class: 'list-foot' }, h('span', { class: 'muted', text: `第 ${Math.floor(offset / PAGE) + 1} 页 · 本页 ${count} 条` }),
    h('span', {}, previous, ' ', next));
}

function stat(label, value, kind, id) {
  const n = h('div', { class: 'n', id, text: value ?? 0 });
  if (kind === 'money') n.style.cssText = 'font-size:clamp(15px, 4.2vw, 26px);overflow-wrap:anywhere';
  return h('div', { class: `stat ${kind}` }, n, h('div', { class: 'l', text: label }));
}

/** 到期与断保: the two lists, for a unit or an office of the caller's tree. */
export const lists = {
  async render(root, context) {
    const operator = context.is('UNIT_OPERATOR');
    const [nodes, units] = operator ? [[], []] : await Promise.all([api('/api/v1/organisations'), api('/api/v1/units?limit=500')]);
    const filters = h('form', { id: 'cover-filter', class: 'filters', novalidate: true },
      h('div', { class: 'form-grid' },
        field('名单', h('select', { name: 'kind', id: 'cover-kind' },
          h('option', { value: 'expiring', text: '30 天内到期（未续保）' }), h('option', { value: 'lapsed', text: '已断保（近 90 天到期未续保）' }))),
        operator ? null : field('组织', h('select', { name: 'orgId', id: 'cover-org' }, h('option', { value: '', text: '我管辖的全部' }),
          nodes.map((n) => h('option', { value: n.id, text: n.name })))),
        operator ? null : field('单位', h('select', { name: 'unitId', id: 'cover-unit' }, h('option', { value: '', text: '全部单位' }),
          units.map((u) => h('option', { value: u.id, text: u.name })))),
        field('保障项目', h('select', { name: 'item', id: 'cover-item' }, h('option', { value: '', text: '全部项目' })))));
    const results = h('div', { id: 'cover-results' }, h('p', { class: 'loading', text: '正在加载…' }));
    const exports = { expiring: exportButton(context, '/api/v1/cover/expiring', { id: 'cover-export', personal: true }),
      lapsed: exportButton(context, '/api/v1/cover/lapsed', { id: 'cover-export', personal: true }) };
    const exportSlot = h('div', { class: 'card-head' }, h('h2', { text: '名单' }));
    const enrolments = exportButton(context, '/api/v1/enrolments', { id: 'enrolment-export', personal: true });
    const enrolmentCard = h('section', { class: 'card', id: 'enrolment-export-card' },
      h('div', { class: 'card-head' }, h('h2', { text: '参保明细' }), enrolments.el),
      h('p', { class: 'muted', text: '本年度全部参保记录（按上方组织、单位、保障项目筛选）：每条参保一行，含保障项目、保障期、缴费日期、各方缴费与状态' }));
    let offset = 0;
    const load = async () => {
      const values = Object.fromEntries([...new FormData(filters)].filter(([, v]) => v));
      const kind = values.kind || 'expiring';
      delete values.kind;
      exports[kind].set(values);
      enrolments.set(values);
      fill(exportSlot, h('h2', { text: kind === 'expiring' ? '即将到期' : '已断保' }), exports[kind].el);
      const page = await api(`/api/v1/cover/${kind}?${new URLSearchParams({ ...values, limit: PAGE, offset })}`);
      const itemSelect = filters.querySelector('#cover-item');
      const chosen = itemSelect.value;
      fill(itemSelect, h('option', { value: '', text: '全部项目' }), Object.entries(page.itemNames).map(([code, name]) =>
        h('option', { value: code, text: `${name}（${page.byItem[code]}）`, selected: code === chosen })));
      fill(results, h('p', { id: 'cover-total', class: 'muted', style: 'margin:14px 0 8px', text: `共 ${page.total} 人次 · 保障到期日 ${page.from} 至 ${page.to}` }),
        coverTable(page, kind), pager(page.rows.length, offset, (next) => { offset = next; load(); }));
    };
    filters.addEventListener('change', () => { offset = 0; load().catch((e) => toast(e.message, 'error')); });
    fill(root,
      h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '到期与断保' }),
        h('p', { text: operator ? '本单位职工保障即将到期或已断保的名单，提醒续保' : '管辖范围内按组织、单位查看即将到期与已断保的职工' }))),
      h('div', { class: 'stack' }, h('section', { class: 'card' }, exportSlot, filters, results), enrolmentCard));
    await load();
  },
};

function coverTable(page, kind) {
  if (!page.rows.length) return h('p', { class: 'empty', text: '没有符合条件的职工' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'cover-table' },
    h('caption', { class: 'visually-hidden', text: kind === 'expiring' ? '即将到期' : '已断保' }),
    h('thead', {}, h('tr', {}, ['职工', '单位', '保障项目', '保障到期', kind === 'expiring' ? '剩余天数' : '已断保天数'].map((t) => h('th', { text: t })))),
    h('tbody', {}, page.rows.map((r) => h('tr', { dataset: { member: r.memberId } },
      h('td', { class: 'nowrap' }, h('div', { text: r.name }), h('div', { class: 'mono muted', text: r.idMasked })),
      h('td', { text: r.unitName || '—' }),
      h('td', { text: r.itemName }),
      h('td', { class: 'nowrap', text: r.coverTo }),
      h('td', { class: 'nowrap', text: `${r.days} 天` })))))));
}
