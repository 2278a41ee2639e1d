package org.huzhu.shared.web;

/** One invalid field of a request: its path (as the client wrote it) and a Chinese message. */
public record FieldProblem(String field, String message) {
}
