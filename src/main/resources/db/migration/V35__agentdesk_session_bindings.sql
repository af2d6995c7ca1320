-- A phone (queue member) is bound to an agent only while the console session that bound it lasts: signing out, the
-- session timing out and a restart of the application end it, so that calls no longer open entries for an agent
-- who has left (第6章1: the agent at the desk logs the call). Bindings made before this change were kept across
-- sessions and have no session: they end here.
delete from agent_binding;

-- Every running application registers itself and refreshes seen_at while it runs. A binding belongs to the
-- instance whose console session made it: sessions live in that instance's memory and die with it, so its
-- bindings go with its row (on a clean stop at once, after a crash once seen_at is older than the configured
-- timeout, or at once when the same host and port start again).
create table desk_instance (
    id          uuid         primary key,
    node        text,                              -- host:port of the web server, once known
    started_at  timestamptz  not null default now(),
    seen_at     timestamptz  not null default now()
);

alter table agent_binding
    add column session_key  text  not null,       -- SHA-256 of the console session's id (the id itself is a credential)
    add column instance_id  uuid  not null references desk_instance (id) on delete cascade;
create index agent_binding_session on agent_binding (session_key);
create index agent_binding_instance on agent_binding (instance_id);
