package dev.switchboard.designer.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobManagerTest {
    private final List<String> log = new ArrayList<>();

    private Job job(String name) {
        return new Job() {
            public void execute() {
                log.add("do " + name);
            }

            public void undo() {
                log.add("undo " + name);
            }

            public String description() {
                return name;
            }
        };
    }

    @Test
    void revisionReturnsToTheSavedValueAfterUndoingBackToIt() {
        JobManager jobs = new JobManager(10);
        long opened = jobs.revision();
        jobs.execute(job("a"));
        long afterA = jobs.revision();
        jobs.execute(job("b"));
        assertThat(jobs.revision()).isNotEqualTo(afterA);
        jobs.undo();
        assertThat(jobs.revision()).isEqualTo(afterA);
        jobs.undo();
        assertThat(jobs.revision()).isEqualTo(opened);
        assertThat(log).containsExactly("do a", "do b", "undo b", "undo a");
    }

    @Test
    void newJobClearsRedoAndOldestJobsFallOffABoundedStack() {
        JobManager jobs = new JobManager(2);
        jobs.execute(job("a"));
        jobs.execute(job("b"));
        jobs.execute(job("c"));
        jobs.undo();
        jobs.undo();
        assertThat(jobs.canUndo()).isFalse();
        jobs.redo();
        jobs.execute(job("d"));
        assertThat(jobs.canRedo()).isFalse();
        assertThat(jobs.undoDescription()).contains("d");
    }

    @Test
    void mergeableJobsBecomeOneStep() {
        JobManager jobs = new JobManager(10);
        class Typing implements Job {
            String text;

            Typing(String text) {
                this.text = text;
            }

            public void execute() {
                log.add("type " + text);
            }

            public void undo() {
                log.add("untype " + text);
            }

            public String description() {
                return "type";
            }

            public boolean mergeWith(Job next) {
                if (next instanceof Typing t) {
                    text = t.text;
                    return true;
                }
                return false;
            }
        }
        jobs.execute(new Typing("h"));
        jobs.execute(new Typing("hi"));
        jobs.undo();
        assertThat(jobs.canUndo()).isFalse();
        assertThat(log).endsWith("untype hi");
    }

    @Test
    void compoundJobUndoesInReverseOrder() {
        new CompoundJob("both", List.of(job("a"), job("b"))).undo();
        assertThat(log).containsExactly("undo b", "undo a");
    }
}
