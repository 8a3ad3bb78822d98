package dev.footwork.support.application;

import java.util.List;

/** The caller changed an older version of the thing than the one that exists now. */
public final class PreconditionFailed extends ApplicationException {

    public PreconditionFailed(String detail) {
        super("precondition-failed", detail, List.of());
    }
}
