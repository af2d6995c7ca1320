-- Points tally (第7章, 第10章1): booklets received from the city, per business year (1 September–31 August, named by
-- the year it begins in). Every row carries its year; nothing in the tally mixes years.

-- A bundle the city hands over, with the date the city received it (the 手帳受付日 of every booklet in it, 別紙3
-- col 50) and the business year the operator set for it.
create table booklet_bundle (
    id             bigserial    primary key,
    received_on    date         not null,
    business_year  int          not null,
    opened_by      varchar(100) not null,
    opened_at      timestamptz  not null
);

-- One booklet: the main one of a year or the additional one (追加手帳). Counts are the verified values (null until
-- VERIFIED): nothing else reaches a total. The cap's inputs are those of the subject's 別紙3 record when the booklet
-- was received.
create table booklet (
    id                          bigserial    primary key,
    address_number              varchar(20)  not null,
    management_number           varchar(30)  not null,
    business_year               int          not null,
    kind                        varchar(10)  not null check (kind in ('MAIN', 'ADDITIONAL')),
    received_on                 date         not null,
    bundle_id                   bigint       references booklet_bundle (id),
    received_by                 varchar(100) not null,
    received_at                 timestamptz  not null,
    state                       varchar(12)  not null
        check (state in ('RECEIVED', 'ENTERING', 'ENTERED', 'VERIFYING', 'DISPUTED', 'VERIFIED')),
    transport_subsidy           boolean,
    care_level                  varchar(20),
    disabled_transport_subsidy  boolean,
    entry_by                    varchar(100),    -- who holds the entry pass (claimed at the first field)
    entry_touched_at            timestamptz,
    entered_at                  timestamptz,
    verify_by                   varchar(100),
    verify_touched_at           timestamptz,
    verified_at                 timestamptz,
    stamps_4p                   int check (stamps_4p >= 0),
    stamps_2p                   int check (stamps_2p >= 0),
    checkups                    int[] check (checkups is null or cardinality(checkups) = 14),
    stamps_1p                   int check (stamps_1p >= 0),
    void_stamps                 int check (void_stamps >= 0),
    notified_at                 timestamptz,     -- set by the notice run (第8章)
    unique (address_number, business_year, kind),
    check ((state = 'VERIFIED') = (stamps_4p is not null and verified_at is not null))
);
create index booklet_management_idx on booklet (management_number, business_year);
create index booklet_state_idx on booklet (state, received_on) where state <> 'VERIFIED';
create index booklet_year_verified_idx on booklet (business_year, address_number) where state = 'VERIFIED';
create index booklet_bundle_idx on booklet (bundle_id);

-- Every scan the receipt refused, with its reason: nothing handed over is lost.
create table booklet_refusal (
    id                bigserial    primary key,
    bundle_id         bigint       references booklet_bundle (id),
    scanned           varchar(80)  not null,      -- what the scanner or the operator typed, normalised
    address_number    varchar(20),                -- when the number found a subject
    business_year     int          not null,
    kind              varchar(10)  not null check (kind in ('MAIN', 'ADDITIONAL')),
    received_on       date         not null,
    status            int          not null,      -- 404, 409 or 422 as the API answers
    reason            text         not null,
    refused_by        varchar(100) not null,
    refused_at        timestamptz  not null
);
create index booklet_refusal_bundle_idx on booklet_refusal (bundle_id);
create index booklet_refusal_at_idx on booklet_refusal (refused_at desc);
