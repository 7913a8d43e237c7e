package dev.switchboard.runtime.cli;

import java.io.InputStream;

/** Lets tests in other packages give {@code secrets set} its standard input. */
public final class SecretsCommandAccess {
    private SecretsCommandAccess() {}

    /** Sets what {@code secrets set} reads a value from; returns what it read from before. */
    public static InputStream input(InputStream input) {
        InputStream previous = SecretsCommand.SetCommand.input;
        SecretsCommand.SetCommand.input = input;
        return previous;
    }
}
