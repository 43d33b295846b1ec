-- The daily rollups as a change feed, so a node can keep pools' daily histories in memory (risk scoring) and
-- read only what changed since it last looked, whichever node or job changed it (the hourly rollup, a history
-- import or backfill). Every inserted daily row, and every updated one whose values differ, records the
-- writing transaction's id. A reader remembers which transactions its read could not see (its snapshot: those
-- from xmax on and those still running) and next reads exactly their rows, including those of transactions that
-- commit out of order, which a plain sequence would let it skip. Rows written before this migration keep null:
-- a reader loads them in full before it follows the feed.
alter table metric_rollup
    add column change_xid bigint;

/* [jooq ignore start] */
create function market_rollup_changed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' or (old.avg_value, old.min_value, old.max_value, old.last_value, old.samples)
            is distinct from (new.avg_value, new.min_value, new.max_value, new.last_value, new.samples) then
        new.change_xid := pg_current_xact_id()::text::bigint;
    end if;
    return new;
end
$$;

create trigger metric_rollup_changed
    before insert or update on metric_rollup
    for each row when (new.resolution = 'DAY')
    execute function market_rollup_changed();

-- the feed's two lookups (from xmax on, and the running ids) are ranges of this index
create index metric_rollup_day_change_ix on metric_rollup (change_xid) where resolution = 'DAY';
/* [jooq ignore stop] */
