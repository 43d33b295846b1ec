-- Rule templates farmers start a rule from. Seeded at start from rules/examples (one row per file, by slug, never
-- overwritten), then maintained by admins: added, edited, retired. Retired templates stay for the record.
create table rule_template (
    id          uuid           not null primary key,
    slug        varchar(80)    not null,
    name        varchar(100)   not null,
    description varchar(500)   not null,
    rule_text   varchar(10000) not null,
    retired     boolean        not null default false,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    version     bigint         not null default 0,
    constraint rule_template_slug_uk unique (slug)
);
