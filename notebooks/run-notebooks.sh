#!/usr/bin/env bash
# Executes every notebook of notebooks/ against a warehouse with the R kernel (IRkernel) and fails on any cell error.
# Installs nothing; it needs, once (Debian):
#   apt-get install --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient r-cran-irkernel r-cran-ggplot2 fonts-wqy-microhei
# r-cran-irkernel registers the kernel `ir` in /usr/share/jupyter/kernels. The notebooks read the warehouse through
# the launcher (`./fazhi sql --format csv`, notebooks/fazhi.R), which builds its jar when it is missing.
#
# Usage: notebooks/run-notebooks.sh [WAREHOUSE [OUTPUT_DIR]]
#   WAREHOUSE   default $FAZHI_WAREHOUSE, else ./warehouse of the repository
#   OUTPUT_DIR  where the executed notebooks are written (default: a new folder under /tmp)
# FAZHI_YEAR and FAZHI_PROVINCE, when set, are passed to the notebooks.
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
[ -x "$jupyter" ] || die "$jupyter is missing: apt-get install --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient"
command -v Rscript >/dev/null || die "R is missing: apt-get install --no-install-recommends r-cran-irkernel r-cran-ggplot2"
Rscript -e 'for (p in c("IRkernel", "ggplot2")) if (!requireNamespace(p, quietly = TRUE)) quit(status = 1)' \
  || die "an R package is missing: apt-get install --no-install-recommends r-cran-irkernel r-cran-ggplot2"
# Jupyter's list, else Debian's kernel file: once (CI at 448f35a) the list came back without `ir` while the kernel
# was registered, and a rerun found it; what jupyter said is kept for the message
kernels="$("$jupyter" kernelspec list 2>"$out/kernelspec.err" || true)"
grep -q '^ *ir ' <<<"$kernels" || [ -f /usr/share/jupyter/kernels/ir/kernel.json ] \
  || die "the Jupyter kernel 'ir' is not registered: R -e 'IRkernel::installspec(user = FALSE)' (jupyter kernelspec list said: $(tail -n 3 "$out/kernelspec.err" | tr '\n' ' '))"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/fazhi-jupyter.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# Jupyter's own state in a scratch folder: nothing is written into ~/.local or ~/.jupyter
export JUPYTER_CONFIG_DIR="$scratch/config" JUPYTER_RUNTIME_DIR="$scratch/runtime" \
       FAZHI_WAREHOUSE="$warehouse" FAZHI_REPO="$repo" PYDEVD_DISABLE_FILE_VALIDATION=1

# build the launcher's jar once, before the first notebook asks for it
"$repo/fazhi" sql --warehouse "$warehouse" --format csv "select 1" >/dev/null \
  || die "'$repo/fazhi sql' does not run against $warehouse"

failed=0
for nb in "$here"/*.ipynb; do
  name="$(basename "$nb")"
  log="$out/${name%.ipynb}.log"
  start=$(date +%s)
  ok=0
  if (cd "$here" && "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=ir \
        --ExecutePreprocessor.timeout=600 --output-dir "$out" "$nb") >"$log" 2>&1; then
    ok=1
  fi
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
