-- Runs as the schema owner after every migration: the application's role gets DML on every table
-- and may only read and append to the audit trail. Also after a migration to an earlier target (tests of a
-- migration stop half way), so objects of later versions are guarded.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
grant execute on all functions in schema public to ${app_role};
revoke update, delete, truncate on audit_event from ${app_role};
-- The audit trail's sealed rows and its secrets are reached only through the view audit_event and its functions
-- (V83); destroying the secrets is for the schema owner's connection of the erasure alone.
do $$
begin
    if to_regclass('audit_record') is not null then
        execute 'revoke all on audit_record, audit_key from ${app_role}';
        execute 'revoke all on sequence audit_key_generation_seq from ${app_role}';
        execute 'revoke execute on function audit_destroy_keys() from ${app_role}';
    end if;
end
$$;
