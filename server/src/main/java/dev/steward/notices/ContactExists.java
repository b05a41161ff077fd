package dev.steward.notices;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The address is already a contact of this kind in the tenant; nothing was added. */
public final class ContactExists extends ProblemException {

    public static final String FIELD = "email";

    public ContactExists(ContactKind kind) {
        super("contact-exists", HttpStatus.CONFLICT, "Contact exists",
                FIELD + ": this address is already a " + kind + " contact",
                Map.of("kind", kind.name(), "errors",
                        List.of(Map.of("field", FIELD, "message", "this address is already a " + kind + " contact"))));
    }
}
