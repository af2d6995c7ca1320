-- Payment runs (第7章1(5)): monthly per business year, on a bank business day; immutable once delivered.

-- Each subject's year as the payments see it (from the tally's PointsVerified): the amount of the year's verified
-- points and the city's receipt of the latest verified booklet (the payment deadline runs from it).
create table payable_year (
    address_number  varchar(20)  not null,
    business_year   int          not null,
    amount_yen      bigint       not null check (amount_yen >= 0),
    received_on     date         not null,
    updated_at      timestamptz  not null,
    primary key (business_year, address_number)
);

create table payment_run (
    id                 bigserial    primary key,
    business_year      int          not null,
    transfer_date      date         not null,    -- 振込指定日 (取組日), a bank business day
    state              varchar(10)  not null check (state in ('DRAFT', 'DELIVERED', 'CANCELLED')),
    payments           int          not null,
    total_yen          bigint       not null,
    excluded           int          not null,
    late               int          not null,
    at_risk            int          not null,
    transfer_kind      char(1)      not null,    -- 振込指定区分: 7 電信, 8 文書
    crlf               boolean      not null,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    delivered_by       varchar(100),
    delivered_at       timestamptz,
    cancelled_by       varchar(100),
    cancelled_at       timestamptz
);
-- One undelivered run per year: two drafts could pay the same person twice.
create unique index payment_run_draft_idx on payment_run (business_year) where state = 'DRAFT';

-- The files the run produced, stored once: what is downloaded is always these bytes.
create table payment_run_file (
    run_id     bigint       not null references payment_run (id),
    kind       varchar(12)  not null check (kind in ('TRANSFER', 'DATA_XLSX', 'DATA_CSV')),
    file_name  varchar(200) not null,
    content    bytea        not null,
    sha256     char(64)     not null,
    primary key (run_id, kind)
);

create table payment (
    id               bigserial    primary key,
    run_id           bigint       not null references payment_run (id),
    seq              int          not null,        -- the data record's number in the 全銀 file
    address_number   varchar(20)  not null,
    business_year    int          not null,
    amount_yen       bigint       not null check (amount_yen > 0),
    account_id       bigint       not null references payee_account (id),
    deadline         date         not null,        -- 支払期限
    late             boolean      not null,
    state            varchar(10)  not null check (state in ('SCHEDULED', 'FAILED', 'CANCELLED')),
    failed_reason    text,
    failed_at        timestamptz,
    unique (run_id, address_number),
    unique (run_id, seq)
);
create index payment_subject_idx on payment (address_number, business_year);

-- Who the run left out and why, and what is late or would be if left for the next run.
create table payment_exclusion (
    run_id          bigint       not null references payment_run (id),
    address_number  varchar(20)  not null,
    reason          varchar(16)  not null
        check (reason in ('NO_ACCOUNT', 'FAULTY_ACCOUNT', 'ALREADY_PAID', 'AMOUNT_ZERO')),
    amount_yen      bigint       not null,          -- what is still due (0 for AMOUNT_ZERO and ALREADY_PAID)
    deadline        date,
    at_risk         boolean      not null,
    primary key (run_id, address_number)
);

-- The bank's 振込不能 list, typed or imported.
create table payment_return (
    id           bigserial    primary key,
    run_id       bigint       not null references payment_run (id),
    items        int          not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null
);
