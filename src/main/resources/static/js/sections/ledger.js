// 总账: the trial balance over every posting so far, with a badge saying whether it balances.

import { api, fill, h, yuan } from '../lib.js';

export async function render(root) {
  const refresh = h('button', { type: 'button', class: 'btn', id: 'ledger-refresh' }, '刷新');
  const body = h('div', {}, h('p', { class: 'loading', text: '正在计算试算平衡…' }));
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '总账' }), h('p', { text: '复式记账，只增不改；更正以冲销方式入账' })),
      refresh),
    h('section', { class: 'card', 'aria-labelledby': 'trial-title' }, body));

  async function load() {
    const tb = await api('/api/v1/ledger/trial-balance');
    fill(body,
      h('div', { class: 'card-head' },
        h('h2', { id: 'trial-title', text: '试算平衡表' }),
        tb.balanced
          ? h('span', { class: 'badge badge-green', id: 'ledger-balanced', text: '✓ 借贷平衡' })
          : h('span', { class: 'badge badge-red', id: 'ledger-balanced', text: '✗ 借贷不平衡' })),
      h('div', { class: 'totals' },
        h('div', { class: 'stat' }, h('div', { class: 'n', style: 'font-size:20px', text: yuan(tb.debits) }), h('div', { class: 'l', text: '借方合计' })),
        h('div', { class: 'stat' }, h('div', { class: 'n', style: 'font-size:20px', text: yuan(tb.credits) }), h('div', { class: 'l', text: '贷方合计' }))),
      h('div', { class: 'table-wrap' }, h('table', { id: 'trial-balance' },
        h('caption', { class: 'visually-hidden', text: '各科目借贷发生额' }),
        h('thead', {}, h('tr', {},
          h('th', { text: '科目代码' }), h('th', { text: '科目名称' }), h('th', { class: 'num', text: '借方' }), h('th', { class: 'num', text: '贷方' }))),
        h('tbody', {}, tb.accounts.map((a) => h('tr', {},
          h('td', { class: 'mono', text: a.code }),
          h('td', { text: a.name }),
          h('td', { class: 'num', text: yuan(a.debit) }),
          h('td', { class: 'num', text: yuan(a.credit) })))),
        h('tfoot', {}, h('tr', {},
          h('td', { colspan: 2, text: '合计' }),
          h('td', { class: 'num', text: yuan(tb.debits) }),
          h('td', { class: 'num', text: yuan(tb.credits) }))))));
  }
  refresh.addEventListener('click', () => load().catch((e) => fill(body, h('div', { class: 'alert alert-error', role: 'alert', text: e.message }))));
  await load();
}
