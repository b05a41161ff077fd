package dev.steward.identity;

/** A freshly issued token and its secret, which is shown this once and never stored. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
