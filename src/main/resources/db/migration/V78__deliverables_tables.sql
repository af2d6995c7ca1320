-- Deliverables to the city (第9章1(2) 提出データ一覧, 第1章5(1) 作業報告書): one row per kind and period once anything
-- happened to it (a period nobody has generated yet exists only as a computed due date), its files and their
-- downloads.
create table deliverable (
    id             bigint generated always as identity primary key,
    kind           varchar(64)  not null,
    period         varchar(32)  not null,
    due_on         date         not null,
    state          varchar(16)  not null,
    file_id        uuid,
    generated_by   varchar(64),
    generated_at   timestamptz,
    checked_by     varchar(64),
    checked_at     timestamptz,
    check_note     varchar(500),
    delivered_by   varchar(64),
    delivered_at   timestamptz,
    downloaded_by  varchar(64),
    downloaded_at  timestamptz,
    unique (kind, period)
);
create index deliverable_due on deliverable (due_on);

-- Every file ever generated for a period, kept as generated: the SHA-256 of its bytes and the moment of the snapshot
-- it was read from. Nothing may change a file; only the end-of-contract erasure (第11章1(5)) may delete one, and it
-- says so by setting ikiiki.erasure to on in its session.
create table deliverable_file (
    id            uuid         primary key,
    deliverable   bigint       not null references deliverable (id),
    file_name     varchar(200) not null,
    content_type  varchar(120) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    snapshot_at   timestamptz  not null,
    generated_by  varchar(64)  not null,
    generated_at  timestamptz  not null
);
create index deliverable_file_of on deliverable_file (deliverable, generated_at);

create function deliverable_file_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('ikiiki.erasure', true) = 'on' then
        return old;
    end if;
    raise exception 'deliverable files are immutable';
end $$;
create trigger deliverable_file_immutable before update or delete on deliverable_file
    for each row execute function deliverable_file_immutable();

-- Every download of a deliverable file (also written to the audit trail).
create table deliverable_download (
    id             bigint generated always as identity primary key,
    file_id        uuid        not null references deliverable_file (id),
    downloaded_by  varchar(64) not null,
    city_staff     boolean     not null,
    channel        varchar(100) not null,
    downloaded_at  timestamptz not null
);
create index deliverable_download_of on deliverable_download (file_id);
