-- Failed sign-ins with their source address (第11章): the basis of per-address throttling and of the lock-out per
-- account and address, so that a stranger failing someone's password locks that account only for the stranger's
-- address. Rows older than a day are deleted by the application; the audit trail keeps every attempt for good.
create table login_failure (
    id              bigserial    primary key,
    occurred_at     timestamptz  not null default now(),
    username        varchar(64)  not null,
    source_address  varchar(64)  not null,
    reason          varchar(16)  not null check (reason in ('BAD_CREDENTIALS', 'LOCKED', 'DISABLED', 'THROTTLED'))
);
create index login_failure_source on login_failure (source_address, occurred_at);
create index login_failure_username on login_failure (username, source_address, occurred_at);
create index login_failure_occurred_at on login_failure (occurred_at);

-- Failures before this instant no longer count (an administrator's unlock, a password reset, a successful sign-in).
alter table app_user add column failures_reset_at timestamptz;

-- The application acts as "system" when no person does (schedulers, listeners); no person may have that name, nor
-- the names Spring Security gives the anonymous.
alter table app_user add constraint app_user_username_not_reserved
    check (username not in ('system', 'anonymous', 'anonymoususer'));

-- Where a request came from (the client's address as the server saw it), for sign-ins and API calls.
alter table audit_event add column source_address varchar(64);
