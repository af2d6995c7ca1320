-- Named users and their roles (第11章). Passwords are BCrypt hashes.
create table app_user (
    id              bigserial primary key,
    username        varchar(64)  not null unique check (username ~ '^[a-z0-9._-]{2,64}$'),
    display_name    varchar(100) not null,
    password_hash   varchar(100) not null,
    enabled         boolean      not null default true,
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);

create table app_user_role (
    app_user  bigint      not null references app_user (id) on delete cascade,
    role      varchar(32) not null check (role in ('AGENT', 'FLOOR_MANAGER', 'OPERATOR', 'CITY_STAFF', 'SECURITY_ADMIN')),
    primary key (app_user, role)
);

-- 第1章3(3): the information-security manager may not also be the floor manager.
create function app_user_role_separation() returns trigger language plpgsql as $$
begin
    if exists (select 1 from app_user_role r
               where r.app_user = new.app_user
                 and r.role = case new.role when 'SECURITY_ADMIN' then 'FLOOR_MANAGER'
                                            when 'FLOOR_MANAGER' then 'SECURITY_ADMIN' end) then
        raise exception 'SECURITY_ADMIN and FLOOR_MANAGER may not be held by one user (第1章3(3))'
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger app_user_role_separation
    before insert or update on app_user_role
    for each row execute function app_user_role_separation();
