-- Per-tenant holiday calendars (calendars feature): the zone and country in which a tenant's legal
-- periods are counted, and its edits to that country's public holidays. A tenant without a
-- calendar_settings row counts in the default of TenantCalendars (its first storage country).
-- Every primary key starts with tenant_id (Citus distribution column).

-- country NULL: no national holidays (only weekends and the tenant's added dates are non-working).
CREATE TABLE calendar_settings (
    tenant_id  UUID                     NOT NULL,
    zone_id    VARCHAR(64)              NOT NULL,
    country    VARCHAR(2),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(300)             NOT NULL,
    CONSTRAINT calendar_settings_pk PRIMARY KEY (tenant_id)
);

-- One edit per date: 'added' makes it a holiday under its name, 'removed' makes a national holiday
-- a working day for this tenant. Edits are kept when the country changes (GET /calendar lists them).
CREATE TABLE calendar_edits (
    tenant_id  UUID                     NOT NULL,
    on_date    DATE                     NOT NULL,
    kind       VARCHAR(10)              NOT NULL,
    name       VARCHAR(100),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(300)             NOT NULL,
    CONSTRAINT calendar_edits_pk PRIMARY KEY (tenant_id, on_date),
    CONSTRAINT calendar_edits_kind CHECK (kind IN ('added', 'removed')),
    CONSTRAINT calendar_edits_named CHECK (kind = 'removed' OR name IS NOT NULL)
);
