// AudioWorklet for the participant's microphone: the context runs at 16 kHz, so each block is already the rate the
// server listens at; samples become 16-bit integers and go to the page in 100 ms pieces (1,600 samples).
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.piece = new Int16Array(1600);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      const s = Math.max(-1, Math.min(1, channel[i]));
      this.piece[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
      if (this.filled === this.piece.length) {
        this.port.postMessage(this.piece.buffer, [this.piece.buffer]);
        this.piece = new Int16Array(1600);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCapture);
