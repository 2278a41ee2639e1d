// 花名册导入: choose a unit, download the template, upload a CSV/XLSX roster and follow the
// import live (polled every second) to its accepted / already enrolled / rejected counts, the row
// errors (row, worker's name, column) and the rows already enrolled (已参保，未重复办理).

import { api, responsive, busy, clearErrors, dateTime, field, fill, formError, h, showErrors, toast } from '../lib.js';

const PHASE = { QUEUED: '排队中', VALIDATING: '正在校验', ENROLLING: '正在参保', FINISHED: '已完成' };
const STATUS = {
  RUNNING: ['进行中', 'badge-blue'], DONE: ['已完成', 'badge-green'], REJECTED: ['整批未导入', 'badge-red'], FAILED: ['失败', 'badge-red'],
};

export async function render(root, context) {
  const units = await api('/api/v1/units?limit=500');
  const unitSelect = h('select', { name: 'unitId', id: 'import-unit' },
    units.length === 1 ? null : h('option', { value: '', text: '请选择单位' }),
    units.map((u) => h('option', { value: u.id, text: u.name })));
  const file = h('input', { type: 'file', name: 'file', id: 'import-file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'import-submit' }, '上传并导入');
  const progress = h('div', { id: 'import-progress' });
  const history = h('div', { id: 'import-history' });

  const form = h('form', { id: 'import-form', novalidate: true },
    h('div', { class: 'steps' },
      h('div', { class: 'step' },
        h('h3', {}, h('span', { class: 'step-no', text: '1' }), '选择单位'),
        field('参保单位', unitSelect, { errorFor: 'unitId' })),
      h('div', { class: 'step' },
        h('h3', {}, h('span', { class: 'step-no', text: '2' }), '填写花名册'),
        h('p', { class: 'hint', style: 'margin:0 0 10px', text: '列：姓名、身份证号码、手机号码、就业形态、保障方案、份数、缴费日期。保障方案按名称填写（可在模板中下拉选择），如 基本保障、住院医疗+意外伤害、女职工特殊疾病（升级版）；也可填代码 BASIC。缴费日期留空的职工待缴费：本次导入出具一张缴费单，缴清后自到账次日起生效。' }),
        h('div', { class: 'form-actions' },
          h('a', { class: 'btn', id: 'import-template', href: '/api/v1/roster-imports/template.xlsx', download: '花名册模板.xlsx' }, '下载模板（XLSX）'),
          h('a', { class: 'btn', id: 'import-template-csv', href: '/api/v1/roster-imports/template.csv', download: '花名册模板.csv' }, '下载模板（CSV）'))),
      h('div', { class: 'step' },
        h('h3', {}, h('span', { class: 'step-no', text: '3' }), '上传文件'),
        field('花名册文件（CSV 或 XLSX）', file),
        h('div', { class: 'form-actions', style: 'margin-top:10px' }, submit))),
    formError());

  let watching = 0;
  const watch = (id) => {
    const ticket = ++watching;
    return follow(id, progress, () => ticket === watching && root.isConnected, () => loadHistory());
  };

  async function loadHistory() {
    const unitId = unitSelect.value;
    if (!unitId) { fill(history); return; }
    const list = await api(`/api/v1/units/${unitId}/roster-imports`);
    fill(history, historyTable(list, (id) => watch(id)));
  }
  unitSelect.addEventListener('change', () => loadHistory().catch((e) => toast(e.message, 'error')));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!unitSelect.value) {
      showErrors(form, { errors: [{ field: 'unitId', message: '请选择单位' }], message: '请选择单位' });
      return;
    }
    if (!file.files.length) {
      showErrors(form, { errors: [{ field: 'file', message: '请选择要上传的花名册文件' }], message: '请选择文件' });
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    busy(submit, '正在上传…', async () => {
      try {
        const started = await api(`/api/v1/units/${unitSelect.value}/roster-imports`, { method: 'POST', form: data });
        file.value = '';
        watch(started.id);
      } catch (e) {
        showErrors(form, e);
      }
    });
  });

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '花名册导入' }), h('p', { text: '逐行校验、逐行参保；有问题的行不影响其他行，重复上传不会重复参保' }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'import-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'import-title', text: '批量参保' })),
        form),
      progress,
      h('section', { class: 'card', 'aria-labelledby': 'import-history-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'import-history-title', text: '最近导入' })),
        history)));

  const wantedUnit = context.params.get('unit');
  if (wantedUnit && units.some((u) => String(u.id) === wantedUnit)) unitSelect.value = wantedUnit;
  const wanted = context.params.get('id');
  if (wanted) watch(Number(wanted));
  await loadHistory();
}

