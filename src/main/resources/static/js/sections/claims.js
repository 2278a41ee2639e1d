// 互助金申领: the application form (申请互助金), a claim's page (benefits, materials, timeline, the
// payment promise, payout requests, review actions), the claims list (申领记录 / 我的申领) and the
// reviewers' queue (审核队列). Three console sections share this file: apply, list and queue.

import {
  api, busy, catalogue, clearErrors, dateTime, exportButton, field, fill, formError, GENDER, h, responsive, showErrors, toast, today, yuan,
} from '../lib.js';
import { addItemButton, checks, requestsCard, sendBackCard, viewButton, waivers } from './claim-evidence.js';
import { hospitalNote } from './claim-hospital.js';
import { appealCards, appealQueue } from './claim-appeal.js';
import { assignedFilter, holderCell, officeCards, reviewQueue } from './claim-office.js';
import { auditCard } from './claim-audit.js';

const PAGE = 50;

export const STATUS = {
  DRAFT: ['草稿', ''], SUBMITTED: ['已提交', 'badge-blue'], RECOGNISED: ['已识别', 'badge-blue'],
  UNDER_REVIEW: ['审核中', 'badge-amber'], APPROVED: ['已核准', 'badge-green'], REJECTED: ['已拒付', 'badge-red'],
  PAYMENT_PENDING: ['待支付', 'badge-blue'], PAID: ['已支付', 'badge-green'], PAYMENT_FAILED: ['支付失败', 'badge-red'],
  WITHDRAWN: ['已撤回', ''], MATERIALS_REQUESTED: ['待补件', 'badge-amber'], APPEALED: ['申诉中', 'badge-amber'],
};
const DECISION = { PAY: ['给付', 'badge-green'], REDUCED: ['限额给付', 'badge-amber'], REJECT: ['不予给付', 'badge-red'] };
const KIND = { ILLNESS: '疾病', ACCIDENT: '意外伤害' };
const REVIEW_LEVEL = { COUNTY: '县（区）级', CITY: '市（州）级', PROVINCE: '省级' };
const COMPONENT = { MEDICAL: '医疗费用', LUMP_SUM: '保障金', DEATH_DISABILITY: '身故伤残', ALLOWANCE: '住院津贴' };
/** The document kinds POST /api/v1/claims/{id}/documents accepts (claims/materials.yaml), in its order. */
export const DOCUMENT_KINDS = {
  ID_CARD: '身份证', BANK_CARD: '银行卡', RECEIPT: '医疗收费票据', SETTLEMENT: '医保结算单', DISCHARGE_SUMMARY: '出院小结',
  DIAGNOSIS_CERTIFICATE: '诊断证明书', PATHOLOGY_REPORT: '病理报告', ACCIDENT_PROOF: '意外事故证明',
  DISABILITY_ASSESSMENT: '伤残鉴定书', DEATH_CERTIFICATE: '死亡证明', OTHER: '其他材料',
};

function statusBadge(status, id) {
  const [text, tone] = STATUS[status] || [status, ''];
  return h('span', { class: `badge ${tone}`, id, dataset: { status }, text });
}

function overdueBadge() {
  return h('span', { class: 'badge badge-red', text: '超期' });
}

// ---------- member names (a claim summary carries only the member's id) ----------

const names = new Map();

async function memberNames(ids) {
  const wanted = [...new Set(ids)].filter((id) => !names.has(id));
  await Promise.all(wanted.map((id) => api(`/api/v1/members/${id}`)
    .then((m) => names.set(id, m.name)).catch(() => names.set(id, `职工 #${id}`))));
  return (id) => names.get(id) || `职工 #${id}`;
}

// ---------- sections ----------

/** 申领记录 (我的申领 for a worker): the claims in scope, by status; or one claim (?id=). */
export const list = {
  async render(root, context) {
    if (context.params.get('id')) return showClaim(root, Number(context.params.get('id')), context);
    return claimsList(root, context, { queue: false });
  },
};

/** 审核队列: claims under review, optionally only the overdue ones; or one claim (?id=). */
export const queue = {
  async render(root, context) {
    if (context.params.get('id')) return showClaim(root, Number(context.params.get('id')), context);
    return claimsList(root, context, { queue: true });
  },
};

/** 申请互助金: the form for one episode, which files a DRAFT and opens it. */
export const apply = {
  async render(root, context) {
    return applyForm(root, context);
  },
};

// ---------- list and queue ----------

async function claimsList(root, context, { queue: isQueue }) {
  const section = isQueue ? 'review' : 'claims';
  const own = context.me.role === 'MEMBER';
  const status = h('select', { id: 'claims-status', name: 'status' },
    h('option', { value: '', text: '全部状态' }),
    Object.entries(STATUS).map(([code, [text]]) => h('option', { value: code, text })));
  const overdue = h('input', { type: 'checkbox', id: 'claims-overdue' });
  const assigned = isQueue ? assignedFilter() : null;   // 分派给我 / 待领取 / 全部 (claim-office.js)
  const results = h('div', { id: 'claims-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  const state = { items: [], more: false };
  const exported = isQueue ? null : exportButton(context, '/api/v1/claims', { id: 'claims-export' });

  async function load(offset = 0) {
    const query = new URLSearchParams();
    if (isQueue) query.set('status', 'UNDER_REVIEW');
    else if (status.value) query.set('status', status.value);
    if (overdue.checked) query.set('overdue', 'true');
    exported?.set(query);
    query.set('limit', PAGE + 1);
    query.set('offset', offset);
    const page = isQueue ? await reviewQueue(assigned.value, overdue.checked, PAGE + 1, offset) : await api(`/api/v1/claims?${query}`);
    state.items = (offset ? state.items : []).concat(page.slice(0, PAGE));
    state.more = page.length > PAGE;
    const name = await memberNames(state.items.map((c) => c.memberId));
    fill(results, claimsTable(state.items, name, (id) => context.go(section, { id }), isQueue,
      state.more ? () => load(state.items.length) : null));
  }
  const reload = () => load().catch((e) => toast(e.message, 'error'));
  status.addEventListener('change', reload);
  overdue.addEventListener('change', reload);
  assigned?.addEventListener('change', reload);

  const filters = h('div', { class: 'search-bar', role: 'search', 'aria-label': '筛选' },
    isQueue ? field('分派', assigned) : field('状态', status),
    h('label', { class: 'check-inline', for: overdue.id }, overdue, isQueue ? '只看超期（超过 7 个工作日）' : '只看超期'),
    exported?.el);
  const newButton = !isQueue && context.can('CLAIM_FILE')
    ? h('button', { type: 'button', class: 'btn btn-primary', id: 'claims-new', onclick: () => context.go('apply') }, '申请互助金') : null;
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { text: isQueue ? '审核队列' : own ? '我的申领' : '申领记录' }),
        h('p', { text: isQueue ? '待审核的互助金申请；材料齐全后 7 个工作日内须完成支付' : '互助金申请的办理状态与给付金额' })),
      newButton),
    isQueue ? appealQueue((id) => context.go(section, { id })) : null,
    h('section', { class: 'card', 'aria-label': isQueue ? '待审核申请' : '申请列表' }, filters, h('div', { style: 'margin-top:14px' }, results)));
  await load();
}

