// 申领互助金: three steps in plain words — what happened (住院 / 门诊特殊病 / 意外), the diagnosis found by typing words
// (never codes), the photos taken with the camera — then one upload. The server reads each photo in the background;
// the claim screen (claims.js) shows what was read to confirm. The ID card and bank card on file are never asked for.
// Opened from a partner hospital's 申领提示牌 (#claim?hospital=CODE), the form names the hospital and files it with the claim.

import { h, field, showErrors, clearErrors, ApiError } from '/js/lib.js';

const HAPPENED = [
  { code: 'HOSPITAL_STAY', words: '住院', sub: '因病住院治疗，出院后申领' },
  { code: 'OUTPATIENT_SPECIAL', words: '门诊特殊病', sub: '癌症、尿毒症等重病在门诊治疗' },
  { code: 'ACCIDENT', words: '意外', sub: '摔伤、交通事故等意外受伤' },
];

/** The kinds of photo a worker may take (the ID card and bank card are on file), asked once per page. */
let photoKinds = null;
async function kindsOfPhoto(api) {
  photoKinds = photoKinds || await api('/api/v1/m/photo-kinds');
  return photoKinds;
}

/**
 * A camera input for several photos at once, with previews; under each, what the photo shows (发票 unless the worker
 * says otherwise, or {@code preferred}, the first material still missing). {@code photos()} gives [{ file, kind }].
 */
export async function photoPicker(api, id, preferred) {
  const kinds = await kindsOfPhoto(api);
  const taken = [];
  const input = h('input', { type: 'file', accept: 'image/*', capture: 'environment', multiple: true, id, class: 'photo-input' });
  const label = h('label', { for: id, class: 'btn btn-camera', text: '拍照（可连续多张）' });
  const previews = h('ul', { class: 'previews', id: `${id}-previews` });
  input.addEventListener('change', () => {
    for (const file of input.files) {
      const n = taken.length + 1;
      const img = h('img', { alt: `第 ${n} 张照片` });
      const reader = new FileReader();
      reader.onload = () => { img.src = reader.result; };
      reader.readAsDataURL(file);
      const what = h('select', { 'aria-label': `第 ${n} 张照片是`, class: 'photo-kind', dataset: { photo: String(n) } },
        kinds.map((k) => h('option', { value: k.kind, text: k.name })));
      what.value = preferred || 'RECEIPT';
      taken.push({ file, what });
      previews.append(h('li', {}, img, what));
    }
    input.value = '';
    previews.dataset.count = String(taken.length);
  });
  return { element: h('div', { class: 'picker' }, input, label, previews),
    photos: () => taken.map((t) => ({ file: t.file, kind: t.what.value })) };
}

/** The photos into a multipart form: each file under {@code photos}, its kind under {@code kinds}, in the same order. */
export function appendPhotos(body, photos) {
  photos.forEach((p) => { body.append('photos', p.file, p.file.name); body.append('kinds', p.kind); });
}

