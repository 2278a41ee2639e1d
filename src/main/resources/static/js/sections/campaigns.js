// 通知 → 宣传推广: choose a segment of the members in one's part of the tree and a publicity template,
// preview how many will be texted and the exact text (signature, 回复TD退订, length, segments), then
// send after a confirmation. Only members who consented and whose number did not reply TD are texted.
// The list shows each campaign with what became of its texts. Dates come from the server (me.today).

import { addDays, api, busy, dateTime, field, fill, formError, h, responsive, showErrors, clearErrors, toast } from '../lib.js';

const KINDS = [
  { code: 'UNIT_NOT_ENROLLED', label: '单位未参保职工', hint: '一个单位中没有有效保障（也未在等待缴费）的职工' },
  { code: 'NEW_FORM', label: '新就业形态劳动者', hint: '所选工会组织及其下级的全部新就业形态劳动者' },
  { code: 'COVER_ENDING', label: '保障即将到期的职工', hint: '最新一期保障在所选日期内到期、尚未续保的职工' },
];

/** A request key for one campaign draft: a repeated click sends the same key and creates nothing more. */
function requestKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first and last day of the month after the business date. */
function nextMonth(today) {
  const [y, m] = today.split('-').map(Number);
  const first = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const [fy, fm] = first.split('-').map(Number);
  const after = fm === 12 ? `${fy + 1}-01-01` : `${fy}-${String(fm + 1).padStart(2, '0')}-01`;
  return [first, addDays(after, -1)];
}

export async function render(root, context) {
  const [nodes, units, templates] = await Promise.all([
    api('/api/v1/organisations'), api('/api/v1/units?limit=500'), api('/api/v1/notification-templates')]);
  const publicity = templates.filter((t) => t.purpose === 'PUBLICITY');
  const results = h('div', { id: 'campaigns-results' }, h('p', { class: 'loading', text: '正在加载…' }));
  const load = async () => fill(results, table(await api('/api/v1/campaigns?limit=100')));
  const refresh = h('button', { type: 'button', class: 'btn btn-small', id: 'campaigns-refresh' }, '刷新');
  refresh.addEventListener('click', () => busy(refresh, '刷新中…', load).catch((e) => toast(e.message, 'error')));
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '宣传推广' }),
        h('p', { text: '按人群发送宣传短信：只发给同意接收宣传且未回复TD退订的职工，每条短信带签名与“回复TD退订”' }))),
    h('div', { class: 'stack' },
      draftCard(context, nodes.filter((n) => n.status !== 'CLOSED'), units, publicity, load),
      h('section', { class: 'card', 'aria-labelledby': 'campaigns-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'campaigns-title', text: '宣传记录' }),
          h('div', { class: 'log-tools' }, h('p', { text: '本级及下级，最新的在前' }), refresh)),
        results)));
  await load();
}

function table(campaigns) {
  if (!campaigns.length) return h('p', { class: 'empty', text: '还没有发送过宣传' });
  const num = (n) => h('td', { class: 'num', text: String(n) });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'campaigns-table' },
    h('caption', { class: 'visually-hidden', text: '宣传记录' }),
    h('thead', {}, h('tr', {}, ['宣传', '人群', '发送时间', '匹配', '发送', '待发', '已发', '送达', '失败', '过期', '退订']
      .map((t, i) => h('th', { class: i >= 3 ? 'num' : null, text: t })))),
    h('tbody', {}, campaigns.map((c) => h('tr', { dataset: { campaign: c.id } },
      h('td', { class: 'name' }, h('div', { text: c.name }), h('div', { class: 'muted', text: `${c.templateName} · ${c.createdBy}` })),
      h('td', {}, h('div', { text: c.audienceName }), h('div', { class: 'muted', text: c.segment.label })),
      h('td', { class: 'nowrap', text: dateTime(c.createdAt) }),
      num(c.matched), num(c.queued), num(c.waiting), num(c.sent),
      h('td', { class: 'num' }, h('span', { class: 'badge badge-green', text: String(c.delivered) })),
      num(c.failed), num(c.expired),
      h('td', { class: 'num', title: `发送前排除 ${c.noConsent + c.optedOutBefore} 人，发送后回复TD ${c.optedOutSince} 人`, text: String(c.optedOut) })))))));
}

