-- Mailing batches (issue 5 points 4 to 6, 第4章). A batch is one kind of mailing; its envelopes are sorted by
-- postcode and split into bundles; subjects left out are kept with their reason.
create table mailing_batch (
    id             bigserial    primary key,
    kind           varchar(40)  not null,            -- MailingKind.code(): new kinds need no schema change
    title          varchar(200) not null,
    status         varchar(20)  not null,            -- NEW, SELECTED, PRINTED, DISPATCHED
    bundle_size    int          not null check (bundle_size > 0),
    target_list    text[],                           -- the city's list of 宛名番号, for kinds that mail to a list
    cancelled_list text[]        not null default '{}', -- requests withdrawn before selection (取消)
    selected_at    timestamptz,
    printed_at     timestamptz,
    dispatched_on  date,                             -- 発送日
    dispatched_at  timestamptz,
    dispatched_by  varchar(100),
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now()
);

create table mailing_envelope (
    batch_id           bigint      not null references mailing_batch (id) on delete cascade,
    seq                int         not null,        -- position in the batch, postcode order, 1-based
    bundle_no          int         not null,
    bundle_seq         int         not null,        -- position in the bundle, 1-based
    subject_id         varchar(20) not null,        -- 宛名番号
    management_number  varchar(30),                 -- 申請書管理番号
    postal_code        char(7),
    fields             jsonb       not null,        -- the print item's fields as selected
    reissue_no         int,                         -- which reissue this is for the person (第4章4)
    registered_number  char(11) unique,             -- 書留 引受番号 with its check digit; never reused
    pulled_at          timestamptz,
    pull_reason        text,
    pulled_by          varchar(100),
    primary key (batch_id, seq),
    unique (batch_id, subject_id)
);
create index mailing_envelope_subject_idx on mailing_envelope (subject_id);
create index mailing_envelope_management_idx on mailing_envelope (upper(management_number));

create table mailing_exclusion (
    batch_id   bigint      not null references mailing_batch (id) on delete cascade,
    subject_id varchar(20) not null,
    reason     varchar(40) not null,                -- ExclusionReason name
    detail     text,
    primary key (batch_id, subject_id, reason)
);

create table mailing_bundle (
    batch_id   bigint      not null references mailing_batch (id) on delete cascade,
    bundle_no  int         not null,
    envelopes  int         not null,
    file_name  varchar(200),
    written_at timestamptz,                         -- null until its print file is in place
    primary key (batch_id, bundle_no)
);

-- 引受番号 ranges handed out by the post office: 10-digit bases, the check digit is computed.
create table registered_number_range (
    id         bigserial   primary key,
    first_base bigint      not null,
    last_base  bigint      not null check (last_base >= first_base),
    next_base  bigint      not null,
    created_by varchar(100) not null,
    created_at timestamptz not null default now()
);

-- What was sent to whom and when: written once, when a batch is dispatched (the subject's 発送日).
create table subject_mailing (
    subject_id        varchar(20) not null,
    batch_id          bigint      not null references mailing_batch (id),
    kind              varchar(40) not null,
    dispatched_on     date        not null,
    registered_number char(11),
    reissue_no        int,
    primary key (subject_id, batch_id)
);
create index subject_mailing_kind_idx on subject_mailing (subject_id, kind);
