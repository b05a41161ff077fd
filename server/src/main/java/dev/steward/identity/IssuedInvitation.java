package dev.steward.identity;

/**
 * An invitation just issued, with the only copy of its link. The link is the credential: it is
 * shown once to the issuer, who hands it to the invited person; the server keeps only its hash.
 */
public record IssuedInvitation(Invitation invitation, String token) {

    public String path() {
        return "/invite/" + token;
    }

    @Override
    public String toString() {
        return "IssuedInvitation[" + invitation.id() + ", " + invitation.purpose() + "]";
    }
}
