package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.model.ContractWarnings.Note;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractWarningsTest {
    @Test
    void aBrokenContractIsItsHeadingAndOneViolationALineWithItsPointer() {
        List<Note> notes =
                ContractWarnings.parse("breaks the contract orders@1: /total: string found, number expected; "
                        + "/: required property 'customer' not found; and 3 more");

        assertThat(notes)
                .containsExactly(new Note(
                        "breaks the contract orders@1",
                        List.of(
                                "/total: string found, number expected",
                                "/: required property 'customer' not found",
                                "and 3 more")));
    }

    @Test
    void twoNotesOfOneStepAndAMessageWithASemicolonStayApart() {
        String warning = "breaks the contract a@1: /x: must be one of a; b; breaks the contract b: /y: too long";

        assertThat(ContractWarnings.lines(warning))
                .containsExactly(
                        "breaks the contract a@1:",
                        "    /x: must be one of a; b",
                        "breaks the contract b:",
                        "    /y: too long");
        assertThat(ContractWarnings.lines("something else")).containsExactly("something else");
    }
}
