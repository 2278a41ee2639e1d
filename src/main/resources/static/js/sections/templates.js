// 通知 · 模板: every template's current version, one template's versions (who, when, note) and, for
// those who maintain templates, the editor: variable chips that insert {name} at the cursor and a live
// preview of the exact SMS (signature, opt-out for publicity, length and 短信条数). Saving writes a
// new version; messages already written keep the text they had.

import { api, dateTime, field, fill, formError, h, submitting, toast } from '../lib.js';

const PURPOSE_BADGE = { URGENT: 'badge-red', TRANSACTIONAL: 'badge-blue', PUBLICITY: 'badge-amber' };
const PREVIEW_DELAY = 300;

export async function render(root, context) {
  const [templates, vocabulary] = await Promise.all([
    api('/api/v1/notification-templates'), api('/api/v1/notification-templates/vocabulary')]);
  const list = h('div', {});
  const detail = h('div', { id: 'template-detail', class: 'stack' }, placeholder());
  const open = (code) => {
    list.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
    list.querySelector(`tr[data-code="${CSS.escape(code)}"]`)?.classList.add('selected');
    return showTemplate(detail, code, context, vocabulary, refresh).catch((e) => toast(e.message, 'error'));
  };
  async function refresh(code) {
    fill(list, templatesTable(await api('/api/v1/notification-templates'), open));
    await open(code);
  }
  fill(list, templatesTable(templates, open));
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '通知模板' }),
      h('p', { text: '短信与站内消息的模板；保存即生成新版本，此后的消息按新版本生成，已发出的消息不变' }))),
    h('div', { class: 'grid grid-master' },
      h('section', { class: 'card', 'aria-labelledby': 'templates-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'templates-title', text: '模板' }),
          h('p', { text: context.can('NOTIFICATION_TEMPLATE_MANAGE') ? '选择模板查看版本或修改' : '选择模板查看内容与版本（只读）' })),
        list),
      detail));
  const wanted = context.params.get('code');
  if (wanted) await open(wanted);
}

function placeholder() {
  return h('div', { class: 'card placeholder' }, h('p', { class: 'empty', text: '在列表中选择一个模板，查看其内容和历史版本' }));
}

/** On a phone the channels and version columns give way, so the list stays one line per template. */
function templatesTable(templates, open) {
  const headings = [['模板'], ['用途'], ['渠道', 'hide-sm'], ['版本', 'num hide-sm'], ['短信条数', 'num']];
  return h('div', { class: 'table-wrap' }, h('table', { id: 'templates-table' },
    h('caption', { class: 'visually-hidden', text: '通知模板' }),
    h('thead', {}, h('tr', {}, headings.map(([t, c]) => h('th', { class: c, text: t })))),
    h('tbody', {}, templates.map((t) => h('tr', { dataset: { code: t.code } },
      h('td', { class: 'template-name' }, h('button', { type: 'button', class: 'linklike', onclick: () => open(t.code), text: t.name }),
        h('div', { class: 'template-code', text: t.code })),
      h('td', {}, purposeBadge(t)),
      h('td', { class: 'nowrap hide-sm', text: channels(t) }),
      h('td', { class: 'num hide-sm', text: `v${t.version}` }),
      h('td', { class: 'num', text: t.sms ? t.segments : '—' }))))));
}

function purposeBadge(t) {
  return h('span', { class: `badge ${PURPOSE_BADGE[t.purpose] || ''}`, text: t.purposeLabel });
}

function channels(t) {
  return [t.sms ? '短信' : null, t.inbox ? '站内' : null].filter(Boolean).join(' · ');
}

async function showTemplate(box, code, context, vocabulary, refresh) {
  const versions = await api(`/api/v1/notification-templates/${encodeURIComponent(code)}`);
  const current = versions[0];
  const manage = context.can('NOTIFICATION_TEMPLATE_MANAGE');
  fill(box,
    h('section', { class: 'card', id: 'template-card', dataset: { code }, 'aria-labelledby': 'template-name' },
      h('div', { class: 'card-head' },
        h('div', {}, h('h2', { id: 'template-name', text: current.name }),
          h('p', { class: 'mono', text: `${current.code} · 现行 v${current.version}` })),
        h('div', { class: 'badges' }, purposeBadge(current), h('span', { class: 'badge', text: channels(current) }))),
      manage ? editor(current, vocabulary, refresh) : readOnly(current, vocabulary)),
    versionsCard(versions));
  const top = box.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight * 0.6) box.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function readOnly(t, vocabulary) {
  const preview = previewBox();
  showPreview(preview, { body: t.body, purpose: t.purpose });
  return h('div', {},
    h('h3', { text: '内容' }),
    h('p', { class: 'template-body', id: 'template-body-text', text: t.body }),
    variableList(t.variables, vocabulary),
    preview.root,
    h('p', { class: 'hint', text: '模板由省级管理员维护' }));
}

function variableList(names, vocabulary) {
  if (!names.length) return null;
  const labels = new Map(vocabulary.variables.map((v) => [v.name, v.label]));
  return h('p', { class: 'hint' }, '变量：', names.map((n) => `${labels.get(n) || n}{${n}}`).join('、'));
}