function claimsTable(items, name, open, isQueue, more) {
  if (!items.length) return h('p', { class: 'empty', text: isQueue ? '没有待审核的申请' : '暂无互助金申请' });
  const moreButton = more ? h('button', { type: 'button', class: 'btn btn-small', id: 'claims-more' }, '加载更多') : null;
  moreButton?.addEventListener('click', () => busy(moreButton, '加载中…', more).catch((e) => toast(e.message, 'error')));
  return h('div', {},
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'claims-table' },
      h('caption', { class: 'visually-hidden', text: '互助金申请列表' }),
      h('thead', {}, h('tr', {},
        h('th', { text: '编号' }), h('th', { text: '职工' }), h('th', { text: '类型' }), h('th', { text: '事故日期' }),
        h('th', { text: '状态' }), h('th', { class: 'num', text: '金额' }), h('th', { text: '审核层级' }),
        h('th', { class: 'num', text: '已用工作日' }), h('th', { text: '时限' }), isQueue ? h('th', { text: '审核员' }) : null)),
      h('tbody', {}, items.map((c) => h('tr', { dataset: { id: c.id, member: c.memberId, status: c.status } },
        h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike', onclick: () => open(c.id), title: '查看申请' }, c.reference)),
        h('td', { class: 'nowrap', text: name(c.memberId) }),
        h('td', { text: KIND[c.kind] || c.kind }),
        h('td', { class: 'nowrap', text: c.incidentDate }),
        h('td', {}, statusBadge(c.status)),
        h('td', { class: 'num', text: yuan(c.approvedTotal ?? c.computedTotal) }),
        h('td', { class: 'nowrap', text: REVIEW_LEVEL[c.reviewLevel] || '—' }),
        h('td', { class: 'num', text: c.workingDaysElapsed ?? '—' }),
        h('td', { class: 'nowrap' }, c.overdue ? overdueBadge() : c.promiseDueOn ? h('span', { class: 'muted', text: `${c.promiseDueOn} 前` }) : '—'),
        isQueue ? h('td', {}, holderCell(c)) : null)))))),
    h('div', { class: 'list-foot' }, h('span', { class: 'muted', text: `已显示 ${items.length} 件` }), moreButton));
}

// ---------- the claim page ----------

async function showClaim(root, id, context, notice) {
  const section = location.hash.slice(1).split('?')[0] || 'claims';
  const [claim, terms] = await Promise.all([api(`/api/v1/claims/${id}`), catalogue()]);
  const deciding = ['UNDER_REVIEW', 'RECOGNISED'].includes(claim.status) && context.can('CLAIM_DECIDE');
  const rules = deciding ? await reviewRules() : null;
  const member = await api(`/api/v1/members/${claim.memberId}`).catch(() => null);
  const reload = (n) => showClaim(root, id, context, n).catch((e) => toast(e.message, 'error'));
  const open = !['PAID', 'REJECTED', 'WITHDRAWN'].includes(claim.status);
  const amount = claim.approvedTotal ?? claim.computedTotal;

  const fact = (label, value, attrs) => h('div', attrs || {}, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  const summary = h('section', { class: 'card', 'aria-labelledby': 'claim-title' },
    h('div', { class: 'claim-head' },
      h('div', {},
        h('h2', { id: 'claim-title', text: `${member ? member.name : `职工 #${claim.memberId}`} · ${KIND[claim.kind] || claim.kind}` }),
        h('p', { class: 'muted', text: `事故（确诊）日期 ${claim.incidentDate} · 提交人 ${claim.filedBy} · 创建于 ${dateTime(claim.createdAt)}` })),
      h('div', { class: 'claim-amount' },
        h('span', { class: 'muted', text: claim.approvedTotal ? '核准金额' : '测算金额' }),
        h('span', { class: 'big', id: 'claim-total', text: yuan(amount) }))),
    h('dl', { class: 'facts', style: 'margin-top:14px' },
      fact('状态', statusBadge(claim.status, 'claim-status')),
      fact('审核层级', REVIEW_LEVEL[claim.reviewLevel]),
      fact('提交日期', claim.submittedOn),
      fact('材料齐全日期', claim.materialsCompleteOn),
      fact('已用工作日', claim.workingDaysElapsed === null ? null
        : h('span', { id: 'claim-working-days' }, `${claim.workingDaysElapsed} / 7 `, claim.overdue ? overdueBadge() : null)),
      fact('承诺支付日期', claim.promiseDueOn, { id: 'claim-promise' })),
    claim.firstApprovedBy && claim.status === 'UNDER_REVIEW'
      ? h('p', { class: 'alert alert-info', style: 'margin-top:14px', id: 'claim-first-approval',
        text: `${claim.firstApprovedBy} 已初审核准下列核定金额；须由另一名审核员按相同金额复核后方可核准，金额不同则重新初审。` }) : null);

  const hints = claim.hints.length ? h('section', { class: 'alert alert-warn alert-big', id: 'claim-hints', role: 'note' },
    h('div', {}, h('strong', { text: '您还可以一并申请' }),
      h('ul', { class: 'plain-list' }, claim.hints.map((hint) => h('li', { dataset: { item: hint.item } },
        h('span', { text: hint.message }),
        hint.amount ? h('span', { class: 'hint-amount', text: ` 预计 ${yuan(hint.amount)}` }) : null,
        hint.missingMaterials.length ? h('span', { class: 'hint-missing', text: `；还需补充：${hint.missingMaterials.join('、')}` }) : null,
        deciding ? h('span', {}, ' ', addItemButton(claim, hint, reload)) : null))))) : null;
  const crossChecks = checks(claim, deciding, context.me.username);

  const missing = open && claim.missingMaterials.length ? h('section', { class: 'alert alert-warn', id: 'claim-missing', role: 'note' },
    h('div', {}, h('strong', { text: '尚缺申领材料' }),
      h('ul', { class: 'plain-list' }, claim.missingMaterials.map((m) => h('li', { text: m }))),
      h('p', { class: 'hint', text: '材料齐全之日起 7 个工作日内支付。' }))) : null;

  const actions = [];
  const office = officeCards(claim, context, reload);   // its holder in review and its follow-up notes (claim-office.js)
  if (claim.status === 'DRAFT' && context.can('CLAIM_FILE')) actions.push(submitCard(claim, reload));
  if (deciding) actions.push(reviewCard(claim, terms, rules, reload, { waivers: waivers(claim, rules), acknowledged: crossChecks.acknowledged }));
  if (deciding) actions.push(sendBackCard(claim, rules, reload));
  if (claim.status === 'PAYMENT_FAILED' && context.can('PAYMENT_RETRY')) actions.push(retryCard(claim, reload));
  const appeal = await appealCards(claim, context, terms, reload);

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { id: 'claim-heading', dataset: { id: claim.id }, text: `互助金申请 ${claim.reference}` }),
        h('p', { text: '给付按职工实际参保与已给付金额测算；每项决定均附原因' })),
      h('button', { type: 'button', class: 'btn', id: 'claim-back', onclick: () => context.go(section) }, '返回列表')),
    notice ? h('div', { class: `alert ${notice.kind === 'error' ? 'alert-error' : 'alert-ok'} alert-big`, id: 'claim-notice', role: 'alert', style: 'margin-bottom:18px' },
      h('div', {}, h('strong', { text: notice.title }), notice.text)) : null,
    h('div', { class: 'grid grid-master claim-page' },
      h('div', { class: 'stack' },
        summary, hints, missing, crossChecks.card, requestsCard(claim), office.assignment, actions, appeal.action,
        benefitsCard(claim, terms),
        documentsCard(claim, context, open, reload)),
      h('div', { class: 'stack' },
        auditCard(claim, context, reload), office.notes,
        appeal.beside,
        timelineCard(claim),
        claim.payoutRequests.length ? payoutsCard(claim) : null,
        hospitalNote(claim.id),
        factsCard(claim, terms))));
}

