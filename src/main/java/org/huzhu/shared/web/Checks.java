package org.huzhu.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every problem of a request before answering, so a client fixes them all at once. */
public final class Checks {

    private final List<FieldProblem> problems = new ArrayList<>();

    public Checks require(String field, Object value, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) add(field, "缺少" + label);
        return this;
    }

    public Checks check(boolean ok, String field, String message) {
        if (!ok) add(field, message);
        return this;
    }

    /** Runs a parser that throws IllegalArgumentException with a Chinese message; null when it failed. */
    public <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    public Checks add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }
}
