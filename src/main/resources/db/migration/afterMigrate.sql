-- Runs as the schema owner after every migration: the application's role gets DML on every table
-- and may only read and append to the audit trail.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
grant execute on all functions in schema public to ${app_role};
revoke update, delete, truncate on audit_event from ${app_role};
-- The audit trail's sealed rows and its secrets are reached only through the view audit_event and its functions
-- (V83); destroying the secrets is for the schema owner's connection of the erasure alone.
revoke all on audit_record, audit_key from ${app_role};
revoke all on sequence audit_key_generation_seq from ${app_role};
revoke execute on function audit_destroy_keys() from ${app_role};