function benefitsCard(claim, terms) {
  return h('section', { class: 'card', 'aria-labelledby': 'benefits-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'benefits-title', text: '各项目给付' }),
      h('p', { text: claim.status === 'DRAFT' ? '草稿阶段为预估，提交时按最新记录重新测算' : '' })),
    claim.benefits.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'claim-benefits' },
      h('thead', {}, h('tr', {},
        h('th', { text: '保障项目' }), h('th', { text: '决定' }), h('th', { class: 'num', text: '测算金额' }),
        h('th', { class: 'num', text: '核定金额' }), h('th', { text: '原因' }))),
      h('tbody', {}, claim.benefits.map((b) => h('tr', { dataset: { item: b.item, decision: b.decision } },
        h('td', { class: 'name' }, h('div', {}, terms.itemName(b.item),
          b.coverageFrom ? h('div', { class: 'hint period' }, '保障期 ', h('span', { text: b.coverageFrom }), ' 至 ', h('span', { text: b.coverageTo })) : null)),
        h('td', {}, h('span', { class: `badge ${DECISION[b.decision]?.[1] || ''}`, text: DECISION[b.decision]?.[0] || b.decision })),
        h('td', { class: 'num' }, h('div', {}, yuan(b.amount),
          b.components.length > 1 ? h('div', { class: 'hint', text: b.components.map((c) => `${COMPONENT[c.component] || c.component} ${c.amount}`).join('，') }) : null)),
        h('td', { class: 'num' }, b.adjustedAmount ? yuan(b.adjustedAmount) : '—'),
        h('td', { class: 'reasons' }, h('div', {},
          b.reasons.length ? h('ul', { class: 'plain-list' }, b.reasons.map((r) => h('li', { dataset: { code: r.code }, text: r.message }))) : '—',
          b.adjustedAmount ? h('p', { class: 'hint adjust-reason', dataset: { code: b.adjustReasonCode || '' },
            text: `调整原因：${[b.adjustReasonName, b.adjustReason].filter(Boolean).join('：')}（${b.adjustedBy}）` }) : null)))))))) 
      : h('p', { class: 'empty', text: '没有可申请的保障项目' }));
}

function documentsCard(claim, context, open, reload) {
  const rows = claim.documents.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'claim-documents' },
    h('thead', {}, h('tr', {}, h('th', { text: '材料类型' }), h('th', { text: '文件' }), h('th', { text: '自动识别' }), h('th', { class: 'num', text: '大小' }))),
    h('tbody', {}, claim.documents.map((d) => h('tr', { dataset: { kind: d.kind } },
      h('td', { class: 'nowrap', text: d.kindName || DOCUMENT_KINDS[d.kind] || d.kind }),
      h('td', { class: 'file' }, h('div', {}, claim.medicalDataHidden ? h('span', { text: d.fileName })
        : h('a', { href: `/api/v1/claims/${claim.id}/documents/${d.id}`, download: d.fileName, text: d.fileName }),
        h('div', { class: 'hint', text: `${d.uploadedBy} · ${dateTime(d.uploadedAt)}` }),
        h('div', { class: 'doc-actions' },
          claim.medicalDataHidden ? null : viewButton(claim, d, READ_FIELDS),
          claim.status === 'DRAFT' && context.can('CLAIM_FILE') ? removeButton(claim, d, reload) : null))),
      h('td', { class: 'reading' }, claim.medicalDataHidden ? h('span', { class: 'hint', text: '已提交' })
        : readingCell(d.reading, diagnosisRead(claim, d, context, reload))),
      h('td', { class: 'num', text: size(d.size) }))))))) 
    : h('p', { class: 'empty', text: '尚未上传材料' });

  let upload = null;
  if (open && context.can('CLAIM_FILE')) {
    const kind = h('select', { name: 'kind', id: 'document-kind' },
      Object.entries(DOCUMENT_KINDS).map(([code, text]) => h('option', { value: code, text })));
    const missingKind = Object.entries(DOCUMENT_KINDS).find(([, text]) => claim.missingMaterials.some((m) => m.split('或').includes(text)));
    if (missingKind) kind.value = missingKind[0];
    const file = h('input', { type: 'file', name: 'file', id: 'document-file', accept: '.pdf,.ofd,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg' });
    const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'document-upload' }, '上传');
    upload = h('form', { id: 'document-form', class: 'upload-row', novalidate: true },
      field('材料类型', kind),
      field('文件', file, { hint: 'PDF、OFD 电子票据或 PNG、JPEG 图片，不超过 10MB' }),
      h('div', { class: 'upload-send' }, send),
      formError());
    upload.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(upload);
      if (!file.files.length) {
        showErrors(upload, { errors: [{ field: 'file', message: '请选择要上传的文件' }] });
        return;
      }
      const form = new FormData();
      form.append('file', file.files[0]);
      busy(send, '上传中…', async () => {
        try {
          await api(`/api/v1/claims/${claim.id}/documents?kind=${encodeURIComponent(kind.value)}`, { method: 'POST', form });
          toast(`已上传：${DOCUMENT_KINDS[kind.value]}`, 'ok');
          await reload();
        } catch (e) {
          showErrors(upload, e);
        }
      });
    });
  }
  return h('section', { class: 'card', 'aria-labelledby': 'documents-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'documents-title', text: `申领材料（${claim.documents.length}）` }),
      h('p', { text: '加密保存' })),
    rows, upload);
}

