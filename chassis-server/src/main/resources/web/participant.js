// The participant's page: consent, then a streaming chat over /ws/p/<token>. Typing while the interviewer
// is still talking interrupts it. Speech is an enhancement: the browser reads questions aloud when asked,
// and a microphone button appears where the browser recognises speech.
(() => {
  'use strict';
  const token = decodeURIComponent(location.pathname.split('/').pop());
  const $ = (id) => document.getElementById(id);
  // English here; the other languages' words are data, in participant-text.json (a key missing there falls back to English).
  const EN = { agree: 'I agree to take part.', start: 'Start', send: 'Send', placeholder: 'Type your answer…', speak: 'Read the questions aloud',
    minutes: 'About {m} minutes.', done: 'The interview is complete. Thank you!', reconnecting: 'Connection lost, reconnecting…',
    thinking: 'The interviewer is thinking…', invalid: 'This link is not valid.',
    idle: 'Paused after a while without activity. Type to continue.',
    storageDown: 'Your answers cannot be saved right now because of a problem on our side. Please wait a moment before you answer; we will tell you here when it works again.',
    storageBack: 'Saving works again. You can go on.' };
  let t = EN;
  let lang = 'en';
  let ws = null;
  let retries = 0;
  let speakingTurn = -1;
  let finished = false;
  let started = false;
  let lastTyping = 0;
  let idle = false;   // the server closed the interview for inactivity; the next keystroke reconnects
  let saving = true;  // false while the server says answers cannot be saved: sending waits
  const queued = [];  // messages sent while idle, sent once the interview is back (after its hello)
  // The answer last sent that the server has not yet taken up (no reply began): when the connection closes first (the
  // interview closed for inactivity as it arrived, or the network dropped) it is sent again, never lost.
  let unconfirmed = null;
  const bubbles = new Map(); // agent turn -> <li>

  function bubble(cls, text) {
    const li = document.createElement('li');
    li.className = cls;
    li.textContent = text;
    $('messages').appendChild(li);
    li.scrollIntoView({ block: 'end' });
    return li;
  }

  function agentBubble(turn) {
    let li = bubbles.get(turn);
    if (!li) {
      li = bubble('interviewer streaming', '');
      li.dataset.turn = String(turn);
      bubbles.set(turn, li);
    }
    return li;
  }

  function status(text) { $('status').textContent = text || ''; }

  // The server cannot save answers (its storage failed) or can again: say so, and hold sending meanwhile.
  function storage(ok) {
    saving = ok;
    $('notice').textContent = ok ? t.storageBack : t.storageDown;
    $('notice').hidden = false;
    $('send').disabled = !ok;
    if (ok) setTimeout(() => { if (saving) $('notice').hidden = true; }, 4000);
  }

  function speak(text) {
    if (ChassisVoice.active() || !$('speak').checked || !('speechSynthesis' in window) || !text) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    speechSynthesis.speak(u);
  }

  function finish() {
    finished = true;
    $('composer').hidden = true;
    status('');
    if (!document.querySelector('.done')) {
      const p = document.createElement('p');
      p.className = 'done';
      p.textContent = t.done;
      $('chat').appendChild(p);
    }
  }

  function render(hello) {
    $('messages').textContent = '';
    bubbles.clear();
    for (const line of hello.transcript) {
      const li = bubble(line.speaker + (line.cutOff ? ' cut' : ''), line.text);
      if (line.speaker === 'interviewer') bubbles.set(line.turn, li);
    }
    speakingTurn = hello.speakingTurn;
    if (hello.started) showChat();
    if (hello.done) finish();
  }

  function onMessage(m) {
    switch (m.type) {
      case 'hello': render(m); keptAlready(m.transcript); flushQueued(); break;
      case 'thinking': unconfirmed = null; status(t.thinking); break;
      case 'agent-start': unconfirmed = null; speakingTurn = m.turn; agentBubble(m.turn); ChassisVoice.replyStarted(); break;
      case 'token': status(''); agentBubble(m.turn).textContent += m.text; break;
      case 'heard': bubble('participant', m.text); break;
      case 'interrupted': { ChassisVoice.stop(); const li = bubbles.get(m.turn); if (li) li.classList.add('cut'); break; }
      case 'agent-end': {
        const li = agentBubble(m.turn);
        li.classList.remove('streaming');
        if (m.cutOff) li.classList.add('cut'); else { li.textContent = m.text; speak(m.text); }
        if (speakingTurn === m.turn) speakingTurn = -1;
        status('');
        if (m.last) $('input').disabled = true;
        break;
      }
      case 'done': finish(); break;
      case 'error': status(m.message); break;
      case 'storage': storage(m.ok); break;
      default: break;
    }
  }

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
    ws = new WebSocket(proto + location.host + '/ws/p/' + encodeURIComponent(token));
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      retries = 0; status('');
      if (ChassisVoice.active()) ws.send(JSON.stringify({ type: 'voice' }));
      if (started) ws.send(JSON.stringify({ type: 'start' }));
    };
    ws.onmessage = (e) => (typeof e.data === 'string' ? onMessage(JSON.parse(e.data)) : ChassisVoice.play(e.data));
    ws.onclose = (e) => {
      if (finished || e.code === 4401) return;
      if (unconfirmed) { queued.unshift(unconfirmed); unconfirmed = null; }
      if (e.code === 4408 && !queued.some((m) => m.type === 'say')) { idle = true; status(t.idle); return; }
      status(t.reconnecting);
      setTimeout(connect, Math.min(8000, 500 * 2 ** retries++));
    };
  }

  function send(obj) {
    if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(obj)); return; }
    if (obj.type !== 'typing') queued.push(obj);
    if (idle) { idle = false; status(''); connect(); }
  }

  // An answer sent again after a reconnect that the server had taken up after all (its transcript ends with it) is not sent twice.
  function keptAlready(transcript) {
    const said = transcript.filter((l) => l.speaker === 'participant');
    const i = queued.findIndex((m) => m.type === 'say');
    if (i >= 0 && said.length && said[said.length - 1].text === queued[i].text) queued.splice(i, 1);
  }

  // The hello re-renders the transcript, so an answer given while reconnecting is shown again and then sent.
  function flushQueued() {
    while (queued.length) {
      const m = queued.shift();
      if (m.type === 'say') bubble('participant', m.text);
      if (m.type !== 'start') ws.send(JSON.stringify(m));
    }
  }

  function showChat() {
    started = true;
    $('consent').hidden = true;
    $('chat').hidden = false;
    $('input').focus();
  }

  function setupSpeechRecognition() {
    const R = window.SpeechRecognition || window.webkitSpeechRecognition;
    if (!R) return;
    const rec = new R();
    rec.lang = lang;
    rec.interimResults = false;
    rec.onresult = (e) => { $('input').value += (($('input').value ? ' ' : '') + e.results[0][0].transcript); };
    rec.onend = () => $('mic').classList.remove('listening');
    $('mic').hidden = false;
    $('mic').onclick = () => { send({ type: 'typing' }); $('mic').classList.add('listening'); rec.start(); };
  }

  async function init() {
    const words = fetch('/assets/participant-text.json').then((r) => (r.ok ? r.json() : null)).catch(() => null);
    const res = await fetch('/api/p/' + encodeURIComponent(token), { headers: { Accept: 'application/json' } });
    if (!res.ok) { $('invalid').hidden = false; return; }
    const info = await res.json();
    const table = (await words) || { rtl: [], languages: {} };   // without it, English
    lang = info.language;
    t = Object.assign({}, EN, table.languages[lang] || {});
    document.documentElement.lang = lang;
    document.documentElement.dir = table.rtl.includes(lang) ? 'rtl' : 'ltr';
    document.title = info.title;
    $('title').textContent = info.title;
    $('consent-text').textContent = info.consent;
    $('duration').textContent = t.minutes.replace('{m}', info.minutes);
    $('agree-label').textContent = t.agree;
    $('start').textContent = t.start;
    $('send').textContent = t.send;
    $('input').placeholder = t.placeholder;
    $('speak-label').textContent = t.speak;
    $('invalid-text').textContent = t.invalid;
    $('start-voice').hidden = lang !== 'en' || !window.AudioWorkletNode || !navigator.mediaDevices;   // the offline recogniser knows English
    if (!('speechSynthesis' in window)) $('speak').parentElement.hidden = true;
    setupSpeechRecognition();
    if (info.status === 'invited') $('consent').hidden = false;
    $('agree').onchange = () => { $('start').disabled = !$('agree').checked; };
    $('start').onclick = () => { showChat(); send({ type: 'start' }); };
    $('agree').addEventListener('change', () => { $('start-voice').disabled = !$('agree').checked; });
    // The microphone starts before the chat shows (which marks the interview started): a connection opening meanwhile
    // would otherwise send "start" before "voice", and the opening would stream as text only, never spoken.
    $('start-voice').onclick = async () => {
      $('start-voice').disabled = true;
      try {
        await ChassisVoice.start((pcm) => { if (ws && ws.readyState === WebSocket.OPEN) ws.send(pcm); });
        $('speak').parentElement.hidden = true;   // the interviewer speaks for itself now
      } catch (e) {
        status(t.noMic || 'The microphone could not be used; please type your answers.');
      }
      showChat();
      if (ChassisVoice.active()) send({ type: 'voice' });
      send({ type: 'start' });
    };
    $('input').addEventListener('input', () => {
      const now = Date.now();
      if (speakingTurn >= 0 || now - lastTyping > 1000) { lastTyping = now; send({ type: 'typing' }); }
    });
    $('input').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('composer').requestSubmit(); }
    });
    $('composer').onsubmit = (e) => {
      e.preventDefault();
      const text = $('input').value.trim();
      if (!text || finished || !saving) return;
      if ('speechSynthesis' in window) speechSynthesis.cancel();
      bubble('participant', text);
      const open = ws && ws.readyState === WebSocket.OPEN;
      send({ type: 'say', text });
      if (open) unconfirmed = { type: 'say', text };
      $('input').value = '';
    };
    connect();
  }

  init();
})();
