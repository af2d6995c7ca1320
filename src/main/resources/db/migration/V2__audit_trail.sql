-- Append-only audit trail (第11章): who, when, what (subject ids or file) and from where.
create table audit_event (
    id           bigserial    primary key,
    occurred_at  timestamptz  not null default now(),
    username     varchar(64)  not null,
    action       varchar(32)  not null,
    channel      varchar(200) not null,
    subject_ids  text[]       not null default '{}',
    file_name    varchar(300),
    detail       text
);
create index audit_event_occurred_at on audit_event (occurred_at desc);
create index audit_event_username on audit_event (username, occurred_at desc);
create index audit_event_subject_ids on audit_event using gin (subject_ids);

-- Belt and braces next to the privileges set in afterMigrate.sql: even a role that was granted
-- UPDATE or DELETE cannot change the trail.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $$;

create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
