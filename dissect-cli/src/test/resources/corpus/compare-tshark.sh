#!/bin/sh
# Compares each NAME.fields.tsv with tshark's output for the same fields on the same capture; prints differences.
# frame.protocols is left out: tshark names layers we do not dissect (e.g. data vs. http).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fields=$(grep -v '^frame.protocols$' "$here/FIELDS" | sed 's/^/-e /' | tr '\n' ' ')
status=0
for f in "$here"/*.pcap "$here"/*.pcapng; do
  name=$(basename "$f"); name=${name%.*}
  cols=$(awk -F'\t' 'NR==1 { for (i = 1; i <= NF; i++) if ($i != "frame.protocols") printf "%s%d", (c++ ? "," : ""), i }' "$here/$name.fields.tsv")
  # shellcheck disable=SC2086
  if ! tshark -r "$f" -T fields -E header=y -E occurrence=a -E aggregator=, $fields 2>/dev/null \
      | diff - "$(cut -f"$cols" "$here/$name.fields.tsv" > /tmp/ours.$$ && echo /tmp/ours.$$)" > /tmp/diff.$$; then
    echo "== $name differs from tshark:"; cat /tmp/diff.$$; status=1
  else
    echo "== $name: same as tshark"
  fi
  rm -f /tmp/ours.$$ /tmp/diff.$$
done
exit $status
