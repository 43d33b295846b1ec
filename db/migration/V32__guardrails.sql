-- The admins' guardrails: versioned sets of DRL files, the one active version, the kill switch, and each
-- intent's review (docs/decisions/0014-guardrails.md).

-- A version is immutable once saved: editing makes a new version. FILE: loaded from rules/guardrails;
-- ADMIN: saved by an admin in the app.
create table guardrail_set (
    version    int          not null primary key,
    origin     varchar(8)   not null,
    checksum   char(64)     not null,
    note       varchar(500),
    created_by uuid,
    created_at timestamptz  not null,
    constraint guardrail_set_origin_ck check (origin in ('FILE', 'ADMIN'))
);

create table guardrail_file (
    version int           not null references guardrail_set (version),
    name    varchar(100)  not null,
    drl     text          not null,
    primary key (version, name)
);

-- One row: which version runs, the checksum of the shipped files last loaded, and the kill switch. Activation
-- is one update of this row, so every review sees either the old or the new version.
create table guardrail_state (
    id                     smallint     not null primary key,
    active_version         int references guardrail_set (version),
    activated_by           uuid,
    activated_at           timestamptz,
    shipped_checksum       char(64),
    kill_switch            boolean      not null,
    kill_switch_reason     varchar(500),
    kill_switch_changed_by uuid,
    kill_switch_changed_at timestamptz,
    constraint guardrail_state_single_ck check (id = 1)
);

insert into guardrail_state (id, kill_switch) values (1, false);

-- One verdict per intent: a redelivered IntentProposed finds it here and does not review twice.
create table guardrail_review (
    intent_id         uuid          not null primary key,
    owner_id          uuid          not null,
    outcome           varchar(8)    not null,
    scale             numeric(7, 6) not null,
    reasons           text          not null,
    guardrail_version int,
    reviewed_at       timestamptz   not null,
    constraint guardrail_review_outcome_ck check (outcome in ('APPROVED', 'SCALED', 'BLOCKED')),
    constraint guardrail_review_scale_ck check (scale >= 0 and scale <= 1)
);

create index guardrail_review_owner_ix on guardrail_review (owner_id, reviewed_at);
