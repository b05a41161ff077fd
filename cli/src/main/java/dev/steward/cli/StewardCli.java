package dev.steward.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the commands that need no server: {@code ./steward verify ...}. */
@Command(name = "steward", mixinStandardHelpOptions = true, version = "Steward 0.1.0",
        subcommands = {VerifyCommand.class},
        description = "Steward command line: offline verification and administration.")
public final class StewardCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new StewardCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