/** Removes a document from a draft (a wrong or blurred one), after a confirmation. */
function removeButton(claim, d, reload) {
  const remove = h('button', { type: 'button', class: 'btn btn-small btn-quiet', id: `remove-${d.id}`, text: '删除' });
  remove.addEventListener('click', () => {
    if (!remove.dataset.sure) {
      remove.dataset.sure = 'yes';
      remove.textContent = '确认删除';
      return;
    }
    busy(remove, '正在删除…', async () => {
      try {
        await api(`/api/v1/claims/${claim.id}/documents/${d.id}`, { method: 'DELETE' });
        await reload({ kind: 'ok', title: '已删除材料', text: `${d.kindName}（${d.fileName}）` });
      } catch (e) {
        toast(e.message, 'error');
      }
    });
  });
  return remove;
}

/** The names of the recognised fields, as the receipt prints them (docs/receipts.md). */
const READ_FIELDS = {
  invoiceCode: '票据代码', invoiceNumber: '票据号码', checkCode: '校验码', payerName: '付款人', patientName: '患者', issueDate: '开票日期', hospital: '医院',
  department: '科室', admissionDate: '入院', dischargeDate: '出院', visitDate: '就诊日期', total: '金额合计', fundPaid: '统筹支付', otherPaid: '其他支付',
  personalAccountPaid: '个人账户', cashPaid: '个人现金', selfPaid: '个人自付', selfFunded: '个人自费',
};
/** A discharge summary's or a certificate's date of issue is not an invoice's. */
const RECORD_FIELDS = { ...READ_FIELDS, issueDate: '开具日期' };
const RECORD_TYPES = ['DISCHARGE_SUMMARY', 'DIAGNOSIS_CERTIFICATE'];
const READ_SOURCE = { PDF_TEXT: 'PDF 电子票据', OFD: 'OFD 电子票据', OCR: '图片识别' };
const RECORD_SOURCE = { PDF_TEXT: 'PDF 文本', OFD: 'OFD 文件', OCR: '图片识别' };

/** What recognition read from a document: its state, its type if a medical record, the fields (doubtful ones marked), any warning. */
function readingCell(r, diagnosis) {
  if (!r) return h('span', { class: 'muted', text: '—' });
  if (r.status === 'PENDING') return h('span', { class: 'badge badge-blue', text: '识别中' });
  if (r.status === 'UNREADABLE') {
    return h('div', {}, h('span', { class: 'badge badge-red', text: '无法识别' }), h('div', { class: 'hint', text: r.message || '' }));
  }
  const record = RECORD_TYPES.includes(r.documentType);
  const fields = Object.entries(record ? RECORD_FIELDS : READ_FIELDS).filter(([k]) => r.fields[k] != null).map(([k, label]) => {
    const doubtful = r.confidence[k] != null && r.confidence[k] < 0.8;
    return h('span', { class: doubtful ? 'read-field doubtful' : 'read-field', title: doubtful ? '识别可信度较低，请核对' : '' },
      `${label} ${r.fields[k]}`);
  });
  return h('div', { class: 'reading-result' },
    h('span', { class: 'badge badge-green', text: `已识别 · ${record ? `${r.documentTypeName} · ${RECORD_SOURCE[r.source] || r.source}` : READ_SOURCE[r.source] || r.source}` }),
    r.usedByClaimId ? h('div', { class: 'badge badge-red', role: 'alert', text: r.message }) : null,
    h('div', { class: 'read-fields' }, fields),
    record ? diagnosis : null,
    ...(r.warnings || []).map((w) => h('div', { class: 'hint warn', text: w })));
}

const SUGGESTION_DECISION = { ACCEPTED: '已采用', REJECTED: '未采用' };

/**
 * The diagnoses a discharge summary or certificate gives and the ICD-10 code the first suggests, with 采用 / 不采用 for
 * whoever may change the claim's diagnosis now (the filer on a draft, a reviewer in review); never applied by itself.
 */
