-- The health of each market source as the cluster saw it, and whether an admin switched it off.
create table market_source_status (
    source               varchar(40)  not null primary key,
    enabled              boolean      not null default true,
    last_success         timestamptz,
    last_failure         timestamptz,
    last_error           varchar(500),
    consecutive_failures int          not null default 0,
    successes            bigint       not null default 0,
    failures             bigint       not null default 0,
    last_latency_ms      bigint,
    updated_at           timestamptz  not null
);
