// The recording's quality, measured in the browser for the microphone check the way the server measures a recording
// (engine InputQuality: keep the two in step): the noise floor is the 10th percentile of the frame levels, the speech
// level the mean power of frames 3 dB or more above it, the SNR their ratio; clipping is samples at full scale.
export const NOISY_BELOW_DB = 20;
export const QUIET_BELOW_DB = -40;
export const CLIPPED_ABOVE_PERCENT = 0.1;
// Below this the input is not a quiet voice but no sound at all: a muted or switched-off microphone (a room is
// rarely under -70 dBFS), so advice about noise would mislead.
export const SILENT_BELOW_DB = -75;
const MIN_FRAMES = 20; // 2 s of the worklet's 100 ms frames

export function qualityMeter() {
  const levels = [];
  let clipped = 0;
  let samples = 0;
  return {
    // one frame of 16-bit PCM from the capture worklet
    add(buffer) {
      const s = new Int16Array(buffer);
      let sum = 0;
      for (let i = 0; i < s.length; i++) {
        sum += s[i] * s[i];
        if (s[i] >= 32734 || s[i] <= -32735) clipped++;
      }
      samples += s.length;
      levels.push(10 * Math.log10(Math.max(sum / Math.max(1, s.length) / (32768 * 32768), 1e-12)));
    },
    // null until two seconds are heard
    estimate() {
      if (levels.length < MIN_FRAMES) return null;
      const sorted = [...levels].sort((a, b) => a - b);
      const floorDb = sorted[Math.floor(0.1 * (sorted.length - 1))];
      const noise = 10 ** (floorDb / 10);
      const active = levels.filter((l) => l >= floorDb + 3).map((l) => 10 ** (l / 10));
      const speech = active.length ? active.reduce((a, b) => a + b, 0) / active.length : noise;
      const snrDb = Math.min(60, 10 * Math.log10(Math.max(speech - noise, 1e-12) / noise));
      const speechDb = 10 * Math.log10(speech);
      const clippedPercent = samples ? (100 * clipped) / samples : 0;
      const problems = [];
      const said = [];
      if (snrDb < NOISY_BELOW_DB) { problems.push('noisy'); said.push(`noisy recording, ${Math.round(snrDb)} dB`); }
      if (clippedPercent > CLIPPED_ABOVE_PERCENT) { problems.push('clipped'); said.push(`clipped recording (${clippedPercent.toFixed(1)} % of samples at full scale)`); }
      if (speechDb < QUIET_BELOW_DB) { problems.push('quiet'); said.push(`very quiet recording (speech at ${Math.round(speechDb)} dBFS)`); }
      return { snrDb, speechDb, clippedPercent, problems, summary: said.length ? `${said.join('; ')}: results less certain` : null };
    },
  };
}

// What to do about each problem, for the microphone check and the live warning.
const ADVICE = { noisy: 'move away from fans and voices, or closer to the microphone', clipped: 'turn the microphone down or move back a little', quiet: 'move closer to the microphone or turn it up' };

export const microphoneSilent = (q) => !!q && q.speechDb < SILENT_BELOW_DB;

export const SILENT_LINE = 'Nothing is heard: the microphone seems muted or switched off — check it (and the browser’s input device), then speak.';

export function qualityLine(q) {
  if (!q) return '';
  if (microphoneSilent(q)) return SILENT_LINE;
  if (!q.problems.length) return `Clear sound: your voice is ${Math.round(q.snrDb)} dB over the room's noise.`;
  return `${q.summary[0].toUpperCase()}${q.summary.slice(1)} — ${q.problems.map((p) => ADVICE[p]).join('; ')}.`;
}
