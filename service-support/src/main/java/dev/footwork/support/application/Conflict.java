package dev.footwork.support.application;

import java.util.List;

/** The command contradicts the state of what it changes: a superseded plan, a reused id. */
public final class Conflict extends ApplicationException {

    public Conflict(String detail) {
        this("conflict", detail);
    }

    public Conflict(String code, String detail) {
        super(code, detail, List.of());
    }
}
