package dev.switchboard.designer;

/** Placeholder until the designer issue fills the app in. */
public final class DesignerLauncher {
    private DesignerLauncher() {}

    public static void main(String[] args) {
        System.out.println("The Switchboard designer is not built yet.");
    }
}
