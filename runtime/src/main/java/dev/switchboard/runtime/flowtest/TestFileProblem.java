package dev.switchboard.runtime.flowtest;

/** Something wrong with a test file, at a JSON pointer into it ({@code ""} for the whole file). */
public record TestFileProblem(String pointer, String message) {
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(file)" : pointer) + ": " + message;
    }
}
