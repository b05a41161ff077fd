-- A bundle asked for by provider staff on a customer's behalf waits for the customer
-- administrator's approval before it is built; the flag tells the two kinds apart.
ALTER TABLE evidence_bundles ADD COLUMN requested_by_provider BOOLEAN DEFAULT FALSE NOT NULL;
