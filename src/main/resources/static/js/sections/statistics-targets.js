// 目标管理: the yearly targets an office holds from above and those it sets for each office directly below it
// (GET/PUT /api/v1/reporting/targets). The year shown first is the server's current year, never the browser's.

import { api, busy, count, fill, field, formError, h, responsive, showErrors, today, toast } from '../lib.js';

/** The metrics, in the order of the API's answer; their Chinese names come with the answer (metricName). */
const METRICS = ['PERSON_TIMES', 'UNITS', 'NEW_FORM_PERSON_TIMES'];
const FALLBACK = { PERSON_TIMES: '参保人次', UNITS: '参保单位', NEW_FORM_PERSON_TIMES: '新就业形态参保人次' };

export async function render(root, context) {
  const year = h('input', { type: 'number', name: 'year', id: 'targets-year', min: '2000', max: '2100', step: '1',
    inputmode: 'numeric', value: today().slice(0, 4) });
  const show = h('button', { type: 'submit', class: 'btn btn-primary', id: 'targets-show' }, '查看');
  const form = h('form', { class: 'search-bar', 'aria-label': '目标年度' }, field('年度', year), show);
  const results = h('div', { id: 'targets-results', class: 'stack' }, h('p', { class: 'loading', text: '正在加载…' }));
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '目标管理' }),
      h('p', { text: '为直属下级工会下达年度目标；完成率在统计看板中显示' }))),
    h('div', { class: 'stack' }, h('section', { class: 'card', 'aria-label': '目标年度' }, form), results));
  const load = async () => {
    let answer;
    try {
      answer = await api(`/api/v1/reporting/targets?${new URLSearchParams({ year: year.value, office: context.me.orgNodeId ?? '' })}`);
    } catch (e) {
      showErrors(form, e);
      return;
    }
    fill(results, own(answer), below(answer, load));
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  await load();
}

function nameOf(target, metric) {
  return target?.metricName || FALLBACK[metric];
}

function own(answer) {
  const byMetric = new Map(answer.own.map((t) => [t.metric, t]));
  const head = h('div', { class: 'card-head' }, h('h2', { id: 'targets-own-title', text: `${answer.office.name} ${answer.year} 年度目标` }),
    h('p', { text: '由上级工会下达' }));
  if (!answer.own.some((t) => t.value !== null && t.value !== undefined)) {
    return h('section', { class: 'card', 'aria-labelledby': 'targets-own-title' }, head,
      h('p', { class: 'empty', id: 'targets-own-none', text: '上级工会没有为本级下达这一年度的目标' }));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'targets-own-title' }, head,
    h('div', { class: 'totals', id: 'targets-own' }, METRICS.map((m) => {
      const t = byMetric.get(m);
      return h('div', { class: 'stat', dataset: { metric: m } }, h('div', { class: 'n', text: count(t?.value) }),
        h('div', { class: 'l', text: t?.setBy ? `${nameOf(t, m)}（${t.setBy}下达）` : nameOf(t, m) }));
    })));
}

function below(answer, reload) {
  if (!answer.below.length) {
    return h('section', { class: 'card' }, h('p', { class: 'empty', id: 'targets-none', text: '没有直属下级工会' }));
  }
  const names = new Map(answer.below.flatMap((b) => b.targets).map((t) => [t.metric, t.metricName]));
  return h('section', { class: 'card', 'aria-labelledby': 'targets-below-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'targets-below-title', text: `下达 ${answer.year} 年度目标` }),
      h('p', { text: '填写整数；留空表示不下达该项目标' })),
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'targets-table' },
      h('caption', { class: 'visually-hidden', text: '下级工会年度目标' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '工会' }),
        METRICS.map((m) => h('th', { scope: 'col', text: names.get(m) || FALLBACK[m] })), h('th', { scope: 'col', text: '' }))),
      h('tbody', {}, answer.below.map((b) => row(answer.year, b, names, reload)))))));
}

function row(year, entry, names, reload) {
  const values = new Map(entry.targets.map((t) => [t.metric, t.value]));
  const inputs = METRICS.map((m) => h('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', name: m,
    class: 'target-input', 'aria-label': `${entry.office.name} ${names.get(m) || FALLBACK[m]}`, value: values.get(m) ?? '' }));
  const save = h('button', { type: 'submit', class: 'btn btn-small btn-primary', dataset: { save: entry.office.id } }, '保存');
  const form = h('form', { id: `targets-form-${entry.office.id}` });
  const error = formError();
  save.setAttribute('form', form.id);
  inputs.forEach((i) => i.setAttribute('form', form.id));
  // the error slots of targets[i].value: the i-th metric sent, found in showErrors by name
  const cells = inputs.map((input, i) => h('td', {},
    h('div', { class: 'field' }, input, h('p', { class: 'field-error', id: `${form.id}-${i}-error`, 'data-metric': METRICS[i] }))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const sent = METRICS.map((m, i) => ({ metric: m, raw: inputs[i].value.trim() })).filter((t) => t.raw !== '');
    cells.forEach((td) => { td.querySelector('.field-error').textContent = ''; });
    error.hidden = true;
    busy(save, '保存中…', async () => {
      try {
        await api(`/api/v1/reporting/targets/${year}/${entry.office.id}`, { method: 'PUT',
          json: { targets: sent.map((t) => ({ metric: t.metric, value: Number(t.raw) })) } });
        toast(`已保存${entry.office.name}的年度目标`, 'ok');
        await reload();
      } catch (e) {
        const leftovers = [];
        for (const { field: name, message } of e.errors) {
          const at = /^targets\[(\d+)]/.exec(name || '');
          const slot = at && sent[Number(at[1])] ? cells[METRICS.indexOf(sent[Number(at[1])].metric)].querySelector('.field-error') : null;
          if (slot) slot.textContent = message; else leftovers.push(message);
        }
        if (leftovers.length || !e.errors.length) { error.textContent = leftovers.join('；') || e.message; error.hidden = false; }
      }
    });
  });
  return h('tr', { dataset: { office: entry.office.id } },
    h('td', { class: 'name' }, entry.office.name, form, error), cells, h('td', { class: 'shrink' }, save));
}
