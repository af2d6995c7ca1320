-- Registration, change and deletion forms of activity groups (第5章2, 第10章2): received with their scanned image,
-- keyed twice (entry and verify, the rules of the keying module), checked by the city and applied once it approves.
create table group_form (
    id                 bigint generated always as identity primary key,
    form               varchar(8)   not null check (form in ('REGISTER', 'CHANGE', 'DELETE')),
    group_id           bigint       references activity_group (id),  -- CHANGE/DELETE: from the start; REGISTER: once verified
    state              varchar(10)  not null
        check (state in ('RECEIVED', 'ENTERING', 'ENTERED', 'VERIFYING', 'DISPUTED', 'VERIFIED', 'QUERIED',
                         'APPROVED', 'REJECTED')),
    received_on        date         not null,
    received_by        varchar(100) not null,
    received_at        timestamptz  not null,
    entry_by           varchar(100),
    entry_touched_at   timestamptz,
    entered_at         timestamptz,
    verify_by          varchar(100),
    verify_touched_at  timestamptz,
    verified_on        date,
    verified_at        timestamptz,
    values_verified    jsonb,                      -- the values that count (entry's, or a floor manager's decisions)
    -- a doubt to ask the city about (不明点は発注者と協議): the form waits in QUERIED, then returns to its stage
    query_reason       varchar(500),
    query_from         varchar(10),
    queried_by         varchar(100),
    queried_at         timestamptz,
    query_answer       varchar(500),
    answered_by        varchar(100),
    answered_at        timestamptz,
    -- the city's check (第5章2): approved or rejected with the reason, once
    decided_by         varchar(100),
    decided_at         timestamptz,
    decision_reason    varchar(500),
    -- the scanned form (第10章2 イメージデータ), kept under ikiiki.groups.form-images
    image_name         varchar(100) unique,
    image_sha256       char(64),
    image_pages        int,
    image_bytes        bigint,
    image_original     varchar(255),
    check ((state = 'QUERIED') = (query_from is not null)),
    check (form = 'REGISTER' or group_id is not null)
);
create index group_form_state on group_form (state, verified_on);
create index group_form_group on group_form (group_id);

-- Field numbers are GroupField ordinals; '' for a field the form leaves empty.
create table group_form_key (
    form_id      bigint       not null references group_form (id),
    pass         varchar(6)   not null check (pass in ('ENTRY', 'VERIFY')),
    field        smallint     not null check (field between 0 and 9),
    value        varchar(400) not null,
    first_value  varchar(400),
    status       varchar(8)   not null check (status in ('KEYED', 'MATCHED', 'REKEY', 'DISPUTED')),
    keyed_by     varchar(100) not null,
    keyed_at     timestamptz  not null,
    primary key (form_id, pass, field)
);

create table group_form_decision (
    form_id        bigint       not null references group_form (id),
    field          smallint     not null check (field between 0 and 9),
    entry_value    varchar(400) not null,
    verify_value   varchar(400) not null,
    decided_value  varchar(400) not null,
    decided_by     varchar(100) not null,
    decided_at     timestamptz  not null,
    note           text,
    primary key (form_id, field)
);

-- Stamp numbers issued by the system (第5章2: スタンプの番号は活動団体ごとにシステムで管理): from a sequence, never
-- reused, several for a group that asks. The label's barcode is scanned when the stamp is packed; the city posts
-- the stamps of medical institutions, pharmacies and groups with several stamps itself (第5章3).
create sequence group_stamp_number start with 1 no cycle;
create table group_stamp (
    number       bigint       primary key,
    group_id     bigint       not null references activity_group (id),
    issued_on    date         not null,
    issued_by    varchar(100) not null,
    issued_at    timestamptz  not null,
    posted_by    varchar(6)   not null check (posted_by in ('CENTRE', 'CITY')),
    packed_by    varchar(100),
    packed_at    timestamptz,
    check ((packed_by is null) = (packed_at is null))
);
create index group_stamp_group on group_stamp (group_id);
create index group_stamp_issued on group_stamp (issued_on);

-- The public search's key (name, kana, meeting place, ward, public contact; width and spaces normalised). About
-- 11,000 groups: a scan of this column is fast enough, no index.
alter table activity_group add column search_key text not null default '';
