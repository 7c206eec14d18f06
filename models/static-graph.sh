#!/usr/bin/env bash
# Composes the small English model's two-part graph (graph/HCLr.fst and graph/Gr.fst) into one static
# graph/HCLG.fst, with its words in graph/words.txt. Vosk prefers HCLG.fst when it is there.
#
# Why: with the two parts, every recognizer composes them on the fly and keeps its own cache of the composed
# states, which grows with the answer (about 50 MB at 20 s, 100 MB at 90 s, 150 MB at 3 minutes, for each answer
# heard at once). The static graph is loaded once per process (about 160 MB) and shared by every recognizer.
# It is the same composition, so Vosk hears the same words (0.15 % of them changed on 20 corpus answers, recall
# unchanged) in a third of the CPU time (docs/deployment.md has the measurement).
#
# Needs OpenFst's command-line tools (Debian: libfst-tools; .ci/run installs it). Without them the model keeps
# its two-part graph, which works, and this says what that costs. Usage: static-graph.sh MODEL_DIR
set -euo pipefail
graph="$1/graph"
[ -f "$graph/HCLG.fst" ] && exit 0
if ! command -v fstcompose >/dev/null 2>&1; then
  echo "models: OpenFst's tools are not installed (Debian: apt-get install libfst-tools), so the speech model" \
    "keeps its on-the-fly graph: each live answer then needs about 100 MB more memory and three times the decoding time" >&2
  exit 0
fi
# HCLr.fst and Gr.fst are of OpenFst's extension types (olabel_lookahead, ngram): load the libraries that read them
preload=""
for lib in libfstlookahead.so libfstngram.so; do
  # awk reads to the end: quitting at the first match could kill ldconfig with SIGPIPE, and under pipefail that
  # failed the build now and then (exit 141)
  path="$(ldconfig -p 2>/dev/null | awk -v lib="$lib" 'index($1, lib) == 1 && !found { print $NF; found = 1 }')"
  preload="$preload${path:+ $path}"
done
work="$(mktemp -d "$graph/.static-graph.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "models: composing the speech model's static graph (once; a minute or two)" >&2
if ! {
  LD_PRELOAD="$preload" fstsymbols --save_osymbols="$work/words.txt" --clear_isymbols --clear_osymbols \
    "$graph/Gr.fst" "$work/G.fst" &&
  LD_PRELOAD="$preload" fstcompose "$graph/HCLr.fst" "$work/G.fst" "$work/HCLGr.fst" &&
  # Vosk turns the disambiguation symbols into epsilons as it composes; do the same here
  awk '{ print $1, 0 }' "$graph/disambig_tid.int" > "$work/disambig.pairs" &&
  fstrelabel --relabel_ipairs="$work/disambig.pairs" "$work/HCLGr.fst" "$work/HCLG.vector.fst" &&
  fstconvert --fst_type=const "$work/HCLG.vector.fst" "$work/HCLG.fst"
} >/dev/null 2>"$work/errors"; then
  echo "models: could not compose the static graph ($(tail -n 1 "$work/errors")), so the speech model keeps its" \
    "on-the-fly graph: each live answer then needs about 100 MB more memory and three times the decoding time" >&2
  exit 0
fi
mv "$work/words.txt" "$graph/words.txt"
mv "$work/HCLG.fst" "$graph/HCLG.fst"
