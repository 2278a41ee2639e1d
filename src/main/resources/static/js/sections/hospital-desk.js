// 出院参保查询: the partner hospital's discharge desk asks whether a patient has cover — ID number, name and the day
// of discharge — through the same FHIR R4 API the hospital's own system calls (POST /fhir/r4/CoverageEligibilityRequest),
// and sees yes or no per item and what to claim; nothing else about the patient. Beside it, the hospital's 申领提示牌.

import { api, csrfToken, field, fill, formError, h, submitting, today, ApiError } from '../lib.js';

const RESIDENT_ID = 'urn:oid:2.16.156.10011.1.3';
const HOSPITAL_CODE = 'urn:huzhu:partner-hospital';

/** Where an OperationOutcome's element lies in this form. */
const FIELDS = [['Patient.identifier', 'idNumber'], ['Patient.name', 'name'], ['servicedDate', 'dischargeDate']];

export async function render(root) {
  const [hospital] = await api('/api/v1/hospitals');
  if (!hospital) throw new ApiError(403, { detail: '本账户未绑定合作医院' });
  const result = h('section', { class: 'card', id: 'desk-result', 'aria-live': 'polite', hidden: true });
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '出院参保查询' }),
        h('p', { id: 'desk-hospital', text: `${hospital.name} · 患者出院时查询是否参加职工互助保障，提示其用手机申领` }))),
    h('div', { class: 'stack' }, queryForm(hospital, result), result, poster(hospital)));
}

function queryForm(hospital, result) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'desk-submit' }, '查询');
  const form = h('form', { id: 'desk-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('身份证号码', h('input', { type: 'text', name: 'idNumber', id: 'desk-id', maxlength: 18, autocomplete: 'off', spellcheck: 'false',
        inputmode: 'text' }), { hint: '患者本人的居民身份证号码' }),
      field('姓名', h('input', { type: 'text', name: 'name', id: 'desk-name', maxlength: 50, autocomplete: 'off' })),
      field('出院日期', h('input', { type: 'date', name: 'dischargeDate', id: 'desk-date', value: today() }))),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '查询中…', async (text) => {
    result.hidden = true;
    const answer = await ask(request(hospital, text('idNumber'), text('name'), text('dischargeDate')));
    show(result, answer);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'desk-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'desk-form-title', text: '查询患者保障' }),
      h('p', { text: '只显示各项目能否申领和所需材料，不显示金额与其他个人信息；每次查询记入操作日志' })), form);
}

/** The CoverageEligibilityRequest the hospital's own system would send (docs/hospitals.md). */
function request(hospital, idNumber, name, dischargeDate) {
  return {
    resourceType: 'CoverageEligibilityRequest',
    status: 'active',
    purpose: ['validation', 'benefits'],
    contained: [{ resourceType: 'Patient', id: 'patient', identifier: [{ system: RESIDENT_ID, value: idNumber || '' }],
      name: name ? [{ text: name }] : [] }],
    patient: { reference: '#patient' },
    ...(dischargeDate ? { servicedDate: dischargeDate } : {}),
    created: today(),
    provider: { identifier: { system: HOSPITAL_CODE, value: hospital.code } },
    insurer: { display: '职工互助保障' },
  };
}

/** POSTs FHIR JSON as this browser; a refusal's OperationOutcome becomes an error on the form's field. */
async function ask(resource) {
  let response;
  try {
    response = await fetch('/fhir/r4/CoverageEligibilityRequest', { method: 'POST', credentials: 'same-origin', body: JSON.stringify(resource),
      headers: { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json', 'X-Requested-With': 'XMLHttpRequest',
        'X-XSRF-TOKEN': csrfToken() } });
  } catch {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试' });
  }
  if (response.status === 401) {
    location.assign('/login');
    throw new ApiError(401, { detail: '登录已失效，请重新登录' });
  }
  const data = await response.json().catch(() => ({}));
  if (response.ok) return data;
  const issue = (data.issue || [])[0] || {};
  const path = (issue.expression || [])[0] || '';
  const slot = FIELDS.find(([p]) => path.includes(p));
  const detail = issue.diagnostics || data.detail || `查询失败（${response.status}）`;
  throw new ApiError(response.status, { detail, errors: slot ? [{ field: slot[1], message: detail }] : [] });
}

function show(result, answer) {
  const insurance = (answer.insurance || [])[0] || {};
  const items = insurance.item || [];
  const yes = items.some((i) => !i.excluded);
  fill(result,
    h('div', { class: 'card-head' }, h('h2', { text: '查询结果' }),
      h('span', { class: `badge ${yes ? 'badge-green' : 'badge-red'}`, id: 'desk-answer', text: yes ? '✓ 有保障，可申领' : '✗ 未查到可申领的保障' })),
    h('p', { id: 'desk-disposition', text: answer.disposition }),
    items.length ? h('ul', { class: 'desk-items', id: 'desk-items' }, items.map((i) => h('li', { dataset: { item: i.category?.coding?.[0]?.code } },
      h('div', { class: 'desk-item-head' }, h('strong', { text: i.name }),
        h('span', { class: `badge ${i.excluded ? 'badge-amber' : 'badge-green'}`, text: i.excluded ? '观察期内' : '可申领' })),
      i.description ? h('p', { class: 'muted', text: i.description }) : null))) : null,
    yes ? h('p', { class: 'hint', text: '请提示患者扫描本院申领提示牌上的二维码，用手机申领互助金。' }) : null);
  result.hidden = false;
  result.scrollIntoView({ block: 'nearest' });
}

function poster(hospital) {
  return h('section', { class: 'card', 'aria-labelledby': 'desk-poster-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'desk-poster-title', text: '申领提示牌' })),
    h('p', { text: '打印后放在出院结算处：职工用手机扫码即可申领，已为其填好本院。' }),
    h('p', {}, h('a', { class: 'btn', id: 'desk-poster', href: `/api/v1/hospitals/${hospital.id}/poster.pdf`, download: '' }, '下载申领提示牌（A4 PDF）')),
    h('p', { class: 'muted mono', id: 'desk-claim-url', text: hospital.claimUrl }));
}
