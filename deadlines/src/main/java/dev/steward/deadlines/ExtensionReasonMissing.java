package dev.steward.deadlines;

/** An extension was asked for without saying why; the law (e.g. GDPR Art. 12(3)) requires the reasons. */
public final class ExtensionReasonMissing extends DeadlinesException {

    ExtensionReasonMissing() {
        super("an extension needs a reason");
    }
}
