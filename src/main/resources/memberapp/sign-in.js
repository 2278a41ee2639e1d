// 掌上办's first screen, carried inline by the page so that a phone on a slow network can sign in as soon as the
// page itself has arrived: the phone number, the texted code, and the first time the number is bound to the
// worker's registration by name and ID number. The rest of the app (app.js) takes over once signed in.
(() => {
  const root = document.documentElement;
  const signInScreen = document.getElementById('sign-in-screen');
  if (!signInScreen) return;
  const bindScreen = document.getElementById('bind-screen');
  const signInForm = document.getElementById('sign-in-form');
  const bindForm = document.getElementById('bind-form');
  const phone = document.getElementById('phone');
  const code = document.getElementById('code');
  const send = document.getElementById('send-code');
  const sent = document.getElementById('code-sent');
  let countdown = null;

  async function post(path, body) {
    const token = (document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
    let response;
    try {
      response = await fetch(path, { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
          Accept: 'application/json, application/problem+json', 'X-XSRF-TOKEN': token ? decodeURIComponent(token) : '' } });
    } catch {
      throw { detail: '网络不通，请检查网络后再试', errors: [] };
    }
    let data = {};
    try { data = (await response.json()) || {}; } catch { data = { detail: '服务暂时不可用，请稍后再试' }; }
    if (!response.ok) {
      data.errors = Array.isArray(data.errors) ? data.errors : [];
      data.retryAfter = Number(response.headers.get('Retry-After')) || 0;
      throw data;
    }
    return data;
  }

  function clear(form) {
    form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const general = form.querySelector('.form-error');
    general.hidden = true;
    general.textContent = '';
  }

  /** A problem's field errors beside their inputs, anything else in the form's general error. */
  function showProblem(form, problem) {
    clear(form);
    const rest = [];
    let first = null;
    for (const { field, message } of problem.errors || []) {
      const slot = form.querySelector(`[data-error-for="${field}"]`);
      if (!slot) { rest.push(message); continue; }
      slot.textContent = message;
      const input = form.querySelector(`[aria-describedby="${slot.id}"]`);
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
    const text = rest.length ? rest.join('；') : (first ? '' : (problem.detail || '请求失败，请稍后再试'));
    if (text) {
      const general = form.querySelector('.form-error');
      general.textContent = text;
      general.hidden = false;
    }
    if (first) first.focus();
  }

  function busy(button, label) {
    const before = button.textContent;
    button.disabled = true;
    button.textContent = label;
    return () => { button.disabled = false; button.textContent = before; };
  }

  /** Counts down on the code button the seconds the server asked to wait before another code. */
  function waitBeforeResend(seconds) {
    clearInterval(countdown);
    let left = Math.max(1, Math.round(seconds));
    const tick = () => {
      if (left <= 0) {
        clearInterval(countdown);
        send.disabled = false;
        send.textContent = '重新获取验证码';
        return;
      }
      send.disabled = true;
      send.textContent = `${left} 秒后可重新获取`;
      left -= 1;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  function showScreen(screen, title) {
    signInScreen.hidden = screen !== signInScreen;
    bindScreen.hidden = screen !== bindScreen;
    document.title = `${title} · 掌上办`;
    window.scrollTo(0, 0);
  }

  /** Signed in: the app takes over (app.js listens, or finds the mark when it starts later). */
  function signedIn() {
    clearInterval(countdown);
    root.dataset.member = 'yes';
    window.dispatchEvent(new Event('m:signed-in'));
  }

  send.addEventListener('click', async () => {
    clear(signInForm);
    const done = busy(send, '正在发送…');
    try {
      const answer = await post('/api/v1/m/sign-in/code', { phone: phone.value.trim() });
      done();
      sent.textContent = '验证码已发送，请查看短信';
      waitBeforeResend(answer.resendInSeconds);
      code.focus();
    } catch (problem) {
      done();
      showProblem(signInForm, problem);
      if (problem.retryAfter && problem.retryAfter <= 120) waitBeforeResend(problem.retryAfter);
    }
  });

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(signInForm);
    const submit = document.getElementById('sign-in');
    const done = busy(submit, '正在登录…');
    try {
      const answer = await post('/api/v1/m/sign-in', { phone: phone.value.trim(), code: code.value.trim() });
      done();
      if (answer.signedIn) signedIn();
      else {
        showScreen(bindScreen, '第一次登录，请核对身份');
        document.getElementById('name').focus();
      }
    } catch (problem) {
      done();
      showProblem(signInForm, problem);
    }
  });

  bindForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(bindForm);
    const submit = document.getElementById('bind');
    const done = busy(submit, '正在核对…');
    try {
      await post('/api/v1/m/sign-in', { phone: phone.value.trim(), name: document.getElementById('name').value.trim(),
        idNumber: document.getElementById('idNumber').value.trim() });
      signedIn();
    } catch (problem) {
      done();
      // the code proved the number for a while only: after that, back to a new code
      if (problem.errors.some((e) => e.field === 'code')) {
        showScreen(signInScreen, '手机号登录');
        showProblem(signInForm, { detail: '请重新获取验证码后再登录', errors: [] });
      } else showProblem(bindForm, problem);
    }
  });

  // the moment the sign-in works, for the first-load measurement (./huzhu bench portal)
  root.dataset.signInReady = String(Math.round(performance.now()));

  const notice = sessionStorage.getItem('m-notice');
  if (notice) {
    sessionStorage.removeItem('m-notice');
    showProblem(signInForm, { detail: notice, errors: [] });
  }
})();