function draftCard(context, nodes, units, templates, reload) {
  let key = requestKey();
  let previewed = null;
  const [from, to] = nextMonth(context.me.today);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = (n) => (byId.has(n.parentId) ? depth(byId.get(n.parentId)) + 1 : 0);
  const kinds = h('fieldset', { class: 'choice', id: 'campaign-kind' }, h('legend', { text: '发送人群' }),
    KINDS.map((k, i) => h('label', {}, h('input', { type: 'radio', name: 'kind', value: k.code, id: `campaign-kind-${k.code}`, checked: i === 0 }),
      h('span', { text: k.label }))));
  const kindHint = h('p', { class: 'hint', id: 'campaign-kind-hint' });
  const unitField = field('单位', h('select', { name: 'unitId', id: 'campaign-unit' }, h('option', { value: '', text: '请选择' }),
    units.map((u) => h('option', { value: u.id, text: u.name }))), { errorFor: 'segment.unitId' });
  const nodeField = field('工会组织', h('select', { name: 'orgNodeId', id: 'campaign-node' },
    nodes.map((n) => h('option', { value: n.id, text: `${'　'.repeat(depth(n))}${n.name}` }))), { errorFor: 'segment.orgNodeId', hint: '含其下级组织与单位' });
  const fromField = field('到期日起', h('input', { type: 'date', name: 'coverEndsFrom', id: 'campaign-from', value: from }), { errorFor: 'segment.coverEndsFrom' });
  const toField = field('到期日止', h('input', { type: 'date', name: 'coverEndsTo', id: 'campaign-to', value: to }), { errorFor: 'segment.coverEndsTo' });
  const template = h('select', { name: 'templateCode', id: 'campaign-template' },
    templates.map((t) => h('option', { value: t.code, text: t.name })));
  const templateBody = h('p', { class: 'hint', id: 'campaign-template-body' });
  const templateField = field('宣传模板', template, { errorFor: 'templateCode' });
  templateField.classList.add('wide');
  templateField.insertBefore(templateBody, templateField.querySelector('.field-error'));
  const previewButton = h('button', { type: 'button', class: 'btn', id: 'campaign-preview' }, '预览');
  const sendButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'campaign-send', disabled: true }, '发送');
  const result = h('div', { id: 'campaign-preview-result', class: 'campaign-preview' });
  const confirm = h('div', { id: 'campaign-confirm' });
  const form = h('form', { id: 'campaign-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('宣传名称', h('input', { type: 'text', name: 'name', id: 'campaign-name', maxlength: 40, placeholder: '如：十二月续保提醒' })),
      templateField),
    h('div', { class: 'campaign-segment' }, kinds, kindHint,
      h('p', { class: 'field-error', 'data-error-for': 'segment.kind', 'aria-live': 'polite' })),
    h('div', { class: 'form-grid' }, unitField, nodeField, fromField, toField),
    formError(),
    h('div', { class: 'form-actions' }, previewButton, sendButton, h('span', { class: 'hint', text: '预览后才能发送；更改任何选项须重新预览' })),
    result, confirm);

  const kind = () => form.querySelector('input[name=kind]:checked').value;
  const shown = () => {
    const k = kind();
    kindHint.textContent = KINDS.find((x) => x.code === k).hint;
    unitField.hidden = k !== 'UNIT_NOT_ENROLLED';
    nodeField.hidden = k === 'UNIT_NOT_ENROLLED';
    fromField.hidden = k !== 'COVER_ENDING';
    toField.hidden = k !== 'COVER_ENDING';
    const t = templates.find((x) => x.code === template.value);
    templateBody.textContent = t ? t.body : '没有可用的宣传模板';
  };
  const stale = () => {
    previewed = null;
    sendButton.disabled = true;
    fill(confirm);
    result.classList.add('stale');
  };
  form.addEventListener('change', () => { shown(); stale(); });
  form.addEventListener('input', stale);
  shown();

  const draft = () => {
    const data = new FormData(form);
    const text = (k) => (data.get(k) || '').toString().trim() || null;
    const k = kind();
    const segment = { kind: k };
    if (k === 'UNIT_NOT_ENROLLED') segment.unitId = text('unitId') ? Number(text('unitId')) : null;
    else segment.orgNodeId = Number(text('orgNodeId'));
    if (k === 'COVER_ENDING') { segment.coverEndsFrom = text('coverEndsFrom'); segment.coverEndsTo = text('coverEndsTo'); }
    return { name: text('name'), templateCode: text('templateCode'), segment };
  };

  previewButton.addEventListener('click', () => busy(previewButton, '计算中…', async () => {
    clearErrors(form);
    fill(confirm);
    try {
      const d = draft();
      const p = await api('/api/v1/campaigns/preview', { method: 'POST', json: d });
      previewed = { draft: d, preview: p };
      result.classList.remove('stale');
      fill(result, previewBox(p));
      sendButton.disabled = p.toSend === 0;
    } catch (e) {
      fill(result);
      showErrors(form, e);
    }
  }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!previewed) return;
    const { preview } = previewed;
    const go = h('button', { type: 'button', class: 'btn btn-primary', id: 'campaign-confirm-send' }, `确认发送（${preview.toSend} 人）`);
    const cancel = h('button', { type: 'button', class: 'btn', id: 'campaign-confirm-cancel', onclick: () => fill(confirm) }, '取消');
    fill(confirm, h('div', { class: 'alert alert-warn alert-big', role: 'alertdialog', 'aria-labelledby': 'campaign-confirm-title' },
      h('div', {},
        h('strong', { id: 'campaign-confirm-title', text: `将向 ${preview.toSend} 人发送宣传短信` }),
        h('p', { text: `${preview.audienceName} · ${preview.segmentLabel} · 模板“${preview.templateName}”，约 ${preview.totalSegments} 条计费短信；发送后不能撤回。` }),
        h('div', { class: 'form-actions' }, go, cancel))));
    go.focus();
    go.addEventListener('click', () => busy(go, '发送中…', async () => {
      try {
        const c = await api('/api/v1/campaigns', { method: 'POST', json: { ...draft(), requestId: key } });
        toast(`“${c.name}”已发送：${c.queued} 人`, 'ok');
        key = requestKey();
        form.reset();
        fill(result);
        fill(confirm);
        stale();
        shown();
        await reload();
      } catch (e) {
        fill(confirm);
        showErrors(form, e);
      }
    }));
  });

  return h('section', { class: 'card', 'aria-labelledby': 'campaign-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'campaign-form-title', text: '新建宣传' }),
      h('p', { text: '人群只含本人管辖范围内的职工' })),
    form);
}