function diagnosisRead(claim, d, context, reload) {
  const r = d.reading;
  if (!r || r.status !== 'READ' || !RECORD_TYPES.includes(r.documentType)) return null;
  const read = (r.fields.diagnoses || '').split('\n').filter(Boolean);
  const s = r.diagnosisSuggestion;
  const block = h('div', { class: 'read-diagnosis', id: `diagnosis-${d.id}` },
    h('div', {}, h('span', { class: 'hint', text: '诊断 ' }),
      read.length ? h('ol', { class: 'plain-list diagnoses' }, read.map((x) => h('li', { text: x }))) : h('span', { text: '未读出' })));
  if (!s) {
    if (read.length) block.append(h('div', { class: 'hint', text: '诊断名称表中没有把握对应的编码，请人工核对' }));
    return block;
  }
  block.append(h('div', { class: 'suggested' }, h('span', { class: 'hint', text: '建议编码 ' }),
    h('strong', { class: 'mono', text: s.code }), h('span', { text: ` ${s.name}` }),
    s.decision ? h('span', { class: `badge ${s.decision === 'ACCEPTED' ? 'badge-green' : ''}`,
      text: `${SUGGESTION_DECISION[s.decision]}（${s.decidedBy}）` }) : null));
  const mayDecide = claim.status === 'DRAFT' ? context.can('CLAIM_FILE') : context.can('CLAIM_DECIDE');
  if (s.decision || !mayDecide) return block;
  const decide = (accept, button) => busy(button, accept ? '正在采用…' : '正在保存…', async () => {
    try {
      await api(`/api/v1/claims/${claim.id}/documents/${d.id}/diagnosis-suggestion`, { method: 'POST', json: { accept } });
      await reload({ kind: 'ok', title: accept ? '已采用建议的诊断' : '未采用建议的诊断', text: accept ? `诊断已设为 ${s.code}，已重新测算` : '诊断保持不变' });
    } catch (e) {
      toast(e.message, 'error');
    }
  });
  const adopt = h('button', { type: 'button', class: 'btn btn-small btn-primary', id: `adopt-${d.id}`, text: '采用' });
  const reject = h('button', { type: 'button', class: 'btn btn-small btn-quiet', id: `reject-${d.id}`, text: '不采用' });
  adopt.addEventListener('click', () => decide(true, adopt));
  reject.addEventListener('click', () => decide(false, reject));
  block.append(h('div', { class: 'doc-actions' }, adopt, reject));
  return block;
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function submitCard(claim, reload) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'claim-submit' }, '提交申请');
  const withdraw = h('button', { type: 'button', class: 'btn btn-quiet', id: 'claim-withdraw' }, '撤回申请');
  const form = h('form', { id: 'claim-submit-form', novalidate: true },
    h('p', { class: 'muted', text: claim.missingMaterials.length
      ? '材料未齐也可提交：系统会列出所需材料退回补件（不会拒付），补齐后开始计算 7 个工作日的支付时限。' : '材料已齐全。提交后按实际参保重新测算，低风险申请自动核准。' }),
    h('p', { class: 'field-error', id: 'claim-submit-member-error', 'data-error-for': 'memberId' }),
    formError(),
    h('div', { class: 'form-actions' }, submit, withdraw));
  withdraw.addEventListener('click', () => {
    if (!withdraw.dataset.sure) {
      withdraw.dataset.sure = 'yes';
      withdraw.textContent = '确认撤回（票据可另行申领）';
      return;
    }
    busy(withdraw, '正在撤回…', async () => {
      try {
        await api(`/api/v1/claims/${claim.id}/withdraw`, { method: 'POST' });
        await reload({ kind: 'ok', title: '已撤回申请', text: '申请已关闭，票据可用于新的申请。' });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    busy(submit, '正在提交…', async () => {
      try {
        const after = await api(`/api/v1/claims/${claim.id}/submit`, { method: 'POST' });
        toast(`已提交，当前状态：${STATUS[after.status]?.[0] || after.status}`, 'ok');
        await reload();
      } catch (e) {
        if (e.status === 409) await reload({ kind: 'error', title: '申请状态已变化', text: e.message });
        else showErrors(form, e);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'submit-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'submit-title', text: '提交申请' })), form);
}

let reviewRulesRead = null;

/** The adjustment reasons (one list, from the API), the dual-approval threshold and the review levels' limits. */
function reviewRules() {
  reviewRulesRead = reviewRulesRead || api('/api/v1/claims/review-rules').catch((e) => { reviewRulesRead = null; throw e; });
  return reviewRulesRead;
}

const cents = (amount) => Math.round(Number(amount) * 100);

function reviewCard(claim, terms, rules, reload, evidence) {
  const adjustable = claim.benefits.filter((b) => b.decision !== 'REJECT');
  const reasonOptions = (chosen) => [
    h('option', { value: '', text: '— 请选择 —' }),
    ...[false, true].map((raises) => h('optgroup', { label: raises ? '核增（特批，须另一名审核员复核）' : '核减' },
      rules.adjustmentReasons.filter((r) => r.raises === raises)
        .map((r) => h('option', { value: r.code, text: r.name, selected: r.code === chosen })))),
  ];
  const lines = adjustable.map((b, k) => {
    const amount = h('input', { type: 'text', inputmode: 'decimal', id: `adjust-amount-${b.item}`, value: b.adjustedAmount || b.amount, dataset: { item: b.item } });
    const code = h('select', { id: `adjust-code-${b.item}` }, reasonOptions(b.adjustReasonCode));
    const reason = h('input', { type: 'text', id: `adjust-reason-${b.item}`, maxlength: 200, value: b.adjustReason || '', placeholder: '可补充说明，不能代替原因' });
    return {
      b, amount, code, reason,
      el: h('div', { class: 'adjust-row', dataset: { item: b.item } },
        h('div', { class: 'adjust-name' }, h('strong', { text: terms.itemName(b.item) }), h('span', { class: 'hint', text: `测算 ${yuan(b.amount)}` })),
        field('核定金额（元）', amount, { errorFor: `items[${k}].amount` }),
        field('调整原因', code, { errorFor: `items[${k}].reasonCode` }),
        Object.assign(field('说明（可选）', reason, { errorFor: `items[${k}].reason` }), { className: 'field adjust-note' })),
    };
  });
  // what the figures on the form call for: the level of their total, and whether a second reviewer must approve them
  const needs = h('p', { class: 'alert alert-info', id: 'approve-needs', role: 'status', 'aria-live': 'polite' });
  const approve = h('button', { type: 'submit', class: 'btn btn-primary', id: 'claim-approve' }, claim.firstApprovedBy ? '复核核准' : '核准');
  const standing = new Map(claim.benefits.map((b) => [b.item, cents(b.adjustedAmount || b.amount)]));
  const showNeeds = () => {
    const amounts = lines.map((l) => cents(l.amount.value.trim() || l.b.amount));
    if (amounts.some(Number.isNaN)) return;
    const others = claim.benefits.filter((b) => b.decision === 'REJECT').reduce((sum, b) => sum + cents(b.adjustedAmount || b.amount), 0);
    const total = amounts.reduce((sum, a) => sum + a, others);
    const raised = lines.some((l, i) => amounts[i] > cents(l.b.amount));
    const same = lines.every((l, i) => amounts[i] === standing.get(l.b.item));
    const level = rules.levels.find((x) => x.upTo === null || total <= cents(x.upTo));
    const confirming = claim.firstApprovedBy && same;
    const second = !confirming && (raised || total >= cents(rules.dualApprovalFrom));
    needs.dataset.second = String(second);
    needs.dataset.level = level.level;
    needs.textContent = `核定合计 ¥${(total / 100).toFixed(2)}，由${level.name}审核员核准。`
      + (confirming ? '您将复核另一名审核员的初审金额。'
        : second ? `${raised ? '有项目高于测算金额（特批）' : `合计达到 ¥${rules.dualApprovalFrom}`}，提交后为初审，须由另一名审核员按相同金额复核。`
          : claim.firstApprovedBy ? '金额与初审不同，原初审作废，按新金额重新审核。' : '');
    approve.textContent = confirming ? '复核核准' : second ? '初审核准（提交复核）' : '核准';
  };
  lines.forEach((l) => l.amount.addEventListener('input', showNeeds));
  showNeeds();
  const note = h('input', { type: 'text', name: 'reason', id: 'approve-note', maxlength: 200 });
  const approveForm = h('form', { id: 'approve-form', novalidate: true },
    lines.length ? h('div', { class: 'adjust-rows' }, lines.map((l) => l.el)) : null,
    h('p', { class: 'field-error', id: 'approve-items-error', 'data-error-for': 'items' }),
    evidence.waivers.el,
    h('p', { class: 'field-error', id: 'approve-ack-error', 'data-error-for': 'acknowledged' }),
    needs,
    h('div', { style: 'margin-top:12px' }, field('审核意见（可选）', note)),
    formError(),
    h('div', { class: 'form-actions' }, approve));

  const rejectReason = h('textarea', { name: 'reason', id: 'reject-reason', rows: 2, maxlength: 500, placeholder: '例如：票据与住院记录不符' });
  const reject = h('button', { type: 'submit', class: 'btn', id: 'claim-reject' }, '拒付');
  const rejectForm = h('form', { id: 'reject-form', novalidate: true },
    field('拒付原因', rejectReason), formError(), h('div', { class: 'form-actions' }, reject));

  const conflict = (e) => reload({ kind: 'error', title: '未能完成审核', text: `${e.message}。已重新加载最新的申请信息。` });
  approveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(approveForm);
    const body = {
      reason: note.value.trim() || null,
      items: lines.map((l) => ({ item: l.b.item, amount: l.amount.value.trim() || null, reasonCode: l.code.value || null, reason: l.reason.value.trim() || null })),
      waivers: evidence.waivers.values(),
      acknowledged: evidence.acknowledged(),
    };
    busy(approve, '正在核准…', async () => {
      try {
        const after = await api(`/api/v1/claims/${claim.id}/approve`, { method: 'POST', json: body });
        await reload({ kind: 'ok', title: after.status === 'UNDER_REVIEW' ? '已初审核准' : '已核准',
          text: after.status === 'UNDER_REVIEW' ? '等待另一名审核员按相同金额复核。' : `核准金额 ${yuan(after.approvedTotal)}，已生成支付指令。` });
      } catch (e) {
        if (e.status === 409) await conflict(e);
        else showErrors(approveForm, e);
      }
    });
  });
  rejectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(rejectForm);
    busy(reject, '正在拒付…', async () => {
      try {
        await api(`/api/v1/claims/${claim.id}/reject`, { method: 'POST', json: { reason: rejectReason.value.trim() || null } });
        await reload({ kind: 'ok', title: '已拒付', text: '拒付原因已记入办理进度，申请人可以看到。' });
      } catch (e) {
        if (e.status === 409) await conflict(e);
        else showErrors(rejectForm, e);
      }
    });
  });
  return h('section', { class: 'card', id: 'review-card', 'aria-labelledby': 'review-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'review-title', text: '审核' }),
      h('p', { text: `调整金额须选择原因；高于测算金额（特批）或合计 ¥${rules.dualApprovalFrom} 及以上须两名审核员先后核准；本人提交或本人的申请不能审核` })),
    approveForm,
    h('hr', { class: 'divider' }),
    rejectForm);
}

function timelineCard(claim) {
  return h('section', { class: 'card', 'aria-labelledby': 'timeline-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'timeline-title', text: '办理进度' })),
    h('ol', { class: 'timeline', id: 'claim-timeline' }, claim.timeline.map((e) => h('li', { dataset: { from: e.from || '', to: e.to } },
      h('div', { class: 'timeline-head' },
        e.from ? statusBadge(e.from) : null, e.from ? h('span', { class: 'arrow', 'aria-label': '变为', text: '→' }) : null, statusBadge(e.to)),
      h('p', { class: 'timeline-meta', text: `${dateTime(e.at)} · ${e.actor}` }),
      e.reason ? h('p', { class: 'timeline-reason', text: e.reason }) : null))));
}

function payoutsCard(claim) {
  return h('section', { class: 'card', 'aria-labelledby': 'payouts-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'payouts-title', text: '支付指令' })),
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'claim-payouts' },
      h('thead', {}, h('tr', {}, h('th', { text: '支付编号' }), h('th', { class: 'num', text: '金额' }), h('th', { text: '收款账户' }),
        h('th', { text: '状态' }))),
      h('tbody', {}, claim.payoutRequests.map((p) => h('tr', {},
        h('td', { class: 'mono', text: p.reference }),
        h('td', { class: 'num', text: yuan(p.amount) }),
        h('td', {}, h('div', {}, h('div', { text: `${p.payeeName} · ${p.bankName || ''}` }), h('div', { class: 'mono', text: p.maskedAccount }))),
        h('td', {}, h('div', {}, h('div', { class: 'nowrap', text: p.statusName || PAYOUT[p.status] || p.status }),
          p.reason ? h('div', { class: 'hint', text: p.reason }) : null)))))))));
}

/** 财务: a claim whose payout failed or bounced is paid again to the member's corrected account. */
function retryCard(claim, reload) {
  const button = h('button', { type: 'button', class: 'btn btn-primary', id: 'claim-payment-retry' }, '重新支付');
  button.addEventListener('click', () => busy(button, '处理中…', async () => {
    await api(`/api/v1/claims/${claim.id}/payment-retry`, { method: 'POST' });
    toast('已按职工当前收款账户生成新的支付指令', 'info');
    await reload();
  }).catch((e) => toast(e.message, 'error')));
  return h('section', { class: 'alert alert-warn', id: 'claim-retry', role: 'note' },
    h('div', {}, h('strong', { text: '支付未成功' }),
      h('p', { class: 'hint', text: '请先在「职工」中更正收款银行账户，再重新支付；新的支付指令与原指令关联。' }), button));
}

const PAYOUT = {
  REQUESTED: '待组批', BATCHED: '已组批待发送', SENT: '已发送银行', SETTLED: '已到账', FAILED: '支付失败', BOUNCED: '退票', REISSUED: '已重新支付',
};

function factsCard(claim, terms) {
  const fact = (label, value, wide) => h('div', { class: wide ? 'wide-sm' : null }, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  const e = claim.expenses;
  return h('section', { class: 'card', 'aria-labelledby': 'facts-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'facts-title', text: '申请信息' })),
    h('dl', { class: 'facts' },
      fact('类型', KIND[claim.kind]),
      fact('事故（确诊）日期', claim.incidentDate),
      fact('诊断', claim.medicalDataHidden ? '已提交' : claim.diagnoses.length ? claim.diagnoses.join('、') : null),
      fact('住院', claim.hospitalStay ? h('span', { class: 'period' }, h('span', { text: claim.hospitalStay.admission }), ' 至 ',
        h('span', { text: claim.hospitalStay.discharge })) : '无', true),
      fact('身故', claim.death ? '是' : '否'),
      fact('伤残等级', claim.disabilityGrade ? `${claim.disabilityGrade} 级` : '无'),
      fact('申请项目', claim.items ? claim.items.map((i) => terms.itemName(i)).join('、') : '全部参保项目', true)),
    e ? h('dl', { class: 'split', 'aria-label': '医疗费用' },
      h('div', {}, h('dt', { text: '费用总额' }), h('dd', { text: yuan(e.total) })),
      h('div', {}, h('dt', { text: '统筹支付' }), h('dd', { text: yuan(e.fundPaid) })),
      h('div', {}, h('dt', { text: '个人自付' }), h('dd', { text: yuan(e.selfPaid) })),
      h('div', {}, h('dt', { text: '个人自费' }), h('dd', { text: yuan(e.selfFunded) }))) : null,
    claim.receipts.length ? h('div', { class: 'table-wrap', style: 'margin-top:12px' }, responsive(h('table', { id: 'claim-receipts' },
      h('thead', {}, h('tr', {}, h('th', { text: '票据代码' }), h('th', { text: '票据号码' }), h('th', { text: '类型' }), h('th', { class: 'num', text: '金额' }))),
      h('tbody', {}, claim.receipts.map((r) => h('tr', {},
        h('td', { class: 'mono', text: r.invoiceCode }), h('td', { class: 'mono', text: r.invoiceNumber }),
        h('td', { text: r.electronic ? '电子票据' : '纸质票据' }), h('td', { class: 'num', text: yuan(r.amount) }))))))) : null);
}

// ---------- the application form ----------

async function applyForm(root, context) {
  const terms = await catalogue();
  const own = context.me.role === 'MEMBER';
  const state = { member: null, found: [] };

  // --- member ---
  const memberQuery = h('input', { type: 'search', id: 'claim-member-query', autocomplete: 'off', placeholder: '姓名或 18 位身份证号码' });
  const memberFind = h('button', { type: 'button', class: 'btn', id: 'claim-member-find' }, '查找');
  const memberSelect = h('select', { name: 'memberId', id: 'claim-member' }, h('option', { value: '', text: '请先查找职工' }));
  const memberInfo = h('p', { class: 'hint', id: 'claim-member-info' });
  const itemsBox = h('div', { class: 'choice claim-items', id: 'claim-items' }, h('p', { class: 'muted', text: '选择职工后显示其参保项目' }));

  // --- incident ---
  const kindIllness = h('input', { type: 'radio', name: 'kind', value: 'ILLNESS', checked: true });
  const kindAccident = h('input', { type: 'radio', name: 'kind', value: 'ACCIDENT' });
  const kindError = h('p', { class: 'field-error', id: 'claim-kind-error', 'data-error-for': 'kind' });
  const incidentDate = h('input', { type: 'date', name: 'incidentDate', id: 'claim-incident-date', max: today() });
  const diagnoses = h('input', { type: 'text', name: 'diagnoses', id: 'claim-diagnoses', autocomplete: 'off', spellcheck: 'false', placeholder: '如 K35.800, C50.901' });
  const death = h('input', { type: 'checkbox', name: 'death', id: 'claim-death' });
  const grade = h('select', { name: 'disabilityGrade', id: 'claim-disability' },
    h('option', { value: '', text: '无伤残' }), Array.from({ length: 10 }, (_, i) => h('option', { value: i + 1, text: `${i + 1} 级` })));
  const admission = h('input', { type: 'date', name: 'hospitalStay.admission', id: 'claim-admission', max: today() });
  const discharge = h('input', { type: 'date', name: 'hospitalStay.discharge', id: 'claim-discharge', max: today() });
  const money = (name, id) => h('input', { type: 'text', name, id, inputmode: 'decimal', autocomplete: 'off', placeholder: '0.00' });
  const total = money('expenses.total', 'claim-total-input');
  const fundPaid = money('expenses.fundPaid', 'claim-fund-paid');
  const selfPaid = money('expenses.selfPaid', 'claim-self-paid');
  const selfFunded = money('expenses.selfFunded', 'claim-self-funded');

  // --- receipts ---
  const receiptRows = [];
  const receiptBox = h('div', { class: 'receipt-rows', id: 'claim-receipts-input' });
  const receiptsError = h('p', { class: 'field-error', id: 'claim-receipts-error', 'data-error-for': 'receipts' });
  const addReceipt = h('button', { type: 'button', class: 'btn btn-small', id: 'claim-receipt-add' }, '＋ 添加票据');
  function reindex() {
    receiptRows.forEach((r, i) => r.indexAs(i));
  }
  function receiptRow() {
    const row = newReceiptRow(() => {
      receiptRows.splice(receiptRows.indexOf(row), 1);
      row.el.remove();
      reindex();
    });
    receiptRows.push(row);
    receiptBox.append(row.el);
    reindex();
    return row;
  }
  addReceipt.addEventListener('click', () => receiptRow().focus());
  receiptRow();

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'claim-create' }, '创建申请');
  const form = h('form', { id: 'claim-form', novalidate: true },
    h('fieldset', { class: 'form-part' }, h('legend', { text: '申请人' }),
      own ? h('p', { id: 'claim-member-own', class: 'own-member' }, '为本人申请')
        : h('div', { class: 'form-grid' },
          h('div', { class: 'field' }, h('label', { for: memberQuery.id, text: '查找职工' }),
            h('div', { style: 'display:flex;gap:8px' }, memberQuery, memberFind)),
          field('职工', memberSelect)),
      memberInfo),
    h('fieldset', { class: 'form-part' }, h('legend', { text: '事故与诊断' }),
      h('div', { class: 'form-grid' },
        h('div', { class: 'field' },
          h('fieldset', { class: 'choice' }, h('legend', { text: '类型' }),
            h('label', {}, kindIllness, '疾病'), h('label', {}, kindAccident, '意外伤害')),
          kindError),
        field('事故（确诊）日期', incidentDate, { hint: '疾病填确诊日期，意外填事故发生日' }),
        h('div', { class: 'wide' }, field('诊断（ICD-10 编码）', diagnoses, { hint: '多个编码用逗号分隔，如 K35.800, C50.901；见出院小结或诊断证明书' })),
        field('伤残等级', grade),
        h('div', { class: 'field check-field' }, h('label', { class: 'check-inline', for: death.id }, death, '身故'), h('p', { class: 'field-error', 'data-error-for': 'death', id: 'claim-death-error' })))),
    h('fieldset', { class: 'form-part' }, h('legend', { text: '住院（如有）' }),
      h('div', { class: 'form-grid' },
        field('入院日期', admission), field('出院日期', discharge))),
    h('fieldset', { class: 'form-part' }, h('legend', { text: '医疗费用（元）' }),
      h('div', { class: 'form-grid' },
        field('费用总额', total), field('医保统筹支付', fundPaid),
        field('个人自付', selfPaid, { hint: '目录内、医保报销后个人支付部分' }),
        field('个人自费', selfFunded, { hint: '目录外费用，不予报销' }))),
    h('fieldset', { class: 'form-part' }, h('legend', { text: '医疗收费票据' }),
      receiptBox, receiptsError, h('div', { style: 'margin-top:10px' }, addReceipt)),
    h('fieldset', { class: 'form-part' }, h('legend', { text: '申请项目' }),
      itemsBox, h('p', { class: 'hint', text: '可不选：默认按职工参加的全部项目测算，并提示其他可申请的项目' }),
      h('p', { class: 'field-error', id: 'claim-items-error', 'data-error-for': 'items' })),
    formError(),
    h('div', { class: 'form-actions' }, submit, h('span', { class: 'muted', text: '先保存为草稿，再上传材料并提交' })));

  async function chooseMember(member) {
    state.member = member;
    memberInfo.textContent = member
      ? `${member.name}，${GENDER[member.gender] || ''}，${member.birthDate} 出生，身份证 ${member.maskedIdNumber}${member.maskedBankAccount ? `，收款账户 ${member.maskedBankAccount}` : '，尚未登记收款账户'}` : '';
    if (!member) {
      fill(itemsBox, h('p', { class: 'muted', text: '选择职工后显示其参保项目' }));
      return;
    }
    const enrolments = await api(`/api/v1/members/${member.id}/enrolments`);
    const items = new Map();
    for (const e of enrolments) for (const c of e.coverages) items.set(c.item, c);
    fill(itemsBox, items.size
      ? [...items.values()].map((c) => h('label', {},
        h('input', { type: 'checkbox', name: 'items', value: c.item, id: `claim-item-${c.item}` }),
        h('span', {}, terms.itemName(c.item), h('span', { class: 'price', text: ` ${c.from} 至 ${c.to}` }))))
      : h('p', { class: 'alert alert-warn', text: '该职工没有参保记录，无法申领互助金' }));
  }
  function listMembers(found) {
    state.found = found;
    fill(memberSelect,
      h('option', { value: '', text: found.length ? `找到 ${found.length} 名职工，请选择` : '没有找到职工' }),
      found.map((m) => h('option', { value: m.id, text: `${m.name}（${m.maskedIdNumber}）` })));
    if (found.length === 1) memberSelect.value = String(found[0].id);
    return chooseMember(found.length === 1 ? found[0] : null);
  }
  async function findMembers() {
    const q = memberQuery.value.trim();
    const query = /^\d{17}[\dXx]$/.test(q) ? `idNumber=${encodeURIComponent(q.toUpperCase())}` : `name=${encodeURIComponent(q)}`;
    await listMembers(await api(`/api/v1/members?${query}`));
  }
  memberFind.addEventListener('click', () => busy(memberFind, '查找中…', findMembers).catch((e) => toast(e.message, 'error')));
  memberQuery.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); memberFind.click(); }
  });
  memberSelect.addEventListener('change', () =>
    chooseMember(state.found.find((m) => String(m.id) === memberSelect.value) || null).catch((e) => toast(e.message, 'error')));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const text = (el) => el.value.trim() || null;
    const command = {
      memberId: state.member ? state.member.id : null,
      kind: kindAccident.checked ? 'ACCIDENT' : 'ILLNESS',
      incidentDate: text(incidentDate),
      diagnoses: diagnoses.value.split(/[,，;；\s]+/).map((d) => d.trim().toUpperCase()).filter(Boolean),
      death: death.checked,
      disabilityGrade: grade.value ? Number(grade.value) : null,
      hospitalStay: text(admission) || text(discharge) ? { admission: text(admission), discharge: text(discharge) } : null,
      expenses: [total, fundPaid, selfPaid, selfFunded].some(text)
        ? { total: text(total), fundPaid: text(fundPaid), selfPaid: text(selfPaid), selfFunded: text(selfFunded) } : null,
      receipts: receiptRows.filter((r) => !r.blank()).map((r) => r.value()),
      items: [...itemsBox.querySelectorAll('input[name=items]:checked')].map((c) => c.value),
    };
    // error slots follow the rows actually sent, so receipts[1] is the second row sent
    receiptRows.forEach((r) => r.indexAs(null));
    receiptRows.filter((r) => !r.blank()).forEach((r, i) => r.indexAs(i));
    if (!command.items.length) command.items = null;
    busy(submit, '正在创建…', async () => {
      try {
        const claim = await api('/api/v1/claims', { method: 'POST', json: command });
        toast(`已创建互助金申请 ${claim.reference}，请上传材料后提交`, 'ok');
        context.go('claims', { id: claim.id });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '申请互助金' }),
        h('p', { text: '一次疾病或一次意外填写一份申请；诊断信息加密保存' }))),
    h('section', { class: 'card', 'aria-label': '申请互助金' }, form));

  if (own) {
    const [self] = await api('/api/v1/members');
    if (!self) {
      fill(root, h('div', { class: 'card' }, h('p', { class: 'empty', text: '未找到您的会员记录，请联系单位经办人。' })));
      return;
    }
    await chooseMember(self);
  } else if (context.params.get('member')) {
    const member = await api(`/api/v1/members/${Number(context.params.get('member'))}`);
    memberQuery.value = member.name;
    await listMembers([member]);
  }
}

