// The live answer: microphone → AudioWorklet (16 kHz PCM16) → WebSocket → server events.
export async function openMicrophone() {
  return navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
}

// Loudness of a PCM16 frame as 0..1 on a dB scale from -60 dBFS (silence) to 0, for a level meter.
export function frameLevel(buffer) {
  const s = new Int16Array(buffer);
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s[i] * s[i];
  const rms = Math.sqrt(sum / Math.max(1, s.length)) / 32768;
  const db = 20 * Math.log10(rms + 1e-9);
  return Math.max(0, Math.min(1, (db + 60) / 60));
}

// The microphone through the worklet, without a socket: for the microphone check before answering.
export async function listen(onLevel, onFrame) {
  const stream = await openMicrophone();
  const ctx = new AudioContext();
  await ctx.audioWorklet.addModule('/capture-worklet.js');
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, 'starpace-capture');
  node.port.onmessage = (m) => { onLevel(frameLevel(m.data)); if (onFrame) onFrame(m.data); };
  source.connect(node);
  node.connect(ctx.destination);
  return {
    close() {
      node.port.onmessage = null;
      try { source.disconnect(); node.disconnect(); } catch (e) { /* already gone */ }
      stream.getTracks().forEach((t) => t.stop());
      ctx.close().catch(() => {});
    },
  };
}

export async function startAnswer({ question, level, mode, probe, attemptId, evidenceFrom }, on) {
  const stream = await openMicrophone();
  const ctx = new AudioContext();
  await ctx.audioWorklet.addModule('/capture-worklet.js');
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, 'starpace-capture');
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/answer`);
  ws.binaryType = 'arraybuffer';
  let ready = false;
  let stopped = false;
  let released = false;

  // the microphone is let go as soon as the answer ends, however it ends
  const release = () => {
    if (released) return;
    released = true;
    node.port.onmessage = null;
    try { source.disconnect(); node.disconnect(); } catch (e) { /* already gone */ }
    stream.getTracks().forEach((t) => t.stop());
    ctx.close().catch(() => {});
  };

  ws.onopen = () => ws.send(JSON.stringify({ type: 'start', question, level, mode, probe, attemptId, sampleRate: 16000 }));
  ws.onmessage = (m) => {
    const event = JSON.parse(m.data);
    if (event.type === 'ready') ready = true;
    (on[event.type] || (() => {}))(event);
  };
  ws.onclose = (e) => { release(); (on.closed || (() => {}))(e); };
  node.port.onmessage = (m) => {
    if (on.level) on.level(frameLevel(m.data));
    if (ready && !stopped && ws.readyState === WebSocket.OPEN) ws.send(m.data);
  };
  source.connect(node);
  node.connect(ctx.destination);

  return {
    // reason 'left': the candidate left mid-answer, so it is kept as cut off, not as a finished take
    stop(reason) {
      if (stopped) return;
      stopped = true;
      release();
      if (ready && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(reason ? { type: 'stop', reason } : { type: 'stop' }));
      else ws.close();
    },
  };
}

// Reads text aloud; resolves to false at once when the browser has no voice to read with.
export function speak(text) {
  return new Promise((resolve) => {
    if (!('speechSynthesis' in window)) { resolve(false); return; }
    const voices = () => window.speechSynthesis.getVoices();
    const go = () => {
      if (voices().length === 0) { resolve(false); return; }
      const u = new SpeechSynthesisUtterance(text);
      u.rate = 0.95;
      u.onend = () => resolve(true);
      u.onerror = () => resolve(false);
      window.speechSynthesis.speak(u);
      // never wait forever on a voice that stalls
      setTimeout(() => resolve(true), Math.min(15000, 400 + text.length * 70));
    };
    // voices load asynchronously in some browsers: give them a moment
    if (voices().length) go(); else setTimeout(go, 300);
  });
}
