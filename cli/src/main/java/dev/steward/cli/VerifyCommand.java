package dev.steward.cli;

import dev.steward.ledger.verify.BundleVerifier;
import dev.steward.ledger.verify.VerificationReport;
import dev.steward.ledger.verify.VerifyOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward verify [--vkey KEY | --vkey-file FILE | --trust-bundle-key] [--since CHECKPOINT] <bundle.zip>}:
 * verifies an evidence bundle offline (no server, no database) and prints each check. A bundle is
 * called verified only against a key the customer got elsewhere, unless {@code --trust-bundle-key}
 * says to accept the weaker proof. Exit code 0 if everything verifies, 1 naming the first failure,
 * 2 if a file cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an evidence bundle offline: trusted log key, signed checkpoints, origin and tenant,"
                + " consistency (also from a checkpoint you saved) and inclusion proofs.")
public final class VerifyCommand implements Callable<Integer> {

    /** A saved checkpoint or a key file is a few hundred bytes; anything larger is not one. */
    private static final long MAX_SMALL_FILE = 64 * 1024;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the evidence bundle (zip) to verify")
    Path bundle;

    @Option(names = "--vkey", paramLabel = "VKEY",
            description = "a verifier key of the log as published by the provider (/.well-known/steward/logs);"
                    + " repeatable")
    List<String> vkeys = new ArrayList<>();

    @Option(names = "--vkey-file", paramLabel = "FILE",
            description = "a file of verifier keys, one per line (lines starting with # are ignored); repeatable")
    List<Path> vkeyFiles = new ArrayList<>();

    @Option(names = "--trust-bundle-key",
            description = "accept the key inside the bundle: proves only that whoever made the bundle signed it")
    boolean trustBundleKey;

    @Option(names = "--since", paramLabel = "CHECKPOINT_FILE",
            description = "a signed checkpoint of this log you saved earlier: prove the bundle's log extends it")
    Path since;

    @Option(names = "--log", paramLabel = "LOG", description = "the log the bundle must be of (your tenant id)")
    String log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(bundle)) {
            err.println("FAILED: " + bundle + " is not a readable file");
            err.flush();
            return 2;
        }
        List<String> trusted = new ArrayList<>(vkeys);
        byte[] saved = null;
        try {
            for (Path f : vkeyFiles) {
                for (String line : new String(small(f), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        trusted.add(line.strip());
                    }
                }
            }
            if (since != null) {
                saved = small(since);
            }
        } catch (IOException e) {
            err.println("FAILED: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (!vkeyFiles.isEmpty() && trusted.isEmpty()) {
            err.println("FAILED: no verifier key in " + vkeyFiles);
            err.flush();
            return 1;
        }
        VerificationReport report = BundleVerifier.verify(bundle,
                new VerifyOptions(trusted, trustBundleKey && trusted.isEmpty(), saved, log));
        report.checked().forEach(c -> out.println("ok   " + c));
        if (report.ok()) {
            if (trusted.isEmpty()) {
                out.println("note the bundle's own key was trusted (--trust-bundle-key): anyone can write a bundle that"
                        + " verifies under its own key; pin your provider's published key with --vkey to prove it is"
                        + " your provider's log");
            }
            if (since == null) {
                out.println("note save latest-checkpoint from this bundle and pass it with --since next time, to prove"
                        + " the log was not rewritten in between");
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

    private static byte[] small(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + " is not a readable file");
        }
        if (Files.size(f) > MAX_SMALL_FILE) {
            throw new IOException(f + " is larger than " + MAX_SMALL_FILE + " bytes: not a key or checkpoint file");
        }
        return Files.readAllBytes(f);
    }
}
