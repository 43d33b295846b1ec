-- Protocol incidents (exploits, hacks) imported by admins from a list in DeFiHackLabs' incidents.json format. The
-- risk model's incident features read them when it trains and when it scores: DeFi-wide incidents and their USD
-- losses over 30 days for every pool, and the protocol's incidents over 365 days and the days since its last one
-- for pools whose id names the protocol. An import adds what is new and keeps what is there: one row per incident
-- (day, name, chain, type), so importing a newer copy of the list adds only its new entries.
create table risk_incident (
    id          bigint           generated always as identity primary key,
    day         date             not null,
    name        varchar(200)     not null,
    type        varchar(200)     not null,
    -- null when the list gives the loss in a unit other than US dollars or a dollar stablecoin
    loss_usd    double precision,
    chain       varchar(100)     not null,
    imported_at timestamptz      not null,
    constraint risk_incident_uk unique (day, name, chain, type)
);
