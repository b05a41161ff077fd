package dev.steward.cli;

import dev.steward.ledger.verify.BundleVerifier;
import dev.steward.ledger.verify.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward verify <bundle.zip>}: verifies an evidence bundle offline (no server, no database)
 * and prints each check. Exit code 0 if everything verifies, 1 naming the first failure, 2 if the
 * file cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an evidence bundle offline: verifier key, signed checkpoints, consistency and inclusion proofs.")
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the evidence bundle (zip) to verify")
    Path bundle;

    @Option(names = "--vkey", paramLabel = "VKEY",
            description = "the log's verifier key as published by the provider; the bundle's key must equal it")
    String expectedVkey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(bundle)) {
            err.println("FAILED: " + bundle + " is not a readable file");
            return 2;
        }
        VerificationReport report = BundleVerifier.verify(bundle, expectedVkey);
        report.checked().forEach(c -> out.println("ok   " + c));
        if (report.ok()) {
            if (expectedVkey == null) {
                out.println("note the bundle's own key was used; compare it with the key your provider published"
                        + " (or pass --vkey)");
            }
            out.println("VERIFIED " + bundle);
            out.flush();
            return 0;
        }
        out.flush();
        err.println("FAILED: " + report.failure());
        err.flush();
        return 1;
    }
}
