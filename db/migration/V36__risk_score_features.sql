-- Scoring stores each pool's feature row with its score and no longer explains every pool it scores: an explanation
-- is computed on request from these features with the model version that produced the score (decision record 0011).
-- explanation stays for scores explained when they were stored (the heuristic's, which cost nothing); null means
-- "explain from features". features: the Feature layout's hash (4 bytes) and one float per feature, big-endian.
alter table risk_score add column features bytea;
alter table risk_score alter column explanation drop not null;
