#!/usr/bin/env bash
# Executes every notebook of notebooks/ against a warehouse with the Java kernel (rapaio-jupyter-kernel 3.0.1)
# and fails on any cell error. Installs nothing; it needs, once:
#   apt-get install --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel
#   mvn -B dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1     (online, into ~/.m2)
#   mvn -q -B -o compile      (or ./fazhi run: target/classes is what the kernel loads)
#
# Usage: notebooks/run-notebooks.sh [WAREHOUSE [OUTPUT_DIR]]
#   WAREHOUSE   default $FAZHI_WAREHOUSE, else ./warehouse of the repository
#   OUTPUT_DIR  where the executed notebooks are written (default: a new folder under /tmp)
# FAZHI_YEAR and FAZHI_PROVINCE, when set, are passed to the notebooks.
# The kernel gets a kernel.json written into a scratch JUPYTER_PATH; nothing is installed into ~/.local.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
die() { echo "run-notebooks: $*" >&2; exit 2; }

warehouse="${1:-${FAZHI_WAREHOUSE:-$repo/warehouse}}"
[ -e "$warehouse/current" ] || die "no published warehouse at $warehouse (run ./fazhi run first, or give its folder)"
warehouse="$(cd "$warehouse" && pwd)"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/fazhi-notebooks.XXXXXX")}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

jupyter=/usr/bin/jupyter   # Debian's, not whatever python is first on PATH
[ -x "$jupyter" ] || die "$jupyter is missing: apt-get install --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel"
command -v java >/dev/null || die "java is missing"

m2="${M2_REPO:-$HOME/.m2/repository}"
kernel_jar="$m2/io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar"
[ -f "$kernel_jar" ] || die "kernel jar missing: mvn -B dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1"
[ -d "$repo/target/classes/fazhi/report" ] || die "no compiled classes: run 'mvn -q -B -o compile' (or ./fazhi run) first"
[ -f "$repo/target/classes/schema/warehouse.sql" ] || die "target/classes is stale: run 'mvn -q -B -o compile'"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/fazhi-jupyter.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# the DuckDB JDBC jar the project builds with (from ~/.m2, offline)
(cd "$repo" && mvn -q -B -o dependency:build-classpath -DincludeArtifactIds=duckdb_jdbc \
    -Dmdep.outputFile="$scratch/duckdb.classpath" >/dev/null) \
  || die "cannot resolve the DuckDB jar offline: run 'mvn -B dependency:go-offline' once"
duckdb_jar="$(cat "$scratch/duckdb.classpath")"
[ -f "$duckdb_jar" ] || die "DuckDB jar not found: $duckdb_jar"

# rapaio-jupyter-kernel splits RJK_CLASSPATH on ';'
kernel_dir="$scratch/jupyter/kernels/rapaio-jupyter-kernel"
mkdir -p "$kernel_dir"
python3 - "$kernel_dir/kernel.json" "$kernel_jar" "$repo/target/classes;$duckdb_jar" <<'PY'
import json, sys
path, jar, classpath = sys.argv[1:4]
json.dump({"argv": ["java", "-Dfile.encoding=UTF-8", "-jar", jar, "{connection_file}"],
           "display_name": "Java (rapaio-jupyter-kernel 3.0.1, fazhi)", "language": "java",
           "interrupt_mode": "message",
           "env": {"RJK_CLASSPATH": classpath, "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": ""}},
          open(path, "w"), indent=1)
PY

export JUPYTER_PATH="$scratch/jupyter" JUPYTER_CONFIG_DIR="$scratch/config" JUPYTER_DATA_DIR="$scratch/data" \
       JUPYTER_RUNTIME_DIR="$scratch/runtime" FAZHI_WAREHOUSE="$warehouse" FAZHI_REPO="$repo" PYDEVD_DISABLE_FILE_VALIDATION=1

failed=0
for nb in "$here"/*.ipynb; do
  name="$(basename "$nb")"
  log="$out/${name%.ipynb}.log"
  ok=0
  # rapaio-jupyter-kernel 3.0.1 has a start-up race: a kernel_info_request that arrives before its shell handlers
  # are registered kills the shell thread (NullPointerException: "this.handlers" is null in Channels.getHandler), and
  # the kernel never answers. It normally starts in under 10 s, so a kernel silent for 30 s is restarted, up to 7
  # times. A cell error is never retried.
  : >"$log"
  for attempt in 1 2 3 4 5 6 7 8; do
    start=$(date +%s)
    if (cd "$here" && "$jupyter" nbconvert --to notebook --execute \
          --ExecutePreprocessor.kernel_name=rapaio-jupyter-kernel \
          --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.startup_timeout=30 \
          --output-dir "$out" "$nb") >"$scratch/attempt.log" 2>&1; then
      cat "$scratch/attempt.log" >>"$log"
      ok=1
      break
    fi
    cat "$scratch/attempt.log" >>"$log"
    grep -q "Kernel didn't respond\|Kernel died before replying" "$scratch/attempt.log" || break
    echo "run-notebooks: $name: the kernel did not start (attempt $attempt)" >&2
  done
  # nbconvert stops at a failing cell; also refuse any error output the kernel may have reported without failing
  if [ "$ok" = 1 ] && python3 - "$out/$name" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
errors = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
unrun = [c for c in nb["cells"] if c["cell_type"] == "code" and c.get("execution_count") is None]
sys.exit(1 if errors or unrun else 0)
PY
  then
    echo "run-notebooks: $name ok ($(( $(date +%s) - start )) s) -> $out/$name"
  else
    echo "run-notebooks: $name FAILED; the log is $log:" >&2
    grep -v '^\[20\|Debugger\|frozen modules\|PYDEVD\|^0.00s' "$log" | tail -n 25 >&2
    failed=1
  fi
done
[ "$failed" = 0 ] || exit 1
echo "run-notebooks: all notebooks ran against $warehouse"
