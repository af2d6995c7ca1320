-- The leader's live telephony state for the wallboards of every node: the AMI connection, the calls in progress
-- (counts and the longest wait) and the queue's members (phones, states, Linkedids). No caller's number or name.
-- One row, rewritten by the leader when the state changes.
create table telephony_live_state (
    id          smallint     primary key check (id = 1),
    node        text         not null,
    state       jsonb        not null,
    written_at  timestamptz  not null default now()
);
