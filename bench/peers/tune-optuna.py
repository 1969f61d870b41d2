"""Optuna's TPE sampler with its median pruner tuning the GBM (tune_common) for a wall budget; prints one JSON line.

usage: tune-optuna.py SPLIT_DIR SECONDS [PARALLEL]
Trials run PARALLEL at once (study.optimize n_jobs threads; xgboost releases the GIL), each xgboost with one thread per
trial. A trial reports the held-out AUC every 10 boosting rounds (as recur's LightGBM trials do) and stops when the median
pruner says so (n_startup_trials 5, n_warmup_steps 0: Optuna's defaults). No trial starts after SECONDS (optimize's
timeout); the wall time includes the trials still running then.
"""
import json
import sys
import time

import optuna
import xgboost as xgb

from tune_common import SEED, delong_interval, load, xgb_params

split_dir, seconds = sys.argv[1], float(sys.argv[2])
parallel = int(sys.argv[3]) if len(sys.argv) > 3 else 2
x_fit, y_fit, x_held, y_held = load(split_dir)
d_fit = xgb.DMatrix(x_fit, label=y_fit, enable_categorical=True)
d_held = xgb.DMatrix(x_held, label=y_held, enable_categorical=True)
threads = 1


class Report(xgb.callback.TrainingCallback):
    """Reports the held-out AUC every 10 rounds; asks xgboost to stop when the trial is pruned."""

    def __init__(self, trial):
        self.trial, self.pruned = trial, False

    def after_iteration(self, model, epoch, evals_log):
        rounds = epoch + 1
        if rounds % 10:
            return False
        self.trial.report(evals_log["holdout"]["auc"][-1], rounds)
        self.pruned = self.trial.should_prune()
        return self.pruned


def objective(trial):
    p = {
        "trees": trial.suggest_int("trees", 50, 500, log=True),
        "leaves": trial.suggest_int("leaves", 8, 128, log=True),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "min_rows_per_leaf": trial.suggest_int("min_rows_per_leaf", 5, 100, log=True),
        "feature_fraction": trial.suggest_float("feature_fraction", 0.5, 1.0),
    }
    report = Report(trial)
    booster = xgb.train(xgb_params(p, threads), d_fit, num_boost_round=p["trees"], evals=[(d_held, "holdout")],
                        verbose_eval=False, callbacks=[report])
    if report.pruned:
        raise optuna.TrialPruned()
    return float(booster.eval(d_held).split(":")[-1])


optuna.logging.set_verbosity(optuna.logging.WARNING)
study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED),
                            pruner=optuna.pruners.MedianPruner())
started = time.perf_counter()
study.optimize(objective, timeout=seconds, n_jobs=parallel)
wall = time.perf_counter() - started

best = study.best_trial
p = dict(best.params)
booster = xgb.train(xgb_params(p, 2), d_fit, num_boost_round=p["trees"])
auc, low, high = delong_interval(y_held, booster.predict(d_held))
states = [t.state for t in study.trials]
print(json.dumps({
    "tool": "optuna tpe + median", "trials": len(study.trials),
    "pruned": sum(s == optuna.trial.TrialState.PRUNED for s in states),
    "trials_per_minute": len(study.trials) / (wall / 60), "best_auc": best.value, "low": low, "high": high,
    "refit_auc": auc, "wall_seconds": wall, "best": p,
}))
