package dev.steward.evidence;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;

/**
 * Whose personal fields a system-log entry seals: an account or an API token of a tenant (its home
 * tenant, which for provider staff acting in a customer's log is the provider's). The home tenant is
 * part of the key's name, so naming an actor with the wrong home tenant names a key that does not exist.
 *
 * @param kind {@code account} or {@code token}
 */
public record ActorTrail(String kind, UUID actorTenant, UUID actorId) {

    /** The actor-key names the log used before actor keys had a namespace of their own (in the subject namespace). */
    private static final Pattern LEGACY_NAME = Pattern.compile(
            "actor:(anonymous|(account|token):[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    /** The key of refused sign-ins and other acts without an authenticated actor, per tenant. */
    static final String ANONYMOUS = "anonymous";

    public ActorTrail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actorTenant, "actorTenant");
        Objects.requireNonNull(actorId, "actorId");
        if (!kind.equals("account") && !kind.equals("token")) {
            throw new IllegalArgumentException("an actor is an account or a token");
        }
    }

    static ActorTrail of(Caller caller) {
        return new ActorTrail(caller.kind().name().toLowerCase(), caller.tenantId(), caller.principalId());
    }

    /** The name of this actor's key in the actor namespace of the key hierarchy. */
    String keyName() {
        return kind + "/" + actorTenant + "/" + actorId;
    }

    boolean isProviderStaff() {
        return DataScope.PROVIDER_TENANT.equals(actorTenant);
    }

    /**
     * Whether a customer subject identifier is one the log once used as an actor key name. Entries
     * written before actor keys had their own namespace sealed under such a name; erasing it as a
     * subject would erase an actor's (or every refused sign-in's) fields.
     */
    public static boolean isLegacyKeyName(String subjectId) {
        return subjectId != null && LEGACY_NAME.matcher(subjectId).matches();
    }
}
