-- One row per call (issue 3 point 2), keyed by Asterisk's Linkedid, written once when the call's last channel has
-- hung up. The raw times and Asterisk's own figures are kept next to the derived outcome, so that any answer-rate
-- definition (第6章2 ※1) can be recomputed for past days.
create table call_record (
    linked_id         text         primary key,
    queue             text,                       -- null for a call refused before the queue
    outcome           text         not null check (outcome in ('ANSWERED', 'ABANDONED', 'TIMEOUT', 'REFUSED')),
    in_hours          boolean      not null,      -- the calendar's verdict on arrived_at when recorded
    arrived_at        timestamptz  not null,      -- first event of the call
    joined_queue_at   timestamptz,                -- QueueCallerJoin
    left_queue_at     timestamptz,                -- QueueCallerLeave / QueueCallerAbandon
    connected_at      timestamptz,                -- AgentConnect
    ended_at          timestamptz  not null,      -- the call's last Hangup
    wait_seconds      numeric(10, 3),             -- in the queue until answered or gone; null if it never queued
    ring_seconds      integer,                    -- AgentConnect RingTime
    talk_seconds      integer,                    -- AgentComplete TalkTime
    hold_time         integer,                    -- Asterisk's HoldTime (AgentConnect or QueueCallerAbandon)
    member            text,                       -- the queue member who answered
    caller_number     text,                       -- CallerIDNum: personal data, never logged
    hung_up_by        text         not null check (hung_up_by in ('CALLER', 'AGENT', 'SYSTEM', 'UNKNOWN')),
    caller_hung_up_before_abandon boolean not null default false, -- tells an abandon from a queue timeout
    refused_lines     integer,                    -- the refusal UserEvent's Lines and InUse
    refused_in_use    integer,
    incomplete        boolean      not null default false, -- events were missed (connection lost mid-call)
    recorded_at       timestamptz  not null default now()
);
create index call_record_arrived on call_record (arrived_at);
