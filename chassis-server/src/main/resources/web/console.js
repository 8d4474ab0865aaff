// The researcher console: a hash router over studies, one study's sessions, the live session view and
// runs. All data comes from /api with the researcher token; all text is set with textContent.
(() => {
  'use strict';
  const { get, post, el, badge, show, when } = window.Chassis;
  const $ = (id) => document.getElementById(id);
  let studyPoll = null;

  async function studies() {
    const [list, examples] = await Promise.all([get('/api/studies'), get('/api/examples')]);
    const body = document.querySelector('#study-table tbody');
    body.textContent = '';
    for (const s of list) {
      body.append(el('tr', {},
        el('td', {}, el('a', { href: '#/study/' + encodeURIComponent(s.study.id) }, s.study.id)),
        el('td', {}, s.study.title), el('td', {}, s.study.languages.join(', ')),
        el('td', {}, s.sessions), el('td', {}, s.live), el('td', {}, s.completed),
        el('td', {}, when(s.study.created))));
    }
    const select = $('example');
    select.textContent = '';
    for (const e of examples) select.append(el('option', { value: e }, e));
    $('new-study').open = list.length === 0;
  }

  async function createStudy(body) {
    $('study-error').textContent = '';
    try {
      const s = await post('/api/studies', body);
      location.hash = '#/study/' + encodeURIComponent(s.study.id);
    } catch (e) { $('study-error').textContent = e.message; }
  }

  function flags(fs) {
    return fs.map(f => el('span', { class: 'flag', title: f.reasons.join('\n') }, f.kind.toLowerCase().replace('_', ' ')));
  }

  async function sessions(id) {
    const list = await get('/api/sessions?study=' + encodeURIComponent(id));
    const body = document.querySelector('#session-table tbody');
    body.textContent = '';
    for (const s of list) {
      const i = s.session;
      body.append(el('tr', {},
        el('td', {}, el('a', { href: '#/session/' + encodeURIComponent(i.id) }, i.id)),
        el('td', {}, i.participant || ''), el('td', {}, i.language), el('td', {}, badge(i.status)),
        el('td', {}, s.answers), el('td', {}, ...flags(s.flags)), el('td', {}, when(i.created))));
    }
  }

  async function study(id) {
    const s = await get('/api/studies/' + encodeURIComponent(id));
    $('study-title').textContent = `${s.study.title} (${s.study.id})`;
    const lang = $('link-language');
    lang.textContent = '';
    for (const l of s.study.languages) lang.append(el('option', { value: l }, l));
    $('new-link-out').textContent = '';
    $('study-message').textContent = '';
    $('report-frame').hidden = true;
    $('new-link').onclick = async () => {
      const created = await post('/api/studies/' + encodeURIComponent(id) + '/sessions',
        { language: lang.value, participant: $('link-participant').value || null });
      $('new-link-out').textContent = '';
      $('new-link-out').append('Send this link to one participant: ', el('a', { href: created.link, target: '_blank', rel: 'noreferrer' }, created.link));
      sessions(id);
    };
    $('view-report').onclick = async () => {
      $('study-message').textContent = '';
      try {
        const ticket = await post('/api/studies/' + encodeURIComponent(id) + '/report/ticket');
        $('report-frame').src = ticket.url;
        $('report-frame').hidden = false;
      } catch (e) { $('study-message').textContent = e.message; }
    };
    $('download-report').onclick = async () => {
      $('study-message').textContent = '';
      const res = await fetch('/api/studies/' + encodeURIComponent(id) + '/report?format=md',
        { headers: { Authorization: 'Bearer ' + window.Chassis.token() } });
      if (!res.ok) { $('study-message').textContent = (await res.json()).message; return; }
      el('a', { href: URL.createObjectURL(await res.blob()), download: id + '-report.md' }).click();
    };
    await sessions(id);
    studyPoll = setInterval(() => sessions(id).catch(() => {}), 2000);
  }

  async function route() {
    window.ChassisLive.stop();
    window.ChassisRuns.stop();
    if (studyPoll) clearInterval(studyPoll);
    studyPoll = null;
    $('logout').hidden = !window.Chassis.token();
    if (!window.Chassis.token()) { show('login'); return; }
    const [, view, arg, arg2] = (location.hash || '#/studies').split('/').map(decodeURIComponent);
    try {
      switch (view) {
        case 'study': show('study'); await study(arg); break;
        case 'session': show('session'); await window.ChassisLive.open(arg); break;
        case 'runs': show('runs'); await window.ChassisRuns.list(); break;
        case 'run': show('run'); await window.ChassisRuns.open(arg); break;
        case 'diff': show('diff'); await window.ChassisForks.open(arg, arg2); break;
        default: show('studies'); await studies();
      }
    } catch (e) {
      if (window.Chassis.token()) alert(e.message);
    }
  }

  $('login-form').onsubmit = async (e) => {
    e.preventDefault();
    window.Chassis.signIn($('token').value.trim());
    try { await get('/api/studies'); location.hash = '#/studies'; route(); } catch (err) { $('login-error').textContent = err.message; }
  };
  $('logout').onclick = () => { window.Chassis.signOut(); route(); };
  $('create-example').onclick = () => createStudy({ example: $('example').value });
  $('create-yaml').onclick = () => createStudy({ guideYaml: $('guide-yaml').value, source: 'pasted.yaml' });
  $('guide-file').onchange = async (e) => {
    const f = e.target.files[0];
    if (f) createStudy({ guideYaml: await f.text(), source: f.name });
  };
  $('start-run').onclick = () => window.ChassisRuns.start();

  // What the server's health is, on every page: nothing while all is up; else each check that is not, with its detail.
  const CHECKS = { store: 'Saving', files: 'Data folder', model: 'Model' };
  async function health() {
    if (!window.Chassis.token()) return;
    let h;
    try { h = await get('/api/health'); } catch (e) { return; }
    const bar = $('health');
    bar.textContent = '';
    bar.className = 'health ' + h.status;
    bar.hidden = h.status === 'up';
    for (const [name, c] of Object.entries(h.checks || {})) {
      if (c.status === 'up') continue;
      bar.append(el('p', {}, el('strong', {}, (CHECKS[name] || name) + ' ' + c.status + ': '), c.detail || c.problem || '', ' ',
        el('span', { class: 'muted' }, '(since ' + when(c.since) + ')')));
    }
  }
  health();
  setInterval(health, 5000);
  window.addEventListener('hashchange', route);
  route();
})();
