-- Who led the application nodes when. Leadership itself is a PostgreSQL advisory lock held by the leader's own
-- session; this is its record: the leader writes seen_at every check while it holds the lock, so a term left open
-- by a node that died says when leader-only work (telephony data, schedulers) stopped, and the next leader records
-- the gap from there. One node alone on the database (the default) records no terms.
create table cluster_leader_term (
    id          bigserial    primary key,
    node        text         not null,
    lock_key    integer      not null,                -- ikiiki.cluster.lock-key: whose leadership
    started_at  timestamptz  not null default now(),
    seen_at     timestamptz  not null default now(),
    ended_at    timestamptz,
    end_reason  text,
    check (ended_at is null or ended_at >= started_at)
);
create index cluster_leader_term_open on cluster_leader_term (lock_key) where ended_at is null;