let receiptSeq = 0;

function newReceiptRow(remove) {
  const code = h('input', { type: 'text', inputmode: 'numeric', maxlength: 8, autocomplete: 'off', class: 'receipt-code', placeholder: '8 位数字' });
  const number = h('input', { type: 'text', inputmode: 'numeric', maxlength: 10, autocomplete: 'off', class: 'receipt-number', placeholder: '10 位数字' });
  const electronic = h('input', { type: 'checkbox', class: 'receipt-electronic', checked: true });
  const amount = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'receipt-amount', placeholder: '0.00' });
  const drop = h('button', { type: 'button', class: 'btn btn-small btn-ghost receipt-remove', title: '删除这张票据', onclick: remove }, '删除');
  const codeField = field('票据代码', code);
  const numberField = field('票据号码', number);
  const amountField = field('金额（元）', amount);
  electronic.id = `receipt-${++receiptSeq}-electronic`;
  const electronicField = h('div', { class: 'field check-field' }, h('label', { class: 'check-inline', for: electronic.id }, electronic, '电子票据'),
    h('p', { class: 'field-error', id: `${electronic.id}-error` }));
  const el = h('div', { class: 'receipt-row' }, codeField, numberField, amountField, electronicField, h('div', { class: 'receipt-drop' }, drop));
  const slots = {
    invoiceCode: codeField.querySelector('.field-error'), invoiceNumber: numberField.querySelector('.field-error'),
    amount: amountField.querySelector('.field-error'), electronic: electronicField.querySelector('.field-error'),
  };
  const rowError = h('p', { class: 'field-error receipt-error', id: `receipt-${receiptSeq}-error` });
  el.append(rowError);
  electronic.setAttribute('aria-describedby', slots.electronic.id);
  return {
    el,
    focus: () => code.focus(),
    blank: () => !code.value.trim() && !number.value.trim() && !amount.value.trim(),
    value: () => ({ invoiceCode: code.value.trim(), invoiceNumber: number.value.trim(), electronic: electronic.checked, amount: amount.value.trim() || null }),
    indexAs: (i) => {
      for (const [name, slot] of Object.entries(slots)) slot.dataset.errorFor = i === null ? '' : `receipts[${i}].${name}`;
      rowError.dataset.errorFor = i === null ? '' : `receipts[${i}]`;
      el.dataset.index = i === null ? '' : i;
    },
  };
}
