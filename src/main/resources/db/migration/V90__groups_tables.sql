-- Activity groups (第5章, 第10章2). One row per group as it stands now; its history keeps every form applied to it.
-- The representative's name, address and phone are private (never on a public list, 第9章1(6)).
create table activity_group (
    id                      bigint generated always as identity primary key,
    category                varchar(24)  not null
        check (category in ('GENERAL', 'MEDICAL', 'DENTAL_MILESTONE', 'DENTAL_LATE_ELDERLY', 'PHARMACY')),
    name                    varchar(200) not null,
    name_kana               varchar(200) not null,
    ward                    smallint     not null check (ward between 101 and 108),
    activity_codes          varchar(8)[] not null default '{}',
    meeting_place           varchar(300),
    representative_name     varchar(100),
    representative_address  varchar(300),
    representative_phone    varchar(32),
    public_contact          varchar(300),
    state                   varchar(16)  not null
        check (state in ('APPLIED', 'REGISTERED', 'CHANGED', 'DELETED', 'REJECTED')),
    applied_on              date         not null,
    registered_on           date,
    deleted_on              date,
    version                 integer      not null default 0,
    updated_at              timestamptz  not null default now()
);
create index activity_group_state on activity_group (state, applied_on);
create index activity_group_ward on activity_group (ward, category) where state in ('REGISTERED', 'CHANGED');

-- Every change of a group: the form (REGISTER, CHANGE, DELETE) or decision that made it, who did it and the group's
-- values afterwards.
create table activity_group_history (
    id          bigint generated always as identity primary key,
    group_id    bigint       not null references activity_group (id),
    event       varchar(24)  not null,
    form_id     bigint,
    acted_by    varchar(64)  not null,
    acted_at    timestamptz  not null,
    snapshot    jsonb        not null
);
create index activity_group_history_of on activity_group_history (group_id, acted_at);
