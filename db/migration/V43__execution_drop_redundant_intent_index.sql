-- execution_intent_ix (intent_id) repeats the leading column of the unique index execution_intent_action_uq
-- (intent_id, action_index), which serves the same lookups. Every state change of an execution updates an indexed
-- column (state), so each one also wrote a new entry into this index: one index write less per step.
drop index execution_intent_ix;
