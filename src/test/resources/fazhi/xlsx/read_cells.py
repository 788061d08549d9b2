"""Reads a workbook with openpyxl (not POI) and prints every sheet as JSON: the frozen cell, the data-validation
lists, and each cell's type (n number, s text, b boolean, d date) and value. Used by XlsxReadBackTest."""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")  # "no default style": a remark about styles, not about the cells


def cell(c):
    if c.value is None:
        return None
    t = {"n": "n", "s": "s", "b": "b", "d": "d"}.get(c.data_type, c.data_type)
    v = c.value if t in ("n", "s", "b") else str(c.value)
    return {"t": t, "v": v}


wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {
        "freeze": ws.freeze_panes,
        "validations": [{"sqref": str(v.sqref), "formula1": v.formula1, "allow_blank": bool(v.allow_blank)}
                        for v in ws.data_validations.dataValidation],
        "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
    }
json.dump(out, sys.stdout, ensure_ascii=False)
