-- The agent desk (issue 4 points 1 and 4): two-level inquiry categories, which queue member (phone) each agent
-- is bound to, the call log tied to the AMI call record by Linkedid (or a manual entry without telephony), and
-- the callback marks of the callback list.

create table inquiry_category (
    id          bigserial    primary key,
    parent_id   bigint       references inquiry_category (id),
    name        text         not null check (length(btrim(name)) between 1 and 40),
    sort_order  integer      not null default 0,
    active      boolean      not null default true,
    unique nulls not distinct (parent_id, name)
);

-- Defaults from the subjects of the contract (第2〜10章): booklet, points, incentive and account, transport
-- subsidy, activity groups, programme overview, complaints, other. Floor managers edit them in the console.
with parents (name, sort_order) as (values
    ('手帳', 10), ('ポイント集計・通知', 20), ('奨励金の支払・口座登録', 30), ('交通費助成', 40),
    ('活動団体・スタンプ', 50), ('事業の概要', 60), ('苦情・要望', 70), ('その他', 80))
insert into inquiry_category (name, sort_order) select name, sort_order from parents;

insert into inquiry_category (parent_id, name, sort_order)
select p.id, c.name, c.sort_order
from (values
    ('手帳', '交付', 1), ('手帳', '再交付', 2), ('手帳', '追加交付', 3), ('手帳', '紛失', 4),
    ('交通費助成', '申請', 1), ('交通費助成', '交付決定・不交付決定', 2), ('交通費助成', '利用券（タクシーチケット等）', 3))
    as c (parent, name, sort_order)
join inquiry_category p on p.name = c.parent and p.parent_id is null;

-- One agent per queue member and one member per agent; kept across sessions.
create table agent_binding (
    username          varchar(64)  primary key,
    queue             text         not null,
    member_interface  text         not null,
    bound_at          timestamptz  not null default now(),
    unique (queue, member_interface)
);

create table call_log (
    id                     bigserial     primary key,
    linked_id              text          unique,          -- the AMI call (call_record.linked_id); null when manual
    manual                 boolean       not null,        -- logged without telephony (walk-in, AMI gap)
    caller_number          text,                          -- personal data, never logged
    wait_seconds           numeric(10, 3),
    member_interface       text,
    agent                  varchar(64)   not null,
    started_at             timestamptz   not null,        -- connected (AMI) or opened by hand
    subject_id             text,                          -- 宛名番号 the agent linked; null when not a subject
    caller_kind            text          check (caller_kind in ('SUBJECT', 'FAMILY', 'CARE_MANAGER', 'GROUP', 'OTHER')),
    category_id            bigint        references inquiry_category (id),
    note                   text          not null default '',
    manual_entry_id        bigint,                        -- the answer-manual entry used, and its version
    manual_entry_version   integer,
    outcome                text          check (outcome in ('ANSWERED', 'CALL_BACK', 'NEEDS_INSTRUCTION')),
    closed_at              timestamptz,
    updated_at             timestamptz   not null default now(),
    check ((outcome is null) = (closed_at is null)),
    check (manual or linked_id is not null)
);
create index call_log_started on call_log (started_at);
create index call_log_caller on call_log (caller_number, started_at desc);
create index call_log_open on call_log (agent) where closed_at is null;

-- Earlier calls of a number while it calls again (the desk's pop).
create index call_record_caller on call_record (caller_number, arrived_at desc);

-- "Called back" marks on the callback list: one per caller number and day (Asia/Tokyo).
create table callback_mark (
    day            date          not null,
    caller_number  text          not null,
    called_back_by varchar(64)   not null,
    called_back_at timestamptz   not null default now(),
    note           text          not null default '',
    primary key (day, caller_number)
);
