-- The duplicate check before stamps go out (第5章2) and the 重複チェックリスト (第9章1(2)).

-- The lists of groups registered with 府中町 and 海田町, as the city hands them over (Excel/CSV). Each import replaces
-- the town's whole list; the import itself is kept with its date, file and counts.
create table town_list_import (
    id           bigint generated always as identity primary key,
    town         varchar(8)   not null check (town in ('FUCHU', 'KAITA')),
    file_name    varchar(255) not null,
    imported_on  date         not null,
    imported_by  varchar(64)  not null,
    imported_at  timestamptz  not null,
    rows_read    integer      not null,
    entries      integer      not null,
    replaced     integer      not null
);
create index town_list_import_town on town_list_import (town, id desc);

-- The entries of the town's current list (only the last import's). entry_key identifies a town group across imports
-- (the town's own number when the file has one, else a digest of its normalised name, representative and phone), so
-- that a decision on a pair survives a re-import of the same list.
create table town_group (
    id              bigint generated always as identity primary key,
    town            varchar(8)   not null check (town in ('FUCHU', 'KAITA')),
    import_id       bigint       not null references town_list_import (id),
    row_number      integer      not null,
    entry_key       varchar(80)  not null,
    town_number     varchar(40),
    name            varchar(200) not null,
    name_kana       varchar(200),
    representative  varchar(100),
    phone           varchar(32),
    address         varchar(300),
    unique (town, entry_key)
);

-- A likely duplicate: side a is always a group of this system (the new one); side b another group of this system
-- (ref G:<id>) or a town's entry (ref FUCHU:<entry_key> / KAITA:<entry_key>). The pair is unique whichever month finds
-- it, so a decided pair is never asked again. Score and matched fields as found in the month that first listed it.
create table group_duplicate_pair (
    id             bigint generated always as identity primary key,
    month          char(7)      not null,
    a_ref          varchar(96)  not null,
    b_ref          varchar(96)  not null,
    a_group_id     bigint       not null,
    b_group_id     bigint,
    b_town         varchar(8),
    b_town_key     varchar(80),
    score          numeric(4, 3) not null,
    matched        varchar(16)[] not null,
    found_at       timestamptz  not null,
    duplicate      boolean,
    decided_by     varchar(64),
    decided_at     timestamptz,
    check ((duplicate is null) = (decided_at is null))
);
create unique index group_duplicate_pair_unordered on group_duplicate_pair (least(a_ref, b_ref), greatest(a_ref, b_ref));
create index group_duplicate_pair_month on group_duplicate_pair (month, score desc);
