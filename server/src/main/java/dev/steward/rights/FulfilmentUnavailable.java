package dev.steward.rights;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** No fulfiller is installed for the request's type: the customer carries it out by hand and closes it. */
public final class FulfilmentUnavailable extends ProblemException {

    public FulfilmentUnavailable(RequestType type) {
        super("fulfilment-unavailable", HttpStatus.NOT_IMPLEMENTED, "No automatic fulfilment",
                "Steward cannot yet carry out " + type.label().toLowerCase(java.util.Locale.ROOT) + " requests");
    }
}
