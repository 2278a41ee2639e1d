// 互助金支付: payout batches per city (组批 by one finance officer, 复核放行 by another), each batch's
// payouts with masked accounts, the bank's word on each payout (到账 / 支付失败 / 退票) and 重新支付
// after the member's account is corrected. Finance acts; the scheme administrator reads.

import { api, busy, dateTime, exportButton, field, fill, h, responsive, toast, yuan } from '../lib.js';

export const BATCH_STATUS = {
  PREPARED: ['待复核放行', 'badge-amber'], RELEASED: ['已放行待发送', 'badge-blue'], SENT: ['已发送银行', 'badge-blue'],
  COMPLETED: ['已完成', 'badge-green'],
};
export const PAYOUT_STATUS = {
  REQUESTED: ['待组批', ''], BATCHED: ['已组批待发送', 'badge-amber'], SENT: ['已发送银行', 'badge-blue'], SETTLED: ['已到账', 'badge-green'],
  FAILED: ['支付失败', 'badge-red'], BOUNCED: ['退票', 'badge-red'], REISSUED: ['已重新支付', ''],
};
const STEP = {
  BATCH_PREPARED: '已组批', BATCH_RELEASED: '批次已复核放行', BATCH_SENT: '已发送银行', BATCH_COMPLETED: '批次已完成',
};
const PAGE = 50;

function badge(map, status, id) {
  const [text, tone] = map[status] || [status, ''];
  return h('span', { class: `badge ${tone}`, id, dataset: { status }, text });
}

export async function render(root, context) {
  if (context.params.get('batch')) return showBatch(root, Number(context.params.get('batch')), context);
  if (context.params.get('ref')) return showPayout(root, context.params.get('ref'), context);
  return overview(root, context);
}

// ---------- batches and payouts ----------

async function overview(root, context) {
  const finance = context.can('PAYOUT_MANAGE');
  const batches = h('div', { id: 'batches-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  const payouts = h('div', { id: 'payouts-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  const status = h('select', { id: 'payouts-status', name: 'status' }, h('option', { value: '', text: '全部状态' }),
    Object.entries(PAYOUT_STATUS).map(([code, [text]]) => h('option', { value: code, text })));
  const reference = h('input', { type: 'search', id: 'payouts-reference', name: 'reference', placeholder: 'HZ-…', autocomplete: 'off' });
  const prepare = finance ? h('button', { type: 'button', class: 'btn btn-primary', id: 'batches-prepare' }, '组批') : null;

  async function loadBatches() {
    const list = await api('/api/v1/payout-batches?limit=100');
    fill(batches, list.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'batches-table' },
      h('caption', { class: 'visually-hidden', text: '支付批次' }),
      h('thead', {}, h('tr', {}, h('th', { text: '批次' }), h('th', { text: '市州' }), h('th', { class: 'num', text: '笔数' }),
        h('th', { class: 'num', text: '金额' }), h('th', { text: '状态' }), h('th', { text: '组批' }), h('th', { text: '复核放行' }))),
      h('tbody', {}, list.map((b) => h('tr', { dataset: { id: b.id, status: b.status } },
        h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike mono', onclick: () => context.go('payouts', { batch: b.id }) }, b.messageId)),
        h('td', { class: 'nowrap', text: b.cityName }),
        h('td', { class: 'num', text: b.payoutCount }),
        h('td', { class: 'num', text: yuan(b.total) }),
        h('td', {}, badge(BATCH_STATUS, b.status)),
        h('td', { class: 'nowrap', text: `${b.preparedBy} · ${dateTime(b.preparedAt)}` }),
        h('td', { class: 'nowrap', text: b.releasedBy ? `${b.releasedBy} · ${dateTime(b.releasedAt)}` : '—' }))))))) 
      : h('p', { class: 'empty', text: '暂无支付批次' }));
  }

  const exported = exportButton(context, '/api/v1/payouts', { id: 'payouts-export', personal: true });
  async function loadPayouts() {
    const query = new URLSearchParams({ limit: PAGE });
    if (status.value) query.set('status', status.value);
    if (reference.value.trim()) query.set('reference', reference.value.trim());
    exported.set(query);
    const list = await api(`/api/v1/payouts?${query}`);
    fill(payouts, list.length ? payoutsTable(list, context, reload, 'payouts-table') : h('p', { class: 'empty', text: '没有符合条件的支付指令' }));
  }

  const reload = () => Promise.all([loadBatches(), loadPayouts()]).catch((e) => toast(e.message, 'error'));
  status.addEventListener('change', () => loadPayouts().catch((e) => toast(e.message, 'error')));
  reference.addEventListener('change', () => loadPayouts().catch((e) => toast(e.message, 'error')));
  prepare?.addEventListener('click', () => busy(prepare, '组批中…', async () => {
    const made = await api('/api/v1/payout-batches', { method: 'POST' });
    toast(made.length ? `已组成 ${made.length} 个批次，待另一名财务复核放行` : '没有待组批的支付指令', made.length ? 'ok' : 'info');
    await reload();
  }).catch((e) => toast(e.message, 'error')));

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '互助金支付' }),
        h('p', { text: '按市州组批，由另一名财务复核放行后自动生成 pain.001 发送银行；到账、失败、退票均以银行回单为准' })),
      prepare),
    h('section', { class: 'card', 'aria-labelledby': 'batches-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'batches-title', text: '支付批次' }), h('p', { text: '组批人不能放行自己的批次（双人复核）' })),
      batches),
    h('section', { class: 'card', 'aria-labelledby': 'payouts-title', style: 'margin-top:18px' },
      h('div', { class: 'card-head' }, h('h2', { id: 'payouts-title', text: '支付指令' }), exported.el),
      h('div', { class: 'search-bar', role: 'search', 'aria-label': '筛选支付指令' }, field('状态', status), field('支付编号', reference)),
      h('div', { style: 'margin-top:14px' }, payouts)));
  await reload();
}

