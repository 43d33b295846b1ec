-- What a confirmed execution left in the vault: idle balance and positions read on chain
-- just after it became final (JSON of execution.ExecutionResult).
ALTER TABLE execution ADD COLUMN result text;