function editor(t, vocabulary, refresh) {
  const body = h('textarea', { name: 'body', id: 'template-body', rows: 5, maxlength: 500, spellcheck: 'false', value: t.body });
  const preview = previewBox();
  const update = debounce(() => showPreview(preview, { body: body.value, purpose: t.purpose }), PREVIEW_DELAY);
  body.addEventListener('input', update);
  const chips = h('div', { class: 'chips', id: 'template-variables', role: 'group', 'aria-label': '插入变量' },
    vocabulary.variables.map((v) => h('button', {
      type: 'button', class: 'chip', dataset: { variable: v.name }, title: `插入{${v.name}}，示例：${v.sample}`,
      onclick: () => insertAtCursor(body, `{${v.name}}`),
    }, v.label, h('span', { class: 'chip-code', text: `{${v.name}}` }))));
  const smsBox = h('input', { type: 'checkbox', name: 'sms', id: 'template-sms', checked: t.sms });
  const inboxBox = h('input', { type: 'checkbox', name: 'inbox', id: 'template-inbox', checked: t.inbox });
  const channelError = h('p', { class: 'field-error', id: 'template-channels-error', 'data-error-for': 'sms', 'aria-live': 'polite' });
  smsBox.setAttribute('aria-describedby', channelError.id);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'template-save' }, '保存为新版本');
  const form = h('form', { id: 'template-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('名称', h('input', { type: 'text', name: 'name', id: 'template-name-input', maxlength: 40, value: t.name })),
      h('fieldset', { class: 'choice channels' }, h('legend', { text: '渠道' }),
        h('label', {}, smsBox, '短信'), h('label', {}, inboxBox, '站内消息'), channelError)),
    h('div', { class: 'editor-body' },
      field('内容', body, { hint: `签名由系统自动添加${t.purpose === 'PUBLICITY' ? '，宣传短信末尾自动加“回复TD退订”' : ''}；点下面的变量插入到光标处` }),
      chips),
    preview.root,
    field('修改说明', h('input', { type: 'text', name: 'note', id: 'template-note', maxlength: 200, placeholder: '例如：补充咨询电话' })),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '正在保存…', async (text) => {
    const saved = await api(`/api/v1/notification-templates/${encodeURIComponent(t.code)}/versions`, { method: 'POST', json: {
      name: text('name'), sms: smsBox.checked, inbox: inboxBox.checked, body: body.value, note: text('note') } });
    toast(`已保存${saved.name}的第 ${saved.version} 版`, 'ok');
    await refresh(t.code);
  });
  showPreview(preview, { body: t.body, purpose: t.purpose });
  return form;
}

/** Inserts text at the cursor (replacing a selection), keeps the cursor after it and tells listeners. */
function insertAtCursor(textarea, text) {
  textarea.focus();
  textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function previewBox() {
  const sms = h('p', { class: 'sms-text', id: 'preview-sms' });
  const length = h('strong', { id: 'preview-length', text: '—' });
  const segments = h('strong', { id: 'preview-segments', text: '—' });
  const problems = h('ul', { class: 'plain-list preview-problems', id: 'preview-problems', role: 'alert' });
  const root = h('div', { class: 'sms-preview', id: 'template-preview', 'aria-live': 'polite' },
    h('div', { class: 'sms-preview-head' }, h('h3', { text: '短信预览' }),
      h('p', { class: 'muted' }, '字数 ', length, ' · 短信条数 ', segments)),
    sms, problems,
    h('p', { class: 'hint', text: '变量以示例值填入；单条最多70字，超过按长短信每条67字计费' }));
  return { root, sms, length, segments, problems, ticket: 0 };
}

/** Asks the server what the text looks like; a slower answer to an older text is dropped. */
async function showPreview(box, request) {
  const ticket = ++box.ticket;
  let preview;
  try {
    preview = await api('/api/v1/notification-templates/preview', { method: 'POST', json: request });
  } catch (e) {
    if (ticket === box.ticket) fill(box.problems, h('li', { text: e.message }));
    return;
  }
  if (ticket !== box.ticket) return;
  box.sms.textContent = preview.sms || '';
  box.sms.hidden = !preview.sms;
  box.length.textContent = preview.sms ? preview.length : '—';
  box.segments.textContent = preview.sms ? preview.segments : '—';
  box.root.dataset.segments = preview.segments;
  fill(box.problems, preview.problems.map((p) => h('li', { text: p })));
}

function versionsCard(versions) {
  return h('section', { class: 'card', 'aria-labelledby': 'template-versions-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'template-versions-title', text: `历史版本（${versions.length}）` }),
      h('p', { text: '最新的在前' })),
    h('ol', { class: 'timeline', id: 'template-versions' }, versions.map((v) => h('li', { dataset: { version: v.version } },
      h('div', { class: 'timeline-head' }, h('strong', { text: `v${v.version}` }), h('span', { text: v.note || '（未填写说明）' })),
      h('div', { class: 'timeline-meta', text: `${v.createdBy} · ${dateTime(v.createdAt)}` }),
      h('p', { class: 'timeline-reason version-body', text: v.body })))));
}

function debounce(work, delay) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(work, delay);
  };
}
