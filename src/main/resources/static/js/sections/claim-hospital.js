// The partner hospital a claim came from (the worker scanned its 申领提示牌), on the claim page: a small card, drawn
// once the answer arrives and left out when the claim came from none.

import { api, fill, h } from '../lib.js';

/** A card for the claim page, empty and hidden until GET /api/v1/claims/{id}/hospital names a hospital. */
export function hospitalNote(claimId) {
  const card = h('section', { class: 'card', id: 'claim-hospital', 'aria-labelledby': 'claim-hospital-title', hidden: true });
  api(`/api/v1/claims/${claimId}/hospital`).then((hospital) => {
    if (!hospital || !hospital.code) return;
    fill(card,
      h('div', { class: 'card-head' }, h('h2', { id: 'claim-hospital-title', text: '来自合作医院' })),
      h('p', {}, h('strong', { id: 'claim-hospital-name', text: hospital.name }), h('span', { class: 'muted mono', text: `（${hospital.code}）` })),
      h('p', { class: 'muted', text: '职工扫描该院申领提示牌上的二维码，在掌上办提交了本申请。' }));
    card.hidden = false;
  }).catch(() => {});
  return card;
}
