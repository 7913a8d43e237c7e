package dev.switchboard.runtime.importer.nodered;

/** {@code http response}: not needed, the webhook trigger answers the caller itself. */
final class HttpResponseMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) {
        String status = node.text("statusCode");
        return new Mapping.Dropped("not needed: the webhook trigger answers 202 {\"id\": …} itself once the event is"
                + " stored; the " + (status == null ? "" : "status " + status + ", ")
                + "headers and body this node sent are not reproduced");
    }
}
