// Runs in the audio thread: averages the microphone's samples down to 16 kHz (a box low-pass, enough for
// speech recognition) and posts 100 ms frames of 16-bit PCM to the page.
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / 16000;
    this.acc = 0;
    this.n = 0;
    this.pos = 0;
    this.frame = new Int16Array(1600);
    this.filled = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const ch = input[0];
    for (let i = 0; i < ch.length; i++) {
      let v = ch[i];
      for (let c = 1; c < input.length; c++) v += input[c][i];
      this.acc += v / input.length;
      this.n++;
      this.pos += 1;
      if (this.pos >= this.ratio) {
        this.pos -= this.ratio;
        const s = Math.max(-1, Math.min(1, this.acc / this.n));
        this.acc = 0;
        this.n = 0;
        this.frame[this.filled++] = s < 0 ? s * 32768 : s * 32767;
        if (this.filled === this.frame.length) {
          this.port.postMessage(this.frame.buffer.slice(0));
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor('starpace-capture', CaptureProcessor);
