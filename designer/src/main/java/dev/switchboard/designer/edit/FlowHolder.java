package dev.switchboard.designer.edit;

import dev.switchboard.runtime.model.Flow;

/** Where flow jobs read and write the document's current flow. */
public interface FlowHolder {
    Flow flow();

    void setFlow(Flow flow);
}
