-- Reminders (第8章6): those with points whose account form is faulty or missing are asked again to register an
-- account, when the city instructs it. One reminder is a mailing batch of the kind ACCOUNT_REMINDER for one business
-- year, with the list of whom it asks and why.

-- Who was sent the 獲得ポイント通知 of a year (the reminders ask only those notified). Kept from the dispatched
-- points-notice batches; the notices sent before this table existed are taken from the progress records once here.
create table payment_notice_sent (
    address_number  varchar(20)  not null,
    business_year   int          not null,
    sent_on         date         not null,
    primary key (business_year, address_number)
);
insert into payment_notice_sent (address_number, business_year, sent_on)
select address_number, business_year, notice_sent_on from progress_year where notice_sent_on is not null;

create table account_reminder (
    id              bigserial    primary key,
    business_year   int          not null,
    instructed_on   date         not null,      -- the day the city instructed the reminder (第8章6: 発注者から別途指示)
    instruction     varchar(200) not null,      -- how (文書, メール, 電話 …) and by whom, as noted; may be ''
    batch_id        bigint       not null,      -- the mailing batch (mailings module)
    state           varchar(10)  not null check (state in ('SELECTED', 'DISPATCHED', 'CANCELLED')),
    reminded        int          not null,      -- envelopes in the batch
    left_out        int          not null,      -- due but left out by the mailing's checks (moved out, deceased …)
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    dispatched_on   date,
    cancelled_at    timestamptz
);
create unique index account_reminder_batch_idx on account_reminder (batch_id);
-- One reminder at a time per year until it is dispatched or withdrawn: two could ask the same person twice.
create unique index account_reminder_open_idx on account_reminder (business_year) where state = 'SELECTED';

create table account_reminder_subject (
    reminder_id     bigint       not null references account_reminder (id),
    address_number  varchar(20)  not null,
    business_year   int          not null,
    reason          varchar(12)  not null check (reason in ('NO_FORM', 'FAULTY_FORM', 'RETURNED')),
    detail          text         not null,      -- what is wrong, as printed on the reminder
    amount_yen      bigint       not null,      -- still due for the year
    outcome         varchar(8)   not null check (outcome in ('MAILED', 'EXCLUDED')),
    excluded_reason text,                       -- the mailing's reason for an EXCLUDED one
    sent_on         date,                       -- dispatched (別紙3 col 52 不備状送付日)
    primary key (reminder_id, address_number)
);
create index account_reminder_subject_idx on account_reminder_subject (business_year, address_number);
