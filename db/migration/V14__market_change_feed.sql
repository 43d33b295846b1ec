-- A change feed over the newest values. Every insert or update of metric_latest takes the next number of a
-- sequence, so a reader on any node (the rules engine) asks "what changed after n" instead of rescanning the
-- table. The insert default is PostgreSQL's; JooqSampleStore sets the number on update.
create sequence metric_latest_change_seq;

alter table metric_latest
    add column change_seq bigint /* [jooq ignore start] */ not null default nextval('metric_latest_change_seq') /* [jooq ignore stop] */;

create index metric_latest_change_ix on metric_latest (change_seq);