/** The partner hospital named by #claim?hospital=CODE, or null (none given, or no longer a partner). */
async function fromHospital(api) {
  const code = new URLSearchParams(location.hash.split('?')[1] || '').get('hospital');
  if (!code) return null;
  try {
    return await api(`/api/v1/m/hospitals/${encodeURIComponent(code)}`);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

/** Step by step on one screen: each step replaces the last; the upload files the draft and opens it. */
export async function newClaim({ api, show, busy, formError }) {
  const claim = {};
  const hospital = await fromHospital(api);
  if (hospital) claim.hospital = hospital.code;
  const banner = () => (hospital ? h('p', { class: 'from-hospital', id: 'claim-hospital' },
    h('span', { class: 'sub', text: '出院申领 · 已为您填好医院' }), h('strong', { text: hospital.name })) : null);
  const stepOne = () => {
    const choices = HAPPENED.map((c) => {
      const b = h('button', { type: 'button', class: 'tile choice', id: `happened-${c.code}` },
        h('span', {}, h('strong', { text: c.words }), h('span', { class: 'sub', text: c.sub })),
        h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
      b.addEventListener('click', () => { claim.whatHappened = c.code; stepTwo(c); });
      return b;
    });
    show('申领互助金', banner(), h('p', { class: 'lead', text: '第 1 步（共 3 步）：发生了什么？' }), ...choices);
  };

  const stepTwo = (happened) => {
    const date = h('input', { type: 'date', name: 'incidentDate', id: 'incident-date' });
    const words = h('input', { name: 'diagnosis', id: 'diagnosis-words', autocomplete: 'off', placeholder: '例如：乳腺癌、骨折、心肌梗死' });
    const chosen = h('p', { class: 'chosen', id: 'diagnosis-chosen', hidden: true });
    const suggestions = h('ul', { class: 'suggestions', id: 'diagnosis-suggestions' });
    const next = h('button', { type: 'submit', class: 'btn btn-primary', id: 'step-two-next', text: '下一步：拍照' });
    let timer = null;
    words.addEventListener('input', () => {
      clearTimeout(timer);
      claim.diagnosis = null;
      chosen.hidden = true;
      timer = setTimeout(async () => {
        const q = words.value.trim();
        const found = q ? await api(`/api/v1/m/diagnoses?q=${encodeURIComponent(q)}`) : [];
        suggestions.replaceChildren(...found.map((d) => {
          const b = h('button', { type: 'button', class: 'suggestion', text: d.name });
          b.addEventListener('click', () => {
            claim.diagnosis = d.code;
            words.value = d.name;
            chosen.textContent = `已选择：${d.name}`;
            chosen.hidden = false;
            suggestions.replaceChildren();
          });
          return h('li', {}, b);
        }));
      }, 250);
    });
    const form = h('form', { class: 'card', novalidate: true },
      field(happened.code === 'ACCIDENT' ? '受伤日期' : happened.code === 'HOSPITAL_STAY' ? '入院日期' : '确诊日期', date),
      field(happened.code === 'ACCIDENT' ? '伤情或诊断（可不填）' : '医生诊断的病名', words,
        { hint: '输入病名中的几个字，再从下面选择', errorFor: 'diagnosis' }),
      suggestions, chosen, formError(), next);
    show('申领互助金', banner(), h('p', { class: 'lead', text: `第 2 步（共 3 步）：${happened.words}的日期和诊断` }), form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      if (!date.value) { showErrors(form, new ApiError(400, { detail: '请选择日期', errors: [{ field: 'incidentDate', message: '请选择日期' }] })); return; }
      if (happened.code !== 'ACCIDENT' && !claim.diagnosis) {
        showErrors(form, new ApiError(400, { detail: '请从列表中选择病名', errors: [{ field: 'diagnosis', message: '请输入病名并从列表中选择' }] }));
        return;
      }
      claim.incidentDate = date.value;
      stepThree().catch((e) => showErrors(form, e));
    });
  };

  const stepThree = async () => {
    const picker = await photoPicker(api, 'claim-photos');
    const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'claim-upload', text: '上传并识别' });
    const form = h('form', { class: 'card', novalidate: true },
      h('p', { text: '请拍下医疗收费票据（发票）等材料，每张照片下面选好是什么材料。身份证和银行卡已登记，不用再拍。缺的材料可以稍后补拍。' }),
      picker.element, formError(), send);
    show('申领互助金', banner(), h('p', { class: 'lead', text: '第 3 步（共 3 步）：拍照上传材料' }), form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const body = new FormData();
      body.append('claim', new Blob([JSON.stringify(claim)], { type: 'application/json' }));
      appendPhotos(body, picker.photos());
      const done = busy(send, '正在上传…');
      try {
        const filed = await api('/api/v1/m/claims', { method: 'POST', form: body });
        location.hash = `#claim/${filed.id}`;
      } catch (e) {
        done();
        showErrors(form, e);
      }
    });
  };

  stepOne();
}
