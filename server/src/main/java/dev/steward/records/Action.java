package dev.steward.records;

/** What was done with personal data, as the access log and the purpose policy see it. */
public enum Action {
    CREATE, READ, UPDATE, DELETE, IMPORT, EXPORT, ERASE;

    /** Whether the action reveals plaintext to the caller. */
    public boolean reveals() {
        return this == READ || this == EXPORT;
    }
}
