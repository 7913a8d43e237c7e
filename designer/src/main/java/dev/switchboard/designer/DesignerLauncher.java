package dev.switchboard.designer;

import javafx.application.Application;

/**
 * Entry point of {@code ./switchboard designer [flow.flow.json]}. A plain main class: launching
 * an {@code Application} subclass directly from the class path fails with "JavaFX runtime
 * components are missing".
 */
public final class DesignerLauncher {
    private DesignerLauncher() {}

    public static void main(String[] args) {
        Application.launch(DesignerApp.class, args);
    }
}
