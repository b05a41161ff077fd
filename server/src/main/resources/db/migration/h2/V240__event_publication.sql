-- Spring Modulith's JDBC event publication registry (spring-modulith-events-jdbc 2.0, schema v2 for
-- H2), created here rather than by the library's schema initialisation so that Flyway owns every
-- table. A domain event is stored in the publishing transaction, one row per listener, and its row
-- is completed when the listener has run; incomplete rows are resubmitted (docs/design/events.md).
-- The events carry ids and states only, never personal data, and no tenant's rows are read through
-- it, so the table has no tenant_id and no row-level security.
CREATE TABLE event_publication (
    id                     UUID                        NOT NULL,
    completion_date        TIMESTAMP(9) WITH TIME ZONE,
    event_type             VARCHAR(512)                NOT NULL,
    listener_id            VARCHAR(512)                NOT NULL,
    publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    serialized_event       VARCHAR(4000)               NOT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT event_publication_pk PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_listener_id_and_serialized_event_idx
    ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
