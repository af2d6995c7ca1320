-- Points notice runs (第8章1–4): twice a month (MID, LATE) per business year. A run takes the verified booklets of its
-- year not yet notified, writes the 獲得ポイント通知一覧 for the city and makes the mailing batches of the notices.
create table notice_run (
    id              bigserial primary key,
    business_year   int         not null check (business_year between 2000 and 2100),
    run_month       varchar(7)  not null,                 -- yyyy-MM
    half            varchar(4)  not null check (half in ('MID', 'LATE')),
    status          varchar(10) not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    run_on          date        not null,                 -- the day of the run (Japan time)
    created_by      varchar(100) not null,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    notice_batch_id bigint,                               -- mailing batch of the postcards alone
    form_batch_id   bigint,                               -- mailing batch of the notices with the account form
    notified        int         not null default 0,
    with_form       int         not null default 0,
    not_notified    int         not null default 0,
    overdue         int         not null default 0,
    list_xlsx       bytea,                                -- 獲得ポイント通知一覧 as delivered to the city
    result          jsonb                                 -- the run's lists as the API returns them
);
-- One run per year, month and half: a second request for the same run (also at the same moment) is refused. A failed
-- run may be run again.
create unique index notice_run_once_idx on notice_run (business_year, run_month, half) where status <> 'FAILED';

-- Every booklet a run took, with what became of it. A booklet is taken once (released when its batch is withdrawn).
create table notice_booklet (
    booklet_id     bigint      not null,                  -- tally booklet
    run_id         bigint      not null references notice_run (id),
    business_year  int         not null,
    subject_id     varchar(20) not null,                  -- 宛名番号
    outcome        varchar(12) not null check (outcome in ('NOTIFIED', 'WITH_FORM', 'NO_STAMPS', 'EXCLUDED')),
    batch_id       bigint,
    released_at    timestamptz                            -- the batch was withdrawn: the booklet is due again
);
create unique index notice_booklet_taken_idx on notice_booklet (booklet_id) where released_at is null;
create index notice_booklet_batch_idx on notice_booklet (batch_id);
create index notice_booklet_run_idx on notice_booklet (run_id);
