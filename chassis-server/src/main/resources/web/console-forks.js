// Forks: of a workflow run from a step ("fork from here" on the run page, and two runs side by side), and of an
// interview at a turn ("fork here" on the session page, and both transcripts side by side).
window.ChassisForks = (() => {
  'use strict';
  const { get, post, el, badge } = window.Chassis;
  const $ = (id) => document.getElementById(id);

  // The fork form for one step of a run: another engine and/or another instruction for that step.
  function offer(run, step, model) {
    $('fork-step').textContent = step;
    $('fork-model').value = '';
    $('fork-model').placeholder = model + ' (the run\'s)';
    $('fork-instruction').value = '';
    $('fork-error').textContent = '';
    $('fork-panel').hidden = false;
    $('fork-submit').onclick = async () => {
      $('fork-error').textContent = '';
      try {
        const f = await post('/api/runs/' + encodeURIComponent(run) + '/forks',
          { from: step, model: $('fork-model').value.trim() || null, instruction: $('fork-instruction').value.trim() || null });
        $('fork-panel').hidden = true;
        location.hash = '#/run/' + encodeURIComponent(f.id);
      } catch (e) { $('fork-error').textContent = e.message; }
    };
    $('fork-cancel').onclick = () => { $('fork-panel').hidden = true; };
    $('fork-panel').scrollIntoView({ block: 'nearest' });
  }

  // What a fork is of, with a link to compare it with its original.
  function origin(work) {
    const box = $('fork-of');
    box.textContent = '';
    const f = work.length ? work[work.length - 1].forkOf : null;
    box.hidden = !f;
    if (!f) return;
    const me = work[work.length - 1].runId;
    box.append('Fork of ', el('a', { href: '#/run/' + encodeURIComponent(f.run) }, f.run), ` from step ${f.from} · `,
      el('a', { id: 'compare', href: '#/diff/' + encodeURIComponent(f.run) + '/' + encodeURIComponent(me) }, 'compare side by side'));
  }

  function side(status, attempts, verdicts, output) {
    return el('td', {}, badge(status), attempts ? ` ${attempts} attempt${attempts > 1 ? 's' : ''}` : '',
      verdicts.length ? el('div', { class: 'muted' }, verdicts.join(' · ')) : null,
      output ? el('pre', { class: 'output' }, output) : null);
  }

  async function open(a, b) {
    const d = await get('/api/runs/' + encodeURIComponent(a) + '/diff/' + encodeURIComponent(b));
    $('diff-a').textContent = d.runA;
    $('diff-b').textContent = d.runB;
    $('diff-head-a').textContent = d.runA;
    $('diff-head-b').textContent = d.runB;
    $('diff-summary').textContent = d.changed.length ? `${d.changed.length} of ${d.steps.length} steps differ: ${d.changed.join(', ')}`
      : 'No step differs.';
    const body = document.querySelector('#diff-table tbody');
    body.textContent = '';
    for (const s of d.steps) {
      const changed = d.changed.includes(s.step);
      body.append(el('tr', { class: changed ? 'changed' : '' },
        el('td', {}, (changed ? '~ ' : '') + s.step),
        side(s.statusA, s.attemptsA, s.verdictsA, s.outputA),
        side(s.statusB, s.attemptsB, s.verdictsB, s.outputB)));
    }
  }

  // An interview forked at an interviewer's turn: the changed interviewer takes over there, the recorded answers or a
  // synthetic participant carry on, and both transcripts are shown side by side with their signals.
  async function session(id, turn) {
    $('sfork').hidden = false;
    $('sfork-turn').textContent = turn;
    $('sfork-error').textContent = '';
    $('sfork-result').hidden = true;
    const select = $('sfork-persona');
    if (select.options.length <= 1) {
      for (const p of await get('/api/personas')) select.append(el('option', { value: p }, p));
    }
    $('sfork-submit').onclick = async () => {
      $('sfork-error').textContent = '';
      $('sfork-submit').disabled = true;
      try {
        const f = await post('/api/sessions/' + encodeURIComponent(id) + '/forks', { turn, persona: select.value || null,
          model: $('sfork-model').value.trim() || null, withoutLedger: $('sfork-noledger').checked });
        sideBySide(f);
      } catch (e) { $('sfork-error').textContent = e.message; } finally { $('sfork-submit').disabled = false; }
    };
    $('sfork-cancel').onclick = () => { $('sfork').hidden = true; };
    $('sfork').scrollIntoView({ block: 'nearest' });
  }

  function signals(m) {
    const e = Object.entries(m);
    return e.length ? e.map(([k, n]) => `${k} ${n}`).join(', ') : 'none';
  }

  function sideBySide(f) {
    $('sfork-result').hidden = false;
    $('sfork-summary').textContent = (f.divergesAt ? `The fork goes elsewhere from turn ${f.divergesAt}.` : 'The change did not alter the interview.')
      + ` From turn ${f.turn} on, ${f.answeredBy} answered` + (f.ledger ? ', with the ledger as it is now.' : ', without the ledger.');
    const body = document.querySelector('#sfork-table tbody');
    body.textContent = '';
    for (const l of f.lines) {
      body.append(el('tr', { class: (l.differs ? 'changed ' : '') + l.speaker },
        el('td', {}, (l.differs ? '~ ' : '') + l.turn), el('td', {}, l.speaker), el('td', {}, l.recorded), el('td', {}, l.forked)));
    }
    $('sfork-signals').textContent = `Signals: recorded ${signals(f.recordedSignals)} · fork ${signals(f.forkedSignals)}`;
  }

  return { offer, origin, open, session };
})();
