"""The Python peer for serve-bench.sh: FastAPI + uvicorn serving an xgboost model trained on the same
Adult columns recur's example uses (fnlwgt left out, categories one-hot encoded), behind the same
request and response shapes as POST /v1/models/{name}:predict. Usage: serve_peer.py DATA_FILE PORT"""
import sys

import numpy as np
import pandas as pd
import uvicorn
import xgboost as xgb
from fastapi import FastAPI, Request

COLUMNS = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
           "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income"]
NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
CATEGORICAL = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country"]

data = pd.read_csv(sys.argv[1], header=None, names=COLUMNS, skipinitialspace=True, na_values=["?"])
encoded = pd.get_dummies(data[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=np.float32)
features = list(encoded.columns)
position = {name: i for i, name in enumerate(features)}
model = xgb.XGBClassifier(n_estimators=200, learning_rate=0.05, max_depth=6, random_state=42, n_jobs=1)
model.fit(encoded.to_numpy(np.float32), (data["income"] == ">50K").to_numpy())
booster = model.get_booster()

app = FastAPI()


@app.post("/v1/models/{name}:predict")
async def predict(name: str, request: Request):
    body = await request.json()
    instances = body["instances"]
    rows = np.zeros((len(instances), len(features)), dtype=np.float32)
    for r, instance in enumerate(instances):
        for column, value in instance["features"].items():
            if column in NUMERIC:
                rows[r, position[column]] = np.nan if value is None else value
            elif value is not None and f"{column}_{value}" in position:
                rows[r, position[f"{column}_{value}"]] = 1.0
    scores = booster.inplace_predict(rows)
    return {"predictions": [{"key": i["key"], "label": ">50K" if s >= 0.5 else "<=50K", "score": float(s), "model_version": 1}
                            for i, s in zip(instances, scores)]}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
