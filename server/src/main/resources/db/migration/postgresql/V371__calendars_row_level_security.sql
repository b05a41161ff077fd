-- Row-level security for the calendars' tables, as in V2 for the first tables.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['calendar_settings', 'calendar_edits']) AS t;
