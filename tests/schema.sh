#!/bin/sh
# Every fixture and every real PDF of ../shared/corpus/real (where present)
# goes through `arsred extract` with exit status 0, and its output is valid
# against doc/arsred-output.schema.json. Usage: schema.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for pdf in "$src"/fixtures/*.pdf "$src"/../shared/corpus/real/*.pdf; do
    [ -f "$pdf" ] || continue
    name=$(basename "$pdf" .pdf)
    if ! "$arsred" extract --quiet -o "$tmp" "$pdf" 2>"$tmp/$name.err"; then
        echo "FAIL: $pdf: $(cat "$tmp/$name.err")"
        failed=$((failed + 1))
    fi
done
python3 - "$src/doc/arsred-output.schema.json" "$tmp" "$failed" <<'PY'
import glob, json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema)
passed, failed = 0, int(sys.argv[3])
for path in sorted(glob.glob(sys.argv[2] + "/*.json")):
    errors = list(validator.iter_errors(json.load(open(path))))
    if errors:
        failed += 1
        print("FAIL: %s: %s at %s" % (path, errors[0].message, list(errors[0].path)))
    else:
        passed += 1
print("schema: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or passed == 0 else 0)
PY
