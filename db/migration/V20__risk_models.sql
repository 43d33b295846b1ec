-- The risk model registry: every trained model version with its artifact (Tribuo's protobuf of the XGBoost trees and
-- the isotonic calibration), its provenance (data range, features, hyperparameters, library) and its validation
-- metrics on the window it was judged on. At most one version is PROMOTED: the one that scores. A candidate that
-- is worse than the promoted one on the same validation window stays REJECTED, with the reason in decision.
create table risk_model (
    version           int              not null primary key,
    status            varchar(12)      not null,
    created_at        timestamptz      not null,
    decided_at        timestamptz      not null,
    decision          varchar(500)     not null,
    as_of             date             not null,
    train_from        date             not null,
    train_to          date             not null,
    calibrate_from    date             not null,
    calibrate_to      date             not null,
    validate_from     date,
    validate_to       date,
    features          text             not null,
    hyperparameters   varchar(500)     not null,
    library           varchar(100)     not null,
    train_rows        int              not null,
    calibration_rows  int              not null,
    validation_rows   int              not null,
    auc               double precision,
    brier             double precision,
    ece               double precision,
    base_rate         double precision,
    -- the ten reliability bins on the validation window: mean score, outcome rate, count per bin (JSON)
    reliability       text             not null,
    -- per feature: the training distribution's decile edges and shares, to compute live drift (PSI) against (JSON)
    feature_baseline  text             not null,
    calibration       text             not null,
    artifact          bytea            not null,
    constraint risk_model_status_ck check (status in ('PROMOTED', 'REJECTED', 'RETIRED'))
);

/* [jooq ignore start] */
create unique index risk_model_one_promoted on risk_model (status) where status = 'PROMOTED';
/* [jooq ignore stop] */

-- Each pool's latest score with its explanation, as the API and screens show it. The score itself is also stored as
-- a market sample (metric RISK, source RISK_MODEL), which is what rules read.
create table risk_score (
    pool_id        varchar(120)     not null primary key,
    score          double precision not null,
    model_version  int,
    heuristic      boolean          not null,
    explanation    text             not null,
    scored_at      timestamptz      not null,
    constraint risk_score_pool_fk foreign key (pool_id) references market_pool (id)
);
