-- End-of-contract erasures (第11章1(5)(6)): requested by one security administrator, confirmed by another within a
-- time limit, run (re-runnable after a crash: RUNNING until every step is done), and kept as the certificate's data.
-- Holds no personal data: counts, administrators' user names, hashes.
create table erasure_run (
    id            bigserial    primary key,
    state         varchar(20)  not null check (state in ('REQUESTED', 'RUNNING', 'DONE', 'WITHDRAWN')),
    reason        text         not null,
    requested_by  varchar(64)  not null,
    requested_at  timestamptz  not null,
    expires_at    timestamptz  not null,
    confirmed_by  varchar(64),
    confirmed_at  timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    attempts      integer      not null default 0,
    before_counts jsonb,        -- [{module, key, label, place, unit, count}] measured at the first attempt
    after_counts  jsonb,        -- the same kinds after the run
    kept          jsonb,        -- [{what, why}]
    final_hashes  jsonb,        -- [{name, rows, sha256}] of every table after the run
    method        text,
    check (confirmed_by is null or confirmed_by <> requested_by),
    check (expires_at > requested_at)
);

-- At most one erasure runs at a time (besides the advisory lock the run holds while it works).
create unique index erasure_run_one_running on erasure_run ((true)) where state = 'RUNNING';
