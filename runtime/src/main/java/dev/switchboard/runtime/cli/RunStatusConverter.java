package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.report.RunsJson;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code runs --status}: a {@link RunStatus} spelled as the CLI prints it (success, filtered,
 * failed, dead-lettered, retrying). An unknown status would otherwise just match no run and look like an
 * empty history. Also the completion candidates, so {@code --help} lists the same spellings.
 */
final class RunStatusConverter implements ITypeConverter<RunStatus>, Iterable<String> {
    /** How the CLI spells a status: the enum name in lower case, '-' for '_' (DEAD_LETTERED → dead-lettered). */
    static String spell(String storedStatus) {
        return RunsJson.spell(storedStatus);
    }

    static String valid() {
        return String.join(", ", new RunStatusConverter());
    }

    @Override
    public RunStatus convert(String value) {
        for (RunStatus status : RunStatus.values()) {
            if (spell(status.name())
                    .equals(value.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return status;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a run status: use one of " + valid());
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(RunStatus.values()).map(s -> spell(s.name())).iterator();
    }
}
