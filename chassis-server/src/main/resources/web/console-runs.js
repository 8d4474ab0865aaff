// Runs of study and workflow files: list, start, and one run's step timeline with what its pause asks and the decision.
window.ChassisRuns = (() => {
  'use strict';
  const { get, post, el, badge, when } = window.Chassis;
  let timer = null;

  async function list() {
    const runs = await get('/api/runs');
    const body = document.querySelector('#run-table tbody');
    body.textContent = '';
    for (const r of runs) {
      body.append(el('tr', {},
        el('td', {}, el('a', { href: '#/run/' + encodeURIComponent(r.record.id) }, r.record.id)),
        el('td', {}, badge(r.active ? 'running' : r.record.status)),
        el('td', {}, when(r.record.started)),
        el('td', {}, r.steps.filter(s => s.status === 'done').length + ' done'),
        el('td', {}, r.record.detail && r.record.status !== 'done' ? r.record.detail.split('\n')[0] : '')));
    }
  }

  async function start() {
    const error = document.getElementById('run-error');
    error.textContent = '';
    try {
      const r = await post('/api/runs', { studyFile: document.getElementById('run-file').value.trim() });   // a study or a workflow file
      location.hash = '#/run/' + encodeURIComponent(r.id);
    } catch (e) { error.textContent = e.message; }
  }

  function render(v) {
    const r = v.record;
    document.getElementById('run-id').textContent = r.id;
    document.getElementById('run-status').replaceWith(Object.assign(badge(v.active ? 'running' : r.status), { id: 'run-status' }));
    document.getElementById('run-detail').textContent =
      `${r.input} · engine ${r.model} · seed ${r.seed} · started ${when(r.started)} · ${Math.round(v.elapsedMs / 100) / 10} s in steps`;
    const tl = document.getElementById('timeline');
    tl.textContent = '';
    for (const s of v.steps) {
      const took = s.ended ? ` (${Math.round((new Date(s.ended) - new Date(s.started)) / 100) / 10} s)` : '';
      tl.append(el('li', { class: s.status }, `${s.step} · ${s.status}${s.attempt > 1 ? ' · attempt ' + s.attempt : ''}${took}`,
        s.summary ? el('div', { class: 'muted' }, s.summary) : null));
    }
    renderWork(v.work || [], r.kind === 'workflow' && !v.active ? r : null);
    window.ChassisForks.origin(v.work || []);
    const waiting = !v.active && r.status === 'waiting';
    document.getElementById('decision').hidden = !waiting;
    renderPending(waiting && v.work && v.work.length ? v.work[v.work.length - 1].pending : null);
    const wf = document.getElementById('waiting-for');
    wf.textContent = '';
    for (const s of v.waitingFor) {
      wf.append(el('li', {}, `${s.runSession}: ${s.done ? 'done' : 'waiting'} · `,
        el('a', { href: '#/session/' + encodeURIComponent(s.session) }, 'watch'), ' · ',
        el('a', { href: s.link, target: '_blank', rel: 'noreferrer' }, 'participant link')));
    }
    document.getElementById('resume-run').hidden = v.active || !['failed', 'running'].includes(r.status);
    document.getElementById('run-report').hidden = !v.hasReport;
    const ds = document.getElementById('decisions');
    ds.textContent = '';
    for (const d of v.decisions) ds.append(el('li', {}, `${when(d.at)} · ${d.step} ${d.approved ? 'approved' : 'rejected'}${d.note ? ': ' + d.note : ''}`));
  }

  // What a paused step asks a person to decide on: the draft to approve, or the tool call with its arguments.
  function renderPending(p) {
    const box = document.getElementById('pending');
    box.hidden = !p;
    if (!p) return;
    document.getElementById('pending-what').textContent = p.kind === 'tool'
      ? `Step ${p.step} asks to make this tool call (${p.reason}):` : `Step ${p.step} waits for ${p.kind}: ${p.reason}`;
    let shown = p.asks || '';
    if (p.kind === 'tool') {
      const space = shown.indexOf(' ');
      try {
        const args = JSON.parse(shown.slice(space + 1));
        shown = shown.slice(0, space) + '\n' + Object.entries(args).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
      } catch (e) { /* shown as it is */ }
    } else {
      try { shown = JSON.stringify(JSON.parse(shown), null, 2); } catch (e) { /* plain text */ }
    }
    document.getElementById('pending-asks').textContent = shown;
    document.getElementById('pending-asks').hidden = !shown;
  }

  // The work-harness journal, one compact table per attempt: step · attempts · gates · tools · time; a workflow run
  // that is not running offers "fork from here" on each step.
  function renderWork(attempts, forkable) {
    document.getElementById('work').hidden = attempts.length === 0;
    const box = document.getElementById('work-attempts');
    box.textContent = '';
    for (const a of attempts) {
      box.append(el('p', {}, `${a.runId} · `, badge(a.status), ` · started ${when(a.started)}`));
      const body = el('tbody');
      for (const s of a.steps) {
        const gates = el('td');
        for (const g of s.gates) {
          gates.append(el('span', { class: 'verdict-' + g.verdict, title: g.findings.join('\n') },
            `${g.gate} ${g.verdict}${s.attempts > 1 ? ' (#' + g.attempt + ')' : ''}`), ' ');
        }
        const tools = el('td');
        for (const t of s.tools) {
          tools.append(el('div', { class: 'outcome-' + t.outcome, title: t.arguments || '' }, `${t.tool} ${t.outcome} ${t.millis} ms`,
            t.policy ? el('span', { class: 'policy' }, ' · policy ' + t.policy) : null,
            t.arguments && t.arguments !== '{}' ? el('div', { class: 'args muted' }, brief(t.arguments)) : null));
        }
        const u = s.usage;
        const tokens = u.inputTokens + u.outputTokens;
        body.append(el('tr', {},
          el('td', { title: s.reason }, s.step, ' ', badge(s.status)),
          el('td', {}, s.attempts),
          gates, tools,
          el('td', {}, `${Math.round(u.wallMs / 100) / 10} s` + (tokens ? ` · ${tokens} tokens` : '') + (u.cost ? ` · $${u.cost.toFixed(4)}` : '')),
          el('td', {}, forkable ? el('button', { class: 'secondary fork-from', onclick: () => window.ChassisForks.offer(forkable.id, s.step,
            forkable.model) }, 'fork from here') : '')));
      }
      box.append(el('table', { class: 'work' },
        el('thead', {}, el('tr', {}, ...['Step', 'Attempts', 'Gates', 'Tools', 'Time', ''].map(h => el('th', {}, h)))), body));
    }
  }

  function brief(s) {
    const one = s.replace(/\s+/g, ' ').trim();
    return one.length > 140 ? one.slice(0, 137) + '...' : one;
  }

  async function open(id) {
    stop();
    document.getElementById('fork-panel').hidden = true;
    const refresh = async () => { try { render(await get('/api/runs/' + encodeURIComponent(id))); } catch (e) { /* next poll */ } };
    const act = async (what) => {
      const msg = document.getElementById('run-message');
      msg.textContent = '';
      try {
        await post('/api/runs/' + encodeURIComponent(id) + '/' + what,
          what === 'resume' ? undefined : { note: document.getElementById('decision-note').value });
      } catch (e) { msg.textContent = e.message; }
      refresh();
    };
    document.getElementById('approve').onclick = () => act('approve');
    document.getElementById('reject').onclick = () => act('reject');
    document.getElementById('resume-run').onclick = () => act('resume');
    document.getElementById('run-report').onclick = async () => {
      const res = await fetch('/api/runs/' + encodeURIComponent(id) + '/report?format=html',
        { headers: { Authorization: 'Bearer ' + window.Chassis.token() } });
      const a = el('a', { href: URL.createObjectURL(await res.blob()), download: id + '-report.html' });
      a.click();
    };
    await refresh();
    timer = setInterval(refresh, 1500);
  }

  function stop() { if (timer) clearInterval(timer); timer = null; }

  return { list, start, open, stop };
})();
