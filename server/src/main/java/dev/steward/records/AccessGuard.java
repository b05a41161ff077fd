package dev.steward.records;

/**
 * One independent veto over accesses to personal data. Every guard bean in the application forms
 * the chain, in the order of their {@link org.springframework.core.annotation.Order} (the
 * constants below, lowest first); a feature adds its own by declaring a bean, without touching the
 * chain or the other guards.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #check} returns when the guard lets the access pass, and throws its own
 *       {@link AccessRefused} (its own problem type) when it refuses. It judges only what the
 *       {@link Access} carries: a guard about subjects lets an access with no subject pass, the
 *       records code checks each subject's access again as soon as the subject is known.</li>
 *   <li>A guard changes nothing and needs no transaction of its own; it runs inside the access's
 *       transaction when there is one, and sees the data as of that moment (a flag set by the
 *       previous request is honoured by the next one).</li>
 *   <li>The chain logs each refusal to the tenant's system log with the guard's {@link #name}.</li>
 * </ul>
 */
public interface AccessGuard {

    int TENANT_STATE = 100;
    int PURPOSE = 200;
    int RESIDENCY = 300;
    int SUBJECT_FLAGS = 400;
    int LEGAL_HOLD = 500;
    /** Reserved for the {@code suppliers} feature's scope check (ROLE-8), which does not exist yet. */
    int SUPPLIER_SCOPE = 600;

    /** How the system log names this guard: lowercase words with hyphens, stable across releases. */
    String name();

    void check(Access access);
}
