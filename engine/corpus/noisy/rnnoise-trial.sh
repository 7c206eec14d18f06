#!/usr/bin/env bash
# Issue 11, item 5: does RNNoise in front of Vosk help? Runs RNNoise (the npm package @jitsi/rnnoise-wasm, the build a
# browser would load, here in node) over the noisy corpus's clean and 15 dB WAVs (made by make-noisy.sh, kept under
# $NOISY_WORK), then transcribes them with StarPace's CLI and writes engine/corpus/noisy/<name>.rnnoise.json, which
# NoiseRobustnessTest reports as its own rows ("clean rnnoise", "15 dB rnnoise").
# RNNoise runs at 48 kHz: sox resamples 16 kHz → 48 kHz float, RNNoise denoises 480-sample frames, sox goes back.
#
#   apt-get install sox nodejs npm; engine/corpus/noisy/make-noisy.sh first
#   engine/corpus/noisy/rnnoise-trial.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${NOISY_WORK:-/tmp/starpace-noisy}"
rnn="$work/rnnoise"
mkdir -p "$rnn/wav" "$rnn/out"
[ -d "$rnn/node_modules/@jitsi/rnnoise-wasm" ] || (cd "$rnn" && npm install --silent --no-save @jitsi/rnnoise-wasm@0.2.1)
cat >"$rnn/denoise.mjs" <<'JS'
// RNNoise over raw 48 kHz float32 mono: node denoise.mjs IN OUT
import fs from 'fs';
import createRNNWasmModuleSync from './node_modules/@jitsi/rnnoise-wasm/dist/rnnoise-sync.js';
const [,, inPath, outPath] = process.argv;
const m = createRNNWasmModuleSync();
await m.ready;
const input = new Float32Array(fs.readFileSync(inPath).buffer.slice(0));
const N = 480;
const state = m._rnnoise_create();
const buf = m._malloc(N * 4);
const out = new Float32Array(input.length);
for (let at = 0; at + N <= input.length; at += N) {
  for (let i = 0; i < N; i++) m.HEAPF32[(buf >> 2) + i] = input[at + i] * 32768;   // RNNoise takes 16-bit scale
  m._rnnoise_process_frame(state, buf, buf);
  for (let i = 0; i < N; i++) out[at + i] = m.HEAPF32[(buf >> 2) + i] / 32768;
}
fs.writeFileSync(outPath, Buffer.from(out.buffer));
JS
one() {
  local f="$1" name
  name="$(basename "$f" .wav)"
  [ -s "$rnn/wav/$name.rnnoise.wav" ] && return
  sox "$f" -r 48000 -e floating-point -b 32 -t raw "$rnn/$name.in.raw"
  node "$rnn/denoise.mjs" "$rnn/$name.in.raw" "$rnn/$name.out.raw"
  sox -r 48000 -e floating-point -b 32 -c 1 -t raw "$rnn/$name.out.raw" -r 16000 -b 16 -e signed "$rnn/wav/$name.rnnoise.wav"
  rm -f "$rnn/$name.in.raw" "$rnn/$name.out.raw"
}
export -f one; export rnn
ls "$work"/wav/*.clean.wav "$work"/wav/*.15.wav | xargs -n 1 -P "${JOBS:-2}" bash -c 'one "$0"'
java -jar "$work/starpace.jar" batch --jobs "${JOBS:-2}" --out "$rnn/out" "$rnn/wav" >/dev/null || true
python3 "$here/keep-transcripts.py" "$rnn/out" "$here" rnnoise
