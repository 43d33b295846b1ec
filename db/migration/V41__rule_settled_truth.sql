-- The last definite truth (TRUE or FALSE) the engine reported for a rule's current version; UNKNOWN until its
-- first. A rule fires when it moves to TRUE from FALSE or from never having been settled, not when it is TRUE
-- again after a stretch of missing or stale data: an outage of a data source, or a restart that finds the data
-- stale, would otherwise repeat every action whose conditions held before it.
alter table rule_definition add column settled_truth varchar(7) not null default 'UNKNOWN';
update rule_definition set settled_truth = reported_truth;
alter table rule_definition alter column settled_truth drop default;
alter table rule_definition add constraint rule_definition_settled_ck check (settled_truth in ('TRUE', 'FALSE', 'UNKNOWN'));
