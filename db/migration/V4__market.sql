-- Market: the registry of pools and the metric time series.

-- A pool under its readable id (protocol:chain:asset[:qualifier]) with where its numbers come from.
create table market_pool (
    id             varchar(120) not null primary key,
    protocol       varchar(40)  not null,
    chain          varchar(40)  not null,
    asset          varchar(40)  not null,
    qualifier      varchar(40),
    defillama_id   uuid,
    vault_address  char(42),
    aave_pool      char(42),
    aave_asset     char(42),
    price_feed     char(42),
    asset_decimals int,
    stablecoin     boolean      not null default false,
    origin         varchar(16)  not null,
    created_at     timestamptz  not null,
    version        bigint       not null default 0,
    constraint market_pool_defillama_uk unique (defillama_id),
    constraint market_pool_origin_ck check (origin in ('REGISTRY', 'WATCHED', 'SIMULATED'))
);

-- One observed value of one metric. Pool metrics use the pool id as subject; chain metrics (gas) use
-- 'chain:<name>'. Monthly range partitions keep years of samples cheap to query and to expire.
create table metric_sample (
    subject      varchar(120)     not null,
    metric       varchar(24)      not null,
    observed_at  timestamptz      not null,
    value        double precision not null,
    source       varchar(24)      not null,
    block_number bigint,
    primary key (subject, metric, observed_at, source)
) /* [jooq ignore start] */ partition by range (observed_at) /* [jooq ignore stop] */;

-- The newest value of each metric per subject and source: what screens, the API and the rules engine read
-- without touching the time series, and the record of which metrics exist for which pool.
create table metric_latest (
    subject      varchar(120)     not null,
    metric       varchar(24)      not null,
    source       varchar(24)      not null,
    observed_at  timestamptz      not null,
    value        double precision not null,
    block_number bigint,
    primary key (subject, metric, source)
);

/* [jooq ignore start] */
-- rows outside every monthly partition land here instead of failing an import
create table metric_sample_default partition of metric_sample default;

-- Creates the monthly partition holding the given instant, if it is missing. Called ahead of ingestion
-- and before history imports; partition names are derived from the month only.
create function market_ensure_partition(at timestamptz) returns text
language plpgsql as $$
declare
    month_start timestamptz := date_trunc('month', at at time zone 'UTC') at time zone 'UTC';
    name text := 'metric_sample_' || to_char(month_start at time zone 'UTC', 'YYYY_MM');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of metric_sample for values from (%L) to (%L)',
            name, month_start, month_start + interval '1 month');
    end if;
    return name;
end
$$;

select market_ensure_partition(now());
select market_ensure_partition(now() + interval '1 month');
/* [jooq ignore stop] */
