package dev.steward.evidence.internal;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The extension line each checkpoint carries about the platform clock (CLOCK-1). Until the clock
 * monitor exists it says so: an honest "unmeasured" rather than an invented offset.
 */
@Component
public class ClockOffsetLine implements Supplier<String> {

    private volatile String line = "unmeasured";

    @Override
    public String get() {
        return line;
    }

    /** Set by the clock monitor: e.g. {@code +0.004s source=ntp:pool.example}. */
    public void measured(String text) {
        this.line = text;
    }
}
