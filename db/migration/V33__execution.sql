-- The execution pipeline: one row per fund-moving action of an accepted intent, its state history, the
-- signed transactions it sent, and one nonce sequence per executor key (docs/decisions/0015-execution.md).

-- One nonce sequence per executor key and chain. The signing transaction locks the row, takes next_nonce and
-- moves it on, so nonces are unique and gapless across nodes.
create table executor_key (
    chain_id   bigint      not null,
    address    char(42)    not null,
    next_nonce bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (chain_id, address),
    constraint executor_key_nonce_ck check (next_nonce >= 0)
);

create table execution (
    id             uuid          not null primary key,
    intent_id      uuid          not null,
    action_index   int           not null,
    owner_id       uuid          not null,
    rule_id        uuid          not null,
    rule_name      varchar(200)  not null,
    mode           varchar(5)    not null,
    -- the guardrails' scale for the intent's amounts (1 when they passed it whole)
    scale          numeric(7, 6) not null,
    -- the bytes32 the vault records as used: derived from the intent and the action, so it never changes
    onchain_id     char(66)      not null,
    state          varchar(20)   not null,
    reason         varchar(1000),
    -- what it does, in words: "move 1,000 USDC from aave-v3:base:USDC to morpho:base:USDC"
    summary        varchar(500),
    chain_id       bigint,
    vault_address  char(42),
    -- the planned call, as JSON: kind, targets, amounts, minimum outputs, deadline, calldata
    plan           text,
    gas_limit      bigint,
    -- the executor key and the nonce it took; both set once, when the transaction is signed
    from_address   char(42),
    nonce          bigint,
    tx_hash        char(66),
    block_number   bigint,
    block_hash     char(66),
    gas_used       bigint,
    cost_wei       numeric(78, 0),
    alert          varchar(1000),
    retry_at       timestamptz,
    expires_at     timestamptz,
    -- who works on it: a node holds the lease until lease_until; every claim bumps the fencing token, which
    -- the signing transaction checks
    lease_owner    varchar(100),
    lease_until    timestamptz,
    lease_token    bigint        not null default 0,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    constraint execution_intent_action_uq unique (intent_id, action_index),
    constraint execution_onchain_uq unique (onchain_id),
    constraint execution_nonce_uq unique (chain_id, from_address, nonce),
    constraint execution_mode_ck check (mode in ('PAPER', 'LIVE')),
    constraint execution_scale_ck check (scale > 0 and scale <= 1),
    constraint execution_state_ck check (state in ('QUEUED', 'AWAITING_APPROVAL', 'PLANNED', 'COST_CHECKED',
        'SIMULATED', 'SIGNED', 'BROADCAST', 'MINED', 'CONFIRMED', 'PAPER_RECORDED', 'SKIPPED', 'DEFERRED', 'FAILED',
        'EXPIRED', 'REJECTED', 'CANCELLED'))
);

create index execution_owner_ix on execution (owner_id, created_at);
create index execution_state_ix on execution (state, retry_at);
create index execution_intent_ix on execution (intent_id);

-- Every state an execution passed through, with its time and what happened there.
create table execution_step (
    execution_id uuid          not null references execution (id),
    seq          int           not null,
    state        varchar(20)   not null,
    at           timestamptz   not null,
    detail       varchar(1000),
    primary key (execution_id, seq)
);

-- Each signed transaction, saved before it is broadcast: replacements share the execution's nonce with higher
-- fee caps. The raw bytes are what every retry re-sends.
create table execution_tx (
    execution_id         uuid           not null references execution (id),
    attempt              int            not null,
    tx_hash              char(66)       not null,
    raw_tx               text           not null,
    max_fee_wei          numeric(78, 0) not null,
    max_priority_fee_wei numeric(78, 0) not null,
    signed_at            timestamptz    not null,
    last_sent_at         timestamptz,
    sends                int            not null default 0,
    primary key (execution_id, attempt),
    constraint execution_tx_hash_uq unique (tx_hash)
);
