package dev.switchboard.runtime.model;

/** The flow file format versions this runtime reads. */
public final class FlowFormat {
    public static final String CURRENT = "switchboard/flow@1";
    public static final String FILE_SUFFIX = ".flow.json";

    private FlowFormat() {}

    public static boolean isSupported(String format) {
        return CURRENT.equals(format);
    }
}