/** Polls an import every second until it finishes, redrawing its progress; stops when left. */
async function follow(id, box, stillWanted, onFinish) {
  fill(box, h('section', { class: 'card' }, h('p', { class: 'loading', text: '正在读取导入进度…' })));
  box.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  while (stillWanted()) {
    let view;
    try {
      view = await api(`/api/v1/roster-imports/${id}`);
    } catch (e) {
      fill(box, h('div', { class: 'alert alert-error', role: 'alert', text: e.message }));
      return;
    }
    if (!stillWanted()) return;
    fill(box, progressCard(view));
    if (view.status !== 'RUNNING') {
      onFinish();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function progressCard(v) {
  const running = v.status === 'RUNNING';
  const percent = v.rows > 0 ? Math.min(100, Math.round((v.processed / v.rows) * 100)) : (running ? 0 : 100);
  const [statusText, statusClass] = STATUS[v.status] || [v.status, ''];
  const bar = h('div', {
    class: `progress ${v.status === 'DONE' ? 'done' : ''} ${v.status === 'REJECTED' || v.status === 'FAILED' ? 'bad' : ''}`,
    role: 'progressbar', 'aria-label': '导入进度', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent,
  }, h('div', { class: 'progress-bar', style: `width:${percent}%` }));
  return h('section', { class: 'card', id: 'import-status', dataset: { status: v.status, id: v.id }, 'aria-labelledby': 'import-status-title', 'aria-live': 'polite' },
    h('div', { class: 'card-head' },
      h('h2', { id: 'import-status-title' }, `导入 #${v.id}`, v.fileName ? h('span', { class: 'muted', style: 'font-weight:400', text: ` · ${v.fileName}` }) : null),
      h('span', { class: `badge ${statusClass}`, id: 'import-status-badge', text: statusText })),
    v.status === 'REJECTED' ? h('div', { class: 'alert alert-error alert-big', role: 'alert', id: 'import-rejected' },
      h('div', {}, h('strong', { text: '整批未导入' }), v.message || '文件未通过校验，没有任何职工参保。')) : null,
    v.status === 'FAILED' ? h('div', { class: 'alert alert-error alert-big', role: 'alert', id: 'import-failed' },
      h('div', {}, h('strong', { text: '导入失败' }), v.message || '导入过程中出现系统错误。')) : null,
    bar,
    h('div', { class: 'progress-meta' },
      h('span', { id: 'import-phase', text: PHASE[v.phase] || v.phase }),
      h('span', { id: 'import-processed', text: v.rows > 0 ? `已处理 ${v.processed} / ${v.rows} 行（${percent}%）` : (running ? '正在读取文件…' : '') })),
    h('div', { class: 'stats' },
      stat('总行数', v.rows, '', 'import-rows'),
      stat('成功参保', v.accepted, 'ok', 'import-accepted'),
      stat('已参保，未重复办理', v.alreadyEnrolled, '', 'import-already-count'),
      v.awaitingFinance ? stat('待财务确认到账', v.awaitingFinance, 'warn', 'import-awaiting-finance-count') : null,
      stat('未通过', v.rejected, 'bad', 'import-rejected-count')),
    v.status === 'DONE' ? h('div', { class: `alert ${v.rejected ? 'alert-warn' : 'alert-ok'}`, style: 'margin-top:14px', role: 'status', id: 'import-summary' },
      summary(v)) : null,
    v.errors?.length ? errorsTable(v) : null,
    v.awaitingFinanceRows?.length ? notesTable(v.awaitingFinanceRows, v.awaitingFinance, '待财务确认到账', 'import-awaiting-finance') : null,
    v.alreadyEnrolledRows?.length ? notesTable(v.alreadyEnrolledRows, v.alreadyEnrolled, '已参保，未重复办理', 'import-already') : null);
}

function summary(v) {
  const already = v.alreadyEnrolled ? `，${v.alreadyEnrolled} 人已参保，未重复办理` : '';
  const waiting = v.awaitingFinance ? `；其中 ${v.awaitingFinance} 人缴费日期较早，待财务核实到账后保障生效` : '';
  if (v.rejected) return `导入完成：${v.accepted} 人参保成功${already}${waiting}，${v.rejected} 行未通过，请修改下列行后重新上传（已参保的职工不会重复参保）。`;
  return `导入完成：${v.accepted} 人参保成功${already}${waiting}。`;
}

/** Rows that are not errors but that the operator should know about, by row number and name. */
function notesTable(rows, count, title, id) {
  return h('div', { style: 'margin-top:16px' },
    h('h3', { text: `${title}（${count} 人${count > rows.length ? `，显示前 ${rows.length} 人` : ''}）` }),
    h('div', { class: 'table-wrap', style: 'margin-top:8px' }, responsive(h('table', { id },
      h('thead', {}, h('tr', {}, h('th', { class: 'num shrink', text: '行号' }), h('th', { class: 'shrink', text: '姓名' }), h('th', { text: '说明' }))),
      h('tbody', {}, rows.map((e) => h('tr', {},
        h('td', { class: 'num shrink', text: e.row }),
        h('td', { class: 'shrink nowrap', text: e.name || '—' }),
        h('td', { text: e.message }))))))));
}

function stat(label, value, kind, id) {
  return h('div', { class: `stat ${kind}` }, h('div', { class: 'n', id, text: value ?? 0 }), h('div', { class: 'l', text: label }));
}

function errorsTable(v) {
  return h('div', { style: 'margin-top:16px' },
    h('h3', { text: `错误明细（${v.errorCount} 条${v.errorCount > v.errors.length ? `，显示前 ${v.errors.length} 条` : ''}）` }),
    h('div', { class: 'table-wrap', style: 'margin-top:8px' }, responsive(h('table', { id: 'import-errors' },
      h('thead', {}, h('tr', {}, h('th', { class: 'num shrink', text: '行号' }), h('th', { class: 'shrink', text: '姓名' }),
        h('th', { class: 'shrink', text: '列' }), h('th', { text: '问题' }))),
      h('tbody', {}, v.errors.map((e) => h('tr', {},
        h('td', { class: 'num shrink', text: e.row }),
        h('td', { class: 'shrink nowrap', text: e.name || '—' }),
        h('td', { class: 'shrink', text: e.field || '—' }),
        h('td', { text: e.message }))))))));
}

function historyTable(list, open) {
  if (!list.length) return h('p', { class: 'empty', text: '该单位还没有导入记录' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', {},
    h('thead', {}, h('tr', {},
      h('th', { text: '编号' }), h('th', { text: '文件' }), h('th', { text: '上传时间' }), h('th', { text: '状态' }),
      h('th', { class: 'num', text: '行数' }), h('th', { class: 'num', text: '成功' }), h('th', { class: 'num', text: '已参保' }),
      h('th', { class: 'num', text: '未通过' }), h('th', { text: '' }))),
    h('tbody', {}, list.map((v) => {
      const [text, cls] = STATUS[v.status] || [v.status, ''];
      return h('tr', {},
        h('td', { class: 'num', text: `#${v.id}` }),
        h('td', { text: v.fileName || '—' }),
        h('td', { class: 'nowrap', text: dateTime(v.createdAt) }),
        h('td', {}, h('span', { class: `badge ${cls}`, text })),
        h('td', { class: 'num', text: v.rows }),
        h('td', { class: 'num', text: v.accepted }),
        h('td', { class: 'num', text: v.alreadyEnrolled ?? 0 }),
        h('td', { class: 'num', text: v.rejected }),
        h('td', {}, h('button', { type: 'button', class: 'btn btn-small', onclick: () => open(v.id) }, '查看')));
    })))));
}
