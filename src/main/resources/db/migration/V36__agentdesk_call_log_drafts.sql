-- What the agent has filled in on an open call log entry, saved as it changes, so that nothing is lost when the
-- agent opens another entry, records a walk-in, reloads the page or comes back from another page (or another
-- browser tab) while the call is still open. One draft per entry; it goes when the entry is closed. The entry's own
-- columns are written only when it is closed, with every check.
create table call_log_draft (
    call_log_id           bigint        primary key references call_log (id) on delete cascade,
    subject_id            text,
    caller_kind           text          check (caller_kind in ('SUBJECT', 'FAMILY', 'CARE_MANAGER', 'GROUP', 'OTHER')),
    category_id           bigint        references inquiry_category (id),
    note                  text          not null default '' check (length(note) <= 4000),
    manual_entry_id       bigint,
    manual_entry_version  integer,
    outcome               text          check (outcome in ('ANSWERED', 'CALL_BACK', 'NEEDS_INSTRUCTION')),
    saved_at              timestamptz   not null default now(),
    saved_by              varchar(64)   not null,
    -- When the desk last showed the entry: the desk comes back to the entry worked on last (or a newer call).
    opened_at             timestamptz   not null default now()
);
