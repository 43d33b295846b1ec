-- History backfill from DefiLlama's /chart/{pool}: one row per pool with a DefiLlama id, queued when the pool
-- enters the registry or when an admin asks, fetched once, and retried with a growing delay after a failure.
-- DONE rows record when the pool was backfilled and what was stored.
create table market_backfill (
    pool_id         varchar(120) not null primary key,
    state           varchar(12)  not null,
    priority        int          not null default 0,
    requested_at    timestamptz  not null,
    next_attempt_at timestamptz  not null,
    attempts        int          not null default 0,
    last_attempt_at timestamptz,
    last_error      varchar(500),
    backfilled_at   timestamptz,
    points          int,
    points_skipped  int,
    samples_stored  int,
    first_point_at  timestamptz,
    last_point_at   timestamptz,
    constraint market_backfill_pool_fk foreign key (pool_id) references market_pool (id),
    constraint market_backfill_state_ck check (state in ('PENDING', 'DONE', 'FAILED'))
);

-- Where a reference source (DefiLlama; the simulator in local mode) and the chain both report a metric of a pool:
-- the latest comparison of values observed close in time, whether they agreed within the tolerance, and since
-- when that verdict holds. A pool with any disagreeing metric is inconsistent, and no action may touch it.
create table market_cross_check (
    pool_id          varchar(120)     not null,
    metric           varchar(24)      not null,
    reference_source varchar(24)      not null,
    consistent       boolean          not null,
    since            timestamptz      not null,
    checked_at       timestamptz      not null,
    reference_value  double precision not null,
    reference_at     timestamptz      not null,
    chain_value      double precision not null,
    chain_at         timestamptz      not null,
    difference       double precision not null,
    tolerance        double precision not null,
    primary key (pool_id, metric, reference_source),
    constraint market_cross_check_pool_fk foreign key (pool_id) references market_pool (id)
);

/* [jooq ignore start] */
-- the backfill job reads the due rows; DONE rows, nearly all of them in the end, are not indexed
create index market_backfill_due_idx on market_backfill (next_attempt_at) where state <> 'DONE';

-- screens and the action check look up inconsistent pools only
create index market_cross_check_inconsistent_idx on market_cross_check (pool_id) where not consistent;

-- Recomputes the rollups of one subject for every bucket overlapping [from_at, to_at), whole buckets included:
-- what an import of history needs, where market_rollup would recompute every subject of a long range.
create function market_rollup_subject(target_subject text, target_resolution text, from_at timestamptz,
                                      to_at timestamptz) returns integer
language plpgsql as $$
declare
    unit text := case target_resolution when 'HOUR' then 'hour' when 'DAY' then 'day' end;
    start_at timestamptz;
    end_at timestamptz;
    changed integer;
begin
    if unit is null then
        raise exception 'unknown resolution %', target_resolution;
    end if;
    start_at := date_trunc(unit, from_at at time zone 'UTC') at time zone 'UTC';
    end_at := (date_trunc(unit, to_at at time zone 'UTC') + ('1 ' || unit)::interval) at time zone 'UTC';
    insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value, last_value,
                               samples)
    select subject, metric, target_resolution, bucket, avg(value), min(value), max(value),
           (array_agg(value order by observed_at desc))[1], count(*)
    from (select subject, metric, value, observed_at,
                 date_trunc(unit, observed_at at time zone 'UTC') at time zone 'UTC' as bucket
          from metric_sample
          where subject = target_subject and observed_at >= start_at and observed_at < end_at) s
    group by subject, metric, bucket
    on conflict (subject, metric, resolution, bucket) do update
        set avg_value = excluded.avg_value, min_value = excluded.min_value, max_value = excluded.max_value,
            last_value = excluded.last_value, samples = excluded.samples;
    get diagnostics changed = row_count;
    return changed;
end
$$;
/* [jooq ignore stop] */
