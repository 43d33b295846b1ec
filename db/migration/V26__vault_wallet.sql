-- The wallets a farmer has proven to hold (an EIP-191 signature over a single-use challenge). A vault created or
-- configured from the browser is recorded for a farmer only when its on-chain owner is one of these.
create table vault_wallet (
    user_id   uuid        not null references app_user (id),
    address   char(42)    not null,
    linked_at timestamptz not null,
    primary key (user_id, address)
);

-- Challenges waiting for a wallet's signature: single-use (deleted when used) and short-lived.
create table vault_wallet_challenge (
    nonce      varchar(64) not null primary key,
    user_id    uuid        not null references app_user (id),
    address    char(42)    not null,
    message    text        not null,
    expires_at timestamptz not null
);

create index vault_wallet_challenge_expiry on vault_wallet_challenge (expires_at);
