#!/bin/sh
# Writes NAME.fields.tsv (the fields in FIELDS) and NAME.txt (summary lines) for every capture of the corpus, with
# ./dissect (or the command in $DISSECT, e.g. DISSECT="java -jar dissect-cli/target-cli/dissect.jar").
# CorpusTest compares the command's output with these files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
dissect=${DISSECT:-$root/dissect}
fields=$(sed 's/^/-e /' "$here/FIELDS" | tr '\n' ' ')
for f in "$here"/*.pcap "$here"/*.pcapng; do
  name=$(basename "$f"); name=${name%.*}
  # shellcheck disable=SC2086
  $dissect -r "$f" -T fields -E header=y -E occurrence=a -E aggregator=, $fields > "$here/$name.fields.tsv"
  $dissect -r "$f" > "$here/$name.txt"
done
