// The live answer: microphone → AudioWorklet (16 kHz PCM16) → WebSocket → server events.
export async function startAnswer({ question, level, mode, probe }, on) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  const ctx = new AudioContext();
  await ctx.audioWorklet.addModule('/capture-worklet.js');
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, 'starpace-capture');
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/answer`);
  ws.binaryType = 'arraybuffer';
  let ready = false;
  let stopped = false;

  const release = () => {
    node.port.onmessage = null;
    try { source.disconnect(); node.disconnect(); } catch (e) { /* already gone */ }
    stream.getTracks().forEach((t) => t.stop());
    ctx.close();
  };

  ws.onopen = () => ws.send(JSON.stringify({ type: 'start', question, level, mode, probe, sampleRate: 16000 }));
  ws.onmessage = (m) => {
    const event = JSON.parse(m.data);
    if (event.type === 'ready') ready = true;
    (on[event.type] || (() => {}))(event);
  };
  ws.onclose = (e) => { release(); (on.closed || (() => {}))(e); };
  node.port.onmessage = (m) => { if (ready && !stopped && ws.readyState === WebSocket.OPEN) ws.send(m.data); };
  source.connect(node);
  node.connect(ctx.destination);

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'stop' }));
    },
  };
}

export function speak(text) {
  return new Promise((resolve) => {
    if (!('speechSynthesis' in window)) { resolve(); return; }
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 0.95;
    u.onend = resolve;
    u.onerror = resolve;
    window.speechSynthesis.speak(u);
    // headless browsers may have no voices: never wait forever
    setTimeout(resolve, Math.min(15000, 400 + text.length * 70));
  });
}
