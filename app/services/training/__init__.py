"""The training lab's service: real training runs on the engine, as events (no FastAPI here).

- ``config.RunConfig``: a run's configuration (pydantic; defaults are the article's loop), ``InvalidRun``.
- ``runner.run_events(config) -> Iterator[dict]``: every event of a run, in order, bit-for-bit repeatable::

      {"type": "start", dataset, task, features, train_rows, validation_rows, loss, parameters,
       batches_per_epoch, validate_every, measure_every, snapshot_every, trace_every, epochs, lr, model,
       points, params}
      {"type": "epochs", first, count, loss: [...], val_loss: [...], accuracy: [...] | null,
       val_accuracy: [...] | null, lr: [...], grad_norms: {layer: [...]}, params?: {name: [...]}}
      {"type": "snapshot", epoch, kind: "curve" (x, y) | "grid" (extent, size, values) | "none", trace}
      {"type": "diverged", epoch, batch, loss, lr, cause}
      {"type": "done", reason: finished | diverged | stopped | time limit | error, epochs, params?}

  (``epochs``: consecutive epochs as columns, one entry per epoch, null where not measured: validation every
  ``validate_every``-th epoch (null: no held-out rows), training accuracy, norms and parameters every
  ``measure_every``-th;
  ``epoch_event.rows`` gives one dict each)
- ``phases.PhaseStepper``: one phase at a time (zero_grad, forward, loss, backward, step), each a
  ``{"type": "phase", phase, epoch, batch, says, changed, trace}`` event.
- ``control.TrainingRun``: a run on its own thread, steered by ``command`` (pause, resume, step, stop, set),
  its events in ``.events`` (as dicts; the consumer writes them with ``event_json``); ``live_runs()``
  counts them. ``handover.paced`` turns those events into messages ``{"events": [...]}`` at a browser's rate.
- ``reporter.Reporter``: turns what a run records (``Training.take_records``: its numbers, and copies of
  the parameters at landmark epochs) into the events above, on a twin of the run's model.
- ``remote.RemoteRun``: the same face for a run in a worker process (``worker.serve`` runs its TrainingRun
  and forks a reporter process beside it), which is how the server runs them: training then shares no GIL
  and no core with the event loop, nor with its reporting. Its events arrive as JSON text, written by the
  reporter. ``start_workers`` keeps one worker forked ahead.
"""
