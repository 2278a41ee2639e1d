// The second step of a login with two-factor authentication: the 6-digit code (or a recovery code)
// goes to POST /api/v1/login/code; the session is signed in only after it.

import { csrfToken } from './lib.js';

const form = document.getElementById('code-form');
const problem = document.getElementById('code-problem');
document.getElementById('code-cancel-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  problem.hidden = true;
  const code = form.code.value.trim();
  if (!code) {
    problem.textContent = '请输入动态验证码';
    problem.hidden = false;
    return;
  }
  const button = document.getElementById('code-submit');
  button.disabled = true;
  try {
    const response = await fetch('/api/v1/login/code', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ code }),
    });
    if (response.ok) {
      location.assign('/');
      return;
    }
    if (response.status === 401) {
      location.assign('/login');
      return;
    }
    const body = await response.json().catch(() => ({}));
    const reason = (body.errors && body.errors[0] && body.errors[0].message) || body.detail;
    throw new Error(reason || '验证失败，请重试');
  } catch (e) {
    problem.textContent = /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '无法连接服务器，请稍后重试';
    problem.hidden = false;
    form.code.select();
    button.disabled = false;
  }
});
