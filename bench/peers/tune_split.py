"""Writes the tuning bench's fit/holdout rows once (tune_common.write_split); usage: tune_split.py ADULT_DATA OUT_DIR."""
import json
import sys

from tune_common import write_split

fit, held = write_split(sys.argv[1], sys.argv[2])
print(json.dumps({"fit_rows": fit, "holdout_rows": held}))