function payoutsTable(list, context, reload, id) {
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id },
    h('caption', { class: 'visually-hidden', text: '支付指令' }),
    h('thead', {}, h('tr', {}, h('th', { text: '支付编号' }), h('th', { text: '收款人' }), h('th', { text: '收款账户' }),
      h('th', { class: 'num', text: '金额' }), h('th', { text: '状态' }), h('th', { text: '原因' }), h('th', { text: '' }))),
    h('tbody', {}, list.map((p) => h('tr', { dataset: { reference: p.reference, status: p.status } },
      h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike mono', onclick: () => context.go('payouts', { ref: p.reference }) }, p.reference), h('div', { class: 'muted', dataset: { kind: p.kind }, text: p.kindName })),
      h('td', { class: 'nowrap', text: p.payeeName }),
      h('td', { class: 'nowrap' }, h('div', {}, h('div', { text: p.bankName }), h('div', { class: 'mono', text: p.maskedAccount }))),
      h('td', { class: 'num', text: yuan(p.amount) }),
      h('td', {}, badge(PAYOUT_STATUS, p.status), p.held ? h('span', { class: 'badge badge-red', title: p.holdReason, text: '暂停支付' }) : null),
      h('td', { class: 'nowrap', title: p.held ? p.holdReason : null,
        text: p.held ? '收款账户近期变更，待核实放行' : p.reason || (p.reissuedBy ? `已由 ${p.reissuedBy} 重新支付` : '—') }),
      h('td', { class: 'nowrap' }, reissueButton(p, context, reload), releaseHoldButton(p, context, reload))))))));
}

/** Finance other than the batch's maker releases a payout held for a recently changed account, after checking it. */
function releaseHoldButton(p, context, reload) {
  if (!context.can('PAYOUT_MANAGE') || !p.held) return null;
  const button = h('button', { type: 'button', class: 'btn btn-small', dataset: { releaseHold: p.reference } }, '核实放行');
  button.addEventListener('click', () => busy(button, '处理中…', async () => {
    await api(`/api/v1/payouts/${encodeURIComponent(p.reference)}/release-hold`, { method: 'POST' });
    toast(`已放行 ${p.reference}，随批次发送`, 'ok');
    await reload();
  }).catch((e) => toast(e.message, 'error')));
  return button;
}

function reissueButton(p, context, reload) {
  if (!context.can('PAYOUT_MANAGE') || !['FAILED', 'BOUNCED'].includes(p.status)) return null;
  const button = h('button', { type: 'button', class: 'btn btn-small', dataset: { reissue: p.reference } }, '重新支付');
  button.addEventListener('click', () => busy(button, '处理中…', async () => {
    const fresh = await api(`/api/v1/payouts/${encodeURIComponent(p.reference)}/reissue`, { method: 'POST' });
    toast(`已按更正后的账户生成新的支付指令 ${fresh.reference}`, 'ok');
    await reload();
  }).catch((e) => toast(e.message, 'error')));
  return button;
}

// ---------- one batch ----------

