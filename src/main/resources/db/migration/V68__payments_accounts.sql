-- Account forms (口座登録用紙, 第8章5, 第10章3): received, keyed twice (entry and verify, the rules of the keying module),
-- checked at keying time, then verified (the person's account) or recorded as faulty with what is wrong.
create table account_form (
    id                 bigserial    primary key,
    address_number     varchar(20)  not null,
    management_number  varchar(30),                -- 申請書管理番号 of the subject when received
    received_on        date         not null,      -- 口座受付日 (別紙3 col 51)
    received_by        varchar(100) not null,
    received_at        timestamptz  not null,
    state              varchar(12)  not null
        check (state in ('RECEIVED', 'ENTERING', 'ENTERED', 'VERIFYING', 'DISPUTED', 'VERIFIED', 'FAULTY')),
    entry_by           varchar(100),
    entry_touched_at   timestamptz,
    entered_at         timestamptz,
    verify_by          varchar(100),
    verify_touched_at  timestamptz,
    verified_at        timestamptz,
    faulty_reasons     text[],                     -- what is wrong, as recorded (不備の内容)
    faulty_on          date,                       -- the day it was recorded faulty
    faulty_by          varchar(100),
    faulty_at          timestamptz,
    check ((state = 'FAULTY') = (faulty_reasons is not null))
);
-- One form in work per person at a time: a second one waits until the first is verified or recorded faulty.
create unique index account_form_open_idx on account_form (address_number) where state not in ('VERIFIED', 'FAULTY');
create index account_form_subject_idx on account_form (address_number, received_on desc);

-- Field numbers are AccountField ordinals (0 金融機関コード … 6 口座名義). Values are stored as converted at keying
-- (codes as digits, 預金種目 as its 全銀 code, the holder's name in 全銀 characters); '' for a field the form leaves
-- empty (the bank fields of a ゆうちょ 記号・番号 form, and the reverse).
create table account_form_key (
    form_id      bigint       not null references account_form (id),
    pass         varchar(6)   not null check (pass in ('ENTRY', 'VERIFY')),
    field        smallint     not null check (field between 0 and 6),
    value        varchar(60)  not null,
    first_value  varchar(60),
    status       varchar(8)   not null check (status in ('KEYED', 'MATCHED', 'REKEY', 'DISPUTED')),
    keyed_by     varchar(100) not null,
    keyed_at     timestamptz  not null,
    primary key (form_id, pass, field)
);

create table account_form_decision (
    form_id        bigint       not null references account_form (id),
    field          smallint     not null check (field between 0 and 6),
    entry_value    varchar(60)  not null,
    verify_value   varchar(60)  not null,
    decided_value  varchar(60)  not null,
    decided_by     varchar(100) not null,
    decided_at     timestamptz  not null,
    note           text,
    primary key (form_id, field)
);

-- The registered account a person is paid into, from a verified form. At most one current account per person (VALID,
-- or FAULTY after the bank returned a transfer); a newer one REPLACES it.
create table payee_account (
    id              bigserial    primary key,
    address_number  varchar(20)  not null,
    form_id         bigint       not null references account_form (id),
    bank_code       char(4)      not null,
    branch_code     char(3)      not null,
    account_type    smallint     not null check (account_type in (1, 2, 4)),
    account_number  char(7)      not null check (account_number ~ '^[0-9]{7}$'),
    holder_kana     varchar(30)  not null,
    yucho_symbol    varchar(5),
    yucho_number    varchar(8),
    valid_from      date         not null,     -- the day the valid form was received (the payment deadline runs from it)
    state           varchar(8)   not null check (state in ('VALID', 'FAULTY', 'REPLACED')),
    faulty_reason   text,
    faulty_at       timestamptz,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null
);
create unique index payee_account_current_idx on payee_account (address_number) where state <> 'REPLACED';
