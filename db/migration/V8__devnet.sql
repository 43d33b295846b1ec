-- Local mode: the contracts deployed on the local anvil chain (tokens, price feeds, one ERC-4626 vault per
-- simulated pool, Multicall3), by name, so a restart on the chain's saved state reuses them instead of
-- deploying a second set. Names: 'multicall3', 'token:<asset>', 'feed:<asset>', 'vault:<pool id>'.
create table devnet_contract (
    chain_id    bigint       not null,
    name        varchar(160) not null,
    address     char(42)     not null,
    deployed_at timestamptz  not null,
    primary key (chain_id, name)
);
