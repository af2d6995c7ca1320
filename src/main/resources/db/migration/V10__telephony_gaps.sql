-- Gaps in the telephony data (issue 3 point 3): from the moment the AMI connection was lost (or the application
-- stopped) until it was back. Calls during a gap may be missing, so statistics over a period that overlaps one
-- say so instead of looking complete.
create table telephony_gap (
    id          bigserial   primary key,
    lost_at     timestamptz not null,
    restored_at timestamptz,             -- null while still disconnected
    reason      text        not null,    -- e.g. 'connection lost', 'application stopped', 'login failed'
    check (restored_at is null or restored_at >= lost_at)
);
create index telephony_gap_period on telephony_gap (lost_at, restored_at);