function previewBox(p) {
  const stat = (label, n, cls = '') => h('div', { class: `stat ${cls}` }, h('div', { class: 'n', text: String(n) }), h('div', { class: 'l', text: label }));
  return [
    h('div', { class: 'stats campaign-stats', id: 'campaign-counts' },
      stat('匹配人数', p.matched),
      stat('有手机号', p.reachable),
      stat('同意接收', p.consenting),
      stat('已退订', p.optedOut, p.optedOut ? 'bad' : ''),
      stat('将发送', p.toSend, 'ok')),
    h('p', { class: 'hint', text: `${p.audienceName} · ${p.segmentLabel}：无手机号 ${p.noPhone} 人，未同意接收 ${p.noConsent} 人，号码已回复TD ${p.optedOut} 人，均不发送` }),
    h('div', { class: 'sms-sample' },
      h('div', { class: 'sms-head' }, h('strong', { text: '短信内容' }),
        h('span', { class: 'muted', id: 'campaign-sms-meta', text: `${p.sampleLength} 字 · ${p.sampleSegments} 条短信${p.toSend ? ` · 全部约 ${p.totalSegments} 条` : ''}` })),
      h('p', { class: 'sms-text', id: 'campaign-sms', text: p.sampleSms }),
      h('p', { class: 'hint', text: p.toSend ? '以第一位收信人为例；每人的姓名等按本人填入。每条70字，长短信每条67字' : '示例姓名；没有可发送的职工' })),
    p.toSend === 0 ? h('div', { class: 'alert alert-warn', text: '所选人群中没有可以发送的职工，请更换人群' }) : null,
  ];
}
