// Added to the participant's page by BrowserVoiceInterviewTest before the page's own scripts run (an init script).
// It plays the person and listens as they would, without touching the page's code:
//  - the microphone: getUserMedia returns the stream of a WebAudio MediaStreamDestination, silent until the test pushes
//    a spoken answer into it (window.__voiceTest.say), so each answer starts when the test decides (after the interviewer
//    finished, or over it for the barge-in) instead of at a fixed offset in one WAV file;
//  - the loudspeaker: every node the page connects to its AudioContext's destination is also connected to an analyser,
//    polled every 10 ms, so "heard" means sound actually came out of the page, with the times it started and stopped;
//  - the socket: the JSON messages the page receives, with their arrival times, and the binary (audio) ones counted.
(() => {
  'use strict';
  const RATE = 16000;
  const AUDIBLE = 0.01;       // RMS over a 32 ms window above this is sound (espeak-ng speaks at ~0.1-0.3)
  const state = {
    frames: [],               // {t, m}: JSON messages received, in order
    audioMessages: 0,         // binary messages received
    audioBytes: 0,            // their bytes (16-bit samples at 16 kHz: 32 a millisecond)
    lastAudioMessage: 0,      // performance.now() of the last one
    segments: [],             // {start, end}: spans of audible output, gaps under 120 ms joined
    micStarted: false,
  };
  window.__voiceTest = state;
  // what the page says to the person (a microphone that failed, an error), for a failure's message
  Object.defineProperty(state, 'pageStatus', { enumerable: true, get: () => {
    const el = document.getElementById('status');
    return el ? el.textContent : '';
  } });

  // The microphone: getUserMedia hands out a stream of its own, and the page's createMediaStreamSource on that stream
  // gets a gain node in the page's own AudioContext, into which the answers are played: what the page captures is
  // exactly the samples pushed, at its own 16 kHz, with no second context or resampling between.
  const fake = new MediaStream();
  let micNode = null;
  navigator.mediaDevices.getUserMedia = async () => {
    state.micStarted = true;
    return fake;
  };
  const createSource = AudioContext.prototype.createMediaStreamSource;
  AudioContext.prototype.createMediaStreamSource = function (stream) {
    if (stream !== fake) return createSource.call(this, stream);
    micNode = this.createGain();
    // a microphone always delivers samples, silence included; a node with nothing playing into it delivers none
    const quiet = this.createConstantSource();
    quiet.offset.value = 0;
    quiet.connect(micNode);
    quiet.start();
    return micNode;
  };

  // Speaks 16-bit little-endian PCM at 16 kHz (base64) into the microphone; resolves when it has played out.
  state.say = (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const pcm = new Int16Array(bytes.buffer);
    const ctx = micNode.context;
    const buffer = ctx.createBuffer(1, pcm.length, RATE);
    const ch = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) ch[i] = pcm[i] / 32768;
    const node = ctx.createBufferSource();
    node.buffer = buffer;
    node.connect(micNode);
    return new Promise((resolve) => {
      node.onended = () => resolve(performance.now());
      node.start();
    });
  };

  // The loudspeaker's tap.
  const analysers = new Map();   // context -> analyser
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (target, ...rest) {
    const result = connect.call(this, target, ...rest);
    if (target instanceof AudioDestinationNode) {
      let a = analysers.get(target.context);
      if (!a) {
        a = target.context.createAnalyser();
        a.fftSize = 512;
        analysers.set(target.context, a);
      }
      connect.call(this, a);
    }
    return result;
  };
  const window_ = new Float32Array(512);
  setInterval(() => {
    let loud = false;
    for (const a of analysers.values()) {
      a.getFloatTimeDomainData(window_);
      let sum = 0;
      for (let i = 0; i < window_.length; i++) sum += window_[i] * window_[i];
      if (Math.sqrt(sum / window_.length) > AUDIBLE) loud = true;
    }
    if (!loud) return;
    const now = performance.now();
    const last = state.segments[state.segments.length - 1];
    if (last && now - last.end < 120) last.end = now; else state.segments.push({ start: now, end: now });
  }, 10);

  // The socket's messages, as the page receives them.
  const Native = window.WebSocket;
  function Probed(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener('message', (e) => {
      const t = performance.now();
      if (typeof e.data === 'string') state.frames.push({ t, m: JSON.parse(e.data), audioBytes: state.audioBytes });
      else { state.audioMessages++; state.audioBytes += e.data.byteLength; state.lastAudioMessage = t; }
    });

    return ws;
  }
  Probed.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Probed[k] = Native[k];
  window.WebSocket = Probed;

  // Audible milliseconds between two times (performance.now()), or after one; when sound was last heard.
  state.heardBetween = (from, to) => state.segments.reduce((ms, s) => ms + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)), 0);
  state.heardSince = (since) => state.heardBetween(since, Infinity);
  state.lastSound = () => (state.segments.length ? state.segments[state.segments.length - 1].end : 0);
  state.frame = (type, turn) => state.frames.find((f) => f.m.type === type && (turn === undefined || f.m.turn === turn));
  // The reply of `turn` has streamed and its audio has played out: at least 30 ms of audio arrived per character of its
  // text (espeak-ng speaks ~70), none for 1.5 s (its sentences are synthesised while the one before plays), and the page
  // has been silent for 800 ms after sounding it.
  state.played = (turn) => {
    const start = state.frame('agent-start', turn);
    const end = state.frame('agent-end', turn);
    if (!start || !end) return false;
    const now = performance.now();
    const audioMs = (state.audioBytes - start.audioBytes) / 32;
    return audioMs >= 30 * end.m.text.length && now - state.lastAudioMessage > 1500 && state.heardSince(start.t) > 0
      && now - state.lastSound() > 800;
  };
})();
