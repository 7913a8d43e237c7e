package dev.switchboard.runtime.importer.nodered;

/** Node-RED's QoS field ({@code "0"}, {@code "1"}, {@code "2"}, or blank for its default). */
final class Qos {
    private Qos() {}

    static String of(String qos, String nodeRedDefault) throws Unmappable {
        String value = qos == null ? nodeRedDefault : qos.trim();
        if (!value.matches("[012]")) {
            throw new Unmappable("its QoS '" + value + "' is not 0, 1 or 2");
        }
        return value;
    }
}
