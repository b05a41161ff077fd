package dev.steward.deadlines;

/** A period's text ("one month", "72 hours") could not be read. */
public final class PeriodUnreadable extends DeadlinesException {

    private final String text;

    PeriodUnreadable(String text) {
        super("not a legal period: \"" + text + "\" (expected e.g. \"one month\", \"72 hours\", \"two further months\")");
        this.text = text;
    }

    public String text() {
        return text;
    }
}
