-- Spring Modulith's JDBC event publication registry (spring-modulith-events-jdbc 2.0, schema v2 for
-- PostgreSQL), created here rather than by the library's schema initialisation so that Flyway owns
-- every table. A domain event is stored in the publishing transaction, one row per listener, and
-- its row is completed when the listener has run; incomplete rows are resubmitted
-- (docs/design/events.md). The events carry ids and states only, never personal data, and no
-- tenant's rows are read through it, so the table has no tenant_id and no row-level security: the
-- resubmission at start and the completion of a listener run outside any tenant's scope.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_publication_pk PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- The application role writes publications and completes them; it never drops or alters the table.
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${app_role};
