-- Row-level security for the download links, as in V2 for the first tables.
SELECT steward_isolate_tenant_table('rights_downloads');
