"""Writes tiny-model.json and tiny-expected.json (XGBoost's own predictions and pred_contribs) beside
this file. Run with /usr/bin/python3 (XGBoost 1.7.4)."""
import json, os
import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
n=400
X = rng.normal(size=(n,3)).astype(np.float32)
y = ((X[:,0] + 0.5*X[:,1] - 0.3*X[:,2] + rng.normal(scale=0.5,size=n)) > 0.3).astype(int)
d = xgb.DMatrix(X, label=y, feature_names=["amount","velocity","device_rooted"])
b = xgb.train({"objective":"binary:logistic","max_depth":2,"eta":0.5,"base_score":0.4}, d, num_boost_round=3)
b.save_model(os.path.join(HERE, "tiny-model.json"))
rows = np.array([[1.0,0.5,-0.2],[-1.0,np.nan,0.3],[0.2,-0.4,1.5]],dtype=np.float32)
dt = xgb.DMatrix(rows, feature_names=["amount","velocity","device_rooted"])
p = b.predict(dt); c = b.predict(dt, pred_contribs=True)
json.dump({"rows":[[None if np.isnan(v) else float(v) for v in r] for r in rows],"predictions":p.tolist(),"contribs":c.tolist()}, open(os.path.join(HERE, "tiny-expected.json"), "w"), indent=1)
