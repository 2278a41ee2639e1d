// 我的账户: everybody changes their own password and sets up two-factor login (TOTP) here. An account
// with a one-time password, or one that must enrol a second factor, sees only this section until done.

import { api, field, fill, formError, h, submitting, toast } from '../lib.js';

export async function render(root, context) {
  const { me } = context;
  const due = me.mustChangePassword ? '请先修改初始密码：初始密码只能使用一次。'
    : me.twoFactorRequired && !me.twoFactorEnabled ? '请先设置两步验证：您的角色登录时须输入动态验证码。' : null;
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '我的账户' }), h('p', { text: `${me.displayName}（${me.username}） · ${me.roleName}` }))),
    h('div', { class: 'stack' },
      due ? h('div', { class: 'alert alert-error', role: 'alert', id: 'account-due', text: due }) : null,
      passwordCard(me),
      me.mustChangePassword ? null : twoFactorCard(me)));
}

function passwordCard(me) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'password-submit' }, '修改密码');
  const form = h('form', { id: 'password-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field(me.mustChangePassword ? '初始密码' : '原密码', h('input', { type: 'password', name: 'oldPassword', id: 'password-old', autocomplete: 'current-password' })),
      field('新密码', h('input', { type: 'password', name: 'password', id: 'password-new', autocomplete: 'new-password' }),
        { hint: '至少10个字符，不含用户名，不能是常见密码' }),
      field('再次输入新密码', h('input', { type: 'password', name: 'confirm', id: 'password-confirm', autocomplete: 'new-password' }))),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '保存中…', async (text) => {
    const data = new FormData(form);
    if (data.get('password') !== data.get('confirm')) {
      throw { errors: [{ field: 'confirm', message: '两次输入的新密码不一致' }], message: '两次输入的新密码不一致' };
    }
    await api('/api/v1/me/password', { method: 'POST', json: { oldPassword: data.get('oldPassword'), password: data.get('password') } });
    form.reset();
    toast('密码已修改', 'ok');
    if (me.mustChangePassword) location.reload();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'password-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'password-title', text: '修改密码' })), form);
}

function twoFactorCard(me) {
  const body = h('div', { id: 'two-factor-body' });
  if (me.twoFactorEnabled) {
    fill(body, h('p', {}, h('span', { class: 'badge badge-green', text: '已启用' }), ' 登录时在密码之后输入验证器显示的6位动态验证码。'));
  } else {
    const start = h('button', { type: 'button', class: 'btn btn-primary', id: 'two-factor-start' }, '设置两步验证');
    start.addEventListener('click', async () => {
      start.disabled = true;
      try {
        fill(body, enrolment(await api('/api/v1/me/two-factor', { method: 'POST' }), me));
      } catch (e) {
        start.disabled = false;
        toast(e.message, 'error');
      }
    });
    fill(body, h('p', { text: me.twoFactorRequired ? '您的角色必须启用两步验证。' : '可选：启用后登录更安全。' }), start);
  }
  return h('section', { class: 'card', 'aria-labelledby': 'two-factor-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'two-factor-title', text: '两步验证' }),
      h('p', { text: '使用任意动态验证码应用（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）' })),
    body);
}

function enrolment(e, me) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'two-factor-confirm' }, '确认启用');
  const form = h('form', { id: 'two-factor-form', novalidate: true },
    h('ol', { class: 'enrol-steps' },
      h('li', { text: '用验证器应用扫描二维码，或手动输入密钥' }),
      h('li', { text: '输入应用显示的6位动态验证码' })),
    h('div', { class: 'qr' }, h('img', { src: e.qrCode, alt: '两步验证二维码', id: 'two-factor-qr', width: 200, height: 200 })),
    h('p', {}, '密钥：', h('code', { class: 'mono', id: 'two-factor-secret', text: e.secret })),
    h('div', { class: 'form-grid' },
      field('动态验证码', h('input', { type: 'text', name: 'code', id: 'two-factor-code', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }))),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '验证中…', async (text) => {
    const result = await api('/api/v1/me/two-factor/confirm', { method: 'POST', json: { code: text('code') } });
    const next = h('button', { type: 'button', class: 'btn btn-primary', id: 'recovery-done' }, me.twoFactorRequired && !me.twoFactorEnabled ? '我已保存，进入系统' : '我已保存');
    next.addEventListener('click', () => location.reload());
    fill(form.parentElement,
      h('div', { class: 'alert alert-ok', role: 'status', text: '两步验证已启用。请抄下或打印以下恢复码，妥善保管：手机丢失时每个恢复码可代替动态验证码登录一次。恢复码只显示这一次。' }),
      h('ul', { class: 'recovery-codes mono', id: 'recovery-codes' }, result.recoveryCodes.map((c) => h('li', { text: c }))),
      h('div', { class: 'form-actions' }, next));
  });
  return form;
}
