-- Reports to the city (issue 4 point 5, 第6章1(4)): every generated daily report and monthly summary, every
-- version. The files are stored as generated (XLSX, PDF and the JSON content) rather than regenerated on download:
-- a report is what the city was sent, and regenerating later could give other figures (calls recorded after
-- closing, a changed answer-rate definition, edited categories). A report is some tens of kilobytes.
create table report (
    id            bigserial    primary key,
    kind          text         not null check (kind in ('DAILY', 'MONTHLY')),
    period        text         not null,          -- 2026-11-24 or 2026-11
    period_from   date         not null,
    period_to     date         not null,
    version       integer      not null check (version >= 1),
    generated_at  timestamptz  not null,
    generated_by  text         not null,          -- 'system' for the schedule, else the user
    scheduled     boolean      not null,          -- true: the run after closing (or its catch-up)
    definition    text         not null,          -- the answer-rate definition used
    gap           boolean      not null,          -- the period overlaps a gap in the telephony data
    received      bigint       not null,
    answered      bigint       not null,
    answer_rate   double precision,
    content_json  text         not null,
    xlsx          bytea        not null,
    pdf           bytea        not null,
    unique (kind, period, version)
);
create index report_inbox on report (period_from desc, kind, version desc);

-- Who has opened or downloaded which report (the inbox's unread mark is per user).
create table report_read (
    report_id  bigint       not null references report (id),
    username   text         not null,
    read_at    timestamptz  not null default now(),
    primary key (report_id, username)
);

-- The e-mail of a report to the city's addresses, when mail is configured. A failed send stays here and is retried
-- until max-attempts; it is never dropped silently (the inbox shows the state).
create table report_mail (
    report_id        bigint       primary key references report (id),
    recipients       text         not null,
    status           text         not null check (status in ('PENDING', 'SENT', 'FAILED', 'GAVE_UP')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    sent_at          timestamptz
);
create index report_mail_due on report_mail (status, next_attempt_at);
