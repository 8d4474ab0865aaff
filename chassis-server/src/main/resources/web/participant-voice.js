// Speaking instead of typing on the participant's page: the microphone streams 16 kHz PCM to the server as binary
// messages (an AudioWorklet, participant-mic.js), and the interviewer's voice, streamed back the same way, is played
// in order as it arrives. An interruption stops what is playing; audio of the cut reply arriving late is not played.
// The captions and typing stay as they are (participant.js).
window.ChassisVoice = (() => {
  'use strict';
  const RATE = 16000;
  let ctx = null;
  let mic = null;
  let next = 0;            // when the next piece starts, on the context's clock
  let muted = false;       // after an interruption, until the next reply starts
  const playing = new Set();
  let playedMs = 0;

  // Starts the microphone; each 100 ms piece goes to sendAudio(ArrayBuffer). Rejects when it cannot be used.
  async function start(sendAudio) {
    ctx = new AudioContext({ sampleRate: RATE });
    await ctx.audioWorklet.addModule('/assets/participant-mic.js');
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true }
    });
    const source = ctx.createMediaStreamSource(stream);
    mic = new AudioWorkletNode(ctx, 'pcm-capture');
    mic.port.onmessage = (e) => sendAudio(e.data);
    source.connect(mic);
    await ctx.resume();
  }

  // A piece of the interviewer's voice: 16-bit little-endian samples, played right after the one before.
  function play(data) {
    if (!ctx || muted || data.byteLength < 2) return;
    const samples = new Int16Array(data, 0, data.byteLength >> 1);
    const buffer = ctx.createBuffer(1, samples.length, RATE);
    const out = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) out[i] = samples[i] / 32768;
    const node = ctx.createBufferSource();
    node.buffer = buffer;
    node.connect(ctx.destination);
    next = Math.max(next, ctx.currentTime + 0.05);
    node.start(next);
    next += buffer.duration;
    playing.add(node);
    node.onended = () => playing.delete(node);
    playedMs += buffer.duration * 1000;
    document.body.dataset.voicePlayedMs = String(Math.round(playedMs));
  }

  // The participant spoke over the interviewer: silence now.
  function stop() {
    muted = true;
    for (const node of playing) { try { node.stop(); } catch (e) { /* already ended */ } }
    playing.clear();
    next = 0;
  }

  // A new reply starts: its audio is played.
  function replyStarted() { muted = false; }

  return { start, play, stop, replyStarted, active: () => mic !== null };
})();
