// 收款账户 on a member's page: the account's history (old and new masked, who proposed, who approved),
// approval of a change another person proposed, and the change form. The worker changes their own
// account at once; staff only propose a change, which a second person approves (双人复核).

import { api, busy, dateTime, field, formError, h, responsive, submitting, toast } from '../lib.js';

const STATUS = { PROPOSED: ['待复核', 'badge-amber'], APPROVED: ['已生效', 'badge-green'], REJECTED: ['已驳回', ''] };

/** The payout account card of {@code member}; {@code refresh} redraws the member's page after a change. */
export async function payeeCard(member, context, refresh) {
  const history = await api(`/api/v1/members/${member.id}/bank-account-changes`);
  const own = context.is('MEMBER');
  const pending = history.find((c) => c.status === 'PROPOSED');
  const mayChange = own || (context.can('BANK_ACCOUNT_CHANGE') && !pending && member.status !== 'DECEASED');
  return h('section', { class: 'card', id: 'payee-card', 'aria-labelledby': 'payee-title', style: 'margin-top:18px' },
    h('div', { class: 'card-head' }, h('h2', { id: 'payee-title', text: '收款账户变更' }),
      h('p', { text: own ? '修改后立即生效；近期变更的账户，支付前由财务核实' : '工作人员提出变更，须由另一名管理员或工会工作人员复核后生效' })),
    pending ? pendingBox(member, pending, refresh) : null,
    history.length ? historyTable(history) : h('p', { class: 'empty', text: '暂无变更记录' }),
    mayChange ? changeForm(member, own, refresh) : null);
}

function pendingBox(member, c, refresh) {
  const decide = (action, label) => {
    const button = h('button', { type: 'button', class: action === 'approve' ? 'btn btn-primary' : 'btn', id: `payee-${action}` }, label);
    button.addEventListener('click', () => busy(button, '处理中…', async () => {
      await api(`/api/v1/members/${member.id}/bank-account-changes/${c.id}/${action}`, { method: 'POST' });
      toast(action === 'approve' ? '收款账户变更已复核生效' : '已驳回收款账户变更', 'ok');
      await refresh();
    }).catch((e) => toast(e.message, 'error')));
    return button;
  };
  return h('div', { class: c.canDecide ? 'alert alert-warn' : 'alert', id: 'payee-pending', role: 'note', style: 'margin-bottom:12px' },
    h('div', {},
      h('strong', { text: `待复核：${c.oldMaskedAccount || '（无）'} → ${c.newBankName} ${c.newMaskedAccount}` }),
      h('p', { text: `${c.proposedBy} 于 ${dateTime(c.proposedAt)} 提出；原因：${c.reason || '—'}；证明材料：${c.evidence || '—'}` }),
      c.canDecide ? h('div', { class: 'form-actions' }, decide('approve', '复核同意'), decide('reject', '驳回'))
        : h('p', { class: 'muted', text: '须由提出人以外的管理员或工会工作人员复核' })));
}

function historyTable(history) {
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'payee-history' },
    h('caption', { class: 'visually-hidden', text: '收款账户变更记录' }),
    h('thead', {}, h('tr', {}, h('th', { text: '原账户' }), h('th', { text: '新账户' }), h('th', { text: '提出' }),
      h('th', { text: '复核' }), h('th', { text: '原因' }), h('th', { text: '状态' }))),
    h('tbody', {}, history.map((c) => h('tr', { dataset: { id: c.id, status: c.status } },
      h('td', { class: 'nowrap' }, h('div', { text: c.oldBankName || '—' }), h('div', { class: 'mono', text: c.oldMaskedAccount || '' })),
      h('td', { class: 'nowrap' }, h('div', { text: c.newBankName }), h('div', { class: 'mono', text: c.newMaskedAccount })),
      h('td', {}, who(c.byMember ? '职工本人' : c.proposedBy, c.proposedAt)),
      h('td', {}, c.byMember || !c.decidedBy ? '—' : who(c.decidedBy, c.decidedAt)),
      h('td', { text: [c.reason, c.evidence].filter(Boolean).join('；') || '—' }),
      h('td', {}, h('span', { class: `badge ${(STATUS[c.status] || [])[1] || ''}`, text: (STATUS[c.status] || [c.status])[0] }))))))));
}

function who(name, at) {
  return h('div', {}, h('div', { text: name }), h('div', { class: 'muted nowrap', text: dateTime(at) }));
}

function changeForm(member, own, refresh) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'payee-submit' }, own ? '修改收款账户' : '提出变更');
  const form = h('form', { id: 'payee-form', novalidate: true, style: 'margin-top:14px' },
    h('div', { class: 'form-grid' },
      field('开户银行', h('input', { type: 'text', name: 'bankName', id: 'payee-bank', maxlength: 60, autocomplete: 'off' })),
      field('银行账号', h('input', { type: 'text', name: 'accountNumber', id: 'payee-account', maxlength: 30, inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' })),
      own ? null : field('变更原因', h('input', { type: 'text', name: 'reason', id: 'payee-reason', maxlength: 200 })),
      own ? null : field('证明材料', h('input', { type: 'text', name: 'evidence', id: 'payee-evidence', maxlength: 500 }),
        { hint: '例如：新银行卡复印件、职工签字的变更申请表' })),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '提交中…', async (text) => {
    await api(`/api/v1/members/${member.id}/bank-account`, { method: 'PUT',
      json: { bankName: text('bankName'), accountNumber: text('accountNumber'), reason: text('reason'), evidence: text('evidence') } });
    toast(own ? '收款账户已修改' : '已提出变更，待另一人复核后生效', 'ok');
    await refresh();
  });
  return form;
}
