-- Farmers' rules: every save is a new version; the definition row carries what the engine needs to resume
-- after a restart (the truth it last reported, since when each "for" part has held, the cooldown).

-- Bumped by every change of a rule's definition or stored state, so a node's engine shard reads only the rules
-- that changed since it last looked. Saves and shard evaluations lock their shard's row in rule_shard first,
-- so within a shard the numbers commit in order.
create sequence rule_change_seq;

create table rule_shard (
    shard        int not null primary key,
    -- when the shard's rules were last evaluated against the market, by any node
    evaluated_at timestamptz
);

create table rule_definition (
    id                uuid         not null primary key,
    -- the engine's compact key for the rule
    engine_key        bigint       generated always as identity unique,
    owner_id          uuid         not null references app_user (id),
    shard             int          not null,
    name              varchar(120) not null,
    current_version   int          not null,
    status            varchar(8)   not null,
    mode              varchar(8)   not null,
    -- Quartz cron of a time-triggered rule; null for a rule evaluated on market updates
    schedule_cron     varchar(120),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    last_evaluated_at timestamptz,
    last_fired_at     timestamptz,
    -- the truth the engine last reported for the current version: TRUE, FALSE or UNKNOWN
    reported_truth    varchar(7)   not null,
    -- how many times the current version became true: with the version, the intent's idempotency key
    firings           bigint       not null,
    cooldown_until    timestamptz,
    change_seq        bigint       not null,
    constraint rule_definition_status_ck check (status in ('ENABLED', 'DISABLED')),
    constraint rule_definition_mode_ck check (mode in ('PAPER', 'LIVE')),
    constraint rule_definition_truth_ck check (reported_truth in ('TRUE', 'FALSE', 'UNKNOWN'))
);

create index rule_definition_owner_ix on rule_definition (owner_id, updated_at desc);
create index rule_definition_shard_change_ix on rule_definition (shard, change_seq);

create table rule_version (
    rule_id  uuid         not null references rule_definition (id),
    version  int          not null,
    name     varchar(120) not null,
    -- the canonical text: the syntax tree's lossless form (parse and print round-trip exactly)
    body     text         not null,
    saved_at timestamptz  not null,
    note     varchar(200),
    primary key (rule_id, version)
);

-- Since when each "for" part of the current version has held, by its position in the condition.
create table rule_hold (
    rule_id uuid        not null references rule_definition (id),
    part    int         not null,
    since   timestamptz not null,
    primary key (rule_id, part)
);

create table rule_intent (
    id                uuid         not null primary key,
    owner_id          uuid         not null references app_user (id),
    rule_id           uuid         not null references rule_definition (id),
    rule_version      int          not null,
    rule_name         varchar(120) not null,
    -- rule id, version and firing number (or scheduled time): a repeated evaluation finds the row
    idempotency_key   varchar(120) not null unique,
    mode              varchar(8)   not null,
    approval_required boolean      not null,
    priority          int          not null,
    max_gas_gwei      numeric(12, 4),
    -- the pools whose funds the actions move, space-separated: intents of one farmer sharing one wait in turn
    funds             varchar(1000) not null,
    proposed_at       timestamptz  not null,
    status            varchar(10)  not null,
    reason            varchar(500),
    updated_at        timestamptz  not null,
    constraint rule_intent_status_ck check (status in
        ('PROPOSED', 'WAITING', 'ACCEPTED', 'BLOCKED', 'COMPLETED', 'FAILED', 'EXPIRED'))
);

create index rule_intent_owner_open_ix on rule_intent (owner_id, status);
create index rule_intent_proposed_ix on rule_intent (proposed_at desc);

create table rule_trace (
    id         bigint       generated always as identity primary key,
    rule_id    uuid         not null references rule_definition (id),
    owner_id   uuid         not null,
    version    int          not null,
    at         timestamptz  not null,
    outcome    varchar(10)  not null,
    reason     varchar(1000) not null,
    -- the conditions with their results and values, as JSON
    conditions text         not null,
    intent_id  uuid
);

create index rule_trace_rule_ix on rule_trace (rule_id, id desc);
create index rule_trace_at_ix on rule_trace (at);
