// The public check of an electronic cover certificate (and of the other documents with a QR code), opened from its QR code (/verify/{token}): the masked
// name, the items and their period, and whether the cover is valid now — nothing else, and no sign-in.

import { h, fill, dateTime } from '/js/lib.js';
import { day } from '/m/cover.js';

const screen = document.getElementById('screen');
const token = location.pathname.split('/').pop();

// Other documents (缴费通知单, 缴费凭证, 参保人员名单) carry the same kind of link; their module answers for them.
async function otherDocument() {
  const response = await fetch(`/api/v1/document-verifications/${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) return false;
  const d = await response.json();
  document.title = `${d.title} · 职工互助`;
  fill(screen,
    h('h1', { text: d.title }),
    h('p', { class: `verdict ${d.valid ? 'valid' : 'invalid'}`, id: 'verdict', text: d.verdict }),
    h('div', { class: 'card' },
      h('p', { text: `文书编号：${d.number}` }),
      h('p', { text: `出具时间：${dateTime(d.issuedAt)}` }),
      d.facts.map((f) => h('p', { text: `${f.label}：${f.value}` }))));
  return true;
}

async function check() {
  const response = await fetch(`/api/v1/cover-certificates/${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    if (response.status === 404 && await otherDocument()) return;
    fill(screen, h('h1', { text: '未找到该文书' }), h('p', { class: 'lead', text: '请核对二维码，或联系出具文书的工会。' }));
    return;
  }
  const c = await response.json();
  fill(screen,
    h('h1', { text: '参保凭证核验' }),
    h('p', { class: `verdict ${c.validNow ? 'valid' : 'invalid'}`, id: 'verdict', text: c.validNow ? '✓ 保障有效' : '当前不在保障期内' }),
    h('div', { class: 'card' },
      h('p', { id: 'holder', text: `参保人：${c.maskedName}` }),
      h('p', { text: `凭证编号：${c.certificateNumber}` }),
      h('p', { text: `出具时间：${dateTime(c.issuedAt)}` }),
      c.periodFrom ? h('p', { text: `保障期：${day(c.periodFrom)} 至 ${day(c.periodTo)}` }) : null),
    h('ul', { class: 'covers' }, c.items.map((i) => h('li', { class: 'cover' },
      h('div', { class: 'cover-head' }, h('h2', { text: i.itemName }), h('span', { class: 'state', text: i.status })),
      h('p', { text: `${i.planName}　${day(i.from)} 至 ${day(i.to)}` })))));
}

check().catch(() => fill(screen, h('h1', { text: '暂时无法核验' }), h('p', { class: 'lead', text: '请稍后再试。' })));
