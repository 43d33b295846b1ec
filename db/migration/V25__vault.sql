-- The farmers' vaults (contracts/src/vault/YieldVault.sol): one per user and chain, recorded once it exists on
-- chain. Its configuration (executor, allowlist, limits, pause) is read from the chain, which is the truth.
create table vault (
    id             uuid         not null primary key,
    user_id        uuid         not null references app_user (id),
    chain_id       bigint       not null,
    address        char(42)     not null,
    owner_address  char(42)     not null,
    asset_address  char(42)     not null,
    asset_symbol   varchar(16)  not null,
    asset_decimals int          not null,
    created_at     timestamptz  not null,
    -- the owner's net deposits in the asset (funded minus withdrawn), kept up to date from the vault's events
    -- up to scanned_block: what "just holding" would be worth
    net_deposits   numeric(78, 0) not null default 0,
    scanned_block  bigint       not null default -1,
    version        bigint       not null default 0,
    constraint vault_address_unique unique (chain_id, address),
    constraint vault_user_chain_unique unique (user_id, chain_id)
);

-- What a vault was worth over time (in the asset's smallest unit) and its net deposits at that moment.
create table portfolio_snapshot (
    vault_id     uuid           not null references vault (id),
    taken_at     timestamptz    not null,
    block_number bigint         not null,
    value        numeric(78, 0) not null,
    net_deposits numeric(78, 0) not null,
    primary key (vault_id, taken_at)
);

-- The vault factory per chain (contracts/src/vault/VaultFactory.sol); in local mode deployed at the first start.
create table vault_factory (
    chain_id    bigint      not null primary key,
    address     char(42)    not null,
    deployed_at timestamptz not null
);
