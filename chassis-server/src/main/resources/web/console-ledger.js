// Marking an interviewer's turn as a mistake, in the live session view: the researcher says what was
// wrong and picks a fix; the server replays the turn before and after the fix and activates it for
// new sessions only when the replay proves it. Both replays are shown either way.
window.ChassisLedger = (() => {
  'use strict';
  const { el } = window.Chassis;
  const $ = (id) => document.getElementById(id);
  let session = null;
  let turn = null;

  // Transcript turns are numbered as the server numbers them: every line with words, in order.
  function decorate(list, lines, id) {
    session = id;
    let number = 0;
    let answer = '';
    [...list.children].forEach((li, i) => {
      const l = lines[i];
      if (!l || !l.text.trim()) return;
      number++;
      if (l.speaker === 'participant') { answer = l.text; return; }
      if (!answer) return;   // the opening answers nothing
      const n = number, said = l.text, before = answer;
      li.append(' ', el('button', { class: 'link mark', title: 'Mark this turn as a mistake', 'data-turn': String(n),
        onclick: () => open(n, before, said) }, 'mistake?'),
        ' ', el('button', { class: 'link fork-here', title: 'Fork the interview here with the ledger as it is now', 'data-turn': String(n),
          onclick: () => window.ChassisForks.session(id, n) }, 'fork here'));
    });
  }

  function firstWords(text) {
    return text.split(/\s+/).slice(0, 3).join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function open(n, answer, said) {
    turn = n;
    $('mark').hidden = false;
    $('mark-turn').textContent = n;
    $('mark-answer').textContent = answer;
    $('mark-said').textContent = said;
    $('mark-when').value = 'answer~(?i)' + firstWords(answer);
    $('mark-title').value = '';
    $('mark-result').hidden = true;
    $('mark-error').textContent = '';
    kind();
    $('mark-title').focus();
  }

  function kind() {
    const k = $('mark-kind').value;
    $('mark-rule').hidden = k !== 'steering-rule';
    $('mark-note').hidden = k !== 'context-note';
    $('mark-pattern').hidden = k !== 'output-guard';
  }

  function fix() {
    const reason = $('mark-title').value;
    switch ($('mark-kind').value) {
      case 'steering-rule': return { kind: 'steering-rule', when: $('mark-when').value, then: $('mark-then').value, reason };
      case 'context-note': return { kind: 'context-note', target: 'staged', text: $('mark-text').value, reason };
      default: return { kind: 'output-guard', pattern: $('mark-guard').value, reason };
    }
  }

  function replay(r) {
    return r ? `'${r.directive}': ${r.reply}` : '(not replayed)';
  }

  async function submit(e) {
    e.preventDefault();
    $('mark-error').textContent = '';
    $('mark-result').hidden = true;
    $('mark-submit').disabled = true;
    try {
      const res = await fetch('/api/sessions/' + encodeURIComponent(session) + '/incidents', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + window.Chassis.token(), 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ turn, title: $('mark-title').value, fix: fix() })
      });
      const data = await res.json();
      if (res.status !== 201 && res.status !== 422) { $('mark-error').textContent = data.message || ('HTTP ' + res.status); return; }
      $('mark-result').hidden = false;
      $('mark-verdict').className = data.active ? 'proven' : 'error';
      $('mark-verdict').textContent = (data.active ? 'Active for new sessions: ' : 'Not activated: ') + data.reason
        + (data.active ? ` (incident ${data.incident})` : '');
      $('mark-recorded').textContent = data.recorded;
      $('mark-before').textContent = replay(data.before);
      $('mark-after').textContent = replay(data.after);
    } catch (err) {
      $('mark-error').textContent = err.message;
    } finally {
      $('mark-submit').disabled = false;
    }
  }

  $('mark-kind').onchange = kind;
  $('mark-form').onsubmit = submit;
  $('mark-cancel').onclick = () => { $('mark').hidden = true; };

  return { decorate };
})();
