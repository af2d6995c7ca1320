-- The long step (selection or print run) of each mailing batch, as every node sees it: the last one started, on
-- which node, by whom, how far it got and how it ended. The job holds the session-level advisory lock
-- (7403, batch id) on a connection of its own while it works; a row RUNNING whose lock is free was left by a node
-- that died, and a new start on any node recognises it (the print run resumes at the first bundle not written).
-- Ids, counts and the operator's user name only: no personal data.
create table mailing_batch_job (
    batch_id     bigint       primary key references mailing_batch (id) on delete cascade,
    step         text         not null check (step in ('SELECT', 'PRINT')),
    state        text         not null check (state in ('RUNNING', 'DONE', 'CANCELLED', 'UNDECIDED', 'FAILED')),
    node         text         not null,
    started_by   text         not null,
    started_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    ended_at     timestamptz,
    done         bigint       not null default 0,
    total        bigint       not null default 0,
    message      text         not null,
    check ((state = 'RUNNING') = (ended_at is null))
);
