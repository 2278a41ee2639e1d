// Login page: posts the form to Spring Security's /login with the CSRF token from the XSRF-TOKEN
// cookie (sent as header X-XSRF-TOKEN, as csrf.spa() expects), then follows where it leads.

import { csrfToken } from './lib.js';

const form = document.getElementById('login-form');
const params = new URLSearchParams(location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('login-logout').hidden = !params.has('logout');
document.getElementById('login-locked').hidden = !params.has('locked');

// demo mode only: the server lists every demo account (none outside demo mode)
fetch('/api/v1/login-options', { headers: { Accept: 'application/json' } })
  .then((r) => (r.ok ? r.json() : null))
  .then((options) => {
    if (!options || !options.demo || !options.accounts.length) return;
    const list = document.getElementById('demo-accounts');
    for (const a of options.accounts) {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = a.username;
      item.append(code, ` ${a.roleName}`);
      item.title = a.displayName;
      list.append(item);
    }
    document.getElementById('demo-hint').hidden = false;
  })
  .catch(() => {});

async function ensureToken() {
  if (csrfToken()) return csrfToken();
  await fetch('/login', { credentials: 'same-origin' });
  return csrfToken();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const problem = document.getElementById('login-problem');
  problem.hidden = true;
  const username = form.username.value.trim();
  if (!username || !form.password.value) {
    problem.textContent = '请输入用户名和密码';
    problem.hidden = false;
    (username ? form.password : form.username).focus();
    return;
  }
  const button = document.getElementById('login-submit');
  button.disabled = true;
  button.textContent = '正在登录…';
  try {
    const token = await ensureToken();
    document.getElementById('csrf').value = token;
    const response = await fetch('/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token },
      body: new URLSearchParams({ username, password: form.password.value }),
    });
    if (response.status === 403) throw new Error('页面已过期，请刷新后重试');
    const target = new URL(response.url, location.href);
    const refused = target.search === '?locked' ? '/login?locked' : '/login?error';
    location.assign(target.pathname === '/login' ? refused : target.pathname + target.search + target.hash);
  } catch (e) {
    problem.textContent = e.message && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '无法连接服务器，请稍后重试';
    problem.hidden = false;
    button.disabled = false;
    button.textContent = '登录';
  }
});
