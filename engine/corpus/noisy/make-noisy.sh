#!/usr/bin/env bash
# Makes the noisy corpus: ten spoken answers (engine/corpus/spoken, made by make-spoken.sh) with noise mixed in at
# known signal-to-noise ratios, transcribed by the real Vosk model through StarPace's own CLI. Three noises, all
# made with sox:
#   white   white noise (a hiss);
#   fan     a low fan hum: brown noise under 400 Hz with a 120 Hz hum and its 240 Hz harmonic;
#   babble  four other answers of the spoken corpus talking at once (speech the recognizer may take for words).
# The SNR is the speech's active level (RMS of the 10 ms frames louder than festival's silence, as make-spoken.sh
# trims it) over the noise's RMS, at 20, 15 and 10 dB; "clean" is the spoken WAV itself. For each answer, noise and
# SNR it writes engine/corpus/noisy/<id>.<noise>.<snr>.json (and <id>.clean.json):
#   {"id", "noise", "snrDb", "words": [{word, start, end, conf}]}
# The labels (each sentence's phase and times, and the answer's expected flags) stay in engine/corpus/spoken/<id>.json
# and engine/corpus/<id>.json: the noise is added to the same audio, so the times hold. The WAVs are not committed;
# they stay under $NOISY_WORK (default /tmp/starpace-noisy). sox -R and a fixed seed make a rerun give the same
# audio. Measure with engine/corpus/noisy/measure (word recall, time in the right phase, rule agreement).
#
#   apt-get install festival festvox-us-slt-hts sox
#   engine/corpus/noisy/make-noisy.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
spoken="$root/engine/corpus/spoken"
spoken_work="${SPOKEN_WORK:-/tmp/starpace-spoken}"
work="${NOISY_WORK:-/tmp/starpace-noisy}"
jar="$root/server/target/starpace.jar"
IDS=(c-a05 c-a13 c-b03 c-b07 c-b11 c-b15 c-c05 c-c13 c-d11 c-d15)
BABBLE=(c-a02 c-a08 c-c02 c-d02)   # not among IDS, so no answer babbles over itself
NOISES=(white fan babble)
SNRS=(20 15 10)

command -v sox >/dev/null || { echo "needs sox" >&2; exit 1; }
mkdir -p "$work/wav" "$work/noise" "$work/out"
(cd "$root" && mvn -B -ntp -q -DskipTests package -pl server -am)
cp "$jar" "$work/starpace.jar"   # a copy: a rebuild while Vosk runs would pull the jar from under it

# The clean spoken WAVs, remade by make-spoken.sh where missing (it rewrites the same JSON).
for id in "${IDS[@]}" "${BABBLE[@]}"; do
  [ -s "$spoken_work/$id/$id.wav" ] || FORCE=1 SPOKEN_WORK="$spoken_work" "$spoken/make-spoken.sh" "$root/engine/corpus/$id.json"
done

# Babble: the four answers mixed, as long as the longest answer of IDS (repeated to fill it).
longest=0
for id in "${IDS[@]}"; do
  d=$(soxi -D "$spoken_work/$id/$id.wav"); longest=$(python3 -c "print(max($longest, $d))")
done
babble_in=()
for id in "${BABBLE[@]}"; do
  sox -R "$spoken_work/$id/$id.wav" "$work/noise/babble-$id.wav" repeat 2 trim 0 "$longest"
  babble_in+=(-v 1 "$work/noise/babble-$id.wav")
done
sox -R -m "${babble_in[@]}" "$work/noise/babble.wav"
sox -R -n -r 16000 -c 1 -b 16 "$work/noise/white.wav" synth "$longest" whitenoise vol 0.3
sox -R -n -r 16000 -c 1 -b 16 "$work/noise/fan-rumble.wav" synth "$longest" brownnoise lowpass 400 vol 0.5
sox -R -n -r 16000 -c 1 -b 16 "$work/noise/fan-hum.wav" synth "$longest" sine 120 sine 240 remix 1,2 vol 0.05
sox -R -m -v 1 "$work/noise/fan-rumble.wav" -v 1 "$work/noise/fan-hum.wav" "$work/noise/fan.wav"

# RMS of a WAV, over all of it or (active) over the 10 ms frames louder than festival's silence.
rms() {
  python3 - "$1" "$2" <<'PY'
import array, math, sys, wave
w = wave.open(sys.argv[1]); a = array.array("h", w.readframes(w.getnframes())); w.close()
frames = [a[i:i + 160] for i in range(0, len(a), 160)]
sq = [sum(x * x for x in f) / len(f) for f in frames if f]
if sys.argv[2] == "active":
    sq = [s for s in sq if math.sqrt(s) >= 30]
print(math.sqrt(sum(sq) / len(sq)))
PY
}

for noise in "${NOISES[@]}"; do
  eval "noise_rms_$noise=$(rms "$work/noise/$noise.wav" all)"
done
for id in "${IDS[@]}"; do
  clean="$spoken_work/$id/$id.wav"
  cp "$clean" "$work/wav/$id.clean.wav"
  speech=$(rms "$clean" active)
  seconds=$(soxi -D "$clean")
  for noise in "${NOISES[@]}"; do
    noise_rms_var="noise_rms_$noise"
    for snr in "${SNRS[@]}"; do
      gain=$(python3 -c "print($speech / (${!noise_rms_var} * 10 ** ($snr / 20)))")
      sox -R -m -v 1 "$clean" -v "$gain" "$work/noise/$noise.wav" "$work/wav/$id.$noise.$snr.wav" trim 0 "$seconds"
    done
  done
done

# Transcribe them all on one shared model, then keep the words (with Vosk's confidence) of each.
java -jar "$work/starpace.jar" batch --jobs "${JOBS:-2}" --out "$work/out" "$work/wav" >/dev/null || true
python3 "$here/keep-transcripts.py" "$work/out" "$here"
