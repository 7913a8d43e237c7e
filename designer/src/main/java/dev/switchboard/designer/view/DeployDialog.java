package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DeployViewModel;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ Deploy to runtime…: the admin API's address and token, a Deploy button, and the runtime's
 * answer below — the problems it found listed one per line, with their pointers.
 */
final class DeployDialog {
    static final String URL_ID = "deploy-url";
    static final String TOKEN_ID = "deploy-token";
    static final String DEPLOY_ID = "deploy-button";
    static final String OUTCOME_ID = "deploy-outcome";
    static final String PROBLEMS_ID = "deploy-problems";

    private DeployDialog() {}

    static Stage open(Window owner, DeployViewModel vm) {
        vm.load();
        TextField url = new TextField();
        url.setId(URL_ID);
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setPromptText("http://127.0.0.1:8788");
        PasswordField token = new PasswordField();
        token.setId(TOKEN_ID);
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.setPromptText("printed by the runtime's first start; in <data>/admin.token");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Admin API"), url);
        form.addRow(1, new Label("Token"), token);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(token, Priority.ALWAYS);
        Label remembered =
                new Label("Remembered for this flow's folder in your designer data, never in the flow file.");
        remembered.getStyleClass().add(Styles.MUTED);
        remembered.setWrapText(true);

        Label outcome = new Label();
        outcome.setId(OUTCOME_ID);
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        // a refusal reads like a field error; success like plain text
        vm.succeededProperty().addListener((obs, was, ok) -> toggleError(outcome, !ok));
        vm.outcomeProperty()
                .addListener((obs, was, now) ->
                        toggleError(outcome, !vm.succeededProperty().get()));
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId(PROBLEMS_ID);
        problems.setPrefHeight(140);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        Stage stage = new Stage();
        Button deploy = new Button("Deploy");
        deploy.setId(DEPLOY_ID);
        deploy.setDefaultButton(true);
        deploy.disableProperty().bind(vm.busyProperty());
        deploy.setOnAction(e -> vm.deploy());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, deploy, close);

        VBox root = new VBox(12, form, remembered, buttons, outcome, problems);
        root.setPadding(new Insets(16));
        root.getStyleClass().add(Styles.ROOT);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Deploy to runtime");
        Scene scene = new Scene(root, 620, 360);
        scene.getStylesheets()
                .add(DeployDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void toggleError(Label label, boolean error) {
        label.getStyleClass().remove(Styles.FIELD_ERROR);
        if (error && !label.getText().isEmpty() && !label.getText().endsWith("…")) {
            label.getStyleClass().add(Styles.FIELD_ERROR);
        }
    }
}
