-- A version scores with the model refitted on every outcome matured by its retraining, as the walk-forward that
-- measured the model does; its validation metrics come from its twin, the same recipe trained as of the start of
-- the validation window (the window's outcomes had not matured then), and promotion compares the twins of the
-- candidate and of the promoted version on the same window, so neither is judged on pool-days it learned from.
-- Versions stored before this migration were validated as they score: their twin columns stay null.
alter table risk_model
    add column validated_as_of        date,
    add column validation_artifact    bytea,
    add column validation_calibration text;
