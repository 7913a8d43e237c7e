package dev.switchboard.runtime.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a {@code run} option not given on the command line gets its value: the environment
 * ({@code --drain-timeout} → {@code SWITCHBOARD_DRAIN_TIMEOUT}), then the config file
 * ({@code drain-timeout=10s}), then the option's own default. Derived from the option's longest
 * name, so an option added to {@code run} later gets both without more code. Help and version
 * options take neither; {@code --config} comes from the command line or the environment only.
 */
final class OptionDefaults implements IDefaultValueProvider {
    static final String ENV_PREFIX = "SWITCHBOARD_";
    static final String CONFIG_OPTION = "--config";

    private final CommandSpec command;
    private final Map<String, String> environment;
    private Map<String, String> file = Map.of();

    /** @param command the command whose options this provides for ({@code run}) */
    OptionDefaults(CommandSpec command, Map<String, String> environment) {
        this.command = command;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !configurable(option)) {
            return null;
        }
        String value = environment.get(environmentName(option));
        if (value != null) {
            return value;
        }
        return option.longestName().equals(CONFIG_OPTION) ? null : file.get(key(option));
    }

    private boolean configurable(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && command.options().contains(option);
    }

    /** {@code --drain-timeout} → {@code drain-timeout}: its key in the config file. */
    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** {@code --drain-timeout} → {@code SWITCHBOARD_DRAIN_TIMEOUT}. */
    static String environmentName(OptionSpec option) {
        return ENV_PREFIX + key(option).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether the option's value, when not on the command line, comes from its environment variable. */
    boolean fromEnvironment(OptionSpec option) {
        return environment.containsKey(environmentName(option));
    }

    /** The keys a config file may hold: every configurable option's but {@code config}. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (OptionSpec option : command.options()) {
            if (configurable(option) && !option.longestName().equals(CONFIG_OPTION)) {
                keys.add(key(option));
            }
        }
        return keys;
    }

    /**
     * Reads a config file ({@code key=value} lines, Java properties syntax, UTF-8).
     *
     * @throws IllegalArgumentException naming the file and the problem: unreadable, or a key that is no option
     */
    void load(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("The config file " + path + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read the config file " + path + ": " + e.getMessage(), e);
        }
        Set<String> known = keys();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Unknown key '" + key + "' in the config file " + path
                        + "; the keys are the options of '" + command.qualifiedName() + "' without '--': "
                        + String.join(", ", known));
            }
            values.put(key, properties.getProperty(key).trim());
        }
        file = Map.copyOf(values);
    }
}
