package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A node bound to a data contract says so on its card; a node without one shows no such line. */
@ExtendWith(ApplicationExtension.class)
class ContractOnCardTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, temp.resolve("no-samples"));
    }

    @Test
    void cardsShowTheirContractAndEnforcement(FxRobot robot) throws Exception {
        Path sample = Path.of("..", "samples", "orders-under-contract.flow.json");
        Fx.call(() -> {
            designer.vm.files().open(sample);
            return null;
        });
        robot.interact(() -> {});

        Label hook = robot.lookup("#contract-hook").queryAs(Label.class);
        assertThat(hook.isVisible()).isTrue();
        assertThat(hook.getText()).isEqualTo("orders@1 · reject");
        assertThat(robot.lookup("#contract-archive").queryAs(Label.class).getText())
                .as("no version: the subject's latest")
                .isEqualTo("orders.summary · warn");
        Label summarise = robot.lookup("#contract-summarise").queryAs(Label.class);
        assertThat(summarise.isVisible()).isFalse();
        assertThat(summarise.isManaged()).isFalse();
    }
}
