-- The idempotency cache never holds a secret: an answer that carries one (an API token, a
-- single-use download link) is stored without it, and this column names what was withheld, so a
-- replay can say so (header Idempotent-Withheld).
ALTER TABLE idempotency_keys ADD COLUMN withheld VARCHAR(200);
