// The live session view: transcript beside the state panel, polled once a second while it is open.
// Charts are ECharts instances kept across polls, so updates do not flicker.
window.ChassisLive = (() => {
  'use strict';
  const { get, el, badge } = window.Chassis;
  let timer = null;
  let current = null;
  const charts = {};

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function render(v) {
    document.getElementById('session-status').replaceWith(Object.assign(badge(v.status), { id: 'session-status' }));
    document.getElementById('session-facts').textContent =
      `${v.language} · ${v.turn} answers · current objective ${v.currentObjective || '–'}`;
    const list = document.getElementById('transcript');
    list.textContent = '';
    for (const l of v.transcript) list.append(el('li', { class: l.speaker + (l.cutOff ? ' cut' : '') }, l.text));
    window.ChassisLedger.decorate(list, v.transcript, current);
    chart('chart-coverage').setOption({
      animation: false, grid: { left: 140, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value', min: 0, max: 1 }, yAxis: { type: 'category', data: v.coverage.map(c => c.title), inverse: true },
      series: [{ type: 'bar', data: v.coverage.map(c => ({ value: Math.round(c.level * 100) / 100, itemStyle: { color: c.covered ? '#12b76a' : '#2855d8' } })) }]
    });
    chart('chart-engagement').setOption({
      animation: false, grid: { left: 40, right: 20, top: 10, bottom: 25 },
      xAxis: { type: 'category', name: 'turn', data: v.engagement.map(e => e.turn) }, yAxis: { type: 'value', min: 0, max: 1 },
      series: [{ type: 'line', data: v.engagement.map(e => e.score), smooth: true }]
    });
    chart('chart-ttft').setOption({
      animation: false, grid: { left: 50, right: 20, top: 10, bottom: 25 },
      xAxis: { type: 'category', name: 'turn', data: v.turns.map(t => t.turn) }, yAxis: { type: 'value' },
      series: [{ type: 'bar', data: v.turns.map(t => ({ value: t.firstWordsMs < 0 ? null : t.firstWordsMs, itemStyle: { color: t.deadlineMissed ? '#f04438' : '#2855d8' } })) }]
    });
    document.getElementById('counters').textContent =
      `deadline misses ${v.deadlineMisses} · interruptions ${v.interruptions} · monitor failures ${v.monitorFailures}`;
    const health = document.getElementById('session-health');
    health.textContent = '';
    for (const h of v.health.slice().reverse()) {
      health.append(el('li', { class: h.kind.endsWith('failed') ? 'problem' : 'recovered' }, (h.turn >= 0 ? `turn ${h.turn} · ` : '') + h.text));
    }
    health.parentElement.hidden = v.health.length === 0;
    renderVoice(v.voice);
    const signals = document.getElementById('signals');
    signals.textContent = '';
    for (const s of v.signals.slice(-60).reverse()) signals.append(el('li', {}, `turn ${s.turn} · ${s.monitor}: ${s.text}`));
    const directives = document.getElementById('directives');
    directives.textContent = '';
    for (const d of v.directives.slice().reverse()) {
      directives.append(el('li', {}, `turn ${d.turn} · ${d.kind}${d.objective ? ' (' + d.objective + ')' : ''}`
        + (d.because.length ? ' ← ' + d.because.join('; ') : '')));
    }
  }

  // Why the end of turn waited: the words and the pitch it read, and the bound the speaker's own pauses set.
  function endOfTurn(e) {
    if (!e) return '';
    const learned = e.learned ? `, at least ${e.atLeastMs} ms from ${e.learned} pauses` : '';
    return `${e.neededMs} ms: ${e.words} words, ${e.pitch} pitch${learned}`;
  }

  // A spoken session: its channel and engines, audio timings per answered turn, barge-ins with what was heard.
  function renderVoice(voice) {
    const panel = document.getElementById('voice-panel');
    panel.hidden = !voice;
    if (!voice) return;
    document.getElementById('voice-facts').textContent =
      `${voice.channel === 'phone' ? 'phone call' : 'browser microphone'} · recogniser ${voice.recogniser} · synthesiser ${voice.synthesiser}`;
    const body = document.querySelector('#voice-turns tbody');
    body.textContent = '';
    for (const t of voice.turns) {
      body.append(el('tr', {}, el('td', {}, String(t.turn)), el('td', {}, String(Math.round(t.firstAudioMs))),
        el('td', {}, String(Math.round(t.recognisedMs))), el('td', {}, String(Math.round(t.waitedMs))),
        el('td', {}, String(Math.round(t.harnessMs || 0))), el('td', {}, String(Math.round(t.synthesisMs || 0))),
        el('td', {}, endOfTurn(t.endOfTurn))));
    }
    const cuts = document.getElementById('voice-bargeins');
    cuts.textContent = '';
    for (const b of voice.bargeIns.slice().reverse()) {
      const how = b.byVoice ? `spoken over, audio stopped in ${Math.round(b.stopMs)} ms` : 'typed over';
      const heard = b.heardCharacters < 0 ? 'what was heard is not known yet'
        : b.heardCharacters === 0 ? 'heard nothing of it' : `heard: “${b.heard}”`;
      cuts.append(el('li', {}, `turn ${b.turn} · ${how} · ${heard}`));
    }
    renderKept(voice);
  }

  // Where each turn's audio is kept, with a player for it; and each track no longer kept, with why.
  function renderKept(voice) {
    const list = document.getElementById('voice-kept');
    list.textContent = '';
    for (const n of voice.notKept) list.append(el('li', { class: 'problem' }, `${n.track}'s audio not kept from here on: ${n.reason}`));
    for (const k of voice.kept.slice().reverse()) {
      const seconds = ((k.toByte - k.fromByte) / 2 / k.sampleRate).toFixed(1);
      const what = k.track === 'participant' ? 'answer' : 'reply';
      list.append(el('li', {}, `turn ${k.turn} · ${what} · ${seconds} s in ${k.file} `,
        el('button', { type: 'button', onclick: () => play(k.turn, k.track) }, 'play')));
    }
  }

  async function play(turn, track) {
    const res = await fetch('/api/sessions/' + encodeURIComponent(current) + '/audio/' + turn + '/' + track,
      { headers: { Authorization: 'Bearer ' + window.Chassis.token() } });
    if (!res.ok) { alert((await res.json()).message); return; }
    new Audio(URL.createObjectURL(await res.blob())).play();
  }

  async function poll(id) {
    try { render(await get('/api/sessions/' + encodeURIComponent(id) + '/state')); } catch (e) { /* shown on the next poll */ }
  }

  async function open(id) {
    stop();
    current = id;
    document.getElementById('mark').hidden = true;
    document.getElementById('sfork').hidden = true;
    const detail = await get('/api/sessions/' + encodeURIComponent(id));
    document.getElementById('session-id').textContent = id;
    document.getElementById('back-to-study').href = '#/study/' + encodeURIComponent(detail.session.study);
    document.getElementById('session-link').href = detail.link;
    await poll(id);
    timer = setInterval(() => poll(id), 1000);
  }

  function stop() { if (timer) clearInterval(timer); timer = null; }

  return { open, stop };
})();
