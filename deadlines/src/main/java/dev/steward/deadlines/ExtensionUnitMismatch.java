package dev.steward.deadlines;

/** A period in hours can only be extended by hours, a period in days, weeks, months or years only by those. */
public final class ExtensionUnitMismatch extends DeadlinesException {

    ExtensionUnitMismatch(LegalPeriod period, LegalPeriod extension) {
        super("cannot extend a period of " + period + " by " + extension);
    }
}
