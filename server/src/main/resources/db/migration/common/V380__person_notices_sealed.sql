-- A notice to one person outside the tenant's accounts (a data subject, a complainant) carries that
-- person's address and may carry what they are told (a reason, a single-use link): both are sealed under
-- the tenant's person-notice key (bound to tenant, notice and column), the clear columns hold only a
-- placeholder, and both sealed columns are emptied once the email is delivered (notices feature).
ALTER TABLE notices ADD COLUMN sealed_body BYTEA;
ALTER TABLE notice_deliveries ADD COLUMN sealed_recipient BYTEA;
