-- The reviewed pool registry: how each pool is read on chain, who maintains its row, and which version of the
-- registry file was applied last.

-- the asset address serves every reader now (an Aave reserve, an ERC-4626 vault's asset, a Comet's base token)
alter table market_pool rename column aave_asset to asset_address;

-- ERC4626 reads vault_address, AAVE_V3 reads aave_pool with asset_address, COMPOUND_V3 reads comet_address;
-- null: the pool is not read on chain
alter table market_pool add column reader varchar(16);
alter table market_pool add column comet_address char(42);
alter table market_pool add column label varchar(80);
-- FILE: owned by the registry file named in registry_file, which updates it when the file changes;
-- ADMIN: added or edited by an admin, which the file never overwrites
alter table market_pool add column managed_by varchar(8);
alter table market_pool add column registry_file varchar(200);
alter table market_pool add column updated_at timestamptz;
alter table market_pool add constraint market_pool_reader_ck check (reader in ('ERC4626', 'AAVE_V3', 'COMPOUND_V3'));
alter table market_pool add constraint market_pool_managed_by_ck check (managed_by in ('FILE', 'ADMIN'));

-- The checksum of each registry file as last applied: a start with the same file changes nothing.
create table market_registry_file (
    name      varchar(200) not null primary key,
    checksum  char(64)     not null,
    pools     int          not null,
    loaded_at timestamptz  not null
);
