-- H2 has no row-level security (see V2); the numbering stays parallel to PostgreSQL.
SELECT 1;
