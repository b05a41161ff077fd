package dev.steward.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class on Citus only when a cluster is configured ({@link TestCitus}); otherwise skips it and
 * says so on the console, once per run, so a run without Citus cannot pass for one with it.
 */
public final class CitusCondition implements ExecutionCondition {

    private static volatile boolean warned;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestCitus.configured().isPresent()) {
            return ConditionEvaluationResult.enabled("Citus at " + TestCitus.configured().get());
        }
        String reason = TestCitus.VARIABLE + " is not set: the Citus cases are SKIPPED (./steward test starts a"
                + " cluster; scripts/citus-cluster.sh start DIR prints its URL)";
        if (!warned) {
            warned = true;
            System.err.println("*** " + reason + " ***");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
