-- Hourly and daily rollups of the metric time series: kept for years, while raw samples expire after a
-- configurable period (whole monthly partitions are dropped, which costs nothing compared to DELETE).
create table metric_rollup (
    subject    varchar(120)     not null,
    metric     varchar(24)      not null,
    resolution varchar(8)       not null,
    bucket     timestamptz      not null,
    avg_value  double precision not null,
    min_value  double precision not null,
    max_value  double precision not null,
    last_value double precision not null,
    samples    int              not null,
    primary key (subject, metric, resolution, bucket),
    constraint metric_rollup_resolution_ck check (resolution in ('HOUR', 'DAY'))
);

/* [jooq ignore start] */
-- Recomputes the rollups of every bucket that overlaps [from_at, to_at); idempotent, so a rerun after a late
-- import corrects the buckets it touches. All sources of a metric are merged into one series.
create function market_rollup(target_resolution text, from_at timestamptz, to_at timestamptz) returns integer
language plpgsql as $$
declare
    unit text := case target_resolution when 'HOUR' then 'hour' when 'DAY' then 'day' end;
    start_at timestamptz := date_trunc(unit, from_at at time zone 'UTC') at time zone 'UTC';
    changed integer;
begin
    if unit is null then
        raise exception 'unknown resolution %', target_resolution;
    end if;
    insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value, last_value,
                               samples)
    select subject, metric, target_resolution, bucket, avg(value), min(value), max(value),
           (array_agg(value order by observed_at desc))[1], count(*)
    from (select subject, metric, value, observed_at,
                 date_trunc(unit, observed_at at time zone 'UTC') at time zone 'UTC' as bucket
          from metric_sample
          where observed_at >= start_at and observed_at < to_at) s
    group by subject, metric, bucket
    on conflict (subject, metric, resolution, bucket) do update
        set avg_value = excluded.avg_value, min_value = excluded.min_value, max_value = excluded.max_value,
            last_value = excluded.last_value, samples = excluded.samples;
    get diagnostics changed = row_count;
    return changed;
end
$$;

-- Drops the monthly partitions of raw samples that end before the given instant; returns their names.
create function market_drop_partitions_before(before_at timestamptz) returns text[]
language plpgsql as $$
declare
    part record;
    dropped text[] := '{}';
begin
    for part in
        select c.relname as name
        from pg_inherits i
            join pg_class c on c.oid = i.inhrelid
            join pg_class p on p.oid = i.inhparent
        where p.relname = 'metric_sample' and c.relname ~ '^metric_sample_\d{4}_\d{2}$'
          and (to_date(substr(c.relname, 15), 'YYYY_MM') + interval '1 month') <= (before_at at time zone 'UTC')
        order by c.relname
    loop
        execute format('drop table %I', part.name);
        dropped := dropped || part.name::text;
    end loop;
    return dropped;
end
$$;
/* [jooq ignore stop] */
