-- Entry and verify (第7章1(4)): two operators key every booklet independently, saved per field. Field numbers are
-- StampField ordinals (0 = 地域の支え手 4P … 15 = 受診 14, 16 = 健康づくり 1P, 17 = void stamps).
create table booklet_key (
    booklet_id   bigint       not null references booklet (id),
    pass         varchar(6)   not null check (pass in ('ENTRY', 'VERIFY')),
    field        smallint     not null check (field between 0 and 17),
    value        int          not null check (value >= 0),
    first_value  int,                              -- VERIFY: the verifier's first value when it differed
    status       varchar(8)   not null check (status in ('KEYED', 'MATCHED', 'REKEY', 'DISPUTED')),
    keyed_by     varchar(100) not null,
    keyed_at     timestamptz  not null,
    primary key (booklet_id, pass, field)
);

-- A floor manager's decision on a field the two keyings still disagree on, with both values.
create table booklet_decision (
    booklet_id     bigint       not null references booklet (id),
    field          smallint     not null check (field between 0 and 17),
    entry_value    int          not null,
    verify_value   int          not null,
    decided_value  int          not null check (decided_value >= 0),
    decided_by     varchar(100) not null,
    decided_at     timestamptz  not null,
    note           text,
    primary key (booklet_id, field)
);
