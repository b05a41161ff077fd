package dev.steward.notices.internal;

/** An attempt did not reach its receiver; {@code kind} ({@code http-503}, {@code unreachable}, ...) is all that is kept. */
public final class DeliveryFailed extends Exception {

    private final String kind;

    public DeliveryFailed(String kind, Throwable cause) {
        super(kind, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