async function showBatch(root, id, context) {
  const b = await api(`/api/v1/payout-batches/${id}`);
  const reload = () => showBatch(root, id, context).catch((e) => toast(e.message, 'error'));
  let action = null;
  if (b.status === 'PREPARED' && context.can('PAYOUT_MANAGE')) {
    const own = b.preparedBy === context.me.username;
    const release = h('button', { type: 'button', class: 'btn btn-primary', id: 'batch-release', disabled: own }, '复核放行');
    release.addEventListener('click', () => busy(release, '放行中…', async () => {
      await api(`/api/v1/payout-batches/${id}/release`, { method: 'POST' });
      toast('已放行，正在发送银行', 'ok');
      setTimeout(reload, 1500);
      await reload();
    }).catch((e) => toast(e.message, 'error')));
    action = h('div', { class: own || b.heldPayouts ? 'alert alert-warn' : 'alert alert-ok', id: 'batch-release-box', role: 'note' },
      h('div', {}, h('strong', { text: own ? '本批次由您组批，须由另一名财务复核放行' : '核对收款人与金额后放行' }),
        h('p', { text: `共 ${b.payoutCount} 笔，合计 ${yuan(b.total)}` }),
        b.heldPayouts ? h('p', { id: 'batch-held', text: `其中 ${b.heldPayouts} 笔因收款账户近期变更暂停支付：请先与职工核实并逐笔放行；未放行的将在放行批次时移出本批次` }) : null,
        release));
  }
  const counts = Object.entries(b.payoutsByStatus || {}).map(([s, n]) => h('div', { class: 'stat' },
    h('div', { class: 'n', text: n }), h('div', { class: 'l', text: (PAYOUT_STATUS[s] || [s])[0] })));
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { id: 'batch-heading', dataset: { id: b.id }, text: `支付批次 ${b.messageId}` }),
        h('p', {}, `${b.cityName} · ${b.payoutCount} 笔 · ${yuan(b.total)} · `, badge(BATCH_STATUS, b.status, 'batch-status'))),
      h('button', { type: 'button', class: 'btn', id: 'batch-back', onclick: () => context.go('payouts') }, '返回')),
    h('div', { class: 'stack' },
      action,
      h('section', { class: 'card', 'aria-labelledby': 'batch-payouts-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'batch-payouts-title', text: '本批支付指令' })),
        h('div', { class: 'totals' }, counts),
        payoutsTable(b.payouts, context, reload, 'batch-payouts')),
      stepsCard(b.timeline, 'batch-timeline', '批次进度')));
}

// ---------- one payout ----------

async function showPayout(root, reference, context) {
  const p = await api(`/api/v1/payouts/${encodeURIComponent(reference)}`);
  const reload = () => showPayout(root, reference, context).catch((e) => toast(e.message, 'error'));
  const fact = (label, value) => h('div', {}, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { id: 'payout-heading', text: `支付指令 ${p.reference}` }),
        h('p', {}, `${p.payeeName} · ${yuan(p.amount)} · `, badge(PAYOUT_STATUS, p.status, 'payout-status'))),
      h('button', { type: 'button', class: 'btn', onclick: () => context.go('payouts') }, '返回')),
    h('div', { class: 'grid grid-master' },
      h('div', { class: 'stack' },
        h('section', { class: 'card', 'aria-labelledby': 'payout-facts-title' },
          h('div', { class: 'card-head' }, h('h2', { id: 'payout-facts-title', text: '收款信息' }), reissueButton(p, context, reload)),
          h('dl', { class: 'facts' },
            fact('收款人', p.payeeName), fact('开户银行', p.bankName), fact('收款账号', h('span', { class: 'mono', text: p.maskedAccount })),
            fact('金额', yuan(p.amount)), fact('业务来源', `${p.kindName} · ${p.source}`), fact('到账日期', p.settledOn),
            fact('银行原因', p.reason ? `${p.reason}（${p.reasonCode}）` : null),
            fact('暂停支付', p.held ? h('span', {}, p.holdReason, ' ', releaseHoldButton(p, context, reload))
              : p.holdReleasedBy ? `已由 ${p.holdReleasedBy} 于 ${dateTime(p.holdReleasedAt)} 核实放行` : null),
            fact('原支付指令', p.reissueOf ? h('button', { type: 'button', class: 'linklike mono', onclick: () => context.go('payouts', { ref: p.reissueOf }) }, p.reissueOf) : null),
            fact('重新支付为', p.reissuedBy ? h('button', { type: 'button', class: 'linklike mono', onclick: () => context.go('payouts', { ref: p.reissuedBy }) }, p.reissuedBy) : null),
            fact('所属批次', p.batchId ? h('button', { type: 'button', class: 'linklike', onclick: () => context.go('payouts', { batch: p.batchId }) }, `#${p.batchId}`) : null)))),
      h('div', { class: 'stack' }, stepsCard(p.timeline, 'payout-timeline', '支付进度'))));
}

function stepsCard(steps, id, title) {
  return h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
    h('div', { class: 'card-head' }, h('h2', { id: `${id}-title`, text: title })),
    h('ol', { class: 'timeline', id }, (steps || []).map((s) => h('li', { dataset: { to: s.to } },
      h('div', { class: 'timeline-head' }, h('strong', { text: STEP[s.to] || s.toName || s.to })),
      h('p', { class: 'timeline-meta', text: `${dateTime(s.at)} · ${s.actor}` }),
      s.reason ? h('p', { class: 'timeline-reason', text: s.reasonCode ? `${s.reason}（${s.reasonCode}）` : s.reason } ) : null))));
}
