-- The number of an execution's newest step (decision 0017, seventh round). A change of state and the steps it
-- records are then one statement: the update raises the number under the row lock it takes and returns it, and
-- the steps are numbered from what it returned. Numbering from max(seq) needed a second statement after the
-- update, because a statement's own snapshot does not see steps another transaction committed while it waited
-- for the lock.
alter table execution add column last_step int not null default 0;
update execution set last_step = coalesce((select max(s.seq) from execution_step s where s.execution_id = execution.id), 0);
