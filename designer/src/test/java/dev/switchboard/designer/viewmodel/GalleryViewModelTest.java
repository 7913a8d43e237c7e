package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.model.TemplateLibrary;
import java.nio.file.Path;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

class GalleryViewModelTest {
    private final GalleryViewModel gallery = new GalleryViewModel(new TemplateLibrary(Path.of("..", "samples")));

    @Test
    void theGettingStartedTemplateComesFirstAndDescriptionsAreMarkdown() {
        assertThat(gallery.templates()).hasSizeGreaterThan(3);
        assertThat(gallery.templates().get(0).flow().id()).isEqualTo(GalleryViewModel.GETTING_STARTED);

        Node description = gallery.description(gallery.templates().stream()
                .filter(t -> t.flow().id().equals("csv-to-database"))
                .findFirst()
                .orElseThrow());
        assertThat(hasCode(description))
                .as("`code` in a description is code, not backticks")
                .isTrue();
    }

    private static boolean hasCode(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Code || hasCode(n)) {
                return true;
            }
        }
        return false;
    }
}
