-- The bank and branch master (全銀協 codes, from the public zengin-code data): every load kept, so that a branch that
-- disappears from a newer file stays known (closed) for the accounts and payments that name it.
create table bank_master_load (
    id           bigserial    primary key,
    data_date    date         not null,       -- the date of the data (zengin-code's version date)
    source       varchar(300) not null,       -- bundled resource, configured file or uploaded file name
    sha256       char(64)     not null,
    banks        int          not null,
    branches     int          not null,
    added        int          not null,
    changed      int          not null,
    closed       int          not null,
    reopened     int          not null,
    loaded_by    varchar(100) not null,
    loaded_at    timestamptz  not null
);

create table bank (
    code       char(4)  primary key check (code ~ '^[0-9]{4}$'),
    name       text     not null,
    kana       text     not null,            -- full-width, as the data carries it
    closed_in  bigint   references bank_master_load (id)   -- the load it was missing from; null while open
);

create table bank_branch (
    bank_code  char(4)  not null references bank (code),
    code       char(3)  not null check (code ~ '^[0-9]{3}$'),
    name       text     not null,
    kana       text     not null,
    closed_in  bigint   references bank_master_load (id),
    primary key (bank_code, code)
);
