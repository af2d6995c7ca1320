-- Runs as the schema owner after every migration: the application's role gets DML on every table
-- and may only read and append to the audit trail.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
grant execute on all functions in schema public to ${app_role};
revoke update, delete, truncate on audit_event from ${app_role};
