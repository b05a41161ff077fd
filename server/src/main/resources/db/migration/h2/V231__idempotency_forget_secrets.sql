-- Answers cached before V230 may hold an API token secret or a bundle download link in clear:
-- forget them (a retry of such a request acts again rather than hand out a stored secret).
DELETE FROM idempotency_keys WHERE body LIKE '%"secret"%' OR body LIKE '%"download"%';
